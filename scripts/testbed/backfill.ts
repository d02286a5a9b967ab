/**
 * History for the test bed: raw series from OpenMetrics, then recording-rule history with
 * `promtool tsdb create-blocks-from rules`, one rule group per pass because promtool
 * evaluates against what Prometheus already has (derived groups need the canonical blocks).
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { parse, stringify } from 'yaml';
import { PROMTOOL_BIN, startPrometheus } from './prometheus';

const run = promisify(execFile);
const BIG_OUTPUT = { maxBuffer: 64 * 1024 * 1024 };

/** Block size of backfilled raw history: large blocks load and query faster than 2 h ones. */
export const RAW_BLOCK_DURATION = '1440h';

export async function backfillOpenMetrics(file: string, dataDir: string): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  await run(
    PROMTOOL_BIN,
    ['tsdb', 'create-blocks-from', 'openmetrics', `--max-block-duration=${RAW_BLOCK_DURATION}`, file, dataDir],
    BIG_OUTPUT
  );
}

interface RuleFileGroup {
  name: string;
  interval?: string;
  rules: Array<{ record?: string; alert?: string }>;
}

/** The recording-rule groups of a rules file, in file order (alerts have no history to backfill). */
export function recordingGroups(rulesFile: string): RuleFileGroup[] {
  const doc = parse(fs.readFileSync(rulesFile, 'utf8')) as { groups: RuleFileGroup[] };
  return doc.groups
    .map((g) => ({ ...g, rules: g.rules.filter((r) => r.record) }))
    .filter((g) => g.rules.length > 0);
}

function moveBlocks(fromDir: string, dataDir: string): number {
  let moved = 0;
  for (const entry of fs.readdirSync(fromDir)) {
    if (fs.existsSync(path.join(fromDir, entry, 'meta.json'))) {
      fs.renameSync(path.join(fromDir, entry), path.join(dataDir, entry));
      moved++;
    }
  }
  return moved;
}

export interface RuleBackfillOptions {
  rulesFile: string;
  dataDir: string;
  startSec: number;
  endSec: number;
  /**
   * History length of the groups after the first (Appendix A: 1h/24h windows every minute are
   * costly to evaluate over weeks and only dashboards of the last days read them).
   */
  derivedSeconds?: number;
}

/** Prometheus evaluates rules of one query on one core: two promtool runs on halves use both. */
const PARALLEL_RANGES = 2;

function splitRange(startSec: number, endSec: number, parts: number): Array<[number, number]> {
  // split on whole hours so each promtool run writes whole 2 h blocks
  const hours = Math.ceil((endSec - startSec) / 3600);
  const per = Math.ceil(hours / parts);
  const ranges: Array<[number, number]> = [];
  for (let from = startSec; from < endSec; from += per * 3600) {
    ranges.push([from, Math.min(endSec, from + per * 3600)]);
  }
  return ranges;
}

/** Backfills every recording group of `rulesFile` over [start, end], each pass on a fresh Prometheus. */
export async function backfillRecordingRules(opts: RuleBackfillOptions): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-rules-'));
  try {
    for (const [index, group] of recordingGroups(opts.rulesFile).entries()) {
      const startSec = index === 0 ? opts.startSec : Math.max(opts.startSec, opts.endSec - (opts.derivedSeconds ?? 86400));
      const groupFile = path.join(work, `${group.name}.yaml`);
      fs.writeFileSync(groupFile, stringify({ groups: [group] }, { lineWidth: 0 }));
      const prometheus = await startPrometheus({ dataDir: opts.dataDir });
      const outDirs: string[] = [];
      try {
        await Promise.all(
          splitRange(startSec, opts.endSec, PARALLEL_RANGES).map(([from, to], part) => {
            const outDir = path.join(work, `${group.name}-${part}`);
            fs.mkdirSync(outDir);
            outDirs.push(outDir);
            return run(
              PROMTOOL_BIN,
              ['tsdb', 'create-blocks-from', 'rules', '--quiet', `--url=${prometheus.url}`, `--start=${from}`, `--end=${to}`, `--output-dir=${outDir}`, groupFile],
              BIG_OUTPUT
            );
          })
        );
      } finally {
        await prometheus.stop();
      }
      outDirs.forEach((dir) => moveBlocks(dir, opts.dataDir));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
