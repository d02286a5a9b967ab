/**
 * The queries of a KPI deep-dive, all through the KPI datasource:
 * - `series`: the KPI over time (range), by its default group if it has one;
 * - `value`: the KPI for the whole range (instant), likewise;
 * - per breakdown label (provider, model, team): the KPI by that label over the range and over
 *   the period of equal length before it. The breakdown panels show the first, "what changed"
 *   compares both, so the two panels share the same two queries.
 */
import { BASE_LABELS, type BaseLabel } from '../../../engine/conventions';
import type { KpiDefinition } from '../../../engine/catalog';
import { whatChangedQueries } from '../../../analysis/whatChanged';
import { FILTER_VARIABLES, type KpiQuery } from '../../../datasource/types';

export const BREAKDOWN_LABELS: readonly BaseLabel[] = BASE_LABELS;
export const SERIES_REF = 'series';
/**
 * The KPI over time asks for about this many points, not one per pixel: Grafana's interval for 30
 * days is then 6 h, a step whose points read hour buckets only (settled points, tierPlan.ts) where
 * one per pixel (30 min) sums every one-minute sample of the range; 7 days give 2 h, 1 day 15 min.
 */
export const SERIES_MAX_DATA_POINTS = 100;
export const VALUE_REF = 'value';
export const CURRENT_REF = 'current';
export const PREVIOUS_REF = 'previous';

/** Scene object keys, so the actions and "what changed" find the data the panels show. */
export const DATA_KEYS = {
  series: 'kpi-series-data',
  value: 'kpi-value-data',
  breakdown: (label: BaseLabel) => `kpi-breakdown-${label}-data`,
  shownBreakdown: (label: BaseLabel) => `kpi-breakdown-${label}-shown`,
  whatChanged: 'kpi-what-changed',
} as const;

export type Comparability = { ok: true } | { ok: false; message: string };

export interface DeepDiveQueries {
  series: KpiQuery[];
  value: KpiQuery[];
  breakdowns: Record<BaseLabel, KpiQuery[]>;
  /** whether the KPI has a previous-period value of its own ("what changed") */
  comparable: Comparability;
}

/** A KPI that already reads `previous.` (growth) has no previous period of its own to compare. */
export function comparability(kpi: Pick<KpiDefinition, 'formula'>): Comparability {
  // the label and window only shape the PromQL, not whether the formula can be compared
  const probe = whatChangedQueries(kpi.formula, { label: 'model', windowSeconds: 3600 });
  return probe.ok ? { ok: true } : { ok: false, message: probe.message };
}

export function deepDiveQueries(kpi: KpiDefinition): DeepDiveQueries {
  const grouped = { ...(kpi.defaultGroupBy ? { groupBy: kpi.defaultGroupBy } : {}), filterVariables: FILTER_VARIABLES };
  const comparable = comparability(kpi);
  const breakdown = (label: BaseLabel): KpiQuery[] => [
    { refId: CURRENT_REF, kpiId: kpi.id, mode: 'instant', groupBy: label, filterVariables: FILTER_VARIABLES },
    ...(comparable.ok
      ? [{ refId: PREVIOUS_REF, kpiId: kpi.id, mode: 'instant' as const, groupBy: label, period: 'previous' as const, filterVariables: FILTER_VARIABLES }]
      : []),
  ];
  return {
    series: [{ refId: SERIES_REF, kpiId: kpi.id, mode: 'range', ...grouped }],
    value: [{ refId: VALUE_REF, kpiId: kpi.id, mode: 'instant', ...grouped }],
    breakdowns: { provider: breakdown('provider'), model: breakdown('model'), team: breakdown('team') },
    comparable,
  };
}
