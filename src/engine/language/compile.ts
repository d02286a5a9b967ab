/**
 * Typed formula -> ONE PromQL expression over the canonical series. Every measure becomes a
 * windowed sum (or last value) aggregated to the query's groups; operators keep PromQL's
 * vector matching, so a group missing on either side stays missing. Label values always go
 * through `labelMatcher` (escaped), so no input changes the expression's structure.
 */
import { FamilyId, GroupByLabel, labelMatcher, SPENDER_LABELS } from '../conventions';
import { formatPromDuration } from '../duration';
import { minuteWindowPart, planWindowParts, TierContext, WindowPart } from '../tierPlan';
import { labelledTierParts, tierSeries } from '../tiers';
import { ARITHMETIC, COMPARISON, extreme, truthy, UNARY_MATH } from './arithmetic';
import { check } from './check';
import { groupSetMeasures, MeasureExpr } from './groupSet';
import { familyFor, isGauge, MEASURES_BY_NAME, WINDOW_CONSTANTS } from './measures';
import { Diagnostic, EvaluationOptions, Expr, Filters, Scope } from './types';

/** scalar: a constant; grouped: labelled by the current groups; single: one series without labels */
type Shape = 'scalar' | 'grouped' | 'single';

interface Compiled {
  shape: Shape;
  text: string;
  value?: number;
}

interface Context {
  groups: GroupByLabel[];
  windowSeconds: number;
  filters: Filters;
  /** the measures whose groups are the rows (see groupSet.ts) */
  groupSet: MeasureExpr[];
  tiers?: TierContext;
}

export type CompileResult = { ok: true; promql: string } | { ok: false; diagnostics: Diagnostic[] };

/** An expression with no samples: a measure that this grouping does not have. */
export const NO_SAMPLES = 'vector(0) < 0';

export function literal(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? 'Inf' : '(-Inf)';
  }
  return value < 0 || Object.is(value, -0) ? `(${String(value)})` : String(value);
}

const scalar = (value: number): Compiled => ({ shape: 'scalar', text: literal(value), value });
const vector = (shape: Shape, text: string): Compiled => ({ shape, text });

function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

export function seriesMatchers(scope: Scope, filters: Filters, extra: Record<string, string>): string[] {
  const matchers = Object.entries(extra).map(([k, v]) => labelMatcher(k, v));
  for (const label of ['provider', 'model', 'team'] as const) {
    const values = filters[label];
    if (values && values.length === 1) {
      matchers.push(labelMatcher(label, values[0]));
    } else if (values && values.length > 1) {
      matchers.push(labelMatcher(label, values.map(escapeRegex).join('|'), '=~'));
    }
    if (scope[label] !== undefined) {
      matchers.push(labelMatcher(label, scope[label]!));
    }
  }
  return matchers;
}

/** Milliseconds as a PromQL duration; whole seconds as seconds, as windows were always written. */
function partSelector(series: string, matchers: readonly string[], part: WindowPart): string {
  const selector = `${series}${matchers.length ? `{${matchers.join(', ')}}` : ''}`;
  return `${selector}[${part.rangeMs}ms]${part.offsetMs ? ` offset ${formatPromDuration(part.offsetMs)}` : ''}`;
}

/**
 * The window's sum of a counter family as the planner cuts it (tierPlan.ts): one `sum_over_time`
 * per part, each part labelled apart so that `or` keeps them all until the caller's `sum`.
 */
export function windowedSumPromQL(family: FamilyId, matchers: readonly string[], windowSeconds: number, previous = false, tiers?: TierContext): string {
  const windowMs = windowSeconds * 1000;
  const parts = planWindowParts(windowMs, previous ? windowMs : 0, tiers);
  return labelledTierParts(parts.map((part) => `sum_over_time(${partSelector(tierSeries(family, part.tier), matchers, part)})`));
}

function compileMeasure(expr: MeasureExpr, ctx: Context): Compiled {
  const def = MEASURES_BY_NAME.get(expr.measure)!;
  const groups = expr.scope.all ? [] : ctx.groups;
  const family = familyFor(def, groups.some((g) => (SPENDER_LABELS as readonly string[]).includes(g)));
  if (!family) {
    return vector('single', `(${NO_SAMPLES})`);
  }
  const matchers = seriesMatchers(expr.scope, ctx.filters, def.matchers);
  const previous = Boolean(expr.scope.previous);
  const overTime = isGauge(family)
    ? `last_over_time(${partSelector(tierSeries(family, 'minute'), matchers, minuteWindowPart(ctx.windowSeconds * 1000, previous ? ctx.windowSeconds * 1000 : 0, ctx.tiers))})`
    : windowedSumPromQL(family, matchers, ctx.windowSeconds, previous, ctx.tiers);
  return groups.length ? vector('grouped', `sum by (${groups.join(', ')}) (${overTime})`) : vector('single', `sum(${overTime})`);
}

