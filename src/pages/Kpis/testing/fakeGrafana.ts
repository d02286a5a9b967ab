/**
 * Test doubles of the Grafana services the KPI pages call, for jest: the app's settings endpoint
 * (with Grafana's rule that only Admins write it), a KPI datasource that answers each query with a
 * number per KPI id / formula, and runRequest as Grafana wires a datasource into a query runner.
 * The test files mock @grafana/runtime's getters and hand them these.
 */
import {
  createDataFrame,
  DataQueryRequest,
  DataQueryResponse,
  FieldType,
  LoadingState,
  type DataSourceApi,
  type PanelData,
} from '@grafana/data';
import type { BackendSrvRequest } from '@grafana/runtime';
import { from, map, Observable, of, throwError } from 'rxjs';
import { APP_SETTINGS_URL } from '../../../constants';
import type { AppSettings } from '../../../settings/model';
import type { KpiQuery } from '../../../datasource/types';

/** GET / POST of the app's plugin settings; `role` is the signed-in user's org role. */
export class FakeSettingsBackend {
  role: 'Admin' | 'Editor' | 'Viewer' = 'Admin';
  posts: AppSettings[] = [];

  constructor(public stored: AppSettings) {}

  /** Someone else saves in between (another tab, another admin). */
  saveFromElsewhere(change: Partial<AppSettings>) {
    this.stored = { ...this.stored, ...change, version: this.stored.version + 1 };
  }

  fetch = jest.fn((req: BackendSrvRequest): Observable<{ data: unknown }> => {
    if (req.url !== APP_SETTINGS_URL) {
      return throwError(() => ({ status: 404, data: { message: `no route ${req.url}` } }));
    }
    if (req.method === 'POST') {
      if (this.role !== 'Admin') {
        return throwError(() => ({ status: 403, data: { message: 'Permission denied' } }));
      }
      this.stored = req.data.jsonData;
      this.posts.push(req.data.jsonData);
      return of({ data: { message: 'Plugin settings updated' } });
    }
    return of({ data: { enabled: true, pinned: true, jsonData: this.stored } });
  });
}

export type Answer = (query: KpiQuery) => number | undefined;

/** A KPI datasource: one number per query (none: no data), as the Prometheus datasource's frames. */
export function fakeKpiDatasource(answer: Answer) {
  const queries: KpiQuery[] = [];
  const ds = {
    uid: 'kpi',
    type: 'aispend-kpi-datasource',
    catalog: { refresh: jest.fn(async () => undefined) },
    queries,
    getRef: () => ({ uid: 'kpi', type: 'aispend-kpi-datasource' }),
    metricFindQuery: async (kind: string) => (kind === 'providers' ? [{ text: 'openai' }, { text: 'anthropic' }] : []),
    query(request: DataQueryRequest<KpiQuery>): Observable<DataQueryResponse> {
      queries.push(...request.targets);
      const data = request.targets.flatMap((target) => {
        const value = answer(target);
        return value === undefined
          ? []
          : [
              createDataFrame({
                refId: target.refId,
                fields: [
                  { name: 'Time', type: FieldType.time, values: [request.range.to.valueOf()] },
                  { name: 'Value', type: FieldType.number, values: [value] },
                ],
              }),
            ];
      });
      return of({ data });
    },
  };
  return ds;
}

/** What Grafana's runRequest does for a query runner: the datasource's answer as PanelData. */
export function fakeRunRequest(ds: DataSourceApi, request: DataQueryRequest): Observable<PanelData> {
  return from(ds.query(request) as Observable<DataQueryResponse>).pipe(
    map((response) => ({
      state: LoadingState.Done,
      series: response.data,
      errors: response.errors,
      timeRange: request.range,
      request,
    }))
  );
}

/** getDataSourceSrv() of a page with one KPI datasource on a Prometheus one. */
export function fakeDataSourceSrv(ds: ReturnType<typeof fakeKpiDatasource>) {
  return {
    get: async () => ds,
    getInstanceSettings: () => ({ uid: ds.uid, type: ds.type, jsonData: { prometheusUid: 'prom' } }),
    getList: () => [{ uid: ds.uid, type: ds.type }],
  };
}
