/**
 * One number per label set, the common shape of instant query results, and its index by one
 * label. Maps, not objects: label values are user input ("__proto__" is a valid team name).
 */

export interface LabeledValue {
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** Prometheus' HTTP API shape of an instant vector sample. */
export interface PromInstantSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** A sample value as Prometheus writes it (NaN, +Inf and -Inf included). */
export function promSampleValue(text: string): number {
  return text === '+Inf' ? Infinity : text === '-Inf' ? -Infinity : Number(text);
}

export function fromPromInstant(samples: readonly PromInstantSample[]): LabeledValue[] {
  return samples.map((s) => ({ labels: s.metric, value: promSampleValue(s.value[1]) }));
}

/**
 * Values keyed by one label; an absent label is "" (PromQL drops empty labels). Several label sets
 * with the same value of `label` add up, as `sum by (label)` would.
 */
export function valuesByLabel(values: readonly LabeledValue[], label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) {
    const key = v.labels[label] ?? '';
    out.set(key, (out.get(key) ?? 0) + v.value);
  }
  return out;
}
