/**
 * A built history (history.ts) on VictoriaMetrics: its Prometheus blocks, raw and recorded series
 * alike, imported once with vmctl into a VictoriaMetrics data directory cached next to the history,
 * then served from a copy, so that every start is seconds and the cache is never written to.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { History } from './history';
import { RunningVictoriaMetrics, startVictoriaMetrics, waitUntilSearchable } from './victoriametrics';
import { ImportSummary, importPrometheusData } from './vmctl';

const SUMMARY_FILE = 'import.json';

/** A change to the import code imports the history again. */
function importCodeHash(): string {
  const hash = createHash('sha256');
  for (const file of ['vmctl.ts', 'victoriametrics.ts', path.basename(__filename)]) {
    hash.update(fs.readFileSync(path.join(__dirname, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Imports made by other versions of the import code. */
function removeOtherImports(historyDir: string, current: string): void {
  for (const entry of fs.readdirSync(historyDir)) {
    if (/^victoriametrics-[0-9a-f]+$/.test(entry) && entry !== current) {
      fs.rmSync(path.join(historyDir, entry), { recursive: true, force: true });
    }
  }
}

interface CachedImport extends ImportSummary {
  dataDir: string;
}

/** The cached VictoriaMetrics data of `history`, imported first if needed. */
export async function victoriaMetricsDataOf(history: History, log: (line: string) => void = () => undefined): Promise<CachedImport> {
  const dataDir = path.join(path.dirname(history.dataDir), `victoriametrics-${importCodeHash()}`);
  const summaryFile = path.join(dataDir, SUMMARY_FILE);
  if (fs.existsSync(summaryFile)) {
    return { ...(JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as ImportSummary), dataDir };
  }
  log('importing the history into VictoriaMetrics once (vmctl)...');
  removeOtherImports(path.dirname(history.dataDir), path.basename(dataDir));
  const building = fs.mkdtempSync(`${dataDir}.building-`);
  try {
    const vm = await startVictoriaMetrics({ dataDir: building });
    let summary: ImportSummary;
    try {
      summary = await importPrometheusData(vm.url, history.dataDir);
    } finally {
      // a clean shutdown writes everything to disk
      await vm.stop();
    }
    fs.writeFileSync(path.join(building, SUMMARY_FILE), JSON.stringify(summary, null, 2));
    if (!fs.existsSync(summaryFile)) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.renameSync(building, dataDir);
    }
    return { ...summary, dataDir };
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
}

export interface VictoriaMetricsWithHistory extends RunningVictoriaMetrics {
  imported: ImportSummary;
}

/** VictoriaMetrics on a copy of the history's cached import, every sample searchable. */
export async function startVictoriaMetricsWithHistory(history: History, log?: (line: string) => void): Promise<VictoriaMetricsWithHistory> {
  const cached = await victoriaMetricsDataOf(history, log);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-vm-history-'));
  fs.cpSync(cached.dataDir, copy, { recursive: true });
  const remove = () => fs.rmSync(copy, { recursive: true, force: true });
  let vm: RunningVictoriaMetrics;
  try {
    vm = await startVictoriaMetrics({ dataDir: copy });
  } catch (e) {
    remove();
    throw e;
  }
  const imported = { samples: cached.samples, fromMs: cached.fromMs, toMs: cached.toMs };
  try {
    await waitUntilSearchable(vm.url, imported.samples, imported.fromMs, imported.toMs);
  } catch (e) {
    await vm.stop();
    remove();
    throw e;
  }
  return {
    ...vm,
    imported,
    stop: async () => {
      await vm.stop();
      remove();
    },
  };
}
