/**
 * A KPI threshold as a Grafana-managed alert rule, in the shape Grafana's provisioning API
 * takes (`POST /api/v1/provisioning/alert-rules`): query A is the KPI's compiled PromQL on the
 * Prometheus datasource, B reduces it to its last value, C compares B with the threshold.
 * Shared by the app's pages (budgets, KPI alerts); pure, so the shape is unit-tested.
 */
import type { KpiDefinition } from '../engine/catalog';
import type { GroupByLabel } from '../engine/conventions';
import { compileToPromQL } from '../engine/language';

export const EXPRESSION_DATASOURCE_UID = '__expr__';

export interface KpiAlertOptions {
  kpi: Pick<KpiDefinition, 'id' | 'name' | 'formula' | 'unit'>;
  threshold: number;
  /** fire when the KPI is above (default) or below the threshold */
  when?: 'above' | 'below';
  groupBy?: GroupByLabel;
  /** the window the KPI is computed over at each evaluation */
  windowSeconds: number;
  prometheusUid: string;
  folderUid: string;
  ruleGroup: string;
  /** how long the condition must hold, e.g. "5m" */
  pendingFor?: string;
  severity?: 'warning' | 'critical';
}

export interface AlertQuery {
  refId: string;
  datasourceUid: string;
  queryType: string;
  relativeTimeRange: { from: number; to: number };
  model: Record<string, unknown>;
}

export interface ProvisionedAlertRule {
  title: string;
  ruleGroup: string;
  folderUID: string;
  condition: string;
  data: AlertQuery[];
  noDataState: 'NoData' | 'OK' | 'Alerting';
  execErrState: 'Error' | 'OK' | 'Alerting';
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  isPaused: boolean;
}

export class AlertRuleError extends Error {}

export function buildKpiAlertRule(options: KpiAlertOptions): ProvisionedAlertRule {
  const { kpi, threshold, groupBy } = options;
  if (!Number.isFinite(threshold)) {
    throw new AlertRuleError('The threshold must be a number');
  }
  const compiled = compileToPromQL(kpi.formula, { mode: 'instant', windowSeconds: options.windowSeconds, groupBy: groupBy ? [groupBy] : [] });
  if (!compiled.ok) {
    const d = compiled.diagnostics[0];
    throw new AlertRuleError(`KPI "${kpi.id}": ${d.message} (column ${d.startColumn})`);
  }
  const when = options.when ?? 'above';
  const unit = kpi.unit === '%' ? ' %' : ` ${kpi.unit}`;
  const who = groupBy ? ` for ${groupBy} {{ $labels.${groupBy} }}` : '';
  // Grafana evaluates the query at "now"; the window is inside the PromQL, so a short range suffices.
  const timeRange = { from: 600, to: 0 };
  return {
    title: `${kpi.name} ${when} ${threshold}${unit}`,
    ruleGroup: options.ruleGroup,
    folderUID: options.folderUid,
    condition: 'C',
    data: [
      {
        refId: 'A',
        datasourceUid: options.prometheusUid,
        queryType: '',
        relativeTimeRange: timeRange,
        model: { refId: 'A', expr: compiled.promql, instant: true, range: false, intervalMs: 60_000, maxDataPoints: 43_200 },
      },
      {
        refId: 'B',
        datasourceUid: EXPRESSION_DATASOURCE_UID,
        queryType: '',
        relativeTimeRange: timeRange,
        model: { refId: 'B', type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } },
      },
      {
        refId: 'C',
        datasourceUid: EXPRESSION_DATASOURCE_UID,
        queryType: '',
        relativeTimeRange: timeRange,
        model: {
          refId: 'C',
          type: 'threshold',
          expression: 'B',
          conditions: [{ evaluator: { type: when === 'above' ? 'gt' : 'lt', params: [threshold] } }],
        },
      },
    ],
    // a KPI without data (no traffic) is not an incident
    noDataState: 'OK',
    execErrState: 'Error',
    for: options.pendingFor ?? '5m',
    labels: { aispend_kpi: kpi.id, severity: options.severity ?? 'warning' },
    annotations: {
      summary: `${kpi.name}${who} is {{ humanize $values.B.Value }}${unit} (${when} ${threshold}${unit})`,
      description: `AI Spend KPI ${kpi.id}: ${kpi.formula}`,
    },
    isPaused: false,
  };
}
