/** The two Prometheus HTTP API calls the CLI needs (works with Mimir / Thanos query frontends too). */

export type PromValue = [number, string];

/** A sample value as Prometheus writes it: a number, or NaN, +Inf, -Inf (which Number() misreads). */
export function promNumber(text: string): number {
  return text === '+Inf' ? Infinity : text === '-Inf' ? -Infinity : Number(text);
}

export interface PromSeries {
  metric: Record<string, string>;
  value?: PromValue;
  values?: PromValue[];
}

async function call(base: string, path: string, params: Record<string, string | number>): Promise<PromSeries[]> {
  const body = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  let response: Response;
  try {
    response = await fetch(`${base.replace(/\/$/, '')}${path}`, { method: 'POST', body, signal: AbortSignal.timeout(120_000) });
  } catch (e) {
    throw new Error(`cannot reach Prometheus at ${base}: ${(e as Error).message}`);
  }
  const text = await response.text();
  let json: { status?: string; error?: string; data?: { result: PromSeries[] } };
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Prometheus answered HTTP ${response.status} without JSON: ${text.slice(0, 200)}`);
  }
  if (json.status !== 'success' || !json.data) {
    throw new Error(`Prometheus answered HTTP ${response.status}: ${json.error ?? 'unknown error'}`);
  }
  return json.data.result;
}

export function instantQuery(base: string, query: string, timeSec: number): Promise<PromSeries[]> {
  return call(base, '/api/v1/query', { query, time: timeSec });
}

export function rangeQuery(base: string, query: string, startSec: number, endSec: number, stepSec: number): Promise<PromSeries[]> {
  return call(base, '/api/v1/query_range', { query, start: startSec, end: endSec, step: stepSec });
}
