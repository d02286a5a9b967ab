import { buildChargebackReport } from './report';
import { hoursPerDay, instant, novemberAnswers, NOW, range, t } from './testing/answers';
import type { AllocationRule, ChargebackReport, ChargebackRequest, ChargebackResults, ChargebackScope } from './types';

const NOV = { kind: 'month', month: '2026-11' } as const;
const request = (scope: ChargebackScope = { kind: 'all' }, allocation: AllocationRule = 'unallocated'): ChargebackRequest => ({
  period: NOV,
  scope,
  allocation,
});

function report(req: ChargebackRequest, results: ChargebackResults = novemberAnswers()): ChargebackReport {
  const outcome = buildChargebackReport(req, results, NOW);
  if (!outcome.ok) {
    throw new Error(outcome.problems.map((p) => p.message).join('; '));
  }
  return outcome.report;
}

const rows = (section: Array<{ key: string; spend: number; sharePercent: number | null; change: unknown }>) =>
  section.map((r) => [r.key, r.spend, r.sharePercent, r.change]);
const pct = (percent: number) => ({ kind: 'percent', percent });
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

describe('a full month for all teams', () => {
  const r = report(request());

  test('total, previous total and change', () => {
    expect([r.total, r.charged, r.previousTotal, r.totalChange, r.scopeLabel, r.period.label]).toEqual([100, 100, 80, pct(25), 'all teams', '2026-11']);
  });

  test.each([
    ['teams', [['a', 60, 60, pct(20)], ['b', 30, 30, pct(0)], ['', 10, 10, { kind: 'new' }]]],
    ['apiKeys', [['k1', 70, 70, pct((10 / 60) * 100)], ['k2', 25, 25, pct(25)], ['', 5, 5, { kind: 'new' }]]],
    ['models', [['m1', 75, 75, pct(-6.25)], ['m2', 25, 25, { kind: 'new' }]]],
    ['providers', [['openai', 100, 100, pct(25)]]],
  ] as const)('%s rows: key, spend, share, change', (section, expected) => {
    expect(rows(r[section])).toEqual(expected);
  });

  test('the Unallocated row is named', () => {
    expect(r.teams.map((row) => row.label)).toEqual(['a', 'b', 'Unallocated']);
    expect(r.apiKeys.map((row) => row.label)).toEqual(['k1', 'k2', '(no API key)']);
  });

  test('daily rows: 30 days adding up to the total, each vs the day before', () => {
    expect(r.daily).toHaveLength(30);
    expect(r.daily[0]).toEqual({ day: '2026-11-01', startSec: t('2026-11-01T00:00:00Z'), spend: 3, sharePercent: 3, coverage: 1, previous: 2.5, change: pct(20) });
    expect(r.daily[29]).toMatchObject({ day: '2026-11-30', spend: 13, previous: 3, change: pct((10 / 3) * 100) });
    expect(sum(r.daily.map((d) => d.spend))).toBeCloseTo(100, 9);
  });

  test('anomalies inside the period; a past month has no forecast', () => {
    expect(r.anomalies).toEqual([
      { provider: 'openai', model: 'm1', team: 'a', firstDetectedSec: t('2026-11-20T13:00:00Z'), anomalousHours: 5, peakDailyRate: 14, deviationPercent: 250 },
    ]);
    expect(r.forecast).toEqual({ unavailable: 'a forecast is made for the current month only' });
  });

  test('unpriced usage is a warning and a list', () => {
    expect(r.unpriced).toEqual([{ provider: 'self-hosted', model: 'llama-x', tokens: 4_200_000, requests: 900 }]);
    expect(r.warnings).toEqual(['1 model used without a price: llama-x — 4.20 M tokens']);
  });
});

describe('allocation of spend without a team', () => {
  test.each<[AllocationRule, Array<[string, number, number, number]>]>([
    ['unallocated', [['a', 60, 0, 60], ['b', 30, 0, 30], ['', 10, 0, 10]]],
    ['proportional', [['a', 60, 20 / 3, 60 + 20 / 3], ['b', 30, 10 / 3, 30 + 10 / 3], ['', 10, -10, 0]]],
    [{ team: 'b' }, [['a', 60, 0, 60], ['b', 30, 10, 40], ['', 10, -10, 0]]],
  ])('%j: key, recorded, allocated, spend; rows add up to the total', (rule, expected) => {
    const r = report(request({ kind: 'all' }, rule));
    const got = r.teams.map((row) => [row.key, row.recorded, row.allocated, row.spend]);
    expect(got.map((g) => g[0])).toEqual(expected.map((e) => e[0]));
    got.forEach((g, i) => expected[i].slice(1).forEach((value, j) => expect(g[j + 1]).toBeCloseTo(value as number, 9)));
    expect(sum(r.teams.map((row) => row.spend))).toBeCloseTo(r.total, 9);
    expect(r.allocation).toEqual({ rule, unallocated: 10, allocatedToScope: 0, note: undefined });
  });

  test("a team's report adds its share of everyone's unteamed spend to what it is charged", () => {
    const answers = { ...novemberAnswers(), total: instant([{}, 30]) };
    const r = report(request({ kind: 'team', team: 'b' }, 'proportional'), answers);
    expect(r.teams.map((row) => [row.key, row.recorded, row.spend])).toEqual([['b', 30, 30 + 10 / 3]]);
    expect([r.total, r.charged, r.allocation.allocatedToScope]).toEqual([30, 30 + 10 / 3, 10 / 3]);
    expect(r.teams[0].sharePercent).toBe(100);
  });
});

