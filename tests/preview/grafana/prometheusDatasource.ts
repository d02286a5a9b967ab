/**
 * Stands in for Grafana's core Prometheus datasource plugin: runs the targets it is given on the
 * real Prometheus behind the preview server's datasource proxy, answers `label_values(...)`
 * variable queries like Grafana's Prometheus does, and reports a health check.
 */
import {
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  MetricFindValue,
  TestDataSourceResponse,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { from, Observable } from 'rxjs';
import { instantQuery, rangeQuery } from '../../../src/cli/prometheusHttp';
import { PromTarget, runPromTargets } from '../../support/prometheusFrames';
import { PROMETHEUS_PROXY_PATH } from './ids';

const LABEL_VALUES = /^label_values\(\s*(?:([^,]+?)\s*,\s*)?([a-zA-Z_]\w*)\s*\)$/;

async function getJson<T>(path: string): Promise<T> {
  const response = await window.fetch(`${PROMETHEUS_PROXY_PATH}${path}`);
  const json = await response.json();
  if (json.status !== 'success') {
    throw { status: response.status, data: { message: json.error } };
  }
  return json.data as T;
}

export class PreviewPrometheusDatasource extends DataSourceApi<PromTarget & DataQuery> {
  private readonly base = `${window.location.origin}${PROMETHEUS_PROXY_PATH}`;

  constructor(settings: DataSourceInstanceSettings) {
    super(settings);
  }

  query(request: DataQueryRequest<PromTarget & DataQuery>): Observable<DataQueryResponse> {
    const client = {
      instant: (expr: string, t: number) => instantQuery(this.base, expr, t),
      range: (expr: string, s: number, e: number, step: number) => rangeQuery(this.base, expr, s, e, step),
    };
    return from(runPromTargets(client, request).then((data) => ({ data })));
  }

  async metricFindQuery(query: string): Promise<MetricFindValue[]> {
    const match = LABEL_VALUES.exec(query.trim());
    if (!match) {
      throw new Error(`the preview's Prometheus supports label_values(...) variable queries only, not ${query}`);
    }
    const [, metric, label] = match;
    const selector = metric ? `?match[]=${encodeURIComponent(metric)}` : '';
    const values = await getJson<string[]>(`/api/v1/label/${encodeURIComponent(label)}/values${selector}`);
    return values.map((text) => ({ text, value: text }));
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    await getJson('/api/v1/status/buildinfo');
    return { status: 'success', message: 'Data source is working' };
  }
}
