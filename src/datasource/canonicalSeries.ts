/**
 * Which canonical `aigateway:*` series a Prometheus-compatible datasource holds, in one call: the
 * label values of `__name__` through the datasource itself (its auth and proxy apply). Shared by
 * the KPI datasource's health check and the app's configuration page.
 */
import type { DataSourceApi } from '@grafana/data';
import { RULE_PREFIX } from '../engine/conventions';

export const METRIC_NAMES_QUERY = 'label_values(__name__)';

export async function presentCanonicalSeries(prom: DataSourceApi): Promise<Set<string>> {
  if (!prom.metricFindQuery) {
    throw new Error(`${prom.name} cannot list metric names (no label values query)`);
  }
  const values = await prom.metricFindQuery(METRIC_NAMES_QUERY);
  return new Set(values.map((v) => String(v.text)).filter((name) => name.startsWith(RULE_PREFIX)));
}
