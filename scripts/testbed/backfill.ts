/**
 * History for the test bed: raw series from OpenMetrics, then the recording-rule history of the
 * shipped rule file, group after group, because a group reads what the groups before it recorded.
 *
 * Rule history is what Prometheus itself evaluates: every rule's expression as a range query at
 * the group's interval, as `promtool tsdb create-blocks-from rules` does. promtool asks for 2 h at
 * a time and writes a block per rule and 2 h (thousands of blocks, ~5 s per day of history); here
 * each query covers a week and each week is written as one OpenMetrics slice, so the same values
 * take two dozen queries and a few blocks.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { parse } from 'yaml';
import { formatLabels } from '../../src/demo/openmetrics';
import { parseDurationSeconds } from '../../src/engine/duration';
import { isTierGroup } from '../../src/rules/tierRules';
import { runPool } from './pool';
import { Progress } from './progress';
import { PROMTOOL_BIN, startPrometheus } from './prometheus';

const run = promisify(execFile);
const BIG_OUTPUT = { maxBuffer: 64 * 1024 * 1024 };

/**
 * Largest block promtool makes (its ranges are 2 h × 3^n): one window holds months of history, so
 * the input is parsed twice (time bounds, then samples) instead of once per 20-day window.
 */
export const RAW_BLOCK_DURATION = '39366h';

/** Writes the blocks of one OpenMetrics file into `dataDir` (blocks of different files may overlap in time). */
export async function backfillOpenMetrics(file: string, dataDir: string): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  await run(
    PROMTOOL_BIN,
    ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', `--max-block-duration=${RAW_BLOCK_DURATION}`, file, dataDir],
    BIG_OUTPUT
  );
}

interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

interface RuleFileGroup {
  name: string;
  interval?: string;
  rules: RecordingRule[];
}

/** The recording-rule groups of a rules file, in file order (alerts have no history to backfill). */
export function recordingGroups(rulesFile: string): RuleFileGroup[] {
  const doc = parse(fs.readFileSync(rulesFile, 'utf8')) as { groups: Array<{ name: string; interval?: string; rules: Array<Partial<RecordingRule>> }> };
  return doc.groups
    .map((g) => ({ ...g, rules: g.rules.filter((r): r is RecordingRule => Boolean(r.record)) }))
    .filter((g) => g.rules.length > 0);
}

export interface RuleBackfillOptions {
  rulesFile: string;
  dataDir: string;
  startSec: number;
  endSec: number;
  /**
   * History length of the groups after the canonical one and the tiers (Appendix A: 1h/24h windows every minute are
   * costly to evaluate over weeks and only dashboards of the last days read them).
   */
  derivedSeconds?: number;
  progress?: (label: string, total: number) => Progress;
}

/** Prometheus' default 2 minutes is too short for a week of the scale test bed's raw series. */
const BACKFILL_QUERY_TIMEOUT = '1h';
/** Prometheus answers at most 11,000 points per series; a week of minutes is 10,080. */
const STEPS_PER_QUERY = 10_080;
/** Prometheus evaluates one query on one core; a third slice keeps both busy while the others are written. */
const PARALLEL_SLICES = 3;

export interface EvaluationSlice {
  /** first and last evaluation time, inclusive (unix seconds) */
  fromSec: number;
  toSec: number;
}

/** Evaluation times start, start + step, … up to end, cut into slices of at most `stepsPerSlice` evaluations. */
export function evaluationSlices(startSec: number, endSec: number, stepSec: number, stepsPerSlice = STEPS_PER_QUERY): EvaluationSlice[] {
  const slices: EvaluationSlice[] = [];
  for (let from = startSec; from <= endSec; from += stepsPerSlice * stepSec) {
    slices.push({ fromSec: from, toSec: Math.min(endSec, from + (stepsPerSlice - 1) * stepSec) });
  }
  return slices;
}

interface RangeSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

