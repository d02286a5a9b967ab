/** The app's settings model: what its jsonData holds, and its defaults (no Grafana services here). */
import { BUDGET_CRITICAL_PERCENT, BUDGET_WARNING_PERCENT } from '../engine/conventions';
import type { ProfileId } from '../rules/profile';

export interface CustomKpiSetting {
  id: string;
  name: string;
  formula: string;
  unit: string;
  decimals: number;
  direction: 'higher-is-better' | 'lower-is-better' | 'neutral';
  thresholds: Array<{ value: number; state: 'good' | 'warning' | 'critical' }>;
  description: string;
}

export interface AppSettings {
  /** uid of the Prometheus-compatible datasource that holds the aigateway:* series */
  prometheusUid?: string;
  profile: ProfileId;
  /** anomaly threshold in standard deviations of the 30-day baseline */
  anomalySigma: number;
  /** budget utilization (percent) at which the warning / critical colours and alerts start */
  budgetWarningPercent: number;
  budgetCriticalPercent: number;
  customKpis: CustomKpiSetting[];
  /** incremented by every save; the base of conflict detection */
  version: number;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  profile: 'litellm',
  anomalySigma: 3,
  budgetWarningPercent: BUDGET_WARNING_PERCENT,
  budgetCriticalPercent: BUDGET_CRITICAL_PERCENT,
  customKpis: [],
  version: 0,
};

export function withDefaults(jsonData: Partial<AppSettings> | undefined): AppSettings {
  return { ...DEFAULT_APP_SETTINGS, ...(jsonData ?? {}) };
}
