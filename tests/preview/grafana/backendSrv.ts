/**
 * Stands in for Grafana's BackendSrv (public/app/core/services/backend_srv.ts): same-origin HTTP
 * to the preview server, which plays the parts of Grafana's HTTP API the app uses. Errors take
 * Grafana's FetchError shape ({ status, statusText, data }) because callers read them that way.
 */
import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { from, lastValueFrom, Observable } from 'rxjs';
import { previewRole } from './bootData';
import { ROLE_HEADER } from './ids';

function withParams(url: string, params: BackendSrvRequest['params']): string {
  if (!params) {
    return url;
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null) {
        search.append(key, String(v));
      }
    }
  }
  const query = search.toString();
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}

function requestBody(options: BackendSrvRequest): { body?: BodyInit; contentType?: string } {
  if (options.data === undefined || options.data === null) {
    return {};
  }
  if (typeof options.data === 'string' || options.data instanceof URLSearchParams) {
    return { body: options.data as BodyInit, contentType: options.headers?.['Content-Type'] };
  }
  return { body: JSON.stringify(options.data), contentType: 'application/json' };
}

async function send<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
  const { body, contentType } = requestBody(options);
  // the preview's session: the server applies Grafana's permission rules for this role
  const headers: Record<string, string> = { ...(options.headers ?? {}), [ROLE_HEADER]: previewRole };
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  const url = withParams(options.url.startsWith('/') ? options.url : `/${options.url}`, options.params);
  const response = await window.fetch(url, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  let data: unknown = text;
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    // not JSON: callers get the text, as from Grafana
  }
  const fetchResponse = {
    data: data as T,
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    headers: response.headers,
    redirected: response.redirected,
    type: response.type,
    url,
    config: options,
  };
  if (!response.ok) {
    throw { ...fetchResponse, isHandled: false };
  }
  return fetchResponse;
}

export class PreviewBackendSrv {
  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return from(send<T>(options));
  }
  async request<T>(options: BackendSrvRequest): Promise<T> {
    return (await lastValueFrom(this.fetch<T>(options))).data;
  }
  datasourceRequest<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }
  get<T>(url: string, params?: BackendSrvRequest['params']): Promise<T> {
    return this.request<T>({ url, params, method: 'GET' });
  }
  post<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'POST' });
  }
  put<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PUT' });
  }
  patch<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PATCH' });
  }
  delete<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'DELETE' });
  }
}

export const previewBackendSrv = new PreviewBackendSrv() as unknown as BackendSrv;
