/**
 * Tier edges on a real Prometheus (issue 15): the LiteLLM test history went through the shipped
 * rules, the hourly and daily tiers included. Every KPI window the planner cuts into daily,
 * hourly and one-minute parts must return what the one-minute tier alone returns (the same
 * one-minute samples, summed in another order), at evaluation times on, just after and between
 * hour and day marks, for windows from 1 h to the whole history, current and previous periods,
 * instant and range queries, grouped or not; and the spend totals stay within 1 % of
 * `sum(increase(raw[W]))`. The differential test holds the one-minute tier to the reference
 * evaluator, so this closes the chain.
 */
import { fetchTierMarks } from '../../src/cli/tierMarksHttp';
import { instantQuery, promNumber, rangeQuery } from '../../src/cli/prometheusHttp';
import type { GroupByLabel } from '../../src/engine/conventions';
import { compileToPromQL, EvaluationOptions } from '../../src/engine/language';
import { settledShiftMs, type TierContext } from '../../src/engine/tierPlan';
import type { TierMarks } from '../../src/engine/tiers';
import { testbed, TEST_END_MS } from './testbed';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const url = () => testbed('litellm').url;

/** On a mark, 30 s and 61 s after one, mid-hour at an odd millisecond, just after midnight, days back. */
const EVAL_TIMES: Array<[string, number]> = [
  ['on the hour', TEST_END_MS],
  ['30 s before the hour', TEST_END_MS - 30_000],
  ['61 s after an hour mark', TEST_END_MS - HOUR + 61_000],
  ['mid-hour', TEST_END_MS - 9_433_500],
  ['30 s after midnight', TEST_END_MS - 12 * HOUR + 30_000],
  ['3 days and 17 minutes back', TEST_END_MS - 3 * DAY - 17 * 60_000],
];
const WINDOWS: Array<[string, number]> = [
  ['1h', HOUR],
  ['3h', 3 * HOUR],
  ['1d', DAY],
  ['7d', 7 * DAY],
  ['30d', 30 * DAY],
  ['90d', 90 * DAY],
];
const FORMULAS: Array<[string, GroupByLabel[]]> = [
  ['total_cost', []],
  ['total_cost', ['team']],
  ['total_cost', ['user']],
  ['failed_inferences / total_inferences * 100', ['provider']],
  ['previous.total_cost - total_cost', []],
  ['total_tokens', ['model']],
];

let marks: TierMarks;
beforeAll(async () => {
  marks = await fetchTierMarks(url(), TEST_END_MS - 100 * DAY, TEST_END_MS);
});

const keyOf = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());

function compile(formula: string, options: EvaluationOptions): string {
  const compiled = compileToPromQL(formula, options);
  if (!compiled.ok) {
    throw new Error(compiled.diagnostics[0].message);
  }
  return compiled.promql;
}

