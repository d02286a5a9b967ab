/**
 * Runs a query on Prometheus with `stats=all` and reads what Prometheus reports about it: its own
 * time (execTotalTime: queue, preparation and evaluation) and the samples it read
 * (totalQueryableSamples, with what subqueries read added: subquerySamples.ts). A refused query
 * (too many samples, timeout) is a figure too.
 */
import { evaluationSlices } from './backfill';
import type { PromRequest } from './pageQueries';
import { innerRange, subqueries } from './subquerySamples';

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

type Request = Pick<PromRequest, 'expr' | 'timeSec' | 'range'>;

/** Prometheus answers at most 11,000 points per series: longer ranges are asked in parts. */
const MAX_POINTS = 11_000;

/**
 * The samples the subqueries of `q` read that Prometheus 2.42 leaves out when a range function
 * takes them (its count keeps their output points, so the sum overstates by at most those).
 */
async function subquerySamples(url: string, q: Request): Promise<number> {
  let total = 0;
  for (const s of subqueries(q.expr)) {
    const from = q.range ? q.range.startSec : q.timeSec!;
    const { startSec, endSec, stepSec } = innerRange(s, from * 1000, (q.range?.endSec ?? from) * 1000);
    for (const part of evaluationSlices(startSec, endSec, stepSec, MAX_POINTS)) {
      const inner = { expr: s.inner, range: { startSec: part.fromSec, endSec: part.toSec, stepSec } };
      const body = await runQuery(url, inner);
      if (body.status !== 'success') {
        throw new Error(`the subquery ${s.inner} failed alone (${body.error})`);
      }
      total += (body.data!.stats!.samples?.totalQueryableSamples ?? 0) + (await subquerySamples(url, inner));
    }
  }
  return total;
}

/** A warm-up run taking longer than this is measured once more, not `runs` times. */
const SLOW_MS = 2000;

/** One warm-up run (chunks read from disk into the page cache), then the median of `runs`. */
export async function measureQuery(url: string, q: Request, runs = 3): Promise<QueryCost> {
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
  const read = samples ? samples.totalQueryableSamples + (await subquerySamples(url, q)) : null;
  return { ms: Math.round(median(times) * 10) / 10, samples: read, peakSamples: samples?.peakSamples ?? null };
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
