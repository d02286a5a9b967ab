/**
 * The two queries of the recording-health check and their answers as plain data. Only PromQL
 * that Prometheus, VictoriaMetrics, Mimir and Thanos all run (count_over_time, present_over_time,
 * group, max, label_replace, or): no `stats`, no error texts, no engine-specific functions.
 *
 * 1. A range query at one-hour steps over the lookback: for each family, the most points any one
 *    of its series has in the hour before the step. A family recorded at the rules' interval has
 *    3600 / RULE_INTERVAL_SECONDS (60); one recorded every 5 minutes has 12; an hour without any
 *    is a gap. The maximum over series, because a series that starts mid-hour has fewer.
 * 2. An instant query at the end: which families, and which raw gateway metrics of the profile,
 *    have a point in the last STALE_AFTER_SECONDS.
 */
import {
  FAMILIES,
  FamilyId,
  HEALTH_FAMILY_LABEL,
  HEALTH_RAW_LABEL,
  promqlString,
  RULE_INTERVAL_SECONDS,
} from '../engine/conventions';
import type { LabeledValue } from '../analysis/labeledValues';

export const HEALTH_STEP_SECONDS = 3600;
/** Points per step of a family recorded at the rules' interval. */
export const EXPECTED_POINTS_PER_STEP = HEALTH_STEP_SECONDS / RULE_INTERVAL_SECONDS;
/**
 * A family without a point for this long is stale. Longer than the 5-minute step of a
 * misconfigured vmalert, so a sparse family is reported as sparse, not as stale.
 */
export const STALE_AFTER_SECONDS = 15 * RULE_INTERVAL_SECONDS;
export const DEFAULT_LOOKBACK_SECONDS = 7 * 86400;

function tagged(expr: string, label: string, value: string): string {
  return `label_replace(${expr}, "${label}", ${promqlString(value)}, "", "")`;
}

/** Range query (step HEALTH_STEP_SECONDS): per family, the most points of one series in the hour before each step. */
export function pointsPerHourQuery(): string {
  // 1 ms short of the hour: Prometheus 2 ranges include both ends, which would count 61 points
  const window = `${HEALTH_STEP_SECONDS * 1000 - 1}ms`;
  return Object.values(FAMILIES)
    .map((f) => tagged(`max(count_over_time(${f.series}[${window}]))`, HEALTH_FAMILY_LABEL, f.id))
    .join(' or ');
}

/** Instant query: one series per family, and per raw metric name, with a point in the last STALE_AFTER_SECONDS. */
export function recentQuery(rawMetrics: readonly string[]): string {
  const recent = (selector: string) => `group(present_over_time(${selector}[${STALE_AFTER_SECONDS}s]))`;
  return [
    ...Object.values(FAMILIES).map((f) => tagged(recent(f.series), HEALTH_FAMILY_LABEL, f.id)),
    ...rawMetrics.map((name) => tagged(recent(name), HEALTH_RAW_LABEL, name)),
  ].join(' or ');
}

/** One series of a range query's answer: its labels and [unix seconds, value] points. */
export interface RangeSeries {
  labels: Readonly<Record<string, string>>;
  values: ReadonlyArray<readonly [number, number]>;
}

export interface HealthAnswers {
  /** per family with points: [step end in unix seconds, most points of one series in the hour before], in time order */
  hourly: ReadonlyMap<FamilyId, ReadonlyArray<readonly [number, number]>>;
  /** families with a point in the last STALE_AFTER_SECONDS */
  recentFamilies: ReadonlySet<FamilyId>;
  /** raw metric names with a point in the last STALE_AFTER_SECONDS */
  recentRaw: ReadonlySet<string>;
}

function isFamilyId(value: string | undefined): value is FamilyId {
  return value !== undefined && Object.prototype.hasOwnProperty.call(FAMILIES, value);
}

export function healthAnswers(hourly: readonly RangeSeries[], recent: readonly LabeledValue[]): HealthAnswers {
  const steps = new Map<FamilyId, Array<readonly [number, number]>>();
  for (const series of hourly) {
    const family = series.labels[HEALTH_FAMILY_LABEL];
    const points = series.values.filter(([, v]) => v > 0);
    if (isFamilyId(family) && points.length) {
      steps.set(
        family,
        [...(steps.get(family) ?? []), ...points].sort((a, b) => a[0] - b[0])
      );
    }
  }
  const recentFamilies = new Set<FamilyId>();
  const recentRaw = new Set<string>();
  for (const { labels } of recent) {
    const family = labels[HEALTH_FAMILY_LABEL];
    if (isFamilyId(family)) {
      recentFamilies.add(family);
    } else if (labels[HEALTH_RAW_LABEL]) {
      recentRaw.add(labels[HEALTH_RAW_LABEL]);
    }
  }
  return { hourly: steps, recentFamilies, recentRaw };
}
