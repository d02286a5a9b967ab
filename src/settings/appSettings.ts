/**
 * The app's settings live in the plugin's jsonData (Grafana stores them per org).
 * Every write carries the version it was based on; a write based on an older version
 * is refused instead of silently overwriting someone else's change.
 */
import { getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { APP_SETTINGS_URL } from '../constants';
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

export class SettingsConflictError extends Error {
  constructor(readonly current: AppSettings) {
    super(
      `Someone saved the AI Spend settings in the meantime (version ${current.version}). ` +
        'Your change was not saved; reload to see theirs, then apply yours again.'
    );
  }
}

interface PluginSettingsResponse {
  enabled: boolean;
  pinned: boolean;
  jsonData?: Partial<AppSettings>;
}

export async function loadAppSettings(): Promise<{ settings: AppSettings; enabled: boolean; pinned: boolean }> {
  const response = await lastValueFrom(
    getBackendSrv().fetch<PluginSettingsResponse>({ url: APP_SETTINGS_URL, method: 'GET', showErrorAlert: false })
  );
  return { settings: withDefaults(response.data.jsonData), enabled: response.data.enabled, pinned: response.data.pinned };
}

/**
 * Applies `change` to the settings saved as `baseVersion`. Grafana's settings API has no
 * compare-and-swap, so the version is re-read right before the write: this narrows a
 * conflict to the instant between read and write and never loses a change made earlier.
 */
export async function saveAppSettings(change: Partial<AppSettings>, baseVersion: number): Promise<AppSettings> {
  const { settings: current, enabled, pinned } = await loadAppSettings();
  if (current.version !== baseVersion) {
    throw new SettingsConflictError(current);
  }
  const next: AppSettings = { ...current, ...change, version: current.version + 1 };
  await lastValueFrom(
    getBackendSrv().fetch({
      url: APP_SETTINGS_URL,
      method: 'POST',
      data: { enabled, pinned, jsonData: next },
      showErrorAlert: false,
    })
  );
  return next;
}