function close(a: number, b: number): boolean {
  return Number.isNaN(a) ? Number.isNaN(b) : a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Both answers as `labels@time → value`, and whether they agree. */
function agree(tiered: Map<string, number>, minute: Map<string, number>): string[] {
  const out: string[] = [];
  for (const key of new Set([...tiered.keys(), ...minute.keys()])) {
    const [t, m] = [tiered.get(key), minute.get(key)];
    if (t === undefined || m === undefined ? t !== m : !close(t, m)) {
      out.push(`${key}: tiers ${t ?? 'missing'}, one-minute ${m ?? 'missing'}`);
    }
  }
  return out;
}

async function instantValues(promql: string, atMs: number): Promise<Map<string, number>> {
  return new Map((await instantQuery(url(), promql, atMs / 1000)).map((s) => [keyOf(s.metric), promNumber(s.value![1])]));
}

test('the clock shows every hourly and daily mark of the history', () => {
  const hours = [...marks.hour].filter((m) => m <= TEST_END_MS);
  expect(hours.length).toBeGreaterThanOrEqual(30 * 24);
  expect(marks.day.size).toBeGreaterThanOrEqual(29);
  expect(Math.max(...marks.hour)).toBe(TEST_END_MS);
});

describe.each(EVAL_TIMES)('instant, %s', (_, atMs) => {
  test.each(WINDOWS)('%s: the tiered query equals the one-minute tier, for every formula and grouping', async (window, windowMs) => {
    const tiers: TierContext = { marks: { hour: new Set([...marks.hour].filter((m) => m <= atMs)), day: new Set([...marks.day].filter((m) => m <= atMs)) }, firstEvalMs: Math.floor(atMs / 1000) * 1000, stepMs: 0, count: 1 };
    const failures: string[] = [];
    let coarse = 0;
    for (const [formula, groupBy] of FORMULAS) {
      const options: EvaluationOptions = { mode: 'instant', windowSeconds: windowMs / 1000, groupBy };
      const tiered = compile(formula, { ...options, tiers });
      coarse += /increase1[hd]/.test(tiered) ? 1 : 0;
      const [a, b] = await Promise.all([instantValues(tiered, tiers.firstEvalMs), instantValues(compile(formula, options), tiers.firstEvalMs)]);
      // a previous period before the 31-day history has nothing on either side
      expect(b.size > 0 || (formula.startsWith('previous') && 2 * windowMs > TEST_END_MS - atMs + 31 * DAY - 2 * DAY)).toBe(true);
      failures.push(...agree(a, b).map((d) => `${formula} by ${groupBy.join(',') || '-'} ${window}: ${d}`));
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // windows of a few hours or more read the coarser tiers; an hour at most reads one-minute samples only
    expect(coarse > 0).toBe(windowMs > 2 * HOUR);
  });
});

test.each([
  ['1d steps over 20 days at midnights', DAY, TEST_END_MS - 12 * HOUR - 20 * DAY, TEST_END_MS - 12 * HOUR, true],
  ['1h steps over 2 days', HOUR, TEST_END_MS - 2 * DAY, TEST_END_MS, false],
  ['6h steps over 10 days, off the hour by 7 minutes', 6 * HOUR, TEST_END_MS - 10 * DAY + 7 * 60_000, TEST_END_MS - 7 * 60_000, true],
])('range, %s: every point equals the one-minute tier', async (_, stepMs, startMs, endMs, readsHours) => {
  const count = (endMs - startMs) / stepMs + 1;
  const tiers: TierContext = { marks, firstEvalMs: startMs, stepMs, count };
  for (const [formula, groupBy] of FORMULAS.filter(([f]) => !f.startsWith('previous'))) {
    const options: EvaluationOptions = { mode: 'range', stepSeconds: stepMs / 1000, groupBy };
    const tiered = compile(formula, { ...options, tiers });
    expect(/increase1h/.test(tiered)).toBe(readsHours);
    const points = async (promql: string) => {
      const out = new Map<string, number>();
      for (const s of await rangeQuery(url(), promql, startMs / 1000, endMs / 1000, stepMs / 1000)) {
        for (const [t, v] of s.values ?? []) {
          out.set(`${keyOf(s.metric)}@${t}`, promNumber(v));
        }
      }
      return out;
    };
    const [a, b] = await Promise.all([points(tiered), points(compile(formula, options))]);
    expect(b.size).toBeGreaterThan(count - 1);
    expect(agree(a, b).slice(0, 5)).toEqual([]);
  }
});

test.each([
  ['1d steps over 20 days at midnights', DAY, TEST_END_MS - 12 * HOUR - 20 * DAY, TEST_END_MS - 12 * HOUR],
  ['6h steps over 10 days', 6 * HOUR, TEST_END_MS - 10 * DAY, TEST_END_MS],
])('settled range, %s: hour buckets only, every point equals the one-minute tier 61 min earlier', async (_, stepMs, startMs, endMs) => {
  const count = (endMs - startMs) / stepMs + 1;
  const unshifted: TierContext = { marks, firstEvalMs: startMs, stepMs, count };
  const shift = settledShiftMs(unshifted);
  expect(shift).toBe(HOUR + 60_000);
  const tiers = { ...unshifted, endShiftMs: shift! };
  const points = async (promql: string, shiftMs: number) => {
    const out = new Map<string, number>();
    for (const s of await rangeQuery(url(), promql, (startMs - shiftMs) / 1000, (endMs - shiftMs) / 1000, stepMs / 1000)) {
      for (const [t, v] of s.values ?? []) {
        // the settled point evaluated at t is plotted at t − shift
        out.set(`${keyOf(s.metric)}@${t - (shift! - shiftMs) / 1000}`, promNumber(v));
      }
    }
    return out;
  };
  for (const [formula, groupBy] of FORMULAS) {
    const options: EvaluationOptions = { mode: 'range', stepSeconds: stepMs / 1000, groupBy };
    const settled = compile(formula, { ...options, tiers });
    expect(settled).not.toMatch(/increase1m/);
    const [a, b] = await Promise.all([points(settled, 0), points(compile(formula, options), shift!)]);
    expect(b.size).toBeGreaterThan(count - 1);
    expect(agree(a, b).slice(0, 5)).toEqual([]);
  }
});

test.each([
  ['7d', 7 * DAY],
  ['30d', 30 * DAY],
])('spend over %s from the tiers is within 1 %% of sum(increase(raw))', async (window, windowMs) => {
  const atMs = TEST_END_MS - 9_433_500;
  const tiers: TierContext = { marks, firstEvalMs: atMs, stepMs: 0, count: 1 };
  const tiered = [...(await instantValues(compile('total_cost', { mode: 'instant', windowSeconds: windowMs / 1000, groupBy: [], tiers }), atMs)).values()][0];
  const raw = [...(await instantValues(`sum(increase(litellm_spend_metric_total[${window}]))`, atMs)).values()][0];
  expect(raw).toBeGreaterThan(0);
  expect(Math.abs(tiered - raw) / raw).toBeLessThan(0.01);
});
