/**
 * A KPI's value as the KPI pages show it: its status by its thresholds, its change, and — for a
 * KPI read by group (provider share by provider, budget utilization by team) — the one group
 * value that stands for it. Its text is format/numbers.ts formatKpiValue.
 */
import type { KpiDefinition, ThresholdState } from '../../engine/catalog';
import type { LabeledValue } from '../../analysis/labeledValues';
import { formatKpiValue } from '../../format/numbers';

/**
 * The state of `value` by the KPI's thresholds, as Grafana colours it (datasource/frames.ts
 * thresholdsOf): a boundary's state applies from its value up; below the first boundary the
 * state is the far end of the scale. Undefined when the KPI has no thresholds or no value.
 */
export function kpiStatus(
  kpi: Pick<KpiDefinition, 'thresholds' | 'direction'>,
  value: number | null
): ThresholdState | undefined {
  if (!kpi.thresholds.length || value === null || Number.isNaN(value)) {
    return undefined;
  }
  const sorted = [...kpi.thresholds].sort((a, b) => a.value - b.value);
  let state: ThresholdState = kpi.direction === 'higher-is-better' ? 'critical' : 'good';
  for (const t of sorted) {
    if (value >= t.value) {
      state = t.state;
    }
  }
  return state;
}

export interface KpiReadingValue {
  value: number | null;
  /** the group the value belongs to, for a KPI read by group */
  group?: string;
  /** how many groups had a value */
  groups: number;
}

/**
 * One value for a KPI query result. Without a group-by it is the single value. With one, it is
 * the group that matters most for the KPI's status: the lowest for higher-is-better KPIs, the
 * highest otherwise (the largest provider share, the most used budget). NaN (0 ÷ 0) counts as
 * no value.
 */
export function representativeValue(
  kpi: Pick<KpiDefinition, 'direction' | 'defaultGroupBy'>,
  values: readonly LabeledValue[]
): KpiReadingValue {
  const present = values.filter((v) => !Number.isNaN(v.value));
  if (!present.length) {
    return { value: null, groups: 0 };
  }
  if (!kpi.defaultGroupBy) {
    return { value: present[0].value, groups: 1 };
  }
  const label = kpi.defaultGroupBy;
  const lowest = kpi.direction === 'higher-is-better';
  const best = present.reduce((a, b) => (lowest ? (b.value < a.value ? b : a) : b.value > a.value ? b : a));
  return { value: best.value, group: best.labels[label] ?? '', groups: present.length };
}

/**
 * A change with its sign, at the KPI's decimals or, when that rounds a real change to zero
 * (a ratio moving in its fifth decimal), with up to four more: "+$0.00003", not "$0.0000".
 */
export function formatChange(kpi: Pick<KpiDefinition, 'unit' | 'decimals'>, delta: number): string {
  const at = (decimals: number) => ({ ...kpi, decimals });
  let decimals = kpi.decimals;
  // a change that rounds to zero prints as zero does: no sign
  const roundsToZero = (d: number) => formatKpiValue(at(d), delta) === formatKpiValue(at(d), 0);
  while (delta !== 0 && decimals < kpi.decimals + 4 && roundsToZero(decimals)) {
    decimals++;
  }
  return formatKpiValue(at(decimals), delta, { signed: true });
}
