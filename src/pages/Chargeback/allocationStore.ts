/**
 * Saving the Chargeback allocation rule in the app settings, on top of the version the page read:
 * the KPI catalog's no-lost-update rule (src/settings/appSettings.ts), so a save over someone
 * else's newer one throws SettingsConflictError instead of overwriting it.
 */
import type { AllocationRule } from '../../chargeback/types';
import { saveAppSettings, type AppSettings } from '../../settings/appSettings';

export function saveAllocationRule(rule: AllocationRule, baseVersion: number): Promise<AppSettings> {
  return saveAppSettings({ chargebackAllocation: rule }, baseVersion);
}
