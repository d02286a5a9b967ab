/**
 * The reference evaluator: the language's semantics over in-memory canonical series, with
 * no Prometheus. It mirrors PromQL's vector operations step by step (windowed sums, group
 * aggregation, one-to-one or broadcast matching, `or`), so the differential tests can hold
 * the compiler to it.
 */
import { FAMILIES, GroupByLabel, SPENDER_LABELS } from '../conventions';
import { ARITHMETIC, COMPARISON, extreme, truthy, UNARY_MATH } from './arithmetic';
import { check } from './check';
import { groupSetMeasures, MeasureExpr } from './groupSet';
import { familyFor, isGauge, MEASURES_BY_NAME, WINDOW_CONSTANTS } from './measures';
import { EvaluationOptions, Expr, Filters, Scope } from './types';

export type Sample = [timestampMs: number, value: number];

export interface CanonicalSeries {
  name: string;
  labels: Record<string, string>;
  /** sorted by time */
  samples: Sample[];
}

export interface InstantResult {
  labels: Record<string, string>;
  value: number;
}

export interface RangeResult {
  labels: Record<string, string>;
  values: Sample[];
}

type Shape = 'scalar' | 'grouped' | 'single';

interface Value {
  shape: Shape;
  scalar?: number;
  /** key -> sample; key is the group label values ('' for single) */
  entries: Map<string, InstantResult>;
}

interface Context {
  groups: GroupByLabel[];
  windowMs: number;
  atMs: number;
  filters: Filters;
  data: CanonicalSeries[];
  /** the measures whose groups are the rows (see groupSet.ts) */
  groupSet: MeasureExpr[];
}

const scalarValue = (v: number): Value => ({ shape: 'scalar', scalar: v, entries: new Map() });

function groupLabels(labels: Record<string, string>, groups: GroupByLabel[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of groups) {
    if (labels[g]) {
      out[g] = labels[g];
    }
  }
  return out;
}

const keyOf = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());

function matches(series: CanonicalSeries, scope: Scope, filters: Filters, extra: Record<string, string>): boolean {
  const get = (label: string) => series.labels[label] ?? '';
  if (Object.entries(extra).some(([k, v]) => get(k) !== v)) {
    return false;
  }
  return (['provider', 'model', 'team'] as const).every(
    (label) => (!filters[label] || filters[label]!.includes(get(label))) && (scope[label] === undefined || scope[label] === get(label))
  );
}

