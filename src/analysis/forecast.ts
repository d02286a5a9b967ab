/**
 * 7-day trailing forecast per model: the page queries the daily spend of the last 7 days and the
 * spend so far this month (two queries below); the fit and the projection happen here.
 *
 * Why the fit is TypeScript and not PromQL (`deriv` / `predict_linear` over a subquery): the page
 * needs the 7 daily points anyway (sparkline), a short history and the dead band are plain code
 * here, and the numbers are the same least-squares line Prometheus' `deriv` fits (the integration
 * test compares both on a real Prometheus).
 */
import type { Expr, Filters } from '../engine/language';
import { compileIR, NO_SAMPLES } from '../engine/language/compile';
import { compareKeys } from './order';
import { classifyTrend, leastSquares, relativeSlope, Trend } from './trend';

export const FORECAST_DAYS = 7;
const DAY_SECONDS = 86400;
const MODEL = 'model' as const;
const TOTAL_COST: Expr = { kind: 'measure', measure: 'total_cost', scope: {} };

export interface RangeQuerySpec {
  expr: string;
  startSec: number;
  endSec: number;
  stepSec: number;
}

export interface InstantQuerySpec {
  expr: string;
  timeSec: number;
}

/** The calendar month (UTC) that holds `nowSec`: [startSec, endSec). */
export function utcMonthOf(nowSec: number): { startSec: number; endSec: number } {
  const now = new Date(nowSec * 1000);
  const startMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const endMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return { startSec: startMs / 1000, endSec: endMs / 1000 };
}

/** Days (fractional) from `nowSec` to the end of its UTC month. */
export function daysLeftInMonth(nowSec: number): number {
  return (utcMonthOf(nowSec).endSec - nowSec) / DAY_SECONDS;
}

/**
 * daily: spend by model per trailing day, one point per day at now − 6 d … now, each covering the
 * 24 h before it (a full day, unlike a calendar day that ends in the future);
 * monthToDate: spend by model in (month start, now]. Both over the canonical spend family.
 */
export function forecastQueries(nowMs: number, filters: Filters = {}): { daily: RangeQuerySpec; monthToDate: InstantQuerySpec } {
  const nowSec = Math.floor(nowMs / 1000);
  const daily = compileIR(TOTAL_COST, { mode: 'range', stepSeconds: DAY_SECONDS, groupBy: [MODEL], filters });
  const elapsed = nowSec - utcMonthOf(nowSec).startSec;
  // at the first second of a month nothing has been spent yet: a query with no samples (0 below)
  const monthToDate = elapsed > 0 ? compileIR(TOTAL_COST, { mode: 'instant', windowSeconds: elapsed, groupBy: [MODEL], filters }) : `(${NO_SAMPLES})`;
  return {
    daily: { expr: daily, startSec: nowSec - (FORECAST_DAYS - 1) * DAY_SECONDS, endSec: nowSec, stepSec: DAY_SECONDS },
    monthToDate: { expr: monthToDate, timeSec: nowSec },
  };
}

export interface DailyPoint {
  /** end of the day the value covers */
  timeSec: number;
  value: number;
}

export interface ModelForecast {
  model: string;
  /** daily points fitted (those in the 7 days up to now, finite values) */
  days: number;
  /** fewer than 7 daily points: the fit uses what exists */
  shortHistory: boolean;
  meanDaily: number;
  /** USD per day, per day */
  slopePerDay: number;
  /** slopePerDay ÷ meanDaily (0 without spend) */
  relativeSlopePerDay: number;
  trend: Trend;
  /** the fitted line's value now, never below 0 */
  forecastDailyRate: number;
  monthToDate: number;
  daysLeft: number;
  /** monthToDate + forecastDailyRate × daysLeft */
  projectedMonthEnd: number;
}

/**
 * Fits y = a + b·x on the last 7 daily points with x = days relative to now, so `a` is the trend
 * line's daily rate now. The projection holds that rate for the rest of the month rather than
 * extrapolating the slope over up to four weeks: a 7-point slope is too noisy to compound (a
 * weekend dip would forecast spend falling to zero); the slope drives the trend indicator.
 */
export function forecastModel(model: string, points: readonly DailyPoint[], monthToDate: number, nowSec: number): ModelForecast {
  const recent = points.filter(
    (p) => p.timeSec > nowSec - FORECAST_DAYS * DAY_SECONDS && p.timeSec <= nowSec && Number.isFinite(p.value)
  );
  const fit = leastSquares(recent.map((p) => ({ x: (p.timeSec - nowSec) / DAY_SECONDS, y: p.value })));
  const slopePerDay = fit?.slope ?? 0;
  const meanDaily = fit?.meanY ?? 0;
  const forecastDailyRate = Math.max(0, fit?.intercept ?? 0);
  const daysLeft = daysLeftInMonth(nowSec);
  return {
    model,
    days: recent.length,
    shortHistory: recent.length < FORECAST_DAYS,
    meanDaily,
    slopePerDay,
    relativeSlopePerDay: relativeSlope(slopePerDay, meanDaily),
    trend: classifyTrend(slopePerDay, meanDaily),
    forecastDailyRate,
    monthToDate,
    daysLeft,
    projectedMonthEnd: monthToDate + forecastDailyRate * daysLeft,
  };
}

/** One forecast per model seen in either query (a model without a value counts 0), biggest projection first. */
export function forecastByModel(
  daily: ReadonlyMap<string, readonly DailyPoint[]>,
  monthToDate: ReadonlyMap<string, number>,
  nowSec: number
): ModelForecast[] {
  const models = [...new Set([...daily.keys(), ...monthToDate.keys()])];
  return models
    .map((m) => forecastModel(m, daily.get(m) ?? [], monthToDate.get(m) ?? 0, nowSec))
    .sort((a, b) => b.projectedMonthEnd - a.projectedMonthEnd || compareKeys(a.model, b.model));
}
