/**
 * What a deep-dive hands out: the KPI's compiled PromQL with the page's filters, a panel JSON to
 * paste into a dashboard, and CSV file names. Pure, so each is table-tested.
 */
import type { DataSourceRef } from '@grafana/schema';
import { BASE_LABELS } from '../../../engine/conventions';
import type { KpiDefinition } from '../../../engine/catalog';
import type { Filters } from '../../../engine/language';
import { planKpiQuery } from '../../../datasource/queryPlan';
import { kpiFieldDisplay, thresholdsOf } from '../../../datasource/frames';
import type { KpiQuery } from '../../../datasource/types';

const ALL = '$__all';

/** The filters of the page's provider / model / team variables; "All" (or nothing picked) is no filter. */
export function filtersFromVariableValues(values: Partial<Record<string, unknown>>): Filters {
  const filters: Filters = {};
  for (const label of BASE_LABELS) {
    const raw = values[label];
    const list = (Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw]).map(String);
    if (list.length && !list.includes(ALL)) {
      filters[label] = list;
    }
  }
  return filters;
}

export interface PromQLContext {
  fromMs: number;
  toMs: number;
  filters: Filters;
  ruleIntervalSeconds: number;
}

/**
 * The PromQL the KPI datasource runs for the KPI's value over the page's range (instant query at
 * the range's end), by its default group if it has one — compiled by the engine, filters included.
 */
export function kpiPromQL(
  kpi: KpiDefinition,
  ctx: PromQLContext
): { ok: true; promql: string; windowSeconds: number } | { ok: false; message: string } {
  const query: KpiQuery = {
    refId: 'A',
    kpiId: kpi.id,
    mode: 'instant',
    ...(kpi.defaultGroupBy ? { groupBy: kpi.defaultGroupBy } : {}),
  };
  const plan = planKpiQuery(query, {
    ...ctx,
    intervalMs: ctx.ruleIntervalSeconds * 1000,
    findKpi: (id) => (id === kpi.id ? kpi : undefined),
  });
  return plan.ok ? { ok: true, promql: plan.promql, windowSeconds: plan.windowSeconds } : plan;
}

/** A time series panel on the KPI datasource that a user can paste into a dashboard (Add > Paste panel). */
export function kpiPanelJson(kpi: KpiDefinition, datasource: DataSourceRef) {
  const thresholds = thresholdsOf(kpi);
  return {
    type: 'timeseries',
    title: kpi.name,
    description: `${kpi.description}\n\nFormula: ${kpi.formula}`,
    datasource: { type: datasource.type, uid: datasource.uid },
    targets: [
      {
        refId: 'A',
        datasource: { type: datasource.type, uid: datasource.uid },
        kpiId: kpi.id,
        mode: 'range',
        ...(kpi.defaultGroupBy ? { groupBy: kpi.defaultGroupBy } : {}),
      },
    ],
    fieldConfig: {
      defaults: {
        ...kpiFieldDisplay(kpi),
        ...(thresholds ? { thresholds, custom: { thresholdsStyle: { mode: 'line' } } } : {}),
      },
      overrides: [],
    },
    options: {
      legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'multi', sort: 'desc' },
    },
    gridPos: { h: 8, w: 12, x: 0, y: 0 },
  };
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** e.g. total_spend-by-model-20261001-1200-20261031-1200.csv */
export function csvFileName(kpiId: string, part: string, fromMs: number, toMs: number): string {
  return `${kpiId}-${part}-${stamp(fromMs)}-${stamp(toMs)}.csv`;
}
