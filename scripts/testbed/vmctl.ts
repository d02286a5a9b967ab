/**
 * Prometheus TSDB data into VictoriaMetrics with `vmctl prometheus`, as a user migrating does.
 *
 * vmctl 1.79 loses the last series it reads: when the snapshot is done it closes its importer,
 * whose workers send their current batch and return while up to 4 × --vm-concurrency series still
 * wait in the importer's channel (measured: 1 to 7 of 363 series missing, a different number each
 * run). So the copy handed to vmctl gets one more block, read last, of PADDING_SERIES one-sample
 * series that sort after every real one; whatever of them arrives is deleted again. vmctl's own
 * counts then prove that every real sample was sent, and the import waits until all of them are
 * searchable.
 */
import { execFile, execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { backfillOpenMetrics } from './backfill';
import { VMCTL_BIN, waitUntilSearchable } from './victoriametrics';

const run = promisify(execFile);

export const PADDING_METRIC = 'zz_aispend_vmctl_padding';
const VMCTL_CONCURRENCY = 2;
/** twice what vmctl can lose */
export const PADDING_SERIES = 2 * 4 * VMCTL_CONCURRENCY;

interface BlockMeta {
  minTime: number;
  maxTime: number;
}

export interface VmctlCounts {
  /** samples in the snapshot, as vmctl counts them before importing */
  snapshot: number;
  /** samples vmctl imported */
  imported: number;
}

/** The two sample counts of vmctl's report (the snapshot's, then the importer's). */
export function parseVmctlCounts(output: string): VmctlCounts {
  const snapshot = /^\s*samples: (\d+);/m.exec(output);
  const imported = /total samples: (\d+);/.exec(output);
  if (!snapshot || !imported) {
    throw new Error(`vmctl did not report its sample counts:\n${output.slice(-2000)}`);
  }
  return { snapshot: Number(snapshot[1]), imported: Number(imported[1]) };
}

/**
 * Real samples sent, from vmctl's counts on a snapshot with the padding block: only padding may
 * be missing, or something else went wrong.
 */
export function realSamplesImported({ snapshot, imported }: VmctlCounts): number {
  const lost = snapshot - imported;
  if (lost < 0 || lost > PADDING_SERIES) {
    throw new Error(`vmctl imported ${imported} of ${snapshot} samples: more than the ${PADDING_SERIES} padding series are missing`);
  }
  return snapshot - PADDING_SERIES;
}

/** OpenMetrics text of the padding series, one sample each at `timeSec`. */
export function paddingOpenMetrics(timeSec: number): string {
  const lines = [`# TYPE ${PADDING_METRIC} gauge`];
  for (let i = 0; i < PADDING_SERIES; i++) {
    lines.push(`${PADDING_METRIC}{n="${String(i).padStart(2, '0')}"} 0 ${timeSec}`);
  }
  return [...lines, '# EOF', ''].join('\n');
}

function blockDirs(dataDir: string): string[] {
  return fs.readdirSync(dataDir).filter((entry) => fs.existsSync(path.join(dataDir, entry, 'meta.json')));
}

/** Hard links of the blocks (immutable) of a Prometheus data directory, which may be in use. */
function linkBlocks(dataDir: string, into: string): BlockMeta[] {
  fs.mkdirSync(into, { recursive: true });
  return blockDirs(dataDir).map((block) => {
    execFileSync('cp', ['-al', path.join(dataDir, block), path.join(into, block)]);
    return JSON.parse(fs.readFileSync(path.join(into, block, 'meta.json'), 'utf8')) as BlockMeta;
  });
}

async function runVmctl(snapshotDir: string, url: string): Promise<string> {
  const command = [VMCTL_BIN, 'prometheus', '-s', `--prom-snapshot=${snapshotDir}`, `--vm-addr=${url}`, `--vm-concurrency=${VMCTL_CONCURRENCY}`, '--vm-disable-progress-bar'];
  // vmctl wants a terminal even with -s: `script` gives it one
  const quoted = command.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  try {
    const { stdout } = await run('script', ['-qec', quoted, '/dev/null'], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`vmctl failed: ${(stderr || stdout).slice(-2000)}`);
  }
}

export interface ImportSummary {
  samples: number;
  fromMs: number;
  toMs: number;
}

/**
 * Imports the blocks of a Prometheus data directory (it may be in use) into a running
 * VictoriaMetrics and returns once all of them are searchable.
 */
export async function importPrometheusData(url: string, dataDir: string): Promise<ImportSummary> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-vmctl-'));
  try {
    const snapshot = path.join(work, 'snapshot');
    const metas = linkBlocks(dataDir, snapshot);
    if (!metas.length) {
      throw new Error(`no Prometheus blocks in ${dataDir}`);
    }
    const fromMs = Math.min(...metas.map((m) => m.minTime));
    const toMs = Math.max(...metas.map((m) => m.maxTime));
    const paddingSec = Math.ceil(toMs / 1000) + 3600;
    const padding = path.join(work, 'padding.om');
    fs.writeFileSync(padding, paddingOpenMetrics(paddingSec));
    await backfillOpenMetrics(padding, snapshot);
    const counts = parseVmctlCounts(await runVmctl(snapshot, url));
    const samples = realSamplesImported(counts);
    await waitUntilSearchable(url, counts.imported, fromMs, paddingSec * 1000);
    const deleted = await fetch(`${url}/api/v1/admin/tsdb/delete_series?match[]=${PADDING_METRIC}`, { method: 'POST' });
    if (!deleted.ok) {
      throw new Error(`deleting the padding series failed: ${deleted.status} ${await deleted.text()}`);
    }
    await waitUntilSearchable(url, samples, fromMs, toMs);
    return { samples, fromMs, toMs };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
