/**
 * A Prometheus data directory holding demo history: raw series of one profile
 * (OpenMetrics backfill) plus recording-rule history of the committed rule file.
 * Built once per spec and cached, because a month of 1-minute history takes a while.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { DemoSummary, writeDemoOpenMetrics } from '../../src/demo';
import { ProfileId, profileRulesPath } from '../../src/rules';
import { backfillOpenMetrics, backfillRecordingRules } from './backfill';

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
}

export interface History {
  spec: HistorySpec;
  dataDir: string;
  rulesFile: string;
  startSec: number;
  endSec: number;
  summary: DemoSummary;
  timings: { generateMs: number; backfillRawMs: number; backfillRulesMs: number };
  fromCache: boolean;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** Changes to the generator, the rules or the backfill code invalidate the cache. */
function cacheKey(spec: HistorySpec, rulesFile: string): string {
  const hash = createHash('sha256').update(JSON.stringify(spec));
  const inputs = [...filesUnder(path.join(REPO_ROOT, 'src/demo')), rulesFile, __filename, path.join(__dirname, 'backfill.ts')];
  for (const file of inputs.filter((f) => !f.endsWith('.test.ts'))) {
    hash.update(fs.readFileSync(file));
  }
  return `${spec.profile}-${spec.days}d-${hash.digest('hex').slice(0, 16)}`;
}

async function generate(spec: HistorySpec, file: string): Promise<DemoSummary> {
  const out = fs.createWriteStream(file);
  const summary = await writeDemoOpenMetrics(
    {
      profile: spec.profile,
      days: spec.days,
      seed: spec.seed,
      endMs: spec.endMs,
      scrapeIntervalSeconds: spec.scrapeIntervalSeconds,
      users: spec.users,
    },
    out
  );
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return summary;
}

export async function buildHistory(spec: HistorySpec, cacheRoot = DEFAULT_CACHE_ROOT): Promise<History> {
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
  const rawFile = path.join(dir, 'raw.om');
  const t0 = Date.now();
  const summary = await generate(spec, rawFile);
  const t1 = Date.now();
  await backfillOpenMetrics(rawFile, dataDir);
  fs.rmSync(rawFile);
  const t2 = Date.now();
  await backfillRecordingRules({ rulesFile, dataDir, startSec, endSec });
  const timings = { generateMs: t1 - t0, backfillRawMs: t2 - t1, backfillRulesMs: Date.now() - t2 };
  const history = { spec, dataDir, rulesFile, startSec, endSec, summary, timings, fromCache: false };
  fs.writeFileSync(doneFile, JSON.stringify(history, null, 2));
  return history;
}
