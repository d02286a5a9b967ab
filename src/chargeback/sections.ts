/**
 * The sections of a chargeback report from query answers: summaries with share and honest change,
 * the daily breakdown, the running month's forecast and the anomalies inside the period. Pure.
 */
import { CoverageVerdict, PeriodCoverage, coverageFromValues, coveredPart, percentChange, COVERAGE_THRESHOLD } from '../analysis/coverage';
import { DailyPoint, daysLeftInMonth, forecastByModel } from '../analysis/forecast';
import type { LabeledValue } from '../analysis/labeledValues';
import { compareKeys } from '../analysis/order';
import { COVERAGE_PERIOD_LABEL } from '../engine/conventions';
import { type Allocation, NO_TEAM } from './allocation';
import { daysOf } from './period';
import { DAY_SECONDS } from './queries';
import { type AnomalyInPeriodRow, type DailyRow, type ForecastSection, type RangeSeries, type SummaryRow, type TeamRow, UNALLOCATED_LABEL } from './types';

/** Below this a difference in USD is float residue, not money a section misses. */
export const CENT = 0.005;

export type SummaryDimension = 'team' | 'api_key' | 'model' | 'provider';

const NONE_LABEL: Record<SummaryDimension, string> = {
  team: UNALLOCATED_LABEL,
  api_key: '(no API key)',
  model: '(no model)',
  provider: '(no provider)',
};

export const labelOf = (dimension: SummaryDimension, key: string) => (key === '' ? NONE_LABEL[dimension] : key);

const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);
const sum = (values: Iterable<number>) => [...values].reduce((s, v) => s + v, 0);
/** Descending, with equal infinities equal (a − b would be NaN). */
const descending = (a: number, b: number) => (a > b ? -1 : a < b ? 1 : 0);
const bySpend = <T extends { spend: number; key: string }>(a: T, b: T) => descending(a.spend, b.spend) || compareKeys(a.key, b.key);

/** A comparison row: the previous value (null when there was none) and the change under the verdict. */
function compared(spend: number, previous: number | undefined, verdict: CoverageVerdict) {
  // nothing before is 0 before: a "new" row where the previous period has data, withheld where it has not
  return { previous: previous ?? null, change: percentChange(spend, previous ?? 0, verdict) };
}

/**
 * Rows by label value, biggest first. When the API-key rows miss part of the total (the
 * spend-by-spender family lacks some spend), a residual row makes the section add up.
 */
export function summaryRows(
  dimension: SummaryDimension,
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
  verdict: CoverageVerdict,
  total: number
): SummaryRow[] {
  const rows: SummaryRow[] = [...current].map(([key, spend]) => ({
    key,
    label: labelOf(dimension, key),
    spend,
    sharePercent: share(spend, total),
    ...compared(spend, previous.get(key), verdict),
  }));
  rows.sort(bySpend);
  const missing = total - sum(rows.map((r) => r.spend));
  // only the key summary reads another family (spend by spender), which a profile may lack in part
  if (dimension === 'api_key' && missing >= CENT) {
    rows.push({
      key: '',
      label: '(not attributed to an API key)',
      spend: missing,
      sharePercent: share(missing, total),
      previous: null,
      change: { kind: 'none' },
      residual: true,
    });
  }
  return rows;
}

/** Team rows after allocation; `only` keeps one team (a team scope). Shares are of the rows' sum. */
export function teamRows(current: Allocation, previous: Allocation, verdict: CoverageVerdict, only?: string): TeamRow[] {
  const charged = (a: { recorded: number; allocated: number }) => a.recorded + a.allocated;
  const entries = [...current.teams].filter(([team]) => only === undefined || team === only);
  const whole = sum(entries.map(([, t]) => charged(t)));
  const rows = entries.map(([key, team]) => {
    const before = previous.teams.get(key);
    const spend = charged(team);
    return {
      key,
      label: labelOf('team', key),
      spend,
      recorded: team.recorded,
      allocated: team.allocated,
      sharePercent: share(spend, whole),
      ...compared(spend, before && charged(before), verdict),
    };
  });
  // Unallocated last: it is what no team was charged for
  return rows.sort((a, b) => Number(a.key === NO_TEAM) - Number(b.key === NO_TEAM) || bySpend(a, b));
}

/** A day's (or any span's) coverage from the coverage query's answer: its hours (or 5 minutes) with data. */
export function spanCoverage(steps: number | undefined, windowSeconds: number): PeriodCoverage {
  const values: LabeledValue[] = steps === undefined ? [] : [{ labels: { [COVERAGE_PERIOD_LABEL]: 'current' }, value: steps }];
  return coverageFromValues(values, { windowSeconds, periods: 1 })[0];
}

/** Points of range series summed by time (several series: an API key's, or one per group). */
export function pointsByTime(series: readonly RangeSeries[]): Map<number, number> {
  const out = new Map<number, number>();
  series.forEach((s) => s.points.forEach((p) => out.set(p.timeSec, (out.get(p.timeSec) ?? 0) + p.value)));
  return out;
}

