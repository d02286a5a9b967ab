/**
 * Stands in for Grafana's DatasourceSrv (public/app/features/plugins/datasource_srv.ts): the
 * datasources the preview server keeps (GET /api/datasources, as Grafana's boot data lists them),
 * instantiated with the plugin that implements their type — the app's REAL KPI datasource class,
 * and the preview's Prometheus stand-in.
 */
import {
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePluginMeta,
  DataSourceRef,
  PluginType,
} from '@grafana/data';
import type { DataSourceSrv, GetDataSourceListFilters } from '@grafana/runtime';
import { plugin as kpiPlugin } from '../../../src/datasource/module';
import kpiPluginJson from '../../../src/datasource/plugin.json';
import { KPI_DATASOURCE_PLUGIN_ID } from '../../../src/constants';
import { PreviewPrometheusDatasource } from './prometheusDatasource';

/** The shape Grafana's /api/datasources answers with. */
export interface DataSourceSettingsRow {
  id: number;
  uid: string;
  name: string;
  type: string;
  url?: string;
  access?: 'proxy' | 'direct';
  isDefault?: boolean;
  jsonData: Record<string, unknown>;
}

function pluginMeta(type: string): DataSourcePluginMeta {
  const info = {
    author: { name: '' },
    description: '',
    links: [],
    logos: { small: '', large: '' },
    screenshots: [],
    updated: '',
    version: '',
  };
  if (type === KPI_DATASOURCE_PLUGIN_ID) {
    return {
      ...(kpiPluginJson as unknown as DataSourcePluginMeta),
      info: { ...info, ...kpiPluginJson.info },
      module: 'preview',
      baseUrl: '',
    };
  }
  return {
    id: type,
    name: 'Prometheus',
    type: PluginType.datasource,
    module: 'core:plugin/prometheus',
    baseUrl: '',
    info,
    metrics: true,
  };
}

function instanceSettings(row: DataSourceSettingsRow): DataSourceInstanceSettings {
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    type: row.type,
    meta: pluginMeta(row.type),
    jsonData: row.jsonData ?? {},
    access: row.access ?? 'proxy',
    url: row.url,
    isDefault: row.isDefault,
    readOnly: false,
  } as DataSourceInstanceSettings;
}

function instantiate(settings: DataSourceInstanceSettings): DataSourceApi {
  if (settings.type === KPI_DATASOURCE_PLUGIN_ID) {
    const instance = new kpiPlugin.DataSourceClass(settings as never) as unknown as DataSourceApi;
    instance.components = kpiPlugin.components as unknown as DataSourceApi['components'];
    instance.meta = settings.meta;
    return instance;
  }
  if (settings.type === 'prometheus') {
    return new PreviewPrometheusDatasource(settings) as unknown as DataSourceApi;
  }
  throw new Error(`the preview has no datasource plugin of type ${settings.type}`);
}

export class PreviewDataSourceSrv implements DataSourceSrv {
  private readonly settings: DataSourceInstanceSettings[];
  private readonly instances = new Map<string, DataSourceApi>();

  constructor(rows: DataSourceSettingsRow[]) {
    this.settings = rows.map(instanceSettings);
  }

  getInstanceSettings(ref?: string | DataSourceRef | null): DataSourceInstanceSettings | undefined {
    if (ref === null || ref === undefined || ref === 'default') {
      return this.settings.find((s) => s.isDefault) ?? this.settings[0];
    }
    if (typeof ref === 'string') {
      return this.settings.find((s) => s.uid === ref || s.name === ref);
    }
    return ref.uid ? this.settings.find((s) => s.uid === ref.uid) : this.settings.find((s) => s.type === ref.type);
  }

  async get(ref?: string | DataSourceRef | null): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref);
    if (!settings) {
      throw new Error(`Datasource ${JSON.stringify(ref)} was not found`);
    }
    let instance = this.instances.get(settings.uid);
    if (!instance) {
      instance = instantiate(settings);
      this.instances.set(settings.uid, instance);
    }
    return instance;
  }

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    return this.settings.filter(
      (s) =>
        (!filters.pluginId || s.type === filters.pluginId) &&
        (!filters.type || [filters.type].flat().includes(s.type)) &&
        (!filters.metrics || s.meta.metrics) &&
        (!filters.filter || filters.filter(s))
    );
  }

  reload(): Promise<void> {
    return Promise.resolve();
  }

  registerRuntimeDataSource(): void {
    throw new Error('runtime datasources are not used by the app');
  }
}
