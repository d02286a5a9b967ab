/** @jest-environment node */
import {
  comparisonPeriods,
  coverageFromValues,
  coverageQuery,
  coverageResolutionSeconds,
  coverageSentence,
  coverageSpecFor,
  CoverageReading,
  CoverageSpec,
  coverageVerdict,
  CoverageVerdict,
  PercentChange,
  percentChange,
  PeriodCoverage,
  trailingDaysSpec,
} from './coverage';

const DAY = 86400;
const HOUR = 3600;
const REQ = 'aigateway:requests:increase1m';
const hourly = `group(present_over_time(${REQ}[3599999ms]))`;
const fiveMinutes = `group(present_over_time(${REQ}[299999ms]))`;
const named = (expr: string, period: string) => `label_replace(${expr}, "aispend_period", "${period}", "", "")`;

test.each<[string, CoverageSpec, string]>([
  [
    'the range alone (budget burn window of 7 days)',
    trailingDaysSpec(7),
    named(`count_over_time(${hourly}[604799999ms:3600s])`, 'current'),
  ],
  [
    '30 days and the 30 before',
    { windowSeconds: 30 * DAY, periods: 2 },
    [
      named(`count_over_time(${hourly}[2591999999ms:3600s])`, 'current'),
      named(`count_over_time(${hourly}[2591999999ms:3600s] offset 2592000s)`, 'previous'),
    ].join(' or '),
  ],
  [
    'three periods of a day (a growth KPI compared with its own previous value)',
    { windowSeconds: DAY, periods: 3 },
    [
      named(`count_over_time(${hourly}[86399999ms:3600s])`, 'current'),
      named(`count_over_time(${hourly}[86399999ms:3600s] offset 86400s)`, 'previous'),
      named(`count_over_time(${hourly}[86399999ms:3600s] offset 172800s)`, 'before_previous'),
    ].join(' or '),
  ],
  [
    'under a day: 5-minute steps',
    { windowSeconds: 6 * HOUR, periods: 2 },
    [
      named(`count_over_time(${fiveMinutes}[21599999ms:300s])`, 'current'),
      named(`count_over_time(${fiveMinutes}[21599999ms:300s] offset 21600s)`, 'previous'),
    ].join(' or '),
  ],
])('coverageQuery: %s', (_name, spec, promql) => {
  expect(coverageQuery(spec)).toBe(promql);
});

test.each([0, 4, 1.5])('coverageQuery refuses %p periods', (periods) => {
  expect(() => coverageQuery({ windowSeconds: DAY, periods })).toThrow(RangeError);
});

test.each<[number, number]>([
  [30 * DAY, HOUR],
  [DAY, HOUR],
  [DAY - 60, 300],
  [HOUR, 300],
])('resolution of a %p s period: %p s', (window, step) => {
  expect(coverageResolutionSeconds(window)).toBe(step);
});

test.each<[string, number, number, number]>([
  ['30 days', Date.UTC(2026, 9, 1, 12), Date.UTC(2026, 9, 31, 12), 30 * DAY],
  ['a range not in whole minutes is rounded up, as the KPI datasource does', 0, 90_500, 120],
])('coverageSpecFor: %s', (_name, fromMs, toMs, windowSeconds) => {
  expect(coverageSpecFor({ fromMs, toMs }, 2)).toEqual({ windowSeconds, periods: 2 });
});

const value = (period: string, steps: number) => ({ labels: { aispend_period: period }, value: steps });
const period = (p: PeriodCoverage['period'], spanSeconds: number, coveredSeconds: number): PeriodCoverage => ({
  period: p,
  spanSeconds,
  coveredSeconds,
  ratio: coveredSeconds / spanSeconds,
  complete: coveredSeconds / spanSeconds >= 0.9,
});

