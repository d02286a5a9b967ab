/**
 * Saving custom KPIs: the new list, written to the app settings on top of the version the
 * editor was opened with. A newer version saved by someone else in between makes
 * saveAppSettings throw SettingsConflictError instead of overwriting it.
 */
import { saveAppSettings, type AppSettings, type CustomKpiSetting } from '../../../settings/appSettings';

/** `kpi` added at the end, or in place of the KPI with id `replacingId` (an edit). */
export function withCustomKpi(
  list: readonly CustomKpiSetting[],
  kpi: CustomKpiSetting,
  replacingId?: string
): CustomKpiSetting[] {
  const at = replacingId === undefined ? -1 : list.findIndex((k) => k.id === replacingId);
  return at < 0 ? [...list, kpi] : list.map((k, i) => (i === at ? kpi : k));
}

export function withoutCustomKpi(list: readonly CustomKpiSetting[], id: string): CustomKpiSetting[] {
  return list.filter((k) => k.id !== id);
}

export function saveCustomKpi(
  settings: AppSettings,
  kpi: CustomKpiSetting,
  baseVersion: number,
  replacingId?: string
): Promise<AppSettings> {
  return saveAppSettings({ customKpis: withCustomKpi(settings.customKpis, kpi, replacingId) }, baseVersion);
}

export function deleteCustomKpi(settings: AppSettings, id: string, baseVersion: number): Promise<AppSettings> {
  return saveAppSettings({ customKpis: withoutCustomKpi(settings.customKpis, id) }, baseVersion);
}
