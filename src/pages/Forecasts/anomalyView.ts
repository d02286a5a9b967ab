/**
 * The anomaly half of Forecasts & anomalies in ONE instant query: the five columns of
 * `anomalyTableQueries` (src/analysis/anomalies.ts, over the recorded series of
 * src/rules/anomalyRules.ts) and the longest recorded baseline, each tagged with a measure label
 * and joined with `or`. The baseline length tells "rules not loaded" (no series) and "baseline
 * still building" (< 7 days) from "no anomalies", which an empty table alone cannot.
 */
import type { DataFrame } from '@grafana/data';
import {
  ANOMALY_MIN_BASELINE_DAYS,
  AnomalyCandidate,
  AnomalyRow,
  anomalyTableQueries,
  detectAnomalies,
} from '../../analysis/anomalies';
import { labeledValuesFromFrames } from '../../analysis/frameValues';
import type { LabeledValue } from '../../analysis/labeledValues';
import { ANALYSIS_SERIES, promqlString } from '../../engine/conventions';
import type { Filters } from '../../engine/language';

export const REF_ANOMALIES = 'anomalies';
export const MEASURE_LABEL = 'aispend_measure';

const MEASURES = ['current', 'baseline', 'stddev', 'days', 'detectedAt', 'baselineDays'] as const;
type Measure = (typeof MEASURES)[number];

function tagged(measure: Measure, expr: string): string {
  return `label_replace(${expr}, ${promqlString(MEASURE_LABEL)}, ${promqlString(measure)}, "", "")`;
}

export function anomalyQuery(sigma: number, filters: Filters = {}): string {
  const q = anomalyTableQueries(sigma, filters);
  return [
    tagged('current', q.current),
    tagged('baseline', q.baseline),
    tagged('stddev', q.stddev),
    // the stddev column's query on the count series: the same selector matchers and condition
    tagged('days', q.stddev.replace(ANALYSIS_SERIES.spendDailyStddev30d, ANALYSIS_SERIES.spendDailyCount30d)),
    tagged('detectedAt', q.detectedAt),
    // unfiltered: whether the rules run at all, not whether the filters match
    tagged('baselineDays', `max(${ANALYSIS_SERIES.spendDailyCount30d})`),
  ].join(' or ');
}

export type AnomalyStatus =
  { kind: 'rules-missing' } | { kind: 'baseline-building'; days: number } | { kind: 'ready'; rows: AnomalyRow[] };

const keyOf = (v: LabeledValue) => JSON.stringify([v.labels.provider ?? '', v.labels.model ?? '', v.labels.team ?? '']);

function candidates(values: readonly LabeledValue[]): AnomalyCandidate[] {
  const byKey = new Map<string, Partial<Record<Measure, number>> & { v: LabeledValue }>();
  for (const v of values) {
    const measure = v.labels[MEASURE_LABEL] as Measure;
    const entry = byKey.get(keyOf(v)) ?? { v };
    entry[measure] = v.value;
    byKey.set(keyOf(v), entry);
  }
  return [...byKey.values()]
    .filter((e) => e.current !== undefined && e.baseline !== undefined && e.stddev !== undefined)
    .map((e) => ({
      provider: e.v.labels.provider ?? '',
      model: e.v.labels.model ?? '',
      team: e.v.labels.team ?? '',
      rate: e.current!,
      baseline: { mean: e.baseline!, stddev: e.stddev!, days: e.days ?? 0 },
      detectedAtSec: e.detectedAt,
    }));
}

/** The query's frames as the section's state; the rows are re-checked and sorted by detectAnomalies. */
export function anomalyStatus(frames: readonly DataFrame[], sigma: number): AnomalyStatus {
  const values = labeledValuesFromFrames(frames.filter((f) => f.refId === REF_ANOMALIES));
  const baselineDays = values.find((v) => v.labels[MEASURE_LABEL] === 'baselineDays')?.value;
  if (baselineDays === undefined) {
    return { kind: 'rules-missing' };
  }
  if (baselineDays < ANOMALY_MIN_BASELINE_DAYS) {
    return { kind: 'baseline-building', days: baselineDays };
  }
  const rows = detectAnomalies(candidates(values.filter((v) => v.labels[MEASURE_LABEL] !== 'baselineDays')), sigma);
  return { kind: 'ready', rows };
}
