/**
 * A Prometheus data directory holding demo history: raw series of one profile
 * (OpenMetrics backfill) plus recording-rule history of the committed rule file.
 * Built once per spec and cached, because a month of 1-minute history takes a while.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { DemoSummary, writeDemoOpenMetricsSlices } from '../../src/demo';
import type { WorldShape } from '../../src/demo/scaleWorld';
import { ProfileId, profileRulesPath } from '../../src/rules';
import { backfillOpenMetrics, backfillRecordingRules, recordingGroups } from './backfill';
import { Progress, startProgress } from './progress';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/**
 * Outside the clone, so that a fresh clone on the same machine (CI) reuses a history built from
 * identical generator, rules and backfill code; a new machine builds it again.
 */
export const DEFAULT_CACHE_ROOT =
  process.env.AISPEND_HISTORY_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'aispend', 'history');

export interface HistorySpec {
  profile: ProfileId;
  days: number;
  seed: number;
  endMs: number;
  scrapeIntervalSeconds: number;
  users?: number;
  /** a gateway of this shape instead of the demo's (the scale test bed) */
  world?: WorldShape;
}

export interface History {
  spec: HistorySpec;
  dataDir: string;
  rulesFile: string;
  startSec: number;
  endSec: number;
  summary: DemoSummary;
  /** raw history generated and backfilled (side by side), then the recording rules */
  timings: { rawMs: number; rulesMs: number };
  fromCache: boolean;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/**
 * Changes to the generator, the recording rules or the backfill code invalidate the cache; alerting
 * rules record nothing, so changing them keeps the history (Prometheus loads the current file).
 */
function cacheKey(spec: HistorySpec, rulesFile: string): string {
  const hash = createHash('sha256').update(JSON.stringify(spec)).update(JSON.stringify(recordingGroups(rulesFile)));
  const inputs = [...filesUnder(path.join(REPO_ROOT, 'src/demo')), __filename, path.join(__dirname, 'backfill.ts')];
  for (const file of inputs.filter((f) => !f.endsWith('.test.ts'))) {
    hash.update(fs.readFileSync(file));
  }
  return `${spec.profile}-${spec.days}d-${hash.digest('hex').slice(0, 16)}`;
}

/** Time slices of the raw history: one is backfilled while the next is generated. */
const RAW_SLICES = 4;
/** promtool runs at once: the generator and two backfills share two cores. */
const PARALLEL_BACKFILLS = 2;

/** Runs tasks as they come with at most `limit` at once. */
function limiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * Generates the raw history slice by slice and backfills each finished slice while the next one
 * is written. The bar counts every sample twice: once written, once in a block.
 */
async function generateAndBackfillRaw(spec: HistorySpec, dir: string, dataDir: string, progress: ProgressFactory): Promise<DemoSummary> {
  const limit = limiter(PARALLEL_BACKFILLS);
  const backfills: Array<Promise<void>> = [];
  let open: { file: string; stream: fs.WriteStream; samplesBefore: number } | undefined;
  let written = 0;
  let blocked = 0;
  let total = 0;
  let slicesDone = 0;
  let bar: Progress | undefined;
  const note = () => `${slicesDone}/${RAW_SLICES} slices in blocks`;
  const closeSlice = async () => {
    if (!open) {
      return;
    }
    const { file, stream, samplesBefore } = open;
    const samples = written - samplesBefore;
    open = undefined;
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    const backfill = limit(async () => {
      await backfillOpenMetrics(file, dataDir);
      fs.rmSync(file);
      blocked += samples;
      slicesDone++;
      bar?.update(written + blocked, note());
    });
    backfills.push(backfill);
    backfill.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
  };
  const summary = await writeDemoOpenMetricsSlices(
    {
      profile: spec.profile,
      days: spec.days,
      seed: spec.seed,
      endMs: spec.endMs,
      scrapeIntervalSeconds: spec.scrapeIntervalSeconds,
      users: spec.users,
      world: spec.world,
    },
    {
      slices: RAW_SLICES,
      sinkOf: async (slice) => {
        await closeSlice();
        const file = path.join(dir, `raw-${slice}.om`);
        const stream = fs.createWriteStream(file);
        open = { file, stream, samplesBefore: written };
        return (chunk) => (stream.write(chunk) ? undefined : new Promise<void>((resolve) => stream.once('drain', () => resolve())));
      },
      onProgress: (samples, samplesTotal) => {
        written = samples;
        if (!bar) {
          total = samplesTotal;
          bar = progress('raw history (generate + backfill)', 2 * total);
        }
        bar.update(written + blocked, note());
      },
    }
  );
  await closeSlice();
  await Promise.all(backfills);
  bar?.finish(`${summary.series} series, ${summary.samples} samples`);
  return summary;
}

export type ProgressFactory = (label: string, total: number) => Progress;

export async function buildHistory(spec: HistorySpec, cacheRoot = DEFAULT_CACHE_ROOT, progress: ProgressFactory = startProgress): Promise<History> {
  const rulesFile = path.join(REPO_ROOT, profileRulesPath(spec.profile));
  const dir = path.join(cacheRoot, cacheKey(spec, rulesFile));
  const dataDir = path.join(dir, 'data');
  const doneFile = path.join(dir, 'history.json');
  const endSec = Math.floor(spec.endMs / 1000);
  const startSec = endSec - spec.days * 86400;
  if (fs.existsSync(doneFile)) {
    return { ...JSON.parse(fs.readFileSync(doneFile, 'utf8')), dataDir, fromCache: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  const summary = await generateAndBackfillRaw(spec, dir, dataDir, progress);
  const t1 = Date.now();
  await backfillRecordingRules({ rulesFile, dataDir, startSec, endSec, progress });
  const timings = { rawMs: t1 - t0, rulesMs: Date.now() - t1 };
  const history = { spec, dataDir, rulesFile, startSec, endSec, summary, timings, fromCache: false };
  fs.writeFileSync(doneFile, JSON.stringify(history, null, 2));
  return history;
}
