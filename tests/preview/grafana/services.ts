/** Installs the preview's stand-ins as the services @grafana/runtime hands to the app. */
import { EventBusSrv } from '@grafana/data';
import { setAppEvents } from '@grafana/runtime';
import {
  getBackendSrv,
  setBackendSrv,
  setDataSourceSrv,
  setPluginPage,
  setRunRequest,
  setTemplateSrv,
} from './runtimeServices';
import { previewBackendSrv } from './backendSrv';
import { DataSourceSettingsRow, PreviewDataSourceSrv } from './dataSourceSrv';
import { PreviewPluginPage } from './PageChrome';
import { registerPanelStandIns } from './panels/registry';
import { previewRunRequest } from './runRequest';
import { previewTemplateSrv } from './templateSrv';

export async function installPreviewServices(): Promise<void> {
  // Grafana's app-wide event bus (panels publish hover and crosshair events on it)
  setAppEvents(new EventBusSrv());
  setBackendSrv(previewBackendSrv);
  setTemplateSrv(previewTemplateSrv);
  setRunRequest(previewRunRequest);
  setPluginPage(PreviewPluginPage);
  registerPanelStandIns();
  const rows = await getBackendSrv().get<DataSourceSettingsRow[]>('/api/datasources');
  setDataSourceSrv(new PreviewDataSourceSrv(rows));
}
