import type { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { VARIABLES } from '../constants';
import type { GroupByLabel } from '../engine/conventions';
import type { ProfileId } from '../rules/profile';

export type KpiMode = 'instant' | 'range';

export interface KpiQuery extends DataQuery {
  /** a standard or custom KPI id; when set, its formula is used */
  kpiId?: string;
  /** an inline formula (used when no kpiId is set) */
  formula?: string;
  mode?: KpiMode;
  groupBy?: GroupByLabel;
  /** range mode step, e.g. "1h"; empty = the panel's interval, at least the rule interval */
  step?: string;
  legendFormat?: string;
  /**
   * Evaluate on another range than the panel's: the previous period of the same length (for
   * "change vs previous period"), or the last `lookback` (e.g. "14d") ending where the panel's ends.
   */
  period?: 'previous';
  lookback?: string;
  /**
   * The dashboard variables the filters come from ("$provider $model $team"). The datasource reads
   * the filters from the variables themselves; naming them here is what tells Grafana and Scenes
   * that the query depends on them, so it waits while they load and runs again when they change.
   */
  filterVariables?: string;
}

export interface KpiDataSourceOptions extends DataSourceJsonData {
  /** uid of the Prometheus-compatible datasource that runs the compiled PromQL */
  prometheusUid?: string;
  profile?: ProfileId;
  /** evaluation interval of the canonical recording rules */
  ruleIntervalSeconds?: number;
}

/** See `KpiQuery.filterVariables`. */
export const FILTER_VARIABLES = [VARIABLES.provider, VARIABLES.model, VARIABLES.team].map((name) => `$${name}`).join(' ');

export const DEFAULT_QUERY: Partial<KpiQuery> = {
  kpiId: 'total_spend',
  mode: 'range',
  filterVariables: FILTER_VARIABLES,
};

/** metricFindQuery vocabulary for template variables */
export type VariableQueryKind = 'providers' | 'models' | 'teams' | 'users' | 'api_keys';
