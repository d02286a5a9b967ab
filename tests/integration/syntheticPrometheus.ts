/** A real Prometheus holding only the synthetic canonical series (seconds to build, nothing cached). */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { backfillOpenMetrics } from '../../scripts/testbed/backfill';
import { RunningPrometheus, startPrometheus } from '../../scripts/testbed/prometheus';
import type { CanonicalSeries } from '../../src/engine/language';
import { writeSyntheticOpenMetrics } from './canonicalData';

export async function startSyntheticPrometheus(series: CanonicalSeries[]): Promise<RunningPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-synthetic-'));
  const file = path.join(dir, 'canonical.om');
  writeSyntheticOpenMetrics(series, file);
  await backfillOpenMetrics(file, path.join(dir, 'data'));
  fs.rmSync(file);
  const prometheus = await startPrometheus({ dataDir: path.join(dir, 'data') });
  return {
    ...prometheus,
    stop: async () => {
      await prometheus.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PromNumber = number;

/** Prometheus writes non-finite values as NaN, +Inf, -Inf. */
export function promNumber(text: string): PromNumber {
  return text === '+Inf' ? Infinity : text === '-Inf' ? -Infinity : Number(text);
}

export async function promApi(base: string, endpoint: 'query' | 'query_range', params: Record<string, string | number>) {
  const body = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${base}/api/v1/${endpoint}`, { method: 'POST', body });
  const json = (await response.json()) as {
    status: string;
    error?: string;
    data?: { result: Array<{ metric: Record<string, string>; value?: [number, string]; values?: Array<[number, string]> }> };
  };
  if (json.status !== 'success') {
    throw new Error(`${json.error} in ${params.query}`);
  }
  return json.data!.result;
}
