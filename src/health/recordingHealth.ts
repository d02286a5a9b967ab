/**
 * Recording health: what the answers of the two health queries (healthQueries.ts) say about how
 * the canonical series are recorded, as findings with a severity and a one-sentence fix. The
 * failures it finds are silent on the pages: a family recorded every 5 minutes instead of every
 * minute (vmalert's default -datasource.queryStep) makes every total ~80 % low.
 */
import { Family, FAMILIES, FamilyId, RULE_INTERVAL_SECONDS } from '../engine/conventions';
import { Profile, RULE_INTERVAL } from '../rules/profile';
import { profileRulesPath } from '../rules/registry';
import { EXPECTED_POINTS_PER_STEP, HEALTH_STEP_SECONDS, HealthAnswers, STALE_AFTER_SECONDS } from './healthQueries';
import { profileRawMetrics, rawMetricsOf } from './rawMetrics';

export type Severity = 'error' | 'warning';
export type FindingKind = 'no-data' | 'never-ran' | 'missing' | 'stale' | 'sparse' | 'dense' | 'gap';

export interface HealthFinding {
  kind: FindingKind;
  severity: Severity;
  /** the family concerned; none for findings about the whole rule file */
  family?: FamilyId;
  message: string;
  /** what to do, in one sentence */
  fix: string;
}

export interface HealthContext {
  profile: Profile;
  /** end of the checked window, unix seconds */
  nowSec: number;
  lookbackSeconds: number;
}

/** An interval is judged on at least this many hours with points: the first and last may be partial. */
const MIN_STEPS_FOR_INTERVAL = 3;
/** Points per hour within this share of the expected 60 are on time (evaluations jitter by a few ms). */
const INTERVAL_TOLERANCE = 0.1;

/** 300 -> "5 m", 30 -> "30 s", 10800 -> "3 h", 604800 -> "7 d". */
export function formatSeconds(seconds: number): string {
  const units: Array<[number, string]> = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
  ];
  const [size, unit] = units.find(([size]) => seconds >= size) ?? [1, 's'];
  return `${Math.round((seconds / size) * 10) / 10} ${unit}`;
}

function utcHour(sec: number): string {
  return `${new Date(sec * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function sparseOrDense(family: Family, steps: ReadonlyArray<readonly [number, number]>): HealthFinding | undefined {
  if (steps.length < MIN_STEPS_FOR_INTERVAL) {
    return undefined;
  }
  const best = Math.max(...steps.map(([, points]) => points));
  const ratio = best / EXPECTED_POINTS_PER_STEP;
  if (Math.abs(ratio - 1) <= INTERVAL_TOLERANCE) {
    return undefined;
  }
  const every = `recorded every ${formatSeconds(HEALTH_STEP_SECONDS / best)}, not every ${formatSeconds(RULE_INTERVAL_SECONDS)}`;
  const counter = family.kind === 'increase';
  const severity: Severity = counter ? 'error' : 'warning';
  if (ratio < 1) {
    const effect = counter ? `totals are ~${Math.round((1 - ratio) * 100)} % low` : 'its values lag';
    return {
      kind: 'sparse',
      severity,
      family: family.id,
      message: `${family.series}: ${every} (${best} points per hour): ${effect}`,
      fix: `Run vmalert with -datasource.queryStep=${RULE_INTERVAL} (its default is 5m), or set your ruler's evaluation interval for the aispend rule groups to ${RULE_INTERVAL}.`,
    };
  }
  const effect = counter
    ? `totals are ~${Math.round((ratio - 1) * 100)} % high`
    : 'each value is written several times';
  return {
    kind: 'dense',
    severity,
    family: family.id,
    message: `${family.series}: ${every} (${best} points per hour): ${effect}`,
    fix: 'Evaluate the aispend rules in one ruler only and at their own interval: a second ruler, or a shorter interval, counts each minute more than once.',
  };
}

/** Runs of hours without points between hours with points: [first empty hour's start, last one's end]. */
export function gapsOf(steps: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const gaps: Array<[number, number]> = [];
  for (let i = 1; i < steps.length; i++) {
    const [before, after] = [steps[i - 1][0], steps[i][0]];
    if (after - before >= 1.5 * HEALTH_STEP_SECONDS) {
      gaps.push([before, after - HEALTH_STEP_SECONDS]);
    }
  }
  return gaps;
}

function gapFinding(
  family: Family,
  steps: ReadonlyArray<readonly [number, number]>,
  ctx: HealthContext
): HealthFinding | undefined {
  const gaps = gapsOf(steps);
  if (!gaps.length) {
    return undefined;
  }
  const hours = (gap: [number, number]) => Math.round((gap[1] - gap[0]) / HEALTH_STEP_SECONDS);
  const longest = gaps.reduce((a, b) => (hours(b) > hours(a) ? b : a));
  const total = gaps.reduce((sum, g) => sum + hours(g), 0);
  const where =
    gaps.length === 1
      ? `from ${utcHour(longest[0])} to ${utcHour(longest[1])}`
      : `in ${gaps.length} gaps, the longest ${hours(longest)} h from ${utcHour(longest[0])} to ${utcHour(longest[1])}`;
  return {
    kind: 'gap',
    severity: 'warning',
    family: family.id,
    message: `${family.series}: no points for ${total} h of the last ${formatSeconds(ctx.lookbackSeconds)} (${where}): totals over those hours are low`,
    fix: `If the gateway's raw metrics cover those hours, re-evaluate the rules over them (promtool tsdb create-blocks-from rules, or vmalert -replay with -datasource.queryStep=${RULE_INTERVAL}); otherwise the gateway was not scraped then.`,
  };
}