async function queryRange(url: string, expr: string, slice: EvaluationSlice, stepSec: number): Promise<RangeSeries[]> {
  const params = new URLSearchParams({ query: expr, start: String(slice.fromSec), end: String(slice.toSec), step: `${stepSec}s` });
  const res = await fetch(`${url}/api/v1/query_range`, { method: 'POST', body: params });
  const body = (await res.json()) as { status: string; error?: string; data: { result: RangeSeries[] } };
  if (body.status !== 'success') {
    throw new Error(`rule backfill query failed (${body.error}): ${expr}`);
  }
  return body.data.result;
}

/** The samples a recording rule writes, as OpenMetrics lines: its record name, the result's labels, then the rule's own labels. */
export function recordedText(rule: RecordingRule, series: RangeSeries): string {
  const { __name__: _name, ...labels } = series.metric;
  const prefix = `${rule.record}${formatLabels({ ...labels, ...rule.labels })} `;
  let text = '';
  for (const [t, v] of series.values) {
    text += `${prefix}${v} ${t}\n`;
  }
  return text;
}

/** Evaluates one group over one slice and writes it as OpenMetrics (rules of one record name together). */
async function writeGroupSlice(url: string, group: RuleFileGroup, slice: EvaluationSlice, stepSec: number, file: string, onQuery: () => void) {
  const out = fs.createWriteStream(file);
  const byRecord = new Map<string, RecordingRule[]>();
  group.rules.forEach((r) => byRecord.set(r.record, [...(byRecord.get(r.record) ?? []), r]));
  for (const rules of byRecord.values()) {
    for (const rule of rules) {
      for (const series of await queryRange(url, rule.expr, slice, stepSec)) {
        if (!out.write(recordedText(rule, series))) {
          await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        }
      }
      onQuery();
    }
  }
  await new Promise<void>((resolve, reject) => out.end('# EOF\n', (e?: Error | null) => (e ? reject(e) : resolve())));
}

function moveBlocks(fromDir: string, dataDir: string): void {
  for (const entry of fs.existsSync(fromDir) ? fs.readdirSync(fromDir) : []) {
    if (fs.existsSync(path.join(fromDir, entry, 'meta.json'))) {
      fs.renameSync(path.join(fromDir, entry), path.join(dataDir, entry));
    }
  }
}

/** Backfills every recording group of `rulesFile` over [start, end], each group on a Prometheus that has the groups before it. */
export async function backfillRecordingRules(opts: RuleBackfillOptions): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-rules-'));
  const groups = recordingGroups(opts.rulesFile).map((group, index) => {
    const stepSec = parseDurationSeconds(group.interval ?? '1m') ?? 60;
    const fullHistory = index === 0 || isTierGroup(group.name);
    const from = fullHistory ? opts.startSec : Math.max(opts.startSec, opts.endSec - (opts.derivedSeconds ?? 86400));
    const firstSec = Math.ceil(from / stepSec) * stepSec;
    return { group, stepSec, slices: evaluationSlices(firstSec, opts.endSec, stepSec) };
  });
  const queries = groups.reduce((n, g) => n + g.group.rules.length * g.slices.length, 0);
  const progress = opts.progress?.('recording rules', queries);
  let done = 0;
  try {
    for (const { group, stepSec, slices } of groups) {
      const blocksDir = path.join(work, group.name);
      // an offline job: a week of thousands of raw series may take minutes per query
      const prometheus = await startPrometheus({ dataDir: opts.dataDir, queryTimeout: BACKFILL_QUERY_TIMEOUT });
      try {
        await runPool(slices, PARALLEL_SLICES, async (slice, i) => {
          const file = path.join(work, `${group.name}-${i}.om`);
          await writeGroupSlice(prometheus.url, group, slice, stepSec, file, () => progress?.update(++done, group.name));
          await backfillOpenMetrics(file, blocksDir);
          fs.rmSync(file);
        });
      } finally {
        await prometheus.stop();
      }
      // only now: a running Prometheus must not pick up blocks while they are written
      moveBlocks(blocksDir, opts.dataDir);
    }
    progress?.finish(`${groups.length} groups`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
