/**
 * Queries for Grafana's Prometheus datasource, for what a KPI formula cannot express (top N with
 * the total, offsets, the anomaly series): its query model is `expr` + `instant` / `range`, and
 * `interval` is the minimum step of a range query.
 */
import type { SceneDataQuery } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { getDataSourceSrv } from '@grafana/runtime';
import type { KpiDataSourceOptions } from '../datasource/types';

export interface PrometheusTarget extends SceneDataQuery {
  expr: string;
  instant: boolean;
  range: boolean;
  /** minimum step of a range query, e.g. "86400s" */
  interval?: string;
  legendFormat?: string;
  editorMode: 'code';
}

/** One value per series at the end of the time range. */
export function instantTarget(refId: string, expr: string): PrometheusTarget {
  return { refId, expr, instant: true, range: false, editorMode: 'code' };
}

/** One value per step over the time range; each point covers the step before it. */
export function rangeTarget(refId: string, expr: string, stepSeconds: number, legendFormat?: string): PrometheusTarget {
  return {
    refId,
    expr,
    instant: false,
    range: true,
    interval: `${stepSeconds}s`,
    editorMode: 'code',
    ...(legendFormat ? { legendFormat } : {}),
  };
}

/** The Prometheus datasource the KPI datasource runs on, so code-built queries read the same series. */
export function prometheusOfKpiDatasource(kpiDatasource: DataSourceRef): DataSourceRef | undefined {
  const settings = getDataSourceSrv().getInstanceSettings(kpiDatasource);
  const uid = (settings?.jsonData as KpiDataSourceOptions | undefined)?.prometheusUid;
  const prometheus = uid ? getDataSourceSrv().getInstanceSettings({ uid }) : undefined;
  return prometheus ? { uid: prometheus.uid, type: prometheus.type } : undefined;
}
