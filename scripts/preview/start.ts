/**
 * Starts the whole preview: the history (built once, cached), the engine the pages query (a real
 * Prometheus or VictoriaMetrics holding it, the cached history never touched: engine.ts), the
 * bundle and the preview server.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildHistory, History, HistorySpec } from '../testbed/history';
import { buildPreviewBundle } from './bundle';
import { Engine, startEngine } from './engine';
import { startPreviewServer } from './server';
import { initialState, PreviewStateFile } from './state';

export interface PreviewOptions {
  spec: HistorySpec;
  /** the server the pages query (default prometheus) */
  engine?: Engine;
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

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? (() => undefined);
  const history = options.history ?? (await buildHistory(options.spec));
  const engine = await startEngine(options.engine ?? 'prometheus', history, log);
  log(`${engine.engine} ${engine.url} on ${options.spec.days} days of ${options.spec.profile} history`);
  const stops: Array<() => Promise<void>> = [engine.stop];
  try {
    const started = Date.now();
    const bundle = await buildPreviewBundle(Boolean(options.watch), (error) =>
      log(error ? `rebuild failed:\n${error.message}` : 'rebuilt')
    );
    stops.push(bundle.close);
    log(`bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    let stateFile = options.stateFile;
    if (!stateFile) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-preview-state-'));
      stops.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      stateFile = path.join(dir, 'state.json');
    }
    const state = new PreviewStateFile(stateFile, () => initialState(options.spec.profile));
    const info = { startSec: history.startSec, endSec: history.endSec, profile: options.spec.profile, engine: engine.engine };
    const server = await startPreviewServer({ prometheusUrl: engine.url, info, state, port: options.port ?? 0 });
    stops.push(server.close);
    return {
      url: server.url,
      prometheusUrl: engine.url,
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