describe('honest comparisons', () => {
  test('a previous period with data for 10 of 31 days: no percentages, the note says why', () => {
    const r = report(request(), { ...novemberAnswers(), previousCoverage: instant([{ aispend_period: 'current' }, 240]) });
    const note = 'previous period has data for 10 of 31 days';
    expect(r.totalChange).toEqual({ kind: 'withheld', note });
    expect(r.models.map((m) => m.change)).toEqual([
      { kind: 'withheld', note },
      { kind: 'withheld', note },
    ]);
    expect(r.coverage.previous).toMatchObject({ period: 'previous', ratio: 240 / 744, complete: false });
  });

  test('a day without data has no percentage, nor has the day after it', () => {
    const r = report(request(), { ...novemberAnswers(), dailyCoverage: range(hoursPerDay([10])), coverage: instant([{ aispend_period: 'current' }, 696]) });
    expect(r.daily[9].change).toEqual({ kind: 'withheld', note: 'this day has data for 0 of 24 hours' });
    expect(r.daily[10].change).toEqual({ kind: 'withheld', note: 'the day before has data for 0 of 24 hours' });
    expect(r.daily[11].change).toEqual(pct(0));
    expect(r.warnings).toContain('the period has data for 29 of 30 days: spend in the time without data is not in this report');
  });
});

describe('API-key scope', () => {
  const keyed = (rows: Array<[Record<string, string>, number]>) => instant(...rows);
  const answers: ChargebackResults = {
    ...novemberAnswers(),
    total: keyed([[{ api_key: 'k1' }, 70], [{ api_key: 'k2' }, 25]]),
    previousTotal: keyed([[{ api_key: 'k1' }, 60]]),
    teams: keyed([[{ team: 'a', api_key: 'k1' }, 50], [{ team: '', api_key: 'k1' }, 20], [{ team: 'b', api_key: 'k2' }, 25]]),
    previousTeams: keyed([[{ team: 'a', api_key: 'k1' }, 60]]),
    models: keyed([[{ model: 'm1', api_key: 'k1' }, 70], [{ model: 'm1', api_key: 'k2' }, 25]]),
    previousModels: keyed([[{ model: 'm1', api_key: 'k1' }, 60]]),
    providers: keyed([[{ provider: 'openai', api_key: 'k1' }, 70]]),
    previousProviders: keyed([]),
    daily: range({ labels: { api_key: 'k1' }, points: Array.from({ length: 31 }, (_, i) => ({ timeSec: t('2026-11-01T00:00:00Z') + i * 86400, value: i === 0 ? 0 : 70 / 30 })) }),
  };
  const r = report(request({ kind: 'api_key', apiKey: 'k1' }, 'proportional'), answers);

  test("keeps the key's rows only", () => {
    expect([r.total, r.previousTotal, r.scopeLabel]).toEqual([70, 60, 'API key k1']);
    expect(rows(r.apiKeys)).toEqual([['k1', 70, 100, pct((10 / 60) * 100)]]);
    expect(rows(r.models)).toEqual([['m1', 70, 100, pct((10 / 60) * 100)]]);
    expect(r.teams.map((row) => [row.key, row.spend])).toEqual([['a', 70], ['', 0]]);
    expect(sum(r.daily.map((d) => d.spend))).toBeCloseTo(70, 9);
  });

  test('per-model sections are unavailable, with the reason', () => {
    expect(r.anomalies).toEqual({ unavailable: 'anomalies are recorded per model and team, not per API key' });
    expect(r.unpriced).toEqual({ unavailable: 'token counts carry no API key' });
  });
});

test('an API-key section missing part of the total gets a residual row (spend without spender data)', () => {
  const r = report(request(), { ...novemberAnswers(), apiKeys: instant([{ api_key: 'k1' }, 70]) });
  expect(r.apiKeys.map((row) => [row.label, row.spend, row.residual])).toEqual([
    ['k1', 70, undefined],
    ['(not attributed to an API key)', 30, true],
  ]);
});

test('sections that do not add up are said so (data arrived while the report ran)', () => {
  const r = report(request(), { ...novemberAnswers(), models: instant([{ model: 'm1' }, 75], [{ model: 'm2' }, 25.5]) });
  expect(r.warnings).toContain('the model rows add up to 100.50 USD, not the total 100.00 USD: data arrived while the report ran; run it again');
});

