/**
 * The Forecasts & anomalies page's queries on the real Prometheus of the LiteLLM test bed (31 days
 * of demo history, one injected spend anomaly on 2026-10-27 10:00–13:00 UTC): Prometheus accepts
 * them, and their numbers equal the pure functions' results on the raw daily series queried from
 * the same Prometheus, within 1e-6 relative.
 *
 * The test bed backfills recording rules after the canonical group for its last day only, so the
 * 30-day baselines are not stored there. The anomaly queries are therefore also run with every
 * recorded series replaced by its rule's expression: Prometheus then evaluates the same
 * avg / stddev / count subqueries over the history that exists.
 */
import { anomalyTableQueries, AnomalyCandidate, AnomalyRow, baselineStats, detectAnomalies } from '../../src/analysis/anomalies';
import { DailyPoint, forecastByModel, forecastQueries, ModelForecast, utcMonthOf } from '../../src/analysis/forecast';
import { classifyTrend } from '../../src/analysis/trend';
import { instantQuery, PromSeries, promNumber, rangeQuery } from '../../src/cli/prometheusHttp';
import { ANALYSIS_SERIES } from '../../src/engine/conventions';
import { anomalyRuleGroups } from '../../src/rules/anomalyRules';
import { RecordingRule } from '../../src/rules/profile';
import { testbed } from './testbed';

// real Prometheus queries over 31 days of history, on a machine that may be busy
jest.setTimeout(120_000);

const DAY = 86400;
const UTC = (month: number, day: number, hour = 0) => Date.UTC(2026, month - 1, day, hour) / 1000;

function expectClose(actual: number, expected: number, scale = Math.max(Math.abs(actual), Math.abs(expected))) {
  if (actual === expected) {
    return;
  }
  expect([actual, expected, Math.abs(actual - expected) <= 1e-6 * scale]).toEqual([actual, expected, true]);
}

const instant = async (query: string, timeSec: number) => instantQuery(testbed('litellm').url, query, timeSec);
const valueOf = (s: PromSeries) => promNumber(s.value![1]);
const byLabel = (series: PromSeries[], label: string) => new Map(series.map((s) => [s.metric[label] ?? '', valueOf(s)]));

/* ---------- forecast ---------- */

/** Prometheus' own figures per model over the same 7 daily points: evaluated at a midnight, the subquery steps are those points. */
async function prometheusFit(daily: string, nowSec: number) {
  const points = `(${daily})[6d:1d]`;
  const [slope, now, mean, days] = await Promise.all(
    [`deriv(${points}) * ${DAY}`, `predict_linear(${points}, 0)`, `avg_over_time(${points})`, `count_over_time(${points})`].map((q) =>
      instant(q, nowSec)
    )
  );
  return { slope: byLabel(slope, 'model'), now: byLabel(now, 'model'), mean: byLabel(mean, 'model'), days: byLabel(days, 'model') };
}

async function forecastsAt(nowSec: number): Promise<{ forecasts: ModelForecast[]; daily: string }> {
  const { daily, monthToDate } = forecastQueries(nowSec * 1000);
  const [series, mtd] = await Promise.all([
    rangeQuery(testbed('litellm').url, daily.expr, daily.startSec, daily.endSec, daily.stepSec),
    instant(monthToDate.expr, monthToDate.timeSec),
  ]);
  const points = new Map<string, DailyPoint[]>(
    series.map((s) => [s.metric.model ?? '', s.values!.map(([t, v]) => ({ timeSec: t, value: promNumber(v) }))])
  );
  return { forecasts: forecastByModel(points, byLabel(mtd, 'model'), nowSec), daily: daily.expr };
}

test.each<[string, number]>([
  ['the last day of October', UTC(10, 31)],
  ['mid-October', UTC(10, 15)],
])('forecast on %s: the least squares of Prometheus, the month so far as a sum of days', async (_name, nowSec) => {
  const { forecasts, daily } = await forecastsAt(nowSec);
  const fit = await prometheusFit(daily, nowSec);
  const daysSoFar = (nowSec - utcMonthOf(nowSec).startSec) / DAY;
  const monthSoFar = byLabel(await instant(`sum_over_time((${daily})[${daysSoFar - 1}d:1d])`, nowSec), 'model');
  expect(forecasts.length).toBeGreaterThanOrEqual(10);
  for (const f of forecasts) {
    expect([f.model, f.days, f.shortHistory]).toEqual([f.model, fit.days.get(f.model), false]);
    const mean = fit.mean.get(f.model)!;
    expectClose(f.meanDaily, mean);
    expectClose(f.slopePerDay, fit.slope.get(f.model)!, mean);
    expectClose(f.forecastDailyRate, Math.max(0, fit.now.get(f.model)!), mean);
    expect(f.trend).toBe(classifyTrend(fit.slope.get(f.model)!, mean));
    expectClose(f.monthToDate, monthSoFar.get(f.model)!);
    expectClose(f.projectedMonthEnd, monthSoFar.get(f.model)! + Math.max(0, fit.now.get(f.model)!) * f.daysLeft);
  }
  // the demo's spend grows 12 % a month: some model's trend is not flat
  expect(forecasts.some((f) => f.slopePerDay !== 0)).toBe(true);
});

test('forecast at the first second of a month: nothing spent yet, one day of history (it starts at noon)', async () => {
  const nowSec = UTC(10, 1);
  const { forecasts, daily } = await forecastsAt(nowSec);
  const lastDay = byLabel(await instant(daily, nowSec), 'model');
  expect(forecasts.length).toBe(lastDay.size);
  for (const f of forecasts) {
    expect([f.days, f.shortHistory, f.slopePerDay, f.trend, f.monthToDate, f.daysLeft]).toEqual([1, true, 0, 'stable', 0, 31]);
    expectClose(f.projectedMonthEnd, lastDay.get(f.model)! * 31);
  }
});

