/**
 * The same PromQL answered by two engines (Prometheus and VictoriaMetrics), or by an engine and
 * the reference evaluator, compared the way the app shows the values: per series (labels but the
 * metric name) and timestamp, within a relative tolerance; ±Inf only equal to themselves. NaN
 * counts as no value: MetricsQL drops NaN points from answers, and the app shows NaN and a
 * missing value alike ('—').
 */
import { promNumber, PromSeries } from '../../src/cli/prometheusHttp';

/** label key → unix seconds → value */
export type Points = Map<string, Map<number, number>>;

export const keyOf = (labels: Record<string, string>) =>
  JSON.stringify(
    Object.entries(labels)
      .filter(([k]) => k !== '__name__')
      .sort()
  );

function add(points: Points, labels: Record<string, string>, timeSec: number, value: number): void {
  if (Number.isNaN(value)) {
    return;
  }
  const key = keyOf(labels);
  const series = points.get(key) ?? new Map<number, number>();
  series.set(timeSec, value);
  points.set(key, series);
}

/** An instant or range answer of the Prometheus HTTP API as points. */
export function pointsOf(series: readonly PromSeries[]): Points {
  const points: Points = new Map();
  for (const s of series) {
    for (const [t, v] of s.values ?? [s.value!]) {
      add(points, s.metric, t, promNumber(v));
    }
  }
  return points;
}

/** Values of the reference evaluator (ms timestamps) as points. */
export function evaluatorPoints(
  results: ReadonlyArray<{ labels: Record<string, string>; values: ReadonlyArray<readonly [number, number]> }>
): Points {
  const points: Points = new Map();
  for (const r of results) {
    for (const [ms, v] of r.values) {
      add(points, r.labels, ms / 1000, v);
    }
  }
  return points;
}

export function within(a: number, b: number, relative: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    return a === b;
  }
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-9;
}

export interface Comparison {
  /** points of the first side (what the comparison covered) */
  points: number;
  differences: string[];
}

/** Every series and timestamp of either side, the values within `relative` of each other. */
export function comparePoints(
  first: Points,
  second: Points,
  relative: number,
  names: readonly [string, string] = ['prometheus', 'victoriametrics']
): Comparison {
  const differences: string[] = [];
  let points = 0;
  for (const key of new Set([...first.keys(), ...second.keys()])) {
    const a = first.get(key) ?? new Map<number, number>();
    const b = second.get(key) ?? new Map<number, number>();
    points += a.size;
    for (const t of new Set([...a.keys(), ...b.keys()])) {
      const av = a.get(t);
      const bv = b.get(t);
      if (av === undefined || bv === undefined ? av !== bv : !within(av, bv, relative)) {
        differences.push(`${key} @${t}: ${names[0]} ${av ?? 'missing'}, ${names[1]} ${bv ?? 'missing'}`);
      }
    }
  }
  return { points, differences };
}