function staleFinding(
  family: Family,
  answers: HealthAnswers,
  ctx: HealthContext,
  raw: readonly string[]
): HealthFinding {
  const steps = answers.hourly.get(family.id) ?? [];
  const lastStep = steps.length ? steps[steps.length - 1][0] : undefined;
  const hours = lastStep === undefined ? 0 : Math.floor((ctx.nowSec - lastStep) / HEALTH_STEP_SECONDS);
  const since = hours >= 1 ? `${hours} h` : formatSeconds(STALE_AFTER_SECONDS);
  const rawArrives = raw.length === 0 || raw.some((name) => answers.recentRaw.has(name));
  return {
    kind: 'stale',
    severity: 'error',
    family: family.id,
    message: `${family.series}: no point for over ${since}`,
    fix: rawArrives
      ? `The gateway's metrics still arrive but the rules stopped: check that your ruler (Prometheus, vmalert, Mimir or Thanos) is running with ${profileRulesPath(ctx.profile.id)} loaded.`
      : `The gateway's metrics (${raw.join(', ')}) stopped too: check the gateway and that it is still scraped.`,
  };
}

function absentFinding(
  family: Family,
  answers: HealthAnswers,
  ctx: HealthContext,
  raw: readonly string[]
): HealthFinding {
  const seen = raw.filter((name) => answers.recentRaw.has(name));
  const window = formatSeconds(ctx.lookbackSeconds);
  if (seen.length) {
    return {
      kind: 'never-ran',
      severity: 'error',
      family: family.id,
      message: `${family.series}: no series in the last ${window} although ${seen.join(', ')} has data: its rule never ran`,
      fix: `Load the current rules (aispend rules --profile ${ctx.profile.id}) into your ruler and check its log for errors of this rule.`,
    };
  }
  return {
    kind: 'missing',
    severity: 'warning',
    family: family.id,
    message: `${family.series}: no series in the last ${window}, and none of ${raw.join(', ')} in the last ${formatSeconds(STALE_AFTER_SECONDS)}`,
    fix: `Expected if the gateway has had no such events; otherwise make it export ${raw.join(', ')} and check that they are scraped.`,
  };
}

/** Nothing of the profile is recorded: one finding for the whole rule file instead of one per family. */
function wholeProfileFinding(answers: HealthAnswers, ctx: HealthContext, raw: readonly string[]): HealthFinding {
  const seen = raw.filter((name) => answers.recentRaw.has(name));
  const window = formatSeconds(ctx.lookbackSeconds);
  if (seen.length) {
    return {
      kind: 'never-ran',
      severity: 'error',
      message: `the ${ctx.profile.id} recording rules never ran: ${seen.join(', ')} have data, but there is no aigateway:* series in the last ${window}`,
      fix: `Load ${profileRulesPath(ctx.profile.id)} into the ruler that writes to this datasource (Prometheus rule_files, vmalert -rule, Mimir or Thanos ruler).`,
    };
  }
  return {
    kind: 'no-data',
    severity: 'error',
    message: `no aigateway:* series in the last ${window} and none of the ${ctx.profile.id} gateway's metrics in the last ${formatSeconds(STALE_AFTER_SECONDS)}`,
    fix: 'Pick the datasource your gateway is scraped into, or the metric profile that matches your gateway.',
  };
}

/** What a check without findings says. */
export function healthySentence(ctx: Pick<HealthContext, 'profile' | 'lookbackSeconds'>): string {
  return `the ${ctx.profile.id} families are recorded every ${RULE_INTERVAL}, none stale, no gaps in the last ${formatSeconds(ctx.lookbackSeconds)}`;
}

export function healthFindings(answers: HealthAnswers, ctx: HealthContext): HealthFinding[] {
  const rawByFamily = rawMetricsOf(ctx.profile);
  const hasData = (id: FamilyId) => answers.hourly.has(id) || answers.recentFamilies.has(id);
  const recorded = Object.values(FAMILIES).filter((f) => !ctx.profile.missing.includes(f.id));
  if (!recorded.some((f) => hasData(f.id))) {
    return [wholeProfileFinding(answers, ctx, profileRawMetrics(ctx.profile))];
  }
  const findings: HealthFinding[] = [];
  for (const family of Object.values(FAMILIES)) {
    const raw = rawByFamily.get(family.id) ?? [];
    if (!hasData(family.id)) {
      if (recorded.includes(family)) {
        findings.push(absentFinding(family, answers, ctx, raw));
      }
      continue;
    }
    if (!answers.recentFamilies.has(family.id)) {
      findings.push(staleFinding(family, answers, ctx, raw));
    }
    const steps = answers.hourly.get(family.id) ?? [];
    findings.push(
      ...[sparseOrDense(family, steps), gapFinding(family, steps, ctx)].filter(
        (f): f is HealthFinding => f !== undefined
      )
    );
  }
  // errors first, each severity in family order
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}
