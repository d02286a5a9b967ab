/**
 * Stands in for Grafana's Prometheus datasource in integration tests: the shared target runner
 * (tests/support/prometheusFrames.ts) over Node's http, because jsdom test environments have
 * no fetch.
 */
import { DataQueryRequest, DataQueryResponse } from '@grafana/data';
import http from 'http';
import { from, Observable } from 'rxjs';
import type { PromSeries } from '../../../src/cli/prometheusHttp';
import { PromClient, PromTarget, runPromTargets } from '../../support/prometheusFrames';

function post(url: string, params: Record<string, string>): Promise<PromSeries[]> {
  const body = new URLSearchParams(params).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        const json = JSON.parse(text);
        if (json.status !== 'success') {
          reject({ status: response.statusCode, data: { message: json.error } });
        } else {
          resolve(json.data.result);
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

function nodeClient(baseUrl: string): PromClient {
  return {
    instant: (query, time) => post(`${baseUrl}/api/v1/query`, { query, time: String(time) }),
    range: (query, start, end, step) =>
      post(`${baseUrl}/api/v1/query_range`, { query, start: String(start), end: String(end), step: String(step) }),
  };
}

export class PrometheusAdapter {
  readonly requests: Array<DataQueryRequest<PromTarget>> = [];
  private readonly client: PromClient;
  constructor(baseUrl: string) {
    this.client = nodeClient(baseUrl);
  }

  query(request: DataQueryRequest<PromTarget>): Observable<DataQueryResponse> {
    this.requests.push(request);
    return from(runPromTargets(this.client, request).then((data) => ({ data })));
  }
}
