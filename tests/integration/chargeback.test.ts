/**
 * `aispend report` on real Prometheus. The LiteLLM test bed (31 days up to 2026-10-31 12:00):
 * October as the last full month, whose sections each add up to its total, which equals
 * `aispend eval total_cost` over the month; the CSV parses and adds up the same; a team's total
 * is its eval; the bad inputs exit 1 with one line. A small synthetic Prometheus: a model with
 * traffic and spend, one whose spend is recorded as $0 and one without any spend series, which
 * the report names as unpriced usage.
 */
import { csvRecords } from '../../src/chargeback/testing/parseCsv';
import type { ChargebackReport } from '../../src/chargeback/types';
import { FAMILIES, FamilyId } from '../../src/engine/conventions';
import type { CanonicalSeries, Sample } from '../../src/engine/language';
import type { RunningPrometheus } from '../../scripts/testbed/prometheus';
import { SYNTHETIC_END_MS } from './canonicalData';
import { startSyntheticPrometheus } from './syntheticPrometheus';
import { testbed } from './testbed';
import { runCli } from './support/runCli';

jest.setTimeout(120_000);

/** October is the last full month on this day. */
const REPORT_TIME = '2026-11-05T08:00:00Z';
const OCTOBER = ['--month', '2026-10', '--time', REPORT_TIME];

const aispend = (...argv: string[]) => runCli(argv, Date.parse(REPORT_TIME));

