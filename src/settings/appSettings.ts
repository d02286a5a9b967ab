/**
 * The app's settings live in the plugin's jsonData (Grafana stores them per org).
 * Every write carries the version it was based on; a write based on an older version
 * is refused instead of silently overwriting someone else's change.
 */
import { getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { APP_SETTINGS_URL } from '../constants';
import { AppSettings, withDefaults } from './model';

export * from './model';

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
