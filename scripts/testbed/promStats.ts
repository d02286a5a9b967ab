/**
 * Runs a query on Prometheus with `stats=all` and reads what Prometheus reports about it: its own
 * time (execTotalTime: queue, preparation and evaluation) and the samples it read
 * (totalQueryableSamples). A refused query (too many samples, timeout) is a figure too.
 */
import type { PromRequest } from './pageQueries';

export interface QueryCost {
  /** median execTotalTime of the measured runs, ms */
  ms: number | null;
  samples: number | null;
  peakSamples: number | null;
  error?: string;
}

interface StatsBody {
  status: string;
  error?: string;
  data?: {
    result: unknown[];
    stats?: { timings: { execTotalTime: number; evalTotalTime: number }; samples?: { totalQueryableSamples: number; peakSamples: number } };
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runQuery(url: string, q: Pick<PromRequest, 'expr' | 'timeSec' | 'range'>): Promise<StatsBody> {
  const params = new URLSearchParams({ query: q.expr, stats: 'all' });
  if (q.range) {
    params.set('start', String(q.range.startSec));
    params.set('end', String(q.range.endSec));
    params.set('step', `${q.range.stepSec}s`);
  } else {
    params.set('time', String(q.timeSec));
  }
  const res = await fetch(`${url}/api/v1/${q.range ? 'query_range' : 'query'}`, { method: 'POST', body: params });
  return (await res.json()) as StatsBody;
}

/** A warm-up run taking longer than this is measured once more, not `runs` times. */
const SLOW_MS = 2000;

/** One warm-up run (chunks read from disk into the page cache), then the median of `runs`. */
export async function measureQuery(url: string, q: Pick<PromRequest, 'expr' | 'timeSec' | 'range'>, runs = 3): Promise<QueryCost> {
  const times: number[] = [];
  let last: StatsBody | undefined;
  for (let i = 0; i <= runs; i++) {
    last = await runQuery(url, q);
    if (last.status !== 'success') {
      return { ms: null, samples: null, peakSamples: null, error: last.error ?? 'failed' };
    }
    const ms = last.data!.stats!.timings.execTotalTime * 1000;
    if (i > 0) {
      times.push(ms);
    } else if (ms > SLOW_MS) {
      runs = 1;
    }
  }
  const samples = last!.data!.stats!.samples;
  return { ms: Math.round(median(times) * 10) / 10, samples: samples?.totalQueryableSamples ?? null, peakSamples: samples?.peakSamples ?? null };
}

/** A query's first value as a number (instant vector or scalar), null without a result. */
export async function queryValue(url: string, expr: string, timeSec: number): Promise<number | null> {
  const body = await runQuery(url, { expr, timeSec });
  if (body.status !== 'success') {
    throw new Error(`${body.error}: ${expr}`);
  }
  const result = body.data!.result as Array<{ value: [number, string] }>;
  return result.length ? Number(result[0].value[1]) : null;
}