/** Index of the first sample after `ms` (samples are sorted by time). */
function firstAfter(samples: Sample[], ms: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (samples[mid][0] > ms) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

/** sum (or last value) of the samples in (end - window, end] */
function overWindow(samples: Sample[], endMs: number, windowMs: number, gauge: boolean): number | undefined {
  let result: number | undefined;
  for (let i = firstAfter(samples, endMs - windowMs); i < samples.length && samples[i][0] <= endMs; i++) {
    result = gauge ? samples[i][1] : (result ?? 0) + samples[i][1];
  }
  return result;
}

function evaluateMeasure(expr: MeasureExpr, ctx: Context): Value {
  const def = MEASURES_BY_NAME.get(expr.measure)!;
  const groups = expr.scope.all ? [] : ctx.groups;
  const shape: Shape = groups.length ? 'grouped' : 'single';
  const entries = new Map<string, InstantResult>();
  const family = familyFor(def, groups.some((g) => (SPENDER_LABELS as readonly string[]).includes(g)));
  if (!family) {
    return { shape: 'single', entries };
  }
  const endMs = ctx.atMs - (expr.scope.previous ? ctx.windowMs : 0);
  for (const series of ctx.data) {
    if (series.name !== FAMILIES[family].series || !matches(series, expr.scope, ctx.filters, def.matchers)) {
      continue;
    }
    const value = overWindow(series.samples, endMs, ctx.windowMs, isGauge(family));
    if (value === undefined) {
      continue;
    }
    const labels = groupLabels(series.labels, groups);
    const key = keyOf(labels);
    const entry = entries.get(key);
    entries.set(key, { labels, value: (entry?.value ?? 0) + value });
  }
  return { shape, entries };
}

type Combine = (l: number, r: number) => number | undefined;

/** Vector matching as the compiler emits it: one-to-one for equal shapes, else broadcast the single side. */
function binary(left: Value, right: Value, combine: Combine): Value {
  if (left.shape === 'scalar' || right.shape === 'scalar') {
    const [vec, s, swap] = left.shape === 'scalar' ? [right, left.scalar!, true] : [left, right.scalar!, false];
    return mapEntries(vec, (v) => (swap ? combine(s, v) : combine(v, s)), vec.shape);
  }
  const entries = new Map<string, InstantResult>();
  const put = (labels: Record<string, string>, value: number | undefined) => value !== undefined && entries.set(keyOf(labels), { labels, value });
  if (left.shape === right.shape) {
    for (const [key, l] of left.entries) {
      const r = right.entries.get(key);
      if (r) {
        put(l.labels, combine(l.value, r.value));
      }
    }
    return { shape: left.shape, entries };
  }
  const single = left.shape === 'single' ? left : right;
  const only = [...single.entries.values()][0];
  if (!only) {
    return { shape: 'grouped', entries };
  }
  const grouped = left.shape === 'grouped' ? left : right;
  for (const g of grouped.entries.values()) {
    put(g.labels, left === grouped ? combine(g.value, only.value) : combine(only.value, g.value));
  }
  return { shape: 'grouped', entries };
}

function mapEntries(value: Value, fn: (v: number) => number | undefined, shape: Shape = value.shape): Value {
  const entries = new Map<string, InstantResult>();
  for (const [key, e] of value.entries) {
    const v = fn(e.value);
    if (v !== undefined) {
      entries.set(key, { labels: e.labels, value: v });
    }
  }
  return { shape, entries };
}

function union(a: Value, b: Value): Value {
  const entries = new Map(a.entries);
  for (const [key, e] of b.entries) {
    if (!entries.has(key)) {
      entries.set(key, e);
    }
  }
  return { shape: a.shape === 'grouped' || b.shape === 'grouped' ? 'grouped' : 'single', entries };
}

const bool = (f: (a: number, b: number) => boolean) => (a: number, b: number): number => Number(f(a, b));
const filter = (f: (a: number, b: number) => boolean): Combine => (a, b) => (f(a, b) ? a : undefined);
const truthyOf = (v: Value): Value => (v.shape === 'scalar' ? scalarValue(Number(truthy(v.scalar!))) : mapEntries(v, (x) => Number(truthy(x))));

/** `value` on the groups of `like`, as the compiler writes it: `(like == bool like) * 0 + value`. */
function broadcast(value: Value, like: Value): Value {
  return binary(mapEntries(like, () => 0), value, ARITHMETIC['+']);
}

/** With a group-by, a single value becomes one row per group of the group set (see groupSet.ts). */
function onGroups(value: Value, ctx: Context): Value {
  if (value.shape !== 'single' || !ctx.groups.length) {
    return value;
  }
  const rows = ctx.groupSet.map((m) => evaluateMeasure(m, ctx)).filter((m) => m.shape === 'grouped');
  return rows.length ? broadcast(value, rows.reduce(union)) : { shape: 'grouped', entries: new Map() };
}

function evaluateExtreme(fn: 'min' | 'max', a: Value, b: Value): Value {
  if (a.shape === 'scalar' && b.shape === 'scalar') {
    return scalarValue(extreme(fn, a.scalar!, b.scalar!));
  }
  const left = a.shape === 'scalar' ? broadcast(a, b) : a;
  const right = b.shape === 'scalar' ? broadcast(b, a) : b;
  const keep = fn === 'min' ? COMPARISON['<='] : COMPARISON['>='];
  const keepStrict = fn === 'min' ? COMPARISON['<'] : COMPARISON['>'];
  return union(union(binary(left, right, filter(keep)), binary(right, left, filter(keepStrict))), binary(left, right, ARITHMETIC['+']));
}

function evaluateBy(expr: Extract<Expr, { kind: 'by' }>, ctx: Context): Value {
  const innerGroups = ctx.groups.includes(expr.label) ? ctx.groups : [...ctx.groups, expr.label];
  const innerCtx = { ...ctx, groups: innerGroups, groupSet: groupSetMeasures(expr.arg) };
  const inner = onGroups(evaluateExpr(expr.arg, innerCtx), innerCtx);
  if (inner.shape === 'scalar') {
    return { shape: 'single', entries: new Map() };
  }
  const keep = inner.shape === 'grouped' && ctx.groups.length > 0;
  const entries = new Map<string, InstantResult>();
  for (const e of inner.entries.values()) {
    const labels = keep ? groupLabels(e.labels, ctx.groups) : {};
    const key = keyOf(labels);
    const value = expr.fn === 'count_by' ? Number(e.value > 0) : e.value;
    const current = entries.get(key);
    entries.set(key, { labels, value: current === undefined ? value : aggregate(expr.fn, current.value, value) });
  }
  return { shape: keep ? 'grouped' : 'single', entries };
}

/** Prometheus' sum / max / min: max and min skip NaN unless every value is NaN. */
function aggregate(fn: 'max_by' | 'min_by' | 'count_by', current: number, next: number): number {
  if (fn === 'count_by') {
    return current + next;
  }
  if (Number.isNaN(current)) {
    return next;
  }
  return fn === 'max_by' ? (next > current ? next : current) : next < current ? next : current;
}

function evaluateExpr(expr: Expr, ctx: Context): Value {
  switch (expr.kind) {
    case 'number':
      return scalarValue(expr.value);
    case 'window':
      return scalarValue(ctx.windowMs / 1000 / WINDOW_CONSTANTS.find((c) => c.name === expr.name)!.seconds);
    case 'measure':
      return evaluateMeasure(expr, ctx);
    case 'negate': {
      const x = evaluateExpr(expr.arg, ctx);
      return x.shape === 'scalar' ? scalarValue(-x.scalar!) : mapEntries(x, (v) => -v);
    }
    case 'not': {
      const x = evaluateExpr(expr.arg, ctx);
      return x.shape === 'scalar' ? scalarValue(Number(!truthy(x.scalar!))) : mapEntries(x, (v) => Number(!truthy(v)));
    }
    case 'arithmetic':
    case 'compare': {
      const l = evaluateExpr(expr.left, ctx);
      const r = evaluateExpr(expr.right, ctx);
      const combine = expr.kind === 'arithmetic' ? ARITHMETIC[expr.op] : bool(COMPARISON[expr.op]);
      return l.shape === 'scalar' && r.shape === 'scalar' ? scalarValue(combine(l.scalar!, r.scalar!)) : binary(l, r, combine);
    }
    case 'logical': {
      const l = truthyOf(evaluateExpr(expr.left, ctx));
      const r = truthyOf(evaluateExpr(expr.right, ctx));
      const combine = expr.op === '&&' ? (a: number, b: number) => a * b : (a: number, b: number) => Number(a + b > 0);
      return l.shape === 'scalar' && r.shape === 'scalar' ? scalarValue(combine(l.scalar!, r.scalar!)) : binary(l, r, combine);
    }
    case 'conditional': {
      const test = evaluateExpr(expr.test, ctx);
      if (test.shape === 'scalar') {
        return evaluateExpr(truthy(test.scalar!) ? expr.then : expr.otherwise, ctx);
      }
      const flags = truthyOf(test);
      const branch = (flag: number, body: Expr) =>
        binary(mapEntries(flags, (f) => (f === flag ? 0 : undefined)), evaluateExpr(body, ctx), ARITHMETIC['+']);
      const branches = [branch(1, expr.then), branch(0, expr.otherwise)];
      const [whenTrue, whenFalse] = branches.some((b) => b.shape === 'grouped') ? branches.map((b) => onGroups(b, ctx)) : branches;
      return union(whenTrue, whenFalse);
    }
    case 'math': {
      const args = expr.args.map((a) => evaluateExpr(a, ctx));
      if (expr.fn === 'min' || expr.fn === 'max') {
        return args.reduce((acc, next) => evaluateExtreme(expr.fn as 'min' | 'max', acc, next));
      }
      const f = UNARY_MATH[expr.fn];
      return args[0].shape === 'scalar' ? scalarValue(f(args[0].scalar!)) : mapEntries(args[0], f);
    }
    case 'by':
      return evaluateBy(expr, ctx);
  }
}

function toResults(value: Value): InstantResult[] {
  if (value.shape === 'scalar') {
    return [{ labels: {}, value: value.scalar! }];
  }
  return [...value.entries.values()];
}

export interface ReferenceOptions extends EvaluationOptions {
  /** instant mode: evaluation time */
  atMs?: number;
  /** range mode: first and last step */
  startMs?: number;
  endMs?: number;
}

export function evaluateInstant(ir: Expr, data: CanonicalSeries[], options: ReferenceOptions): InstantResult[] {
  const ctx: Context = {
    groups: options.groupBy,
    windowMs: options.windowSeconds! * 1000,
    atMs: options.atMs!,
    filters: options.filters ?? {},
    data,
    groupSet: groupSetMeasures(ir),
  };
  return toResults(onGroups(evaluateExpr(ir, ctx), ctx));
}

export function evaluateRange(ir: Expr, data: CanonicalSeries[], options: ReferenceOptions): RangeResult[] {
  const stepMs = options.stepSeconds! * 1000;
  const byKey = new Map<string, RangeResult>();
  for (let t = options.startMs!; t <= options.endMs!; t += stepMs) {
    const results = evaluateInstant(ir, data, { ...options, mode: 'instant', windowSeconds: options.stepSeconds, atMs: t });
    for (const r of results) {
      const key = keyOf(r.labels);
      const series = byKey.get(key) ?? { labels: r.labels, values: [] };
      series.values.push([t, r.value]);
      byKey.set(key, series);
    }
  }
  return [...byKey.values()];
}

export function evaluateFormula(formula: string, data: CanonicalSeries[], options: ReferenceOptions) {
  const checked = check(formula);
  if (!checked.ok || !checked.ir) {
    return { ok: false as const, diagnostics: checked.diagnostics };
  }
  return options.mode === 'range'
    ? { ok: true as const, results: evaluateRange(checked.ir, data, options) }
    : { ok: true as const, results: evaluateInstant(checked.ir, data, options) };
}
