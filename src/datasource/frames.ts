/**
 * KPI display on frames returned by the Prometheus datasource: unit, decimals, thresholds,
 * display name and "—" for missing values, so any panel shows a KPI the same way.
 */
import { DataFrame, Field, FieldConfig, FieldType, ThresholdsMode } from '@grafana/data';
import type { KpiDefinition } from '../engine/catalog';
import type { QueryPlan } from './queryPlan';
import { NO_VALUE, unitAffixes, type UnitDisplay } from '../format/numbers';

export { NO_VALUE };

/** Grafana's currency unit without abbreviation: $57,748.47 where 'currencyUSD' prints $57.7K. */
export const GRAFANA_USD = 'currency:financial:$';

/**
 * The Grafana unit that prints a KPI unit as format/numbers.ts does, so that panels, tooltips and
 * the app's own text agree. Grafana has no unit with both a prefix and a suffix: USD/day panels
 * print "$1,806.74" (their titles say per day). Its suffix units print no thousands separators.
 */
const GRAFANA_UNITS: Record<string, string> = {
  USD: GRAFANA_USD,
  'USD/day': GRAFANA_USD,
  '%': 'suffix:%',
  // the space keeps the SI prefix apart from the unit: "3.07 M tokens/h"
  'tokens/h': 'si: tokens/h',
  ratio: 'none',
  count: 'locale',
  days: 'suffix:days',
};

export function grafanaUnit(kpiUnit: string | undefined): string | undefined {
  return kpiUnit === undefined ? undefined : (GRAFANA_UNITS[kpiUnit] ?? `suffix:${kpiUnit}`);
}

/**
 * A KPI's Grafana unit and decimals. SI units leave decimals to Grafana, which then prints three
 * significant digits of the scaled value ("3.07 M"), as format/numbers.ts does.
 */
export function kpiFieldDisplay(kpi: UnitDisplay): Pick<FieldConfig, 'unit' | 'decimals'> {
  const unit = grafanaUnit(kpi.unit);
  return unitAffixes(kpi.unit).si ? { unit } : { unit, decimals: kpi.decimals };
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
    if (field.type === FieldType.time && plan.pointShiftMs) {
      // settled points: Prometheus evaluated each at the hour, its window ends pointShiftMs before
      return { ...field, values: field.values.map((t: number) => t - plan.pointShiftMs!) };
    }
    if (field.type !== FieldType.number) {
      return field;
    }
    const config: FieldConfig = {
      ...field.config,
      ...(plan.kpi ? kpiFieldDisplay(plan.kpi) : {}),
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
