/**
 * From a KPI query and the panel's time range to ONE PromQL expression and how to run it.
 * Pure: no Grafana services, so every case is a table test.
 */
import type { GroupByLabel } from '../engine/conventions';
import { parseDurationSeconds } from '../engine/duration';
import { compileToPromQL, type Filters } from '../engine/language';
import type { KpiDefinition } from '../engine/catalog';
import { settledShiftMs, type TierContext } from '../engine/tierPlan';
import type { TierMarks } from '../engine/tiers';
import type { KpiMode, KpiQuery } from './types';

export interface PlanContext {
  fromMs: number;
  toMs: number;
  /** the panel's suggested interval */
  intervalMs: number;
  ruleIntervalSeconds: number;
  filters: Filters;
  findKpi(id: string): KpiDefinition | undefined;
  /** the tier buckets that exist (tierMarks.ts); without them every window reads the one-minute tier */
  tierMarks?: TierMarks;
}

export interface QueryPlan {
  ok: true;
  promql: string;
  mode: KpiMode;
  /** range mode: the query_range step; instant mode: null */
  stepSeconds: number | null;
  windowSeconds: number;
  groupBy?: GroupByLabel;
  kpi?: KpiDefinition;
  /** display name of the value when there is no group */
  title: string;
  /** the range the query is evaluated on (the panel's, unless shifted by period / lookback) */
  fromMs: number;
  toMs: number;
  /** range mode, settled points (tierPlan.ts settledShiftMs): each point is plotted this long before its evaluation time */
  pointShiftMs?: number;
}

export interface PlanError {
  ok: false;
  message: string;
}


/** Steps are whole multiples of the rule interval: a step between two rule samples would double count. */
export function alignStep(seconds: number, ruleIntervalSeconds: number): number {
  return Math.max(1, Math.ceil(seconds / ruleIntervalSeconds)) * ruleIntervalSeconds;
}

function resolveFormula(query: KpiQuery, ctx: PlanContext): { formula: string; kpi?: KpiDefinition } | PlanError {
  if (query.kpiId) {
    const kpi = ctx.findKpi(query.kpiId);
    if (!kpi) {
      return { ok: false, message: `Unknown KPI "${query.kpiId}": it is neither a standard KPI nor a saved custom KPI` };
    }
    return { formula: kpi.formula, kpi };
  }
  if (!query.formula?.trim()) {
    return { ok: false, message: 'Pick a KPI or type a formula' };
  }
  return { formula: query.formula };
}

function stepFor(query: KpiQuery, ctx: PlanContext): number | PlanError {
  if (!query.step) {
    return alignStep(ctx.intervalMs / 1000, ctx.ruleIntervalSeconds);
  }
  const seconds = parseDurationSeconds(query.step);
  if (seconds === undefined) {
    return { ok: false, message: `Step "${query.step}" is not a duration like 5m, 1h or 1d` };
  }
  return alignStep(seconds, ctx.ruleIntervalSeconds);
}

/** The panel's range, the previous period of the same length, or the lookback ending at the panel's end. */
function evaluationRange(query: KpiQuery, ctx: PlanContext): { fromMs: number; toMs: number } | PlanError {
  const lengthMs = ctx.toMs - ctx.fromMs;
  if (query.period === 'previous') {
    return { fromMs: ctx.fromMs - lengthMs, toMs: ctx.fromMs };
  }
  if (query.lookback) {
    const seconds = parseDurationSeconds(query.lookback);
    if (seconds === undefined) {
      return { ok: false, message: `Lookback "${query.lookback}" is not a duration like 14d` };
    }
    return { fromMs: ctx.toMs - seconds * 1000, toMs: ctx.toMs };
  }
  return { fromMs: ctx.fromMs, toMs: ctx.toMs };
}

/**
 * Where Prometheus evaluates the query: an instant query at the range's end in whole seconds (the
 * plan sends that time, so Grafana's rounding cannot move the window), a range query at the steps
 * Grafana aligns its start and end down to.
 */
export function evaluationTimes(mode: KpiMode, toMs: number, fromMs: number, stepSeconds: number | null): { firstEvalMs: number; stepMs: number; count: number } {
  if (mode === 'instant' || !stepSeconds) {
    return { firstEvalMs: Math.floor(toMs / 1000) * 1000, stepMs: 0, count: 1 };
  }
  const stepMs = stepSeconds * 1000;
  const start = Math.floor(fromMs / stepMs) * stepMs;
  const end = Math.floor(toMs / stepMs) * stepMs;
  return { firstEvalMs: start, stepMs, count: Math.max(1, (end - start) / stepMs + 1) };
}

export function planKpiQuery(query: KpiQuery, panelCtx: PlanContext): QueryPlan | PlanError {
  const resolved = resolveFormula(query, panelCtx);
  if ('ok' in resolved) {
    return resolved;
  }
  const range = evaluationRange(query, panelCtx);
  if ('ok' in range) {
    return range;
  }
  const ctx = { ...panelCtx, ...range };
  const mode: KpiMode = query.mode ?? 'range';
  const groupBy = query.groupBy;
  let stepSeconds: number | null = null;
  let windowSeconds: number;
  if (mode === 'range') {
    const step = stepFor(query, ctx);
    if (typeof step !== 'number') {
      return step;
    }
    stepSeconds = step;
    windowSeconds = step;
  } else {
    windowSeconds = alignStep((ctx.toMs - ctx.fromMs) / 1000, ctx.ruleIntervalSeconds);
  }
  const times = evaluationTimes(mode, ctx.toMs, ctx.fromMs, stepSeconds);
  const unshifted: TierContext | undefined = ctx.tierMarks ? { marks: ctx.tierMarks, ...times } : undefined;
  const pointShiftMs = mode === 'range' && unshifted ? settledShiftMs(unshifted) : null;
  const tiers = pointShiftMs ? { ...unshifted!, endShiftMs: pointShiftMs } : unshifted;
  const compiled = compileToPromQL(resolved.formula, {
    mode,
    windowSeconds,
    stepSeconds: stepSeconds ?? undefined,
    groupBy: groupBy ? [groupBy] : [],
    filters: ctx.filters,
    tiers,
  });
  if (!compiled.ok) {
    const first = compiled.diagnostics[0];
    return { ok: false, message: `${first.message} (column ${first.startColumn})` };
  }
  const title = resolved.kpi?.name ?? resolved.formula;
  // an instant query runs at the time the plan was made for
  const toMs = mode === 'instant' ? times.firstEvalMs : range.toMs;
  return {
    ok: true,
    promql: compiled.promql,
    mode,
    stepSeconds,
    windowSeconds,
    groupBy,
    kpi: resolved.kpi,
    title,
    fromMs: range.fromMs,
    toMs,
    ...(pointShiftMs ? { pointShiftMs } : {}),
  };
}