/* ---------- anomalies ---------- */

const RECORDED: RecordingRule[] = anomalyRuleGroups()
  .flatMap((g) => g.rules)
  .filter((r): r is RecordingRule => 'record' in r)
  .sort((a, b) => b.record.length - a.record.length);

/** `promql` with each recorded series replaced by its rule's expression (recursively). */
function inlineRecorded(promql: string): string {
  let out = promql;
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of RECORDED) {
      const name = new RegExp(`(?<![\\w:])${rule.record.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w:])`, 'g');
      const next = out.replace(name, `(${rule.expr})`);
      changed ||= next !== out;
      out = next;
    }
  }
  return out;
}

const DAILY_EXPR = inlineRecorded(ANALYSIS_SERIES.spendDaily);
const keyOf = (m: Record<string, string>) => JSON.stringify([m.provider ?? '', m.model ?? '', m.team ?? '']);

/** The pure function's input: today's rate and the 30 daily values before, as plain queries. */
async function candidatesAt(nowSec: number): Promise<AnomalyCandidate[]> {
  const first = (Math.floor((nowSec - 31 * DAY) / DAY) + 1) * DAY;
  const last = Math.floor((nowSec - DAY) / DAY) * DAY;
  const [current, days] = await Promise.all([instant(DAILY_EXPR, nowSec), rangeQuery(testbed('litellm').url, DAILY_EXPR, first, last, DAY)]);
  const history = new Map(days.map((s) => [keyOf(s.metric), s.values!.map(([, v]) => promNumber(v))]));
  return current.map((s) => ({
    provider: s.metric.provider ?? '',
    model: s.metric.model ?? '',
    team: s.metric.team ?? '',
    rate: valueOf(s),
    baseline: baselineStats(history.get(keyOf(s.metric)) ?? []),
  }));
}

/** The page's table with the recorded series inlined, as rows keyed like the pure function's. */
async function pageRowsAt(nowSec: number, sigma: number): Promise<Map<string, Omit<AnomalyRow, 'sigmas' | 'detectedAtSec'>>> {
  const { current, baseline, stddev, deviationPercent } = anomalyTableQueries(sigma);
  const [rates, means, stddevs, deviations] = await Promise.all([current, baseline, stddev, deviationPercent].map((q) => instant(inlineRecorded(q), nowSec)));
  const column = (series: PromSeries[]) => new Map(series.map((s) => [keyOf(s.metric), valueOf(s)]));
  const [m, sd, dev] = [column(means), column(stddevs), column(deviations)];
  return new Map(
    rates.map((s) => {
      const k = keyOf(s.metric);
      const [provider, model, team] = JSON.parse(k) as string[];
      return [k, { provider, model, team, rate: valueOf(s), baseline: m.get(k)!, stddev: sd.get(k)!, deviationPercent: dev.get(k)! }];
    })
  );
}

test.each<[string, number, number, 'some rows' | 'no rows']>([
  ['during the injected anomaly, 3 sigma', UTC(10, 27, 13), 3, 'some rows'],
  ['during the injected anomaly, every deviation (0 sigma)', UTC(10, 27, 13), 0, 'some rows'],
  ['on an ordinary Tuesday, 3 sigma', UTC(10, 20, 12), 3, 'no rows'],
  ['on an ordinary Tuesday, 0.5 sigma (weekdays run above a baseline with weekends)', UTC(10, 20, 12), 0.5, 'some rows'],
])('anomalies %s: the page table equals detectAnomalies on the daily series', async (_name, nowSec, sigma, rows) => {
  const expected = detectAnomalies(await candidatesAt(nowSec), sigma);
  const page = await pageRowsAt(nowSec, sigma);
  expect(expected.length > 0 ? 'some rows' : 'no rows').toBe(rows);
  expect([...page.keys()].sort()).toEqual(expected.map((r) => keyOf(r as unknown as Record<string, string>)).sort());
  for (const row of expected) {
    const got = page.get(keyOf(row as unknown as Record<string, string>))!;
    expectClose(got.rate, row.rate);
    expectClose(got.baseline, row.baseline);
    expectClose(got.stddev, row.stddev, row.baseline);
    expectClose(got.deviationPercent, row.deviationPercent);
  }
});

test('the injected anomaly (marketing, claude-sonnet-4) is detected at 3 sigma', async () => {
  const rows = detectAnomalies(await candidatesAt(UTC(10, 27, 13)), 3);
  expect(rows.map((r) => [r.model, r.team])).toContainEqual(['claude-sonnet-4', 'marketing']);
});

test('the page queries run as they are on the stored series; the backfilled daily rate equals its expression', async () => {
  const { endSec } = testbed('litellm');
  for (const query of Object.values(anomalyTableQueries(3))) {
    await expect(instant(query, endSec)).resolves.toEqual(expect.any(Array));
  }
  const at = endSec - 3600;
  const [stored, computed] = await Promise.all([instant(ANALYSIS_SERIES.spendDaily, at), instant(DAILY_EXPR, at)]);
  const expected = new Map(computed.map((s) => [keyOf(s.metric), valueOf(s)]));
  expect(stored.length).toBe(computed.length);
  for (const s of stored) {
    expectClose(valueOf(s), expected.get(keyOf(s.metric))!);
  }
});
