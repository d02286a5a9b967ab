/**
 * Learning which tier buckets exist: one small range query over the clock series (two series, a
 * point an hour), run before planning. A bucket the clock does not show (not yet written, lost in
 * a restart, or older than the tier rules) is read from the finer tiers, so a page is exact on a
 * Prometheus that got the tier rules yesterday as on one that has had them for a year.
 */
import { COARSE_TIERS, HOUR_MS, NO_TIER_MARKS, TIER_CLOCK, TIER_LABEL, TierMarks } from './tiers';

/**
 * Run as a range query at a one-hour step: each point shows the mark stamped in the hour up to it
 * (a mark is stamped within a minute after it, so every mark shows at some point).
 */
export const TIER_MARKS_QUERY = `max_over_time(${TIER_CLOCK}[1h])`;
export const TIER_MARKS_STEP_MS = HOUR_MS;

/** Marks are needed back to the start of the earliest window a page compares (three periods of 30 days and a day). */
export const TIER_MARKS_LOOKBACK_MS = 100 * 86_400_000;

export interface ClockSeries {
  labels: Record<string, string | undefined>;
  /** the clock's values: marks in unix seconds */
  values: ReadonlyArray<number | null>;
}

export function tierMarksFromSeries(series: readonly ClockSeries[]): TierMarks {
  const marks = { hour: new Set<number>(), day: new Set<number>() };
  for (const s of series) {
    const tier = COARSE_TIERS.find((t) => t.clockLabel === s.labels[TIER_LABEL]);
    for (const value of tier ? s.values : []) {
      if (value !== null && Number.isFinite(value)) {
        marks[tier!.id].add(value * 1000);
      }
    }
  }
  return marks;
}

/**
 * The range the marks are fetched for. Grafana aligns a range query's end down to its step, which
 * would leave out the mark of the current hour (stamped just after it): the range ends an hour on.
 */
export function tierMarksRange(fromMs: number, toMs: number): { fromMs: number; toMs: number } {
  const from = Math.min(fromMs, toMs - TIER_MARKS_LOOKBACK_MS);
  return { fromMs: Math.floor(from / TIER_MARKS_STEP_MS) * TIER_MARKS_STEP_MS, toMs: toMs + TIER_MARKS_STEP_MS };
}

export { NO_TIER_MARKS };