test.each<[string, Parameters<typeof coverageFromValues>[0], CoverageSpec, PeriodCoverage[]]>([
  [
    'a full current period, one day of the previous one',
    [value('current', 720), value('previous', 24)],
    { windowSeconds: 30 * DAY, periods: 2 },
    [period('current', 30 * DAY, 30 * DAY), period('previous', 30 * DAY, DAY)],
  ],
  [
    'a period without a series has no data',
    [value('current', 700)],
    { windowSeconds: 30 * DAY, periods: 2 },
    [period('current', 30 * DAY, 700 * HOUR), period('previous', 30 * DAY, 0)],
  ],
  [
    'exactly 90 % is enough; a step more than the span (unaligned range) is capped',
    [value('current', 649), value('previous', 648)],
    { windowSeconds: 30 * DAY, periods: 2 },
    [period('current', 30 * DAY, 649 * HOUR), { ...period('previous', 30 * DAY, 648 * HOUR), complete: true }],
  ],
  [
    'steps past the span count as the span',
    [value('current', 30)],
    { windowSeconds: 2 * HOUR, periods: 1 },
    [period('current', 2 * HOUR, 2 * HOUR)],
  ],
  [
    'a table row without the period label, NaN: nothing',
    [{ labels: {}, value: 720 }, value('current', NaN)],
    { windowSeconds: 30 * DAY, periods: 1 },
    [period('current', 30 * DAY, 0)],
  ],
])('coverageFromValues: %s', (_name, values, spec, expected) => {
  expect(coverageFromValues(values, spec)).toEqual(expected);
});

test('647 of 720 hours (89.9 %) is not enough', () => {
  expect(coverageFromValues([value('current', 647)], { windowSeconds: 30 * DAY, periods: 1 })[0].complete).toBe(false);
});

test.each<[string, PeriodCoverage]>([
  ['previous period has data for 1 of 30 days', period('previous', 30 * DAY, DAY)],
  ['previous period has data for 1.5 of 30 days', period('previous', 30 * DAY, 36 * HOUR)],
  ['current period has data for 26.2 of 30 days', period('current', 30 * DAY, 26 * DAY + 4 * HOUR)],
  ['previous period has data for 0 of 30 days', period('previous', 30 * DAY, 0)],
  ['previous period has data for 5 hours of 30 days', period('previous', 30 * DAY, 5 * HOUR)],
  ['current period has data for 1 hour of 7 days', period('current', 7 * DAY, HOUR)],
  ['period before the previous one has data for 12 hours of 2 days', period('before_previous', 2 * DAY, 12 * HOUR)],
  ['previous period has data for 7 of 24 hours', period('previous', DAY, 7 * HOUR)],
  ['previous period has data for 25 of 60 minutes', period('previous', HOUR, 1500)],
  ['previous period has data for 5 minutes of 6 hours', period('previous', 6 * HOUR, 300)],
])('coverageSentence: %s', (sentence, coverage) => {
  expect(coverageSentence(coverage)).toBe(sentence);
});

const known = (...periods: PeriodCoverage[]): CoverageReading => ({ state: 'known', periods });
const full = (p: PeriodCoverage['period']) => period(p, 30 * DAY, 30 * DAY);

test.each<[string, CoverageReading, number, CoverageVerdict]>([
  ['both periods full', known(full('current'), full('previous')), 2, { comparable: true }],
  [
    'the previous period is one day of 30',
    known(full('current'), period('previous', 30 * DAY, DAY)),
    2,
    { comparable: false, note: 'previous period has data for 1 of 30 days' },
  ],
  [
    'both short: both said',
    known(period('current', 30 * DAY, 20 * DAY), period('previous', 30 * DAY, 0)),
    2,
    { comparable: false, note: 'current period has data for 20 of 30 days; previous period has data for 0 of 30 days' },
  ],
  [
    'the range alone is enough for one period',
    known(full('current'), period('previous', 30 * DAY, 0)),
    1,
    { comparable: true },
  ],
  [
    'a growth KPI compared with its own previous value needs the period before the previous one',
    known(full('current'), full('previous'), period('before_previous', 30 * DAY, 15 * DAY)),
    3,
    { comparable: false, note: 'period before the previous one has data for 15 of 30 days' },
  ],
  [
    'three periods asked, two checked',
    known(full('current'), full('previous')),
    3,
    { comparable: false, note: 'no comparison: the coverage of the earlier periods was not checked' },
  ],
  [
    'still checking',
    { state: 'checking' },
    2,
    { comparable: false, note: 'checking how much of each period has data' },
  ],
  [
    'the query failed',
    { state: 'failed', message: 'Prometheus returned HTTP 503' },
    2,
    {
      comparable: false,
      note: 'no comparison: how much of each period has data is unknown (Prometheus returned HTTP 503)',
    },
  ],
])('coverageVerdict: %s', (_name, reading, periods, verdict) => {
  expect(coverageVerdict(reading, periods)).toEqual(verdict);
});

const fine: CoverageVerdict = { comparable: true };
const short: CoverageVerdict = { comparable: false, note: 'previous period has data for 1 of 30 days' };

