/**
 * `aispend demo --serve PORT`: the demo gateway's metrics, live, continuing the history that
 * `scripts/build-history.ts` backfills (both end the history at 00:00 UTC today), so the
 * counters Prometheus scrapes carry on from the backfilled values without a jump.
 */
import http from 'http';
import { setUpDemo } from '../demo';
import { formatLabels, formatValue, nextCounterValue } from '../demo/openmetrics';
import { CounterSeries, profileFamilies } from '../demo/series';
import { emptyTraffic } from '../demo/traffic';
import type { ProfileId } from '../rules/profile';
import type { CliIO } from './io';

export interface LiveOptions {
  profile: ProfileId;
  days: number;
  seed: number;
  users: number;
  port: number;
}

/** The end of the backfilled history that live samples continue. */
export function historyEndMs(nowMs: number): number {
  return Math.floor(nowMs / 86_400_000) * 86_400_000;
}

const LIVE_DAYS = 30;

export async function serveLiveMetrics(options: LiveOptions, io: CliIO): Promise<void> {
  const { model, restarts, ctx } = setUpDemo({ ...options, endMs: historyEndMs(io.now()) }, LIVE_DAYS);
  const families = profileFamilies(options.profile, ctx);
  const state = new Map<CounterSeries, { k: number; value: number }>();
  const scratch = emptyTraffic();
  const sampleNow = () => Math.min(model.slots, Math.floor((io.now() - model.startMs) / (model.slotSeconds * 1000)));

  const advance = (s: CounterSeries, k: number) => {
    const current = state.get(s) ?? { k: -1, value: 0 };
    const resets = new Set(restarts[s.pod]);
    for (let i = current.k + 1; i <= k; i++) {
      current.value = nextCounterValue(current.value, i, model, s, resets, scratch);
    }
    current.k = Math.max(current.k, k);
    state.set(s, current);
    return current.value;
  };

  const render = () => {
    const k = sampleNow();
    const lines: string[] = [];
    for (const family of families) {
      lines.push(`# TYPE ${family.family} ${family.type === 'unknown' ? 'untyped' : family.type}`);
      for (const s of family.series) {
        const value = s.kind === 'counter' ? advance(s, k) : s.at(k);
        lines.push(`${family.sample}${formatLabels(s.labels)} ${formatValue(value)}`);
      }
    }
    return lines.join('\n') + '\n';
  };

  render();
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end('see /metrics\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(render());
  });
  await new Promise<void>((resolve) => server.listen(options.port, '0.0.0.0', resolve));
  io.out(`serving live ${options.profile} demo metrics on :${options.port}/metrics\n`);
  await new Promise<void>((resolve) => process.once('SIGTERM', () => server.close(() => resolve())));
}