function matching(left: Shape, right: Shape): string {
  if (left === 'scalar' || right === 'scalar' || (left === 'single' && right === 'single')) {
    return '';
  }
  // PromQL's default, spelled out: without a modifier VictoriaMetrics (MetricsQL) applies a series
  // without labels (a group by a label the family lacks) to every series of the other side
  if (left === right) {
    return ' ignoring ()';
  }
  // the empty label list is explicit: `group_left (x)` would read a parenthesised operand as labels
  return left === 'grouped' ? ' on () group_left ()' : ' on () group_right ()';
}

function joinShape(a: Shape, b: Shape): Shape {
  return a === 'grouped' || b === 'grouped' ? 'grouped' : a === 'single' || b === 'single' ? 'single' : 'scalar';
}

/** Operators that repeat an operand (truthiness, ternary, min/max) grow the text; past this it is refused. */
export const MAX_PROMQL_LENGTH = 100_000;

export class TooComplexError extends Error {
  constructor() {
    super(`formula too complex: its PromQL would exceed ${MAX_PROMQL_LENGTH} characters`);
  }
}

/** `left op right` with PromQL's matching for our two vector shapes. */
function binary(op: string, left: Compiled, right: Compiled, bool = false): Compiled {
  if (left.text.length + right.text.length > MAX_PROMQL_LENGTH) {
    throw new TooComplexError();
  }
  const modifier = `${bool ? ' bool' : ''}${matching(left.shape, right.shape)}`;
  return vector(joinShape(left.shape, right.shape), `(${left.text} ${op}${modifier} ${right.text})`);
}

function truthyVector(x: Compiled): Compiled {
  return binary('*', binary('!=', x, scalar(0), true), binary('==', x, x, true));
}

/** A constant or single value placed on the groups of `like` (where `like` has a sample). */
function broadcast(value: Compiled, like: Compiled): Compiled {
  return binary('+', binary('*', binary('==', like, like, true), scalar(0)), value);
}

/**
 * With a group-by, a single value (made of `all.` measures) becomes one row per group of the
 * group set, each carrying the value; without groups to place it on, it is missing.
 */
function onGroups(value: Compiled, ctx: Context): Compiled {
  if (value.shape !== 'single' || !ctx.groups.length) {
    return value;
  }
  const texts = new Set(ctx.groupSet.map((m) => compileMeasure(m, ctx)).filter((m) => m.shape === 'grouped').map((m) => m.text));
  if (!texts.size) {
    return vector('grouped', `(${NO_SAMPLES})`);
  }
  const rows = texts.size === 1 ? [...texts][0] : `(${[...texts].join(' or ')})`;
  return broadcast(value, vector('grouped', rows));
}

function compileConditional(expr: Extract<Expr, { kind: 'conditional' }>, ctx: Context): Compiled {
  const test = compileExpr(expr.test, ctx);
  if (test.shape === 'scalar') {
    return compileExpr(truthy(test.value!) ? expr.then : expr.otherwise, ctx);
  }
  const flag = truthyVector(test);
  const branch = (mask: number, body: Expr) =>
    binary('+', binary('*', binary('==', flag, scalar(mask)), scalar(0)), compileExpr(body, ctx));
  const branches = [branch(1, expr.then), branch(0, expr.otherwise)];
  // a single branch beside a grouped one takes the groups' rows, so the result has one shape
  const [whenTrue, whenFalse] = branches.some((b) => b.shape === 'grouped') ? branches.map((b) => onGroups(b, ctx)) : branches;
  return vector(joinShape(whenTrue.shape, whenFalse.shape), `(${whenTrue.text} or ${whenFalse.text})`);
}

function compileExtreme(fn: 'min' | 'max', a: Compiled, b: Compiled): Compiled {
  if (a.shape === 'scalar' && b.shape === 'scalar') {
    return scalar(extreme(fn, a.value!, b.value!));
  }
  const left = a.shape === 'scalar' ? broadcast(a, b) : a;
  const right = b.shape === 'scalar' ? broadcast(b, a) : b;
  const [keepLeft, keepRight] = fn === 'min' ? ['<=', '<'] : ['>=', '>'];
  const parts = [binary(keepLeft, left, right), binary(keepRight, right, left), binary('+', left, right)];
  return vector(joinShape(left.shape, right.shape), `(${parts.map((p) => p.text).join(' or ')})`);
}

function compileMath(expr: Extract<Expr, { kind: 'math' }>, ctx: Context): Compiled {
  const args = expr.args.map((a) => compileExpr(a, ctx));
  if (expr.fn === 'min' || expr.fn === 'max') {
    return args.reduce((acc, next) => compileExtreme(expr.fn as 'min' | 'max', acc, next));
  }
  const [x] = args;
  if (x.shape === 'scalar') {
    return scalar(UNARY_MATH[expr.fn](x.value!));
  }
  return expr.fn === 'round' ? vector(x.shape, `floor(${x.text} + 0.5)`) : vector(x.shape, `${expr.fn}(${x.text})`);
}

