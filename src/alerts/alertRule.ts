/**
 * A KPI threshold as a Grafana-managed alert rule, in the shape Grafana's provisioning API
 * takes (`POST /api/v1/provisioning/alert-rules`): query A is the KPI's compiled PromQL on the
 * Prometheus datasource, B reduces it to its last value, C compares B with the threshold.
 * Shared by the app's pages (budgets, KPI alerts); pure, so the shape is unit-tested.
 */
import type { KpiDefinition } from '../engine/catalog';
import type { GroupByLabel } from '../engine/conventions';
import { compileToPromQL, type Filters } from '../engine/language';

export const EXPRESSION_DATASOURCE_UID = '__expr__';

export interface KpiAlertOptions {
  kpi: Pick<KpiDefinition, 'id' | 'name' | 'formula' | 'unit'>;
  threshold: number;
  /** fire when the KPI is above (default) or below the threshold */
  when?: 'above' | 'below';
  groupBy?: GroupByLabel;
  /** only this traffic (e.g. the provider / model / team filters of the page the rule was made on) */
  filters?: Filters;
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
  /** set for rules that are created or updated by a fixed uid (idempotent provisioning) */
  uid?: string;
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

// Grafana evaluates the queries at "now"; windows are inside the PromQL, so a short range suffices.
const TIME_RANGE = { from: 600, to: 0 };

/** An instant PromQL query on the Prometheus datasource. */
export function prometheusQuery(refId: string, expr: string, prometheusUid: string): AlertQuery {
  return {
    refId,
    datasourceUid: prometheusUid,
    queryType: '',
    relativeTimeRange: TIME_RANGE,
    model: { refId, expr, instant: true, range: false, intervalMs: 60_000, maxDataPoints: 43_200 },
  };
}

/** A server-side expression step (reduce, math, threshold). */
export function expressionStep(refId: string, model: Record<string, unknown>): AlertQuery {
  return {
    refId,
    datasourceUid: EXPRESSION_DATASOURCE_UID,
    queryType: '',
    relativeTimeRange: TIME_RANGE,
    model: { refId, ...model },
  };
}

/** The last non-NaN value of each series of `expression`. */
export function reduceLastStep(refId: string, expression: string): AlertQuery {
  return expressionStep(refId, { type: 'reduce', expression, reducer: 'last', settings: { mode: 'dropNN' } });
}

export function buildKpiAlertRule(options: KpiAlertOptions): ProvisionedAlertRule {
  const { kpi, threshold, groupBy } = options;
  if (!Number.isFinite(threshold)) {
    throw new AlertRuleError('The threshold must be a number');
  }
  const compiled = compileToPromQL(kpi.formula, {
    mode: 'instant',
    windowSeconds: options.windowSeconds,
    groupBy: groupBy ? [groupBy] : [],
    filters: options.filters ?? {},
  });
  if (!compiled.ok) {
    const d = compiled.diagnostics[0];
    throw new AlertRuleError(`KPI "${kpi.id}": ${d.message} (column ${d.startColumn})`);
  }
  const when = options.when ?? 'above';
  const unit = kpi.unit === '%' ? ' %' : ` ${kpi.unit}`;
  const who = groupBy ? ` for ${groupBy} {{ $labels.${groupBy} }}` : '';
  return {
    title: `${kpi.name} ${when} ${threshold}${unit}`,
    ruleGroup: options.ruleGroup,
    folderUID: options.folderUid,
    condition: 'C',
    data: [
      prometheusQuery('A', compiled.promql, options.prometheusUid),
      reduceLastStep('B', 'A'),
      expressionStep('C', {
        type: 'threshold',
        expression: 'B',
        conditions: [{ evaluator: { type: when === 'above' ? 'gt' : 'lt', params: [threshold] } }],
      }),
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
