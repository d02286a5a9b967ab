/** A real Prometheus holding only the synthetic canonical series (seconds to build, nothing cached). */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { backfillOpenMetrics } from '../../scripts/testbed/backfill';
import { PrometheusOptions, RunningPrometheus, startPrometheus } from '../../scripts/testbed/prometheus';
import type { CanonicalSeries } from '../../src/engine/language';
import { writeSyntheticOpenMetrics } from './canonicalData';

/** `options`: Prometheus flags beyond the data directory (query limits). */
export async function startSyntheticPrometheus(series: CanonicalSeries[], options: Omit<PrometheusOptions, 'dataDir'> = {}): Promise<RunningPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-synthetic-'));
  const file = path.join(dir, 'canonical.om');
  writeSyntheticOpenMetrics(series, file);
  await backfillOpenMetrics(file, path.join(dir, 'data'));
  fs.rmSync(file);
  const prometheus = await startPrometheus({ ...options, dataDir: path.join(dir, 'data') });
  return {
    ...prometheus,
    stop: async () => {
      await prometheus.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
