/**
 * Spend anomalies: the current daily rate (spend over the trailing 24 h) of a model and team
 * against its baseline, the mean and population standard deviation of the 30 daily values before
 * the current day. Recording rules (src/rules/anomalyRules.ts) keep the rate and the baseline, so
 * the page and the `AISpendSpendAnomaly` alert read four series instead of 30 days of samples.
 *
 * An anomaly: |rate − mean| > sigma × stddev (+ a 1e-9 relative tolerance), with at least 7 baseline
 * days. Nothing divides by the standard deviation, so a zero-variance baseline (the same spend every
 * day, or none) is no anomaly while the rate equals it and an anomaly as soon as it changes.
 */
import { ANALYSIS_SERIES, DEFAULT_ANOMALY_SIGMA } from '../engine/conventions';
import type { Filters } from '../engine/language';
import { literal, seriesMatchers } from '../engine/language/compile';
import { compareKeys } from './order';

/** Fewer baseline days say little (one week holds one weekend); a new model is not anomalous for its first week. */
export const ANOMALY_MIN_BASELINE_DAYS = 7;
/**
 * A deviation below one billionth of the baseline is no change: summing 30 equal daily values in
 * floating point can leave such a residue between the mean and the rate.
 */
export const ANOMALY_CHANGE_TOLERANCE = 1e-9;
/** How far back "detected at" looks: the span a spike stays in the trailing 24 h rate. */
export const DETECTION_LOOKBACK = '1d';
const DETECTION_RESOLUTION = '1m';

export function assertSigma(sigma: number): void {
  if (!Number.isFinite(sigma) || sigma < 0) {
    throw new RangeError(`the anomaly threshold must be a number of standard deviations ≥ 0 (got ${sigma})`);
  }
}

/* ---------- PromQL over the recorded series ---------- */

function selectors(filters: Filters) {
  const matchers = seriesMatchers({}, filters, {});
  const sel = (name: string) => (matchers.length ? `${name}{${matchers.join(', ')}}` : name);
  return {
    rate: sel(ANALYSIS_SERIES.spendDaily),
    mean: sel(ANALYSIS_SERIES.spendDailyAvg30d),
    stddev: sel(ANALYSIS_SERIES.spendDailyStddev30d),
    days: sel(ANALYSIS_SERIES.spendDailyCount30d),
  };
}

/** ` and <condition>`: keeps the samples of the expression before it where the model and team is anomalous. */
function andAnomalous(sigma: number, filters: Filters): string {
  assertSigma(sigma);
  const s = selectors(filters);
  return (
    ` and abs(${s.rate} - ${s.mean}) > ${literal(sigma)} * ${s.stddev} + ${literal(ANOMALY_CHANGE_TOLERANCE)} * ${s.mean}` +
    ` and ${s.days} >= ${ANOMALY_MIN_BASELINE_DAYS}`
  );
}

/** Deviation of the rate from the baseline mean in percent (+Inf for spend on a baseline of 0), anomalies only. */
export function deviationPercentPromQL(sigma = DEFAULT_ANOMALY_SIGMA, filters: Filters = {}): string {
  const s = selectors(filters);
  return `100 * (${s.rate} - ${s.mean}) / ${s.mean}${andAnomalous(sigma, filters)}`;
}

export interface AnomalyTableQueries {
  current: string;
  baseline: string;
  stddev: string;
  deviationPercent: string;
  /** unix seconds of the first minute in the last day at which the row was anomalous */
  detectedAt: string;
}

/** Instant queries of the anomaly table, one value column each, rows labelled provider / model / team. */
export function anomalyTableQueries(sigma: number, filters: Filters = {}): AnomalyTableQueries {
  const s = selectors(filters);
  const condition = andAnomalous(sigma, filters);
  return {
    current: `${s.rate}${condition}`,
    baseline: `${s.mean}${condition}`,
    stddev: `${s.stddev}${condition}`,
    deviationPercent: deviationPercentPromQL(sigma, filters),
    // timestamp() of an expression is its evaluation time: the minutes at which the condition held
    detectedAt: `min_over_time(timestamp(${s.rate}${condition})[${DETECTION_LOOKBACK}:${DETECTION_RESOLUTION}])${condition}`,
  };
}

/* ---------- the same decision in TypeScript ---------- */

export interface BaselineStats {
  mean: number;
  /** population standard deviation (÷ n), as Prometheus' stddev_over_time */
  stddev: number;
  days: number;
}

export function baselineStats(dailyValues: readonly number[]): BaselineStats {
  const values = dailyValues.filter(Number.isFinite);
  const n = values.length;
  if (n === 0) {
    return { mean: NaN, stddev: NaN, days: 0 };
  }
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  return { mean, stddev: Math.sqrt(variance), days: n };
}

export function isAnomalous(rate: number, baseline: BaselineStats, sigma = DEFAULT_ANOMALY_SIGMA): boolean {
  assertSigma(sigma);
  return (
    baseline.days >= ANOMALY_MIN_BASELINE_DAYS &&
    Math.abs(rate - baseline.mean) > sigma * baseline.stddev + ANOMALY_CHANGE_TOLERANCE * baseline.mean
  );
}

/** 100 × (rate − mean) ÷ mean: +Inf for new spend on a zero baseline, as PromQL divides. */
export function deviationPercent(rate: number, mean: number): number {
  return (100 * (rate - mean)) / mean;
}

export interface SeriesKey {
  provider: string;
  model: string;
  team: string;
}

export interface AnomalyCandidate extends SeriesKey {
  rate: number;
  baseline: BaselineStats;
  detectedAtSec?: number;
}

export interface AnomalyRow extends SeriesKey {
  rate: number;
  baseline: number;
  stddev: number;
  deviationPercent: number;
  /** |rate − baseline| in standard deviations; Infinity on a zero-variance baseline */
  sigmas: number;
  detectedAtSec: number | null;
}

const descending = (a: number, b: number) => (a > b ? -1 : a < b ? 1 : 0);

/** The anomalous candidates as table rows, largest deviation first, then by model, team, provider. */
export function detectAnomalies(candidates: readonly AnomalyCandidate[], sigma = DEFAULT_ANOMALY_SIGMA): AnomalyRow[] {
  return candidates
    .filter((c) => isAnomalous(c.rate, c.baseline, sigma))
    .map((c) => ({
      provider: c.provider,
      model: c.model,
      team: c.team,
      rate: c.rate,
      baseline: c.baseline.mean,
      stddev: c.baseline.stddev,
      deviationPercent: deviationPercent(c.rate, c.baseline.mean),
      sigmas: Math.abs(c.rate - c.baseline.mean) / c.baseline.stddev,
      detectedAtSec: c.detectedAtSec ?? null,
    }))
    .sort(
      (a, b) =>
        descending(Math.abs(a.deviationPercent), Math.abs(b.deviationPercent)) ||
        descending(Math.abs(a.rate - a.baseline), Math.abs(b.rate - b.baseline)) ||
        compareKeys(a.model, b.model) ||
        compareKeys(a.team, b.team) ||
        compareKeys(a.provider, b.provider)
    );
}
