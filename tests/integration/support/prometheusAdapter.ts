/**
 * Stands in for Grafana's Prometheus datasource in integration tests: it takes the targets the
 * KPI datasource sends (`expr`, `instant` / `range`, `interval`), calls the real Prometheus HTTP
 * API, and answers with frames in Grafana's data plane shape (one frame per series: a time
 * field and a number field carrying the series labels).
 */
import { createDataFrame, DataFrame, DataQueryRequest, DataQueryResponse, FieldType } from '@grafana/data';
import http from 'http';
import { from, Observable } from 'rxjs';
import { promNumber } from '../../../src/cli/prometheusHttp';

interface PromTarget {
  refId: string;
  expr: string;
  instant?: boolean;
  interval?: string;
}

type PromResult = Array<{ metric: Record<string, string>; value?: [number, string]; values?: Array<[number, string]> }>;

/** Node's http, not fetch: jsdom test environments have no fetch. */
function post(url: string, params: Record<string, string>): Promise<PromResult> {
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

function toFrame(refId: string, series: PromResult[number]): DataFrame {
  const points = series.values ?? [series.value!];
  const { __name__, ...labels } = series.metric;
  void __name__;
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: points.map(([t]) => t * 1000) },
      { name: 'Value', type: FieldType.number, values: points.map(([, v]) => promNumber(v)), labels },
    ],
  });
}

export class PrometheusAdapter {
  readonly requests: Array<DataQueryRequest<PromTarget>> = [];
  constructor(private readonly baseUrl: string) {}

  query(request: DataQueryRequest<PromTarget>): Observable<DataQueryResponse> {
    this.requests.push(request);
    const toSec = request.range.to.valueOf() / 1000;
    const fromSec = request.range.from.valueOf() / 1000;
    return from(
      Promise.all(
        request.targets.map(async (target) => {
          const result = target.instant
            ? await post(`${this.baseUrl}/api/v1/query`, { query: target.expr, time: String(toSec) })
            : await post(`${this.baseUrl}/api/v1/query_range`, {
                query: target.expr,
                start: String(fromSec),
                end: String(toSec),
                step: String(parseInt(target.interval ?? `${request.intervalMs / 1000}`, 10)),
              });
          return result.map((series) => toFrame(target.refId, series));
        })
      ).then((frames) => ({ data: frames.flat() }))
    );
  }
}
