/**
 * KPI display on frames returned by the Prometheus datasource: unit, decimals, thresholds,
 * display name and "—" for missing values, so any panel shows a KPI the same way.
 */
import { DataFrame, Field, FieldConfig, FieldType, ThresholdsMode } from '@grafana/data';
import type { KpiDefinition } from '../engine/catalog';
import type { QueryPlan } from './queryPlan';

export const NO_VALUE = '—';

const GRAFANA_UNITS: Record<string, string> = {
  USD: 'currencyUSD',
  'USD/day': 'currencyUSD',
  '%': 'percent',
  'tokens/h': 'suffix: tokens/h',
  ratio: 'none',
  count: 'short',
  days: 'suffix: days',
};

export function grafanaUnit(kpiUnit: string | undefined): string | undefined {
  return kpiUnit === undefined ? undefined : (GRAFANA_UNITS[kpiUnit] ?? `suffix: ${kpiUnit}`);
}

const STATE_COLORS = { good: 'green', warning: 'orange', critical: 'red' } as const;

export function thresholdsOf(kpi: KpiDefinition): FieldConfig['thresholds'] | undefined {
  if (!kpi.thresholds.length) {
    return undefined;
  }
  const sorted = [...kpi.thresholds].sort((a, b) => a.value - b.value);
  // Below the first boundary the state is the opposite end of the scale.
  const below = kpi.direction === 'higher-is-better' ? 'critical' : 'good';
  return {
    mode: ThresholdsMode.Absolute,
    steps: [
      { value: -Infinity, color: STATE_COLORS[below] },
      ...sorted.map((t) => ({ value: t.value, color: STATE_COLORS[t.state] })),
    ],
  };
}

function displayNameOf(field: Field, plan: QueryPlan): string {
  const group = plan.groupBy ? field.labels?.[plan.groupBy] : undefined;
  if (plan.groupBy) {
    return group === undefined || group === '' ? `(no ${plan.groupBy})` : group;
  }
  return plan.title;
}

export function decorateFrame(frame: DataFrame, plan: QueryPlan, legendFormat?: string): DataFrame {
  const fields = frame.fields.map((field) => {
    if (field.type !== FieldType.number) {
      return field;
    }
    const config: FieldConfig = {
      ...field.config,
      unit: grafanaUnit(plan.kpi?.unit) ?? field.config.unit,
      decimals: plan.kpi?.decimals ?? field.config.decimals,
      noValue: NO_VALUE,
    };
    if (!legendFormat) {
      config.displayNameFromDS = displayNameOf(field, plan);
    }
    const thresholds = plan.kpi && thresholdsOf(plan.kpi);
    if (thresholds) {
      config.thresholds = thresholds;
    }
    return { ...field, config };
  });
  return { ...frame, fields, meta: { ...frame.meta, executedQueryString: plan.promql } };
}
