/** The two Prometheus HTTP API calls the CLI needs (works with Mimir / Thanos query frontends too). */

export type PromValue = [number, string];

const QUERY_TIMEOUT_MS = 120_000;

/** A sample value as Prometheus writes it: a number, or NaN, +Inf, -Inf (which Number() misreads). */
export function promNumber(text: string): number {
  return text === '+Inf' ? Infinity : text === '-Inf' ? -Infinity : Number(text);
}

export interface PromSeries {
  metric: Record<string, string>;
  value?: PromValue;
  values?: PromValue[];
}

/** Node's fetch says only "fetch failed"; the reason (refused, reset, unknown host) is its cause. */
function unreachableReason(e: unknown): string {
  const error = e as Error & { cause?: { message?: string } };
  if (error.name === 'TimeoutError') {
    return `no answer within ${QUERY_TIMEOUT_MS / 1000} s`;
  }
  return error.cause?.message ?? error.message;
}

async function call(base: string, path: string, params: Record<string, string | number>): Promise<PromSeries[]> {
  const body = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${base.replace(/\/$/, '')}${path}`, { method: 'POST', body, signal: AbortSignal.timeout(QUERY_TIMEOUT_MS) });
    // a server that goes down mid-answer fails here
    text = await response.text();
  } catch (e) {
    throw new Error(`cannot reach Prometheus at ${base}: ${unreachableReason(e)}`);
  }
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