function dayVerdict(day: PeriodCoverage, before: PeriodCoverage): CoverageVerdict {
  const short = [
    ...(day.ratio < COVERAGE_THRESHOLD ? [`this day has data for ${coveredPart(day)}`] : []),
    ...(before.ratio < COVERAGE_THRESHOLD ? [`the day before has data for ${coveredPart(before)}`] : []),
  ];
  return short.length ? { comparable: false, note: short.join('; ') } : { comparable: true };
}

export interface DailyInput {
  period: { startSec: number; endSec: number };
  /** spend per day, each point covering the day before it */
  spend: ReadonlyMap<number, number>;
  /** hours with data per day, same points */
  coverageHours: ReadonlyMap<number, number>;
  /** the last day when it is still running: its spend so far and its coverage steps */
  partialDay?: { startSec: number; spend: number; coverageSteps: number | undefined };
}

const dayText = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);

/** One row per UTC day of the period; each day's change is vs the day before (the first one: the day before the period). */
export function dailyRows(input: DailyInput, total: number): DailyRow[] {
  return daysOf(input.period).map((startSec) => {
    if (input.partialDay && startSec === input.partialDay.startSec) {
      const { spend, coverageSteps } = input.partialDay;
      const coverage = spanCoverage(coverageSteps, input.period.endSec - startSec);
      return {
        day: dayText(startSec),
        startSec,
        spend,
        sharePercent: share(spend, total),
        coverage: coverage.ratio,
        previous: input.spend.get(startSec) ?? null,
        change: { kind: 'withheld', note: 'the day is still running' },
      };
    }
    const spend = input.spend.get(startSec + DAY_SECONDS) ?? 0;
    const coverage = spanCoverage(input.coverageHours.get(startSec + DAY_SECONDS), DAY_SECONDS);
    const before = spanCoverage(input.coverageHours.get(startSec), DAY_SECONDS);
    return {
      day: dayText(startSec),
      startSec,
      spend,
      sharePercent: share(spend, total),
      coverage: coverage.ratio,
      ...compared(spend, input.spend.get(startSec), dayVerdict(coverage, before)),
    };
  });
}

/** The running month's forecast per model (src/analysis/forecast.ts), with shares of the projected total. */
export function forecastSection(daily: readonly RangeSeries[], monthToDate: readonly LabeledValue[], nowSec: number): ForecastSection {
  const points = new Map<string, DailyPoint[]>();
  daily.forEach((s) => points.set(s.labels.model ?? '', [...(points.get(s.labels.model ?? '') ?? []), ...s.points]));
  const toDate = new Map<string, number>();
  monthToDate.forEach((v) => toDate.set(v.labels.model ?? '', (toDate.get(v.labels.model ?? '') ?? 0) + v.value));
  const forecasts = forecastByModel(points, toDate, nowSec);
  const projectedTotal = sum(forecasts.map((f) => f.projectedMonthEnd));
  return {
    rows: forecasts.map((f) => ({
      model: f.model,
      monthToDate: f.monthToDate,
      projectedMonthEnd: f.projectedMonthEnd,
      forecastDailyRate: f.forecastDailyRate,
      trend: f.trend,
      shortHistory: f.shortHistory,
      sharePercent: share(f.projectedMonthEnd, projectedTotal),
    })),
    projectedTotal,
    monthToDate: sum(forecasts.map((f) => f.monthToDate)),
    daysLeft: daysLeftInMonth(nowSec),
  };
}

export interface AnomalyAnswers {
  hours: readonly LabeledValue[];
  first: readonly LabeledValue[];
  peakRate: readonly LabeledValue[];
  maxDeviation: readonly LabeledValue[];
  minDeviation: readonly LabeledValue[];
}

const rowKey = (labels: Readonly<Record<string, string>>) => JSON.stringify([labels.provider ?? '', labels.model ?? '', labels.team ?? '']);

/** One row per provider, model and team that was anomalous for at least one hour of the period, largest deviation first. */
export function anomalyRows(answers: AnomalyAnswers): AnomalyInPeriodRow[] {
  const index = (values: readonly LabeledValue[]) => new Map(values.map((v) => [rowKey(v.labels), v.value]));
  const [first, peak, max, min] = [answers.first, answers.peakRate, answers.maxDeviation, answers.minDeviation].map(index);
  return answers.hours
    .filter((h) => h.value > 0)
    .map((h) => {
      const key = rowKey(h.labels);
      const [up, down] = [max.get(key) ?? -Infinity, min.get(key) ?? Infinity];
      return {
        provider: h.labels.provider ?? '',
        model: h.labels.model ?? '',
        team: h.labels.team ?? '',
        firstDetectedSec: first.get(key) ?? NaN,
        anomalousHours: h.value,
        peakDailyRate: peak.get(key) ?? NaN,
        deviationPercent: Math.abs(up) >= Math.abs(down) ? up : down,
      };
    })
    .sort(
      (a, b) =>
        descending(Math.abs(a.deviationPercent), Math.abs(b.deviationPercent)) ||
        descending(a.anomalousHours, b.anomalousHours) ||
        compareKeys(a.model, b.model) ||
        compareKeys(a.team, b.team) ||
        compareKeys(a.provider, b.provider)
    );
}
