/**
 * vmalert replaying (backfilling) a rules file over a time range: every rule is a range query on
 * the datasource, written back by remote write, rule after rule in file order.
 *
 * A rule that reads a series recorded earlier in the file (the tiers read the one-minute series)
 * needs that series searchable when its turn comes, and VictoriaMetrics 1.79 makes a new series
 * searchable only ~9 s after it arrives: a single replay needs `-replay.rulesDelay` above that
 * after every rule. `replayInStages` gets the same result in seconds: it replays the file in
 * stages of rules that read nothing recorded in their own stage, and flushes VictoriaMetrics
 * between stages.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { parse, stringify } from 'yaml';
import { ensureVictoriaMetricsInstalled, flushForSearch, VMALERT_BIN } from './victoriametrics';

const run = promisify(execFile);

export interface ReplayOptions {
  rulesFile: string;
  /** the VictoriaMetrics the rules read and write */
  url: string;
  fromSec: number;
  toSec: number;
  /** flags beyond the datasource, remote write and time range, e.g. `-datasource.queryStep=1m` */
  flags?: string[];
}

export interface ReplayResult {
  output: string;
  ms: number;
}

const rfc3339 = (sec: number) => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');

/** The command line of a replay, as the README gives it. */
export function replayArgs(options: ReplayOptions): string[] {
  return [
    `-rule=${options.rulesFile}`,
    `-datasource.url=${options.url}`,
    `-remoteWrite.url=${options.url}`,
    `-replay.timeFrom=${rfc3339(options.fromSec)}`,
    `-replay.timeTo=${rfc3339(options.toSec)}`,
    '-replay.disableProgressBar',
    ...(options.flags ?? []),
  ];
}

/** One vmalert replay; every sample it wrote is searchable when it resolves. */
export async function replayRules(options: ReplayOptions): Promise<ReplayResult> {
  ensureVictoriaMetricsInstalled();
  const started = Date.now();
  try {
    const { stdout, stderr } = await run(VMALERT_BIN, replayArgs(options), { maxBuffer: 16 * 1024 * 1024 });
    await flushForSearch(options.url);
    return { output: stdout + stderr, ms: Date.now() - started };
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`vmalert replay failed: ${(stderr || stdout || String(e)).slice(-3000)}`);
  }
}

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  [key: string]: unknown;
}

export interface RuleDoc {
  groups: Array<{ name: string; interval?: string; rules: Rule[] }>;
}

const readsRecord = (expr: string, record: string) => new RegExp(`(^|[^a-zA-Z0-9_:])${record}([^a-zA-Z0-9_:]|$)`).test(expr);

/**
 * The rules in stages, groups and file order kept: a rule goes one stage after the latest stage
 * that records a series it reads (recorded earlier in the file).
 */
export function replayStages(doc: RuleDoc): RuleDoc[] {
  const stages: RuleDoc[] = [];
  const recordedIn = new Map<string, number>();
  for (const group of doc.groups) {
    for (const rule of group.rules) {
      const stage = Math.max(-1, ...[...recordedIn].filter(([record]) => readsRecord(rule.expr, record)).map(([, s]) => s)) + 1;
      stages[stage] ??= { groups: [] };
      const groups = stages[stage].groups;
      if (groups[groups.length - 1]?.name !== group.name) {
        groups.push({ ...group, rules: [] });
      }
      groups[groups.length - 1].rules.push(rule);
      if (rule.record) {
        recordedIn.set(rule.record, Math.max(stage, recordedIn.get(rule.record) ?? 0));
      }
    }
  }
  return stages;
}

export interface StagedReplayResult extends ReplayResult {
  stages: number;
  /** samples vmalert wrote, as it reports them */
  samples: number;
}

/** Replays `rulesFile` stage by stage into the VictoriaMetrics at `url`; each stage's samples are searchable before the next. */
export async function replayInStages(options: ReplayOptions): Promise<StagedReplayResult> {
  const stages = replayStages(parse(fs.readFileSync(options.rulesFile, 'utf8')) as RuleDoc);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-replay-'));
  const started = Date.now();
  let output = '';
  let samples = 0;
  try {
    for (const [i, stage] of stages.entries()) {
      const rulesFile = path.join(dir, `stage-${i + 1}.yaml`);
      fs.writeFileSync(rulesFile, stringify(stage));
      const result = await replayRules({ ...options, rulesFile, flags: [...(options.flags ?? []), '-replay.rulesDelay=0s'] });
      output += result.output;
      samples += Number(/replay finished! Imported (\d+) samples/.exec(result.output)?.[1] ?? NaN);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { output, ms: Date.now() - started, stages: stages.length, samples };
}