test.each<[string, number | null, number | null, CoverageVerdict, PercentChange]>([
  ['up 20 %', 120, 100, fine, { kind: 'percent', percent: 20 }],
  ['down 20 %', 80, 100, fine, { kind: 'percent', percent: -20 }],
  ['a negative base compares by its size', -50, -100, fine, { kind: 'percent', percent: 50 }],
  ['nothing before, something now: new', 50, 0, fine, { kind: 'new' }],
  ['nothing before and now: no change', 0, 0, fine, { kind: 'percent', percent: 0 }],
  ['the 2537.9 % of a one-day previous period is withheld', 26379, 998, short, { kind: 'withheld', note: short.note }],
  ['under-covered and nothing before: withheld, not new', 50, 0, short, { kind: 'withheld', note: short.note }],
  ['no previous value', 50, null, fine, { kind: 'none' }],
  ['no current value', null, 50, short, { kind: 'none' }],
  ['NaN is no value', NaN, 50, fine, { kind: 'none' }],
])('percentChange: %s', (_name, current, previous, verdict, expected) => {
  expect(percentChange(current, previous, verdict)).toEqual(expected);
});

test.each<[string, number]>([
  ['total_cost', 2],
  ['total_cost / total_inferences', 2],
  ['(total_cost - previous.total_cost) / previous.total_cost * 100', 3],
  ['team["a"].previous.total_cost', 3],
  ['total_cost +', 2],
])('comparisonPeriods(%s) = %p', (formula, periods) => {
  expect(comparisonPeriods(formula)).toBe(periods);
});

describe('coverageQuery with the tier clock', () => {
  const at = Date.UTC(2026, 10, 30, 12, 34, 56);
  const hoursBack = (n: number) =>
    new Set(Array.from({ length: n }, (_, i) => Date.UTC(2026, 10, 30, 12) - i * 3_600_000));
  const tiers = (hours: Set<number>) => ({
    marks: { hour: hours, day: new Set<number>() },
    firstEvalMs: at,
    stepMs: 0,
    count: 1,
  });
  const spec = { windowSeconds: 30 * DAY, periods: 2 };

  test('hourly buckets written for every hour of the periods: the hourly tier, one sample an hour', () => {
    expect(coverageQuery(spec, tiers(hoursBack(24 * 61)))).toBe(
      coverageQuery(spec).replaceAll('aigateway:requests:increase1m', 'aigateway:requests:increase1h')
    );
  });

  const minute = (rangeMs: number, offset: string) =>
    `count_over_time(group(present_over_time(aigateway:requests:increase1m[3599999ms]))[${rangeMs}ms:3600s]${offset})`;
  const hourly = (rangeMs: number, offset: string) =>
    `count_over_time(group(present_over_time(aigateway:requests:increase1h[3599999ms]))[${rangeMs}ms:3600s]${offset})`;
  const parts = (a: string, b: string) =>
    `sum(label_replace(${a}, "aispend_tier_part", "0", "", "") or label_replace(${b}, "aispend_tier_part", "1", "", ""))`;
  const period = (q: string, name: string) => `label_replace(${q}, "aispend_period", "${name}", "", "")`;

  test('tier rules younger than the periods: the one-minute tier before the first hourly bucket, the hourly tier after', () => {
    // buckets for the last 45 days: the first at 12:00 − 1,079 h, 1,079 h 34 min 56 s before the evaluation
    expect(coverageQuery(spec, tiers(hoursBack(24 * 45)))).toBe(
      `${period(hourly(2_591_999_999, ''), 'current')} or ` +
        period(parts(minute(1_297_503_999, ' offset 3886496s'), hourly(1_294_495_999, ' offset 2592000s')), 'previous')
    );
  });

  test('one hour without a bucket (a restart across the hour mark): the one-minute tier up to the gap', () => {
    const holed = new Set([...hoursBack(24 * 61)].filter((h) => h !== Date.UTC(2026, 10, 20, 3)));
    // the first bucket after the gap: 04:00 on the 20th, 10 d 8 h 34 min 56 s before the evaluation
    expect(coverageQuery(spec, tiers(holed))).toBe(
      `${period(parts(minute(1_697_103_999, ' offset 894896s'), hourly(894_895_999, '')), 'current')} or ` +
        period(minute(2_591_999_999, ' offset 2592000s'), 'previous')
    );
  });

  test('under a day (5-minute resolution): the one-minute tier', () => {
    const short = { windowSeconds: 6 * 3600, periods: 2 };
    expect(coverageQuery(short, tiers(hoursBack(24 * 61)))).toBe(coverageQuery(short));
  });
});
