/**
 * One KPI formula, compiled and run on Prometheus: what `aispend eval` prints and
 * `npm run demo` tabulates. The same compile path as the datasource.
 */
import type { GroupByLabel } from '../engine/conventions';
import { compileToPromQL, Diagnostic } from '../engine/language';
import type { TierContext } from '../engine/tierPlan';
import type { TierMarks } from '../engine/tiers';
import { instantQuery, promNumber, PromSeries, rangeQuery } from './prometheusHttp';
import { fetchTierMarks } from './tierMarksHttp';

export type JsonValue = number | null | 'NaN' | '+Inf' | '-Inf';

export interface KpiRequest {
  formula: string;
  mode: 'instant' | 'range';
  fromSec: number;
  toSec: number;
  stepSec: number | null;
  groupBy: GroupByLabel[];
}

export interface KpiResult {
  labels: Record<string, string>;
  value?: JsonValue;
  values?: Array<[number, JsonValue]>;
}

export interface KpiOutput {
  formula: string;
  mode: 'instant' | 'range';
  from: number;
  to: number;
  step: number | null;
  groupBy: GroupByLabel[];
  promql: string;
  results?: KpiResult[];
}

export class FormulaError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.message} (column ${diagnostic.startColumn})`);
  }
}

/** Prometheus writes non-finite values as NaN, +Inf, -Inf; JSON keeps them as those strings. */
export function jsonValue(text: string): JsonValue {
  const n = promNumber(text);
  if (Number.isFinite(n)) {
    return n;
  }
  return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
}

/** Where runKpi's query is evaluated: at `to`, or at each step from one step after `from` to `to`. */
export function tierContextOf(request: KpiRequest, marks: TierMarks): TierContext {
  if (request.mode === 'instant') {
    return { marks, firstEvalMs: request.toSec * 1000, stepMs: 0, count: 1 };
  }
  const step = request.stepSec!;
  return { marks, firstEvalMs: (request.fromSec + step) * 1000, stepMs: step * 1000, count: Math.max(1, Math.floor((request.toSec - request.fromSec - step) / step) + 1) };
}

/** `marks`: the tier buckets that exist; without them every window reads the one-minute tier. */
export function compileRequest(request: KpiRequest, marks?: TierMarks): KpiOutput {
  const window = request.mode === 'range' ? request.stepSec! : request.toSec - request.fromSec;
  const compiled = compileToPromQL(request.formula, {
    mode: request.mode,
    windowSeconds: request.mode === 'instant' ? window : undefined,
    stepSeconds: request.mode === 'range' ? window : undefined,
    groupBy: request.groupBy,
    tiers: marks ? tierContextOf(request, marks) : undefined,
  });
  if (!compiled.ok) {
    throw new FormulaError(compiled.diagnostics[0]);
  }
  return {
    formula: request.formula,
    mode: request.mode,
    from: request.fromSec,
    to: request.toSec,
    step: request.stepSec,
    groupBy: request.groupBy,
    promql: compiled.promql,
  };
}

function labelsOf(series: PromSeries, groupBy: GroupByLabel[]): Record<string, string> {
  return Object.fromEntries(groupBy.filter((g) => series.metric[g] !== undefined).map((g) => [g, series.metric[g]]));
}

export async function runKpi(prometheus: string, request: KpiRequest): Promise<KpiOutput> {
  const window = request.mode === 'range' ? request.stepSec! : request.toSec - request.fromSec;
  // a previous period reaches back one more window
  const marks = await fetchTierMarks(prometheus, (request.fromSec - window) * 1000, request.toSec * 1000);
  const output = compileRequest(request, marks);
  if (request.mode === 'range') {
    // each point covers the step before it: the first point is one step after `from`
    const series = await rangeQuery(prometheus, output.promql, request.fromSec + request.stepSec!, request.toSec, request.stepSec!);
    output.results = series.map((s) => ({
      labels: labelsOf(s, request.groupBy),
      values: (s.values ?? []).map(([t, v]) => [t, jsonValue(v)] as [number, JsonValue]),
    }));
    return output;
  }
  const series = await instantQuery(prometheus, output.promql, request.toSec);
  output.results = series.map((s) => ({ labels: labelsOf(s, request.groupBy), value: jsonValue(s.value![1]) }));
  if (!request.groupBy.length && output.results.length === 0) {
    output.results = [{ labels: {}, value: null }];
  }
  return output;
}
