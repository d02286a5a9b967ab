/**
 * The utilization thresholds of the gauges and the alert rules, from the app settings
 * (budgetWarningPercent / budgetCriticalPercent, default 80 / 95). Settings that cannot be
 * thresholds (not numbers, warning not below critical) fall back to the defaults, and the page
 * says so instead of colouring or alerting by nonsense.
 */
import { useMemo } from 'react';
import { BudgetThresholds, DEFAULT_BUDGET_THRESHOLDS } from '../../budgets/budgetMath';
import { AppSettings, withDefaults } from '../../settings/model';
import { usePluginMeta } from '../../utils/utils.plugin';

export interface ThresholdSetting {
  thresholds: BudgetThresholds;
  /** why the settings were not used; undefined when they were */
  problem?: string;
}

export function budgetThresholdsOf(jsonData: Partial<AppSettings> | undefined): ThresholdSetting {
  const { budgetWarningPercent: warning, budgetCriticalPercent: critical } = withDefaults(jsonData);
  const valid =
    [warning, critical].every((v) => typeof v === 'number' && Number.isFinite(v)) && warning > 0 && warning < critical;
  if (valid) {
    return { thresholds: { warningPercent: warning, criticalPercent: critical } };
  }
  const { warningPercent, criticalPercent } = DEFAULT_BUDGET_THRESHOLDS;
  return {
    thresholds: DEFAULT_BUDGET_THRESHOLDS,
    problem:
      `The app settings' budget thresholds (warning ${String(warning)} %, critical ${String(critical)} %) are not ` +
      `0 < warning < critical; the defaults ${warningPercent} % and ${criticalPercent} % are used.`,
  };
}

/** The thresholds from the plugin meta Grafana gave the app (no request). */
export function useBudgetThresholds(): ThresholdSetting {
  const jsonData = usePluginMeta()?.jsonData as Partial<AppSettings> | undefined;
  return useMemo(() => budgetThresholdsOf(jsonData), [jsonData]);
}
