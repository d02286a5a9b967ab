/**
 * The server the preview's datasource proxy reads: a real Prometheus or a real VictoriaMetrics,
 * each holding the same built history.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { History } from '../testbed/history';
import { blockCount, startPrometheus, waitForCompaction, withPrometheus } from '../testbed/prometheus';
import { startVictoriaMetricsWithHistory } from '../testbed/victoriametricsHistory';

export const ENGINES = ['prometheus', 'victoriametrics'] as const;
export type Engine = (typeof ENGINES)[number];

export interface RunningEngine {
  engine: Engine;
  url: string;
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

/** Prometheus on a hard-linked copy of the history, so the cached history is never touched. */
async function startPrometheusEngine(history: History, log: (line: string) => void): Promise<RunningEngine> {
  await compactOnce(history.dataDir, log);
  const dataDir = hardLinkedCopy(history.dataDir);
  const prometheus = await startPrometheus({ dataDir, ruleFiles: [history.rulesFile] });
  return {
    engine: 'prometheus',
    url: prometheus.url,
    stop: async () => {
      await prometheus.stop();
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}

/** VictoriaMetrics with the history imported (once, cached) by vmctl: raw and recorded series alike. */
async function startVictoriaMetricsEngine(history: History, log: (line: string) => void): Promise<RunningEngine> {
  const vm = await startVictoriaMetricsWithHistory(history, log);
  return { engine: 'victoriametrics', url: vm.url, stop: vm.stop };
}

export function startEngine(
  engine: Engine,
  history: History,
  log: (line: string) => void = () => undefined
): Promise<RunningEngine> {
  return engine === 'victoriametrics' ? startVictoriaMetricsEngine(history, log) : startPrometheusEngine(history, log);
}