async function evalTotal(url: string, formula: string, from: string, to: string): Promise<number> {
  const { code, out, err } = await aispend('eval', formula, '--prometheus', url, '--from', from, '--to', to, '--json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out).results[0].value;
}

async function jsonReport(...argv: string[]): Promise<ChargebackReport> {
  const { code, out, err } = await aispend('report', ...argv, '--format', 'json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out);
}

const sum = (rows: Array<{ spend: number }>) => rows.reduce((s, r) => s + r.spend, 0);

describe('the LiteLLM test bed', () => {
  const { url } = testbed('litellm');
  let october: ChargebackReport;

  beforeAll(async () => {
    october = await jsonReport('--prometheus', url, ...OCTOBER);
  });

  test("October's total is aispend eval total_cost over the month, and every section adds up to it", async () => {
    const evaluated = await evalTotal(url, 'total_cost', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
    expect(october.total).toBeGreaterThan(100);
    // the same one-minute samples; aispend eval sums them by tier (daily, hourly, minutes), so the
    // float sums may differ in the last digits
    expect(Math.abs(october.total - evaluated)).toBeLessThan(1e-9 * evaluated);
    for (const section of [october.teams, october.apiKeys, october.models, october.providers, october.daily]) {
      expect(Math.abs(sum(section) - october.total)).toBeLessThan(0.01);
    }
    expect(october.daily.map((d) => d.day)).toEqual(Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`));
    expect(october.teams.length).toBeGreaterThanOrEqual(4);
    expect(october.models.length).toBeGreaterThanOrEqual(10);
  });

  test('September has data for half a day: no percentage, and October says how much of it has data', () => {
    expect(october.totalChange).toEqual({ kind: 'withheld', note: 'previous period has data for 12 hours of 30 days' });
    expect(october.warnings).toContain('the period has data for 30.5 of 31 days: spend in the time without data is not in this report');
    expect(october.forecast).toEqual({ unavailable: 'a forecast is made for the current month only' });
  });

  test('the CSV parses and its sections add up to the same total', async () => {
    const { code, out } = await aispend('report', '--prometheus', url, ...OCTOBER, '--format', 'csv');
    expect(code).toBe(0);
    const records = csvRecords(out);
    const total = Number(records.find((r) => r.section === 'summary' && r.key === 'total')!.spend_usd);
    expect(total).toBe(october.total);
    for (const section of ['teams', 'api_keys', 'models', 'providers', 'daily']) {
      const rows = records.filter((r) => r.section === section);
      expect(rows.length).toBeGreaterThan(0);
      expect(Math.abs(rows.reduce((s, r) => s + Number(r.spend_usd), 0) - total)).toBeLessThan(0.01);
    }
  });

  test('proportional allocation keeps the total; a team report equals its eval', async () => {
    const proportional = await jsonReport('--prometheus', url, ...OCTOBER, '--allocate', 'proportional');
    expect(proportional.total).toBe(october.total);
    expect(Math.abs(sum(proportional.teams) - october.total)).toBeLessThan(0.01);
    const unallocated = proportional.teams.find((t) => t.key === '');
    expect(unallocated?.spend ?? 0).toBeCloseTo(0, 9);
    const platform = await jsonReport('--prometheus', url, ...OCTOBER, '--team', 'platform');
    expect(platform.total).toBe(await evalTotal(url, 'team["platform"].total_cost', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'));
    expect(Math.abs(sum(platform.models) - platform.total)).toBeLessThan(0.01);
  });

  test('an API-key report keeps its key, and adds up', async () => {
    const key = october.apiKeys.find((k) => k.key !== '')!.key;
    const report = await jsonReport('--prometheus', url, ...OCTOBER, '--api-key', key);
    expect(report.apiKeys.map((k) => k.key)).toEqual([key]);
    expect(report.total).toBeCloseTo(october.apiKeys.find((k) => k.key === key)!.spend, 6);
    for (const section of [report.teams, report.models, report.providers, report.daily]) {
      expect(Math.abs(sum(section) - report.total)).toBeLessThan(0.01);
    }
  });

  test('the markdown report prints the total', async () => {
    const { code, out } = await aispend('report', '--prometheus', url, ...OCTOBER);
    expect(code).toBe(0);
    expect(out).toContain('# AI spend chargeback — 2026-10 — all teams');
    expect(out).toContain(`- Total: **$${october.total.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}**`);
  });

  test.each([
    [['--month', '2026-12'], 'error: 2026-12 is in the future: the last full month is 2026-10\n'],
    [['--month', '2026-06'], 'error: no data for 2026-06: Prometheus has no recorded gateway series in that period\n'],
    [
      ['--month', '2026-09'],
      'error: 2026-09 starts before the oldest data in Prometheus (2026-09-30): its first 29 days have no data; choose a period from 2026-09-30 on\n',
    ],
    [['--month', '2026-10', '--team', 'no-such-team'], /^error: unknown team "no-such-team": no spend recorded for it in 2026-10 or 2026-09 \(teams with spend: .+\)\n$/],
    [['--month', '2026-10', '--api-key', 'sk-nope'], /^error: unknown API key "sk-nope": no spend recorded for it in 2026-10 or 2026-09 \(API keys with spend: .+\)\n$/],
  ])('%j: exit 1, one line, nothing on stdout', async (argv, message) => {
    const { code, out, err } = await aispend('report', '--prometheus', url, '--time', REPORT_TIME, ...argv, '--format', 'csv');
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
  });
});

describe('unpriced usage on a synthetic Prometheus', () => {
  const MINUTE = 60_000;
  const START_MS = SYNTHETIC_END_MS - 3 * 86_400_000;
  /** A sample every minute over the fixture's three days. */
  const everyMinute = (value: number): Sample[] =>
    Array.from({ length: (SYNTHETIC_END_MS - START_MS) / MINUTE }, (_, i) => [START_MS + (i + 1) * MINUTE, value] as Sample);
  const series = (family: FamilyId, model: string, extra: Record<string, string>, value: number): CanonicalSeries => ({
    name: FAMILIES[family].series,
    labels: { provider: model === 'gpt-priced' ? 'openai' : 'self-hosted', model, team: 'apps', ...extra },
    samples: everyMinute(value),
  });
  const FIXTURE = [
    series('spend', 'gpt-priced', {}, 0.125),
    series('tokens', 'gpt-priced', { type: 'input' }, 100),
    series('requests', 'gpt-priced', { status: 'success' }, 2),
    // LiteLLM without a price for the model: spend recorded, as $0
    series('spend', 'llama-unpriced', {}, 0),
    series('tokens', 'llama-unpriced', { type: 'input' }, 50),
    series('requests', 'llama-unpriced', { status: 'success' }, 1),
    // a source that writes no spend at all for it
    series('tokens', 'nospend', { type: 'output' }, 20),
    series('requests', 'nospend', { status: 'success' }, 1),
  ];
  let fixture: RunningPrometheus;

  beforeAll(async () => {
    fixture = await startSyntheticPrometheus(FIXTURE);
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  test('a day of the fixture: spend of the priced model only, the other two named with their tokens', async () => {
    const report = await jsonReport('--prometheus', fixture.url, '--from', '2026-10-30', '--to', '2026-10-30', '--time', '2026-10-31T12:00:00Z');
    expect(report.total).toBe(0.125 * 1440);
    expect(report.unpriced).toEqual([
      { provider: 'self-hosted', model: 'llama-unpriced', tokens: 50 * 1440, requests: 1440 },
      { provider: 'self-hosted', model: 'nospend', tokens: 20 * 1440, requests: 1440 },
    ]);
    expect(report.warnings).toEqual(['2 models used without a price: llama-unpriced, nospend — 101 k tokens']);
  });
});
