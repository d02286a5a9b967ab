import type { DataSourceRef } from '@grafana/schema';
import { getDataSourceSrv } from '@grafana/runtime';
import { KPI_DATASOURCE_PLUGIN_ID } from '../constants';

/** The KPI datasource the app's pages query: the first instance of the nested datasource plugin. */
export function findKpiDatasource(): DataSourceRef | undefined {
  const instance = getDataSourceSrv().getList({ pluginId: KPI_DATASOURCE_PLUGIN_ID })[0];
  return instance ? { uid: instance.uid, type: KPI_DATASOURCE_PLUGIN_ID } : undefined;
}
