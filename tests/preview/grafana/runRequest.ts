/**
 * Stands in for Grafana's runRequest (public/app/features/query/state/runRequest.ts), which
 * scenes' query runner reaches through @grafana/runtime: runs a datasource query and reports
 * Loading, then each response as PanelData, and errors in Grafana's DataQueryError shape.
 */
import {
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  LoadingState,
  PanelData,
} from '@grafana/data';
import { catchError, defer, map, Observable, of, startWith } from 'rxjs';

function toDataQueryError(error: unknown): DataQueryError {
  const e = error as {
    message?: string;
    status?: number;
    statusText?: string;
    data?: { message?: string; error?: string };
  };
  const message = e?.data?.message ?? e?.data?.error ?? e?.message ?? e?.statusText ?? String(error);
  return { message, status: e?.status, data: e?.data as DataQueryError['data'] };
}

export function previewRunRequest(datasource: DataSourceApi, request: DataQueryRequest): Observable<PanelData> {
  const base = { timeRange: request.range, request };
  return defer(() => datasource.query(request) as Observable<DataQueryResponse>).pipe(
    map((response): PanelData => {
      const errors = response.errors ?? (response.error ? [response.error] : undefined);
      return {
        ...base,
        state: response.state ?? (errors?.length ? LoadingState.Error : LoadingState.Done),
        series: response.data,
        errors,
        error: errors?.[0],
      };
    }),
    catchError((error) => {
      const dataError = toDataQueryError(error);
      return of<PanelData>({ ...base, state: LoadingState.Error, series: [], error: dataError, errors: [dataError] });
    }),
    startWith<PanelData>({ ...base, state: LoadingState.Loading, series: [] })
  );
}
