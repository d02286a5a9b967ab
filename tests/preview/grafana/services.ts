/** Installs the preview's stand-ins as the services @grafana/runtime hands to the app. */
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
  setBackendSrv(previewBackendSrv);
  setTemplateSrv(previewTemplateSrv);
  setRunRequest(previewRunRequest);
  setPluginPage(PreviewPluginPage);
  registerPanelStandIns();
  const rows = await getBackendSrv().get<DataSourceSettingsRow[]>('/api/datasources');
  setDataSourceSrv(new PreviewDataSourceSrv(rows));
}
