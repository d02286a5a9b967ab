/**
 * The app's KPI datasource instance as the configuration page sees it: which instances exist,
 * where they differ from the app settings, and the Grafana API request that creates one.
 */
import type { DataSourceInstanceSettings } from '@grafana/data';
import { getBackendSrv, getDataSourceSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { KPI_DATASOURCE_NAME, KPI_DATASOURCE_PLUGIN_ID } from '../../constants';
import type { KpiDataSourceOptions } from '../../datasource/types';
import type { ProfileId } from '../../rules/profile';

export const DATASOURCES_API_URL = '/api/datasources';

export interface KpiDatasourceTarget {
  prometheusUid?: string;
  profile: ProfileId;
}

export interface NewKpiDatasource {
  name: string;
  type: string;
  access: 'proxy';
  jsonData: KpiDataSourceOptions;
}

export function newKpiDatasource(target: KpiDatasourceTarget): NewKpiDatasource {
  return {
    name: KPI_DATASOURCE_NAME,
    type: KPI_DATASOURCE_PLUGIN_ID,
    access: 'proxy',
    jsonData: { prometheusUid: target.prometheusUid, profile: target.profile },
  };
}

export async function createKpiDatasource(body: NewKpiDatasource): Promise<void> {
  await lastValueFrom(getBackendSrv().fetch({ url: DATASOURCES_API_URL, method: 'POST', data: body, showErrorAlert: false }));
}

export interface KpiDatasourceFinding {
  uid: string;
  name: string;
  /** sentences saying where the instance differs from the app settings; empty when it agrees */
  differences: string[];
}

/** How a datasource uid reads on the page: its name when Grafana knows it. */
export type DatasourceName = (uid: string) => string;

export const datasourceName: DatasourceName = (uid) => getDataSourceSrv().getInstanceSettings(uid)?.name ?? uid;

/**
 * Compares each KPI datasource instance with the app settings. The app's pages query the
 * Prometheus behind the KPI datasource, so an instance on another Prometheus shows other data.
 */
export function compareKpiDatasources(
  instances: Array<DataSourceInstanceSettings<KpiDataSourceOptions>>,
  target: KpiDatasourceTarget,
  nameOf: DatasourceName
): KpiDatasourceFinding[] {
  return instances.map((ds) => {
    const differences: string[] = [];
    const prometheusUid = ds.jsonData?.prometheusUid;
    if (!prometheusUid) {
      differences.push('It has no Prometheus datasource.');
    } else if (target.prometheusUid && prometheusUid !== target.prometheusUid) {
      differences.push(
        `It queries the Prometheus datasource ${nameOf(prometheusUid)}; these settings use ${nameOf(target.prometheusUid)}.`
      );
    }
    const profile = ds.jsonData?.profile;
    if (profile && profile !== target.profile) {
      differences.push(`Its metric profile is ${profile}; these settings use ${target.profile}.`);
    }
    return { uid: ds.uid, name: ds.name, differences };
  });
}

/** Grafana's edit page of a datasource (Connections > Data sources). */
export function datasourceEditUrl(uid: string): string {
  return `/connections/datasources/edit/${encodeURIComponent(uid)}`;
}
