/**
 * A real VictoriaMetrics for tests and the preview: Debian's single-node `victoria-metrics` on a
 * free 127.0.0.1 port with its own data directory, always stopped again. `halt()` and `start()`
 * take it down and bring it back on the same port and data, as a restarting server does.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ensureInstalled, freePort, stopProcess, track, waitReady } from './prometheus';

export const VICTORIA_METRICS_BIN = process.env.VICTORIA_METRICS_BIN ?? 'victoria-metrics';
export const VMCTL_BIN = process.env.VMCTL_BIN ?? 'vmctl';
export const VMALERT_BIN = process.env.VMALERT_BIN ?? 'vmalert';

/** Debian's victoria-metrics package, which ships vmctl and vmalert. */
export function ensureVictoriaMetricsInstalled(): void {
  ensureInstalled([VICTORIA_METRICS_BIN, VMCTL_BIN, VMALERT_BIN], ['victoria-metrics', 'vmctl', 'vmalert']);
}

export interface VictoriaMetricsOptions {
  /** kept when given; a temporary directory, removed by `stop()`, otherwise */
  dataDir?: string;
  port?: number;
}

export interface RunningVictoriaMetrics {
  url: string;
  port: number;
  dataDir: string;
  /** stops the server (its data is flushed to disk) and keeps port and data for `start()` */
  halt(): Promise<void>;
  /** starts it again after `halt()` */
  start(): Promise<void>;
  /** stops it for good; removes the data directory if it was a temporary one */
  stop(): Promise<void>;
}

export async function startVictoriaMetrics(options: VictoriaMetricsOptions = {}): Promise<RunningVictoriaMetrics> {
  ensureVictoriaMetricsInstalled();
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-vm-'));
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let halt: () => Promise<void> = async () => undefined;

  const start = async () => {
    const child = track(
      spawn(
        VICTORIA_METRICS_BIN,
        [
          `-storageDataPath=${dataDir}`,
          `-httpListenAddr=127.0.0.1:${port}`,
          // imported history is weeks old: keep it
          '-retentionPeriod=100y',
          // vmalert 1.79's replay writes the point where two of its requests meet twice (README)
          '-dedup.minScrapeInterval=1ms',
          '-loggerLevel=ERROR',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] }
      )
    );
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    halt = () => stopProcess(child);
    try {
      await waitReady(url, child, () => stderr, `victoria-metrics on 127.0.0.1:${port}`, 30_000);
    } catch (e) {
      await halt();
      throw e;
    }
  };

  await start();
  return {
    url,
    port,
    dataDir,
    halt: () => halt(),
    start,
    stop: async () => {
      await halt();
      if (temporary) {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs `body` against a started VictoriaMetrics and always stops it. */
export async function withVictoriaMetrics<T>(options: VictoriaMetricsOptions, body: (vm: RunningVictoriaMetrics) => Promise<T>): Promise<T> {
  const vm = await startVictoriaMetrics(options);
  try {
    return await body(vm);
  } finally {
    await vm.stop();
  }
}

async function instantScalar(url: string, query: string, timeSec: number): Promise<number | undefined> {
  const body = new URLSearchParams({ query, time: String(timeSec) });
  const json = await (await fetch(`${url}/api/v1/query`, { method: 'POST', body })).json();
  if (json.status !== 'success') {
    throw new Error(`${query}: ${json.error}`);
  }
  return json.data.result.length ? Number(json.data.result[0].value[1]) : undefined;
}

/** The samples VictoriaMetrics finds in [fromMs, toMs], as a query sees them. */
export function searchableSamples(url: string, fromMs: number, toMs: number): Promise<number | undefined> {
  const atSec = Math.ceil(toMs / 1000);
  const windowSec = atSec - Math.floor(fromMs / 1000) + 1;
  return instantScalar(url, `sum(count_over_time({__name__!=""}[${windowSec}s]))`, atSec);
}

/**
 * VictoriaMetrics 1.79 makes a new series searchable only ~9 s after its first samples arrive
 * (measured: 8.4 to 9.9 s); /internal/force_flush makes everything received so far searchable now.
 */
export async function flushForSearch(url: string): Promise<void> {
  const res = await fetch(`${url}/internal/force_flush`);
  if (!res.ok) {
    throw new Error(`${url}/internal/force_flush answered ${res.status}`);
  }
}

/**
 * Imported samples become searchable only seconds after the import returns, series by series (a
 * query or a vmalert replay started at once sees part of them, silently). Flushes, then waits
 * until a raw query counts all `samples` in [fromMs, toMs].
 */
export async function waitUntilSearchable(url: string, samples: number, fromMs: number, toMs: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let found: number | undefined;
  await flushForSearch(url);
  while (Date.now() < deadline) {
    found = await searchableSamples(url, fromMs, toMs);
    if (found === samples) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`VictoriaMetrics at ${url} finds ${found ?? 0} of ${samples} imported samples after ${timeoutMs} ms`);
}
