/**
 * Starts the whole preview: the history (built once, cached), a real Prometheus on a hard-linked
 * copy of it (so the cached history and other test runs are never touched), the bundle and the
 * preview server.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildHistory, History, HistorySpec } from '../testbed/history';
import { blockCount, startPrometheus, waitForCompaction, withPrometheus } from '../testbed/prometheus';
import { buildPreviewBundle } from './bundle';
import { startPreviewServer } from './server';
import { initialState, PreviewStateFile } from './state';

export interface PreviewOptions {
  spec: HistorySpec;
  /** an already built history to use instead of building (or finding) the spec's */
  history?: History;
  port?: number;
  /** where datasources and app settings are kept; a fresh temporary file when omitted */
  stateFile?: string;
  watch?: boolean;
  log?: (line: string) => void;
}

export interface RunningPreview {
  url: string;
  prometheusUrl: string;
  history: History;
  stateFile: string;
  stop(): Promise<void>;
}

const COMPACTED_BLOCKS = 12;

/**
 * A freshly backfilled history has thousands of 2 h blocks, and a page of 30-day queries then takes
 * tens of seconds. Prometheus compacts them itself; done once on the cached history, every later
 * preview (each on its own copy) starts compacted.
 */
async function compactOnce(dataDir: string, log: (line: string) => void): Promise<void> {
  if (blockCount(dataDir) <= COMPACTED_BLOCKS) {
    return;
  }
  log(`compacting ${blockCount(dataDir)} history blocks once (about a minute)...`);
  await withPrometheus({ dataDir }, () => waitForCompaction(dataDir, COMPACTED_BLOCKS));
}

function hardLinkedCopy(dataDir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-preview-'));
  execFileSync('cp', ['-al', dataDir, path.join(copy, 'data')]);
  return path.join(copy, 'data');
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? (() => undefined);
  const history = options.history ?? (await buildHistory(options.spec));
  await compactOnce(history.dataDir, log);
  const dataDir = hardLinkedCopy(history.dataDir);
  const prometheus = await startPrometheus({ dataDir, ruleFiles: [history.rulesFile] });
  log(`Prometheus ${prometheus.url} on ${options.spec.days} days of ${options.spec.profile} history`);
  const stops: Array<() => Promise<void>> = [
    prometheus.stop,
    async () => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }),
  ];
  try {
    const started = Date.now();
    const bundle = await buildPreviewBundle(Boolean(options.watch), (error) =>
      log(error ? `rebuild failed:\n${error.message}` : 'rebuilt')
    );
    stops.push(bundle.close);
    log(`bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const stateFile = options.stateFile ?? path.join(path.dirname(dataDir), 'state.json');
    const state = new PreviewStateFile(stateFile, () => initialState(options.spec.profile));
    const info = { startSec: history.startSec, endSec: history.endSec, profile: options.spec.profile };
    const server = await startPreviewServer({ prometheusUrl: prometheus.url, info, state, port: options.port ?? 0 });
    stops.push(server.close);
    return {
      url: server.url,
      prometheusUrl: prometheus.url,
      history,
      stateFile,
      stop: async () => {
        for (const stop of stops.reverse()) {
          await stop();
        }
      },
    };
  } catch (e) {
    for (const stop of stops.reverse()) {
      await stop();
    }
    throw e;
  }
}
