/** The app's settings model: what its jsonData holds, and its defaults (no Grafana services here). */
import { BUDGET_CRITICAL_PERCENT, BUDGET_WARNING_PERCENT } from '../engine/conventions';
import type { ProfileId } from '../rules/profile';
import { DEFAULT_ALLOCATION, type AllocationRule } from '../chargeback/types';

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
  /** what the Chargeback page and its CSV do with spend without a team (team "") */
  chargebackAllocation: AllocationRule;
  /** incremented by every save; the base of conflict detection */
  version: number;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  profile: 'litellm',
  anomalySigma: 3,
  budgetWarningPercent: BUDGET_WARNING_PERCENT,
  budgetCriticalPercent: BUDGET_CRITICAL_PERCENT,
  customKpis: [],
  chargebackAllocation: DEFAULT_ALLOCATION,
  version: 0,
};

/** A stored allocation rule as the report takes it; anything else (hand-edited jsonData) is not one. */
export function isAllocationRule(value: unknown): value is AllocationRule {
  if (value === 'unallocated' || value === 'proportional') {
    return true;
  }
  const team = (value as { team?: unknown } | null)?.team;
  return typeof value === 'object' && typeof team === 'string' && team !== '';
}

export function withDefaults(jsonData: Partial<AppSettings> | undefined): AppSettings {
  const settings = { ...DEFAULT_APP_SETTINGS, ...(jsonData ?? {}) };
  // a rule the report cannot apply must not break the Chargeback page: the default stands in
  return isAllocationRule(settings.chargebackAllocation)
    ? settings
    : { ...settings, chargebackAllocation: DEFAULT_ALLOCATION };
}
