/**
 * What the preview server keeps for the parts of Grafana's HTTP API the app uses: datasources and
 * the app's plugin settings, in one JSON file so saves survive reloads (and conflicting saves from
 * two tabs meet the same stored version, as in Grafana).
 */
import fs from 'fs';
import { KPI_DATASOURCE_PLUGIN_ID } from '../../src/constants';
import { DEFAULT_APP_SETTINGS } from '../../src/settings/model';
import type { ProfileId } from '../../src/rules/profile';
import { PREVIEW_KPI_UID, PREVIEW_PROMETHEUS_UID } from '../../tests/preview/grafana/ids';
import type { DataSourceSettingsRow } from '../../tests/preview/grafana/dataSourceSrv';

export interface PreviewState {
  datasources: DataSourceSettingsRow[];
  appSettings: { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
  folders?: Array<{ uid: string; title: string }>;
  alertRules?: Array<Record<string, unknown>>;
}

export function initialState(profile: ProfileId, withKpiDatasource = true): PreviewState {
  const prometheus: DataSourceSettingsRow = {
    id: 1,
    uid: PREVIEW_PROMETHEUS_UID,
    name: 'Prometheus',
    type: 'prometheus',
    access: 'proxy',
    isDefault: true,
    jsonData: { timeInterval: '60s' },
  };
  const kpi: DataSourceSettingsRow = {
    id: 2,
    uid: PREVIEW_KPI_UID,
    name: 'AI Spend KPI',
    type: KPI_DATASOURCE_PLUGIN_ID,
    access: 'proxy',
    jsonData: { prometheusUid: PREVIEW_PROMETHEUS_UID, profile },
  };
  return {
    datasources: withKpiDatasource ? [prometheus, kpi] : [prometheus],
    appSettings: {
      enabled: true,
      pinned: true,
      jsonData: { ...DEFAULT_APP_SETTINGS, prometheusUid: PREVIEW_PROMETHEUS_UID, profile },
    },
  };
}

export class PreviewStateFile {
  constructor(
    readonly file: string,
    initial: () => PreviewState
  ) {
    if (!fs.existsSync(file)) {
      this.write(initial());
    }
  }
  read(): PreviewState {
    return JSON.parse(fs.readFileSync(this.file, 'utf8'));
  }
  write(state: PreviewState): void {
    fs.writeFileSync(this.file, JSON.stringify(state, null, 2));
  }
  update(change: (state: PreviewState) => void): PreviewState {
    const state = this.read();
    change(state);
    this.write(state);
    return state;
  }
}