function compileBy(expr: Extract<Expr, { kind: 'by' }>, ctx: Context): Compiled {
  const innerGroups = ctx.groups.includes(expr.label) ? ctx.groups : [...ctx.groups, expr.label];
  const innerCtx = { ...ctx, groups: innerGroups, groupSet: groupSetMeasures(expr.arg) };
  const inner = onGroups(compileExpr(expr.arg, innerCtx), innerCtx);
  if (inner.shape === 'scalar') {
    // no label value has data for a constant
    return vector('single', `(${NO_SAMPLES})`);
  }
  const keep = inner.shape === 'grouped' && ctx.groups.length > 0;
  const by = keep ? ` by (${ctx.groups.join(', ')})` : '';
  const shape: Shape = keep ? 'grouped' : 'single';
  if (expr.fn === 'count_by') {
    return vector(shape, `sum${by} (${inner.text} > bool 0)`);
  }
  return vector(shape, `${expr.fn === 'max_by' ? 'max' : 'min'}${by} (${inner.text})`);
}

function compileExpr(expr: Expr, ctx: Context): Compiled {
  switch (expr.kind) {
    case 'number':
      return scalar(expr.value);
    case 'window':
      return scalar(ctx.windowSeconds / WINDOW_CONSTANTS.find((c) => c.name === expr.name)!.seconds);
    case 'measure':
      return compileMeasure(expr, ctx);
    case 'negate': {
      const x = compileExpr(expr.arg, ctx);
      return x.shape === 'scalar' ? scalar(-x.value!) : vector(x.shape, `-${x.text}`);
    }
    case 'not': {
      const x = compileExpr(expr.arg, ctx);
      return x.shape === 'scalar' ? scalar(truthy(x.value!) ? 0 : 1) : binary('-', scalar(1), truthyVector(x));
    }
    case 'arithmetic':
    case 'compare': {
      const l = compileExpr(expr.left, ctx);
      const r = compileExpr(expr.right, ctx);
      if (l.shape === 'scalar' && r.shape === 'scalar') {
        return scalar(expr.kind === 'arithmetic' ? ARITHMETIC[expr.op](l.value!, r.value!) : Number(COMPARISON[expr.op](l.value!, r.value!)));
      }
      return binary(expr.op, l, r, expr.kind === 'compare');
    }
    case 'logical': {
      const l = compileExpr(expr.left, ctx);
      const r = compileExpr(expr.right, ctx);
      if (l.shape === 'scalar' && r.shape === 'scalar') {
        const [a, b] = [truthy(l.value!), truthy(r.value!)];
        return scalar(Number(expr.op === '&&' ? a && b : a || b));
      }
      const tl = l.shape === 'scalar' ? scalar(Number(truthy(l.value!))) : truthyVector(l);
      const tr = r.shape === 'scalar' ? scalar(Number(truthy(r.value!))) : truthyVector(r);
      return expr.op === '&&' ? binary('*', tl, tr) : binary('>', binary('+', tl, tr), scalar(0), true);
    }
    case 'conditional':
      return compileConditional(expr, ctx);
    case 'math':
      return compileMath(expr, ctx);
    case 'by':
      return compileBy(expr, ctx);
  }
}

export function windowOf(options: EvaluationOptions): number {
  const seconds = options.mode === 'range' ? options.stepSeconds : options.windowSeconds;
  if (!seconds || seconds <= 0) {
    throw new Error(`${options.mode === 'range' ? 'step' : 'window'} must be a positive number of seconds`);
  }
  return seconds;
}

export function compileIR(ir: Expr, options: EvaluationOptions): string {
  const ctx: Context = {
    groups: options.groupBy,
    windowSeconds: windowOf(options),
    filters: options.filters ?? {},
    groupSet: groupSetMeasures(ir),
    tiers: options.tiers,
  };
  const compiled = onGroups(compileExpr(ir, ctx), ctx);
  const promql = compiled.shape === 'scalar' ? `vector(${compiled.text})` : compiled.text;
  // binary() refuses early; wrappers such as truthiness and ternary masks can still pass the limit
  if (promql.length > MAX_PROMQL_LENGTH) {
    throw new TooComplexError();
  }
  return promql;
}

export function compileToPromQL(formula: string, options: EvaluationOptions): CompileResult {
  const checked = check(formula);
  if (!checked.ok || !checked.ir) {
    return { ok: false, diagnostics: checked.diagnostics };
  }
  try {
    return { ok: true, promql: compileIR(checked.ir, options) };
  } catch (e) {
    return {
      ok: false,
      diagnostics: [{ message: (e as Error).message, line: 1, startColumn: 1, endColumn: 1, severity: 'error' }],
    };
  }
}