describe('the running month', () => {
  const DEC_START = t('2026-12-01T00:00:00Z');
  const END = t('2026-12-15T10:20:00Z');
  const days = (value: (i: number) => number) => ({ labels: {}, points: Array.from({ length: 15 }, (_, i) => ({ timeSec: DEC_START + i * 86400, value: value(i) })) });
  const answers: ChargebackResults = {
    ...novemberAnswers(),
    total: instant([{}, 14 * 5 + 2]),
    previousTotal: instant([{}, 60]),
    teams: instant([{ team: 'a' }, 72]),
    apiKeys: instant([{ api_key: 'k1' }, 72]),
    models: instant([{ model: 'm1' }, 72]),
    providers: instant([{ provider: 'openai' }, 72]),
    daily: range(days(() => 5)),
    dailyCoverage: range({ ...days(() => 24), labels: { aispend_period: 'current' } }),
    dailyPartial: instant([{}, 2]),
    dailyPartialCoverage: instant([{ aispend_period: 'current' }, 124]),
    coverage: instant([{ aispend_period: 'current' }, 346]),
    previousCoverage: instant([{ aispend_period: 'current' }, 346]),
    forecastDaily: range({ labels: { model: 'm1' }, points: Array.from({ length: 7 }, (_, i) => ({ timeSec: END - (6 - i) * 86400, value: 5 })) }),
    forecastMonthToDate: instant([{ model: 'm1' }, 72]),
  };
  const r = report({ period: { kind: 'month', month: '2026-12' }, scope: { kind: 'all' }, allocation: 'unallocated' }, answers);

  test('today is its own row, still running', () => {
    expect(r.daily).toHaveLength(15);
    expect(r.daily[14]).toEqual({
      day: '2026-12-15',
      startSec: t('2026-12-15T00:00:00Z'),
      spend: 2,
      sharePercent: (2 / 72) * 100,
      coverage: 1,
      previous: 5,
      change: { kind: 'withheld', note: 'the day is still running' },
    });
    expect(sum(r.daily.map((d) => d.spend))).toBe(72);
  });

  test('the forecast projects the month end from the trailing 7 days', () => {
    const daysLeft = (t('2027-01-01T00:00:00Z') - END) / 86400;
    expect(r.forecast).toEqual({
      rows: [{ model: 'm1', monthToDate: 72, projectedMonthEnd: 72 + 5 * daysLeft, forecastDailyRate: 5, trend: 'stable', shortHistory: false, sharePercent: 100 }],
      projectedTotal: 72 + 5 * daysLeft,
      monthToDate: 72,
      daysLeft,
    });
  });
});

describe('no report, a problem instead', () => {
  const withAnswers = (overrides: ChargebackResults) => ({ ...novemberAnswers(), ...overrides });
  test.each<[string, ChargebackRequest, ChargebackResults, string, string]>([
    [
      'a month in the future',
      { ...request(), period: { kind: 'month', month: '2027-03' } },
      {},
      'future-period',
      '2027-03 is in the future: the last full month is 2026-11',
    ],
    ['an answer missing', request(), withAnswers({ daily: undefined }), 'missing-result', "no answer to the report's queries daily"],
    [
      'no data in the period',
      request(),
      withAnswers({ coverage: instant(), dailyCoverage: range(), total: instant() }),
      'empty-period',
      'no data for 2026-11: Prometheus has no recorded gateway series in that period',
    ],
    [
      'the period starts before the oldest data',
      request(),
      withAnswers({ previousCoverage: instant(), dailyCoverage: range(hoursPerDay([0, 1, 2, 3, 4, 5])) }),
      'before-retention',
      '2026-11 starts before the oldest data in Prometheus (2026-11-06): its first 5 days have no data; choose a period from 2026-11-06 on',
    ],
    [
      'an unknown team',
      request({ kind: 'team', team: 'zz' }),
      novemberAnswers(),
      'unknown-team',
      'unknown team "zz": no spend recorded for it in 2026-11 or 2026-10 (teams with spend: a, b)',
    ],
    [
      'a team quiet this month',
      request({ kind: 'team', team: 'old' }),
      withAnswers({ previousTeams: instant([{ team: 'old' }, 4]) }),
      'empty-period',
      'team "old" has no spend in 2026-11 (it had in 2026-10)',
    ],
    [
      'an unknown API key',
      request({ kind: 'api_key', apiKey: 'sk-nope' }),
      novemberAnswers(),
      'unknown-api-key',
      'unknown API key "sk-nope": no spend recorded for it in 2026-11 or 2026-10 (API keys with spend: k1, k2)',
    ],
    [
      'data, but no spend',
      request(),
      withAnswers({ total: instant() }),
      'empty-period',
      'no spend recorded for all teams in 2026-11 (1 model used without a price: llama-x — 4.20 M tokens)',
    ],
    [
      'a spend of 0',
      request(),
      withAnswers({ total: instant([{}, 0]), unpricedTokens: instant(), unpricedRequests: instant() }),
      'empty-period',
      'no spend recorded for all teams in 2026-11',
    ],
  ])('%s', (_, req, results, kind, message) => {
    expect(buildChargebackReport(req, results, NOW)).toEqual({ ok: false, problems: [{ kind, message }] });
  });
});
