/**
 * Top spenders: the N largest by team, user, API key or model, their share and change vs the
 * previous period (in percent where both periods have data: src/analysis/coverage.ts), and
 * "Others" (the total minus the top N). Spend by user and API key comes from
 * the spend-by-spender family (the compiler picks it for those labels).
 */
import type { TierContext } from '../engine/tierPlan';
import { FAMILIES, TOTAL_MARKER_LABEL, labelMatcher, promqlString } from '../engine/conventions';
import type { Expr, Filters } from '../engine/language';
import { compileIR, seriesMatchers } from '../engine/language/compile';
import type { LabeledValue } from './labeledValues';
import { compareKeys } from './order';

export const SPENDER_DIMENSIONS = ['team', 'user', 'api_key', 'model'] as const;
export type SpenderDimension = (typeof SPENDER_DIMENSIONS)[number];
export const DEFAULT_TOP_N = 10;

const TOTAL_COST: Expr = { kind: 'measure', measure: 'total_cost', scope: {} };
const PREVIOUS_TOTAL_COST: Expr = { kind: 'measure', measure: 'total_cost', scope: { previous: true } };

export interface TopSpendersQueryOptions {
  windowSeconds: number;
  n?: number;
  filters?: Filters;
  /** where the instant queries run and which tier buckets exist */
  tiers?: TierContext;
}

/** The total of the same family, marked so that it never merges with a spender whose label is "". */
function markedTotal(grouped: string): string {
  return `label_replace(sum(${grouped}), ${promqlString(TOTAL_MARKER_LABEL)}, "true", "", "")`;
}

/**
 * current: the top N of the window plus the total (marked with TOTAL_MARKER_LABEL);
 * previous: the window before, for the same N spenders, plus its total.
 */
export function topSpendersQueries(dimension: SpenderDimension, options: TopSpendersQueryOptions): { current: string; previous: string } {
  const n = options.n ?? DEFAULT_TOP_N;
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`top N must be a whole number ≥ 1 (got ${n})`);
  }
  const compile = (ir: Expr) =>
    compileIR(ir, { mode: 'instant', windowSeconds: options.windowSeconds, groupBy: [dimension], filters: options.filters ?? {}, tiers: options.tiers });
  const now = compile(TOTAL_COST);
  const before = compile(PREVIOUS_TOTAL_COST);
  const top = `topk(${n}, ${now})`;
  return {
    current: `${top} or ${markedTotal(now)}`,
    previous: `(${before} and on (${dimension}) ${top}) or ${markedTotal(before)}`,
  };
}

export interface SpenderQueries {
  /** range query: spend per step */
  spendOverTime: string;
  /** instant: spend by model over the window */
  modelMix: string;
  /** instant: cost per request; null for users and API keys (requests carry no spender labels) */
  costPerRequest: string | null;
}

/** Drill-down into one spender, `stepSeconds` for the time series and `windowSeconds` for the rest. */
export function spenderQueries(
  dimension: SpenderDimension,
  key: string,
  options: { windowSeconds: number; stepSeconds: number; filters?: Filters }
): SpenderQueries {
  const bySpender = dimension === 'user' || dimension === 'api_key';
  const spend = bySpender ? FAMILIES.spend_by_user.series : FAMILIES.spend.series;
  const select = (series: string) => `${series}{${[labelMatcher(dimension, key), ...seriesMatchers({}, options.filters ?? {}, {})].join(', ')}}`;
  const total = (series: string, seconds: number) => `sum_over_time(${select(series)}[${seconds * 1000 - 1}ms])`;
  return {
    spendOverTime: `sum(${total(spend, options.stepSeconds)})`,
    modelMix: `sum by (model) (${total(spend, options.windowSeconds)})`,
    costPerRequest: bySpender
      ? null
      : `sum(${total(spend, options.windowSeconds)}) / sum(${total(FAMILIES.requests.series, options.windowSeconds)})`,
  };
}

/** Spender values and the marked total of one query's result. */
export function splitTotal(values: readonly LabeledValue[], dimension: SpenderDimension): { spenders: Map<string, number>; total?: number } {
  const spenders = new Map<string, number>();
  let total: number | undefined;
  for (const v of values) {
    if (v.labels[TOTAL_MARKER_LABEL] !== undefined) {
      total = v.value;
    } else {
      spenders.set(v.labels[dimension] ?? '', v.value);
    }
  }
  return { spenders, total };
}

export interface SpenderRow {
  key: string;
  spend: number;
  sharePercent: number | null;
  /** spend in the previous window; null when there was none */
  previous: number | null;
  change: number | null;
}

export interface TopSpenders {
  rows: SpenderRow[];
  /** total minus the top N; null when the top N are everyone */
  others: SpenderRow | null;
  total: number;
}

/** Float residue of total − Σ top below this share of the total is no "Others". */
const RESIDUE = 1e-9;

function row(key: string, spend: number, total: number, previous: number | null): SpenderRow {
  const change = previous === null ? null : spend - previous;
  return {
    key,
    spend,
    sharePercent: total > 0 ? (spend / total) * 100 : null,
    previous,
    change,
  };
}

/**
 * The N largest (ties by key in code-point order), each with share of the total and change vs
 * the previous window; Others = total − Σ top N (previous: previous total − Σ their previous).
 * Without totals, the sums of the given values stand in.
 */
export function topSpenders(
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
  options: { n?: number; total?: number; previousTotal?: number } = {}
): TopSpenders {
  const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);
  const total = options.total ?? sum(current);
  const ranked = [...current.entries()].sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]));
  const top = ranked.slice(0, options.n ?? DEFAULT_TOP_N);
  const rows = top.map(([key, spend]) => row(key, spend, total, previous.get(key) ?? null));
  const rest = total - rows.reduce((s, r) => s + r.spend, 0);
  if (rest <= RESIDUE * Math.abs(total)) {
    return { rows, others: null, total };
  }
  const previousTotal = options.previousTotal ?? (previous.size ? sum(previous) : undefined);
  const previousRest = previousTotal === undefined ? null : previousTotal - rows.reduce((s, r) => s + (r.previous ?? 0), 0);
  return { rows, others: row('Others', rest, total, previousRest), total };
}
