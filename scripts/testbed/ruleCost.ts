/**
 * ruleEvalMsPerMin: the time Prometheus spends evaluating the shipped rule file per minute.
 * A test bed's history ends in the past, so a Prometheus started on it evaluates its rules at the
 * wall clock, on no data: `prometheus_rule_group_last_duration_seconds` would measure nothing.
 * Instead every rule of every group (recording and alerting) is evaluated as an instant query at
 * the last minutes of the history, with `stats=all`; a group's evaluation is the sum of its rules'
 * execTotalTime, as the rule manager runs them one after the other (the appends of the results,
 * which the rule manager adds, are not in it). Groups evaluated less often than every minute
 * count in proportion.
 */
import fs from 'fs';
import { parse } from 'yaml';
import { parseDurationSeconds } from '../../src/engine/duration';
import { runQuery } from './promStats';

export interface GroupCost {
  group: string;
  intervalSeconds: number;
  rules: number;
  /** mean over the evaluations measured */
  msPerEvaluation: number;
}

interface RuleFile {
  groups: Array<{ name: string; interval?: string; rules: Array<{ record?: string; alert?: string; expr: string }> }>;
}

export function ruleGroups(rulesFile: string): RuleFile['groups'] {
  return (parse(fs.readFileSync(rulesFile, 'utf8')) as RuleFile).groups;
}

/** Times of `count` evaluations ending at `endSec`, a minute apart. */
export function evaluationTimes(endSec: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => endSec - (count - 1 - i) * 60);
}

async function evaluationMs(url: string, exprs: string[], atSec: number): Promise<number> {
  let ms = 0;
  for (const expr of exprs) {
    const body = await runQuery(url, { expr, timeSec: atSec });
    if (body.status !== 'success') {
      throw new Error(`rule evaluation failed (${body.error}): ${expr}`);
    }
    ms += body.data!.stats!.timings.execTotalTime * 1000;
  }
  return ms;
}

export async function ruleEvaluationCost(url: string, rulesFile: string, endSec: number, evaluations = 5): Promise<{ msPerMinute: number; groups: GroupCost[] }> {
  const groups: GroupCost[] = [];
  for (const group of ruleGroups(rulesFile)) {
    const exprs = group.rules.map((r) => r.expr);
    const intervalSeconds = parseDurationSeconds(group.interval ?? '1m') ?? 60;
    // the first evaluation reads chunks from disk; a running Prometheus has them in memory
    await evaluationMs(url, exprs, endSec - evaluations * 60);
    let total = 0;
    for (const atSec of evaluationTimes(endSec, evaluations)) {
      total += await evaluationMs(url, exprs, atSec);
    }
    groups.push({ group: group.name, intervalSeconds, rules: exprs.length, msPerEvaluation: total / evaluations });
  }
  const msPerMinute = groups.reduce((s, g) => s + (g.msPerEvaluation * 60) / g.intervalSeconds, 0);
  return { msPerMinute: Math.round(msPerMinute * 10) / 10, groups };
}
