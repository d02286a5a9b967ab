/**
 * "What changed" on a KPI deep-dive: the KPI by one label (model, team or provider) over the
 * current window and over the window of equal length before it, and the contributors ranked by
 * their part of the change.
 */
import type { GroupByLabel } from '../engine/conventions';
import { check, compileIR, type Expr, type Filters } from '../engine/language';
import { compareKeys } from './order';

export type WhatChangedQueries = { ok: true; current: string; previous: string } | { ok: false; message: string };

export interface WhatChangedOptions {
  label: GroupByLabel;
  /** the page's range in seconds (a whole number of rule intervals, as the datasource aligns it) */
  windowSeconds: number;
  filters?: Filters;
}

/** Rebuilds `expr` with `fn` applied to every measure. */
function mapMeasures(expr: Expr, fn: (m: Extract<Expr, { kind: 'measure' }>) => Expr): Expr {
  const map = (e: Expr) => mapMeasures(e, fn);
  switch (expr.kind) {
    case 'measure':
      return fn(expr);
    case 'number':
    case 'window':
      return expr;
    case 'negate':
    case 'not':
    case 'by':
      return { ...expr, arg: map(expr.arg) };
    case 'arithmetic':
    case 'compare':
    case 'logical':
      return { ...expr, left: map(expr.left), right: map(expr.right) };
    case 'conditional':
      return { ...expr, test: map(expr.test), then: map(expr.then), otherwise: map(expr.otherwise) };
    case 'math':
      return { ...expr, args: expr.args.map(map) };
  }
}

function usesPrevious(expr: Expr): boolean {
  let found = false;
  mapMeasures(expr, (m) => {
    found ||= Boolean(m.scope.previous);
    return m;
  });
  return found;
}

/**
 * Whether a formula compares periods itself (reads `previous.`, as growth does): its value is a
 * comparison, shown only when both periods have data (src/analysis/coverage.ts).
 */
export function readsPreviousPeriod(formula: string): boolean {
  const checked = check(formula);
  return checked.ok && checked.ir !== undefined && usesPrevious(checked.ir);
}

/**
 * Two instant queries of the formula grouped by `label`: the current window, and the same formula
 * with every measure scoped `previous.` (PromQL `offset` by the window). A formula that already
 * reads `previous.` (growth) has no previous value of its own in one offset: refused.
 */
export function whatChangedQueries(formula: string, options: WhatChangedOptions): WhatChangedQueries {
  const checked = check(formula);
  if (!checked.ok || !checked.ir) {
    const first = checked.diagnostics[0];
    return { ok: false, message: first ? `${first.message} (column ${first.startColumn})` : 'invalid formula' };
  }
  if (usesPrevious(checked.ir)) {
    return { ok: false, message: 'this KPI already compares with the previous period (previous.); "what changed" needs a KPI without it' };
  }
  const compile = (ir: Expr) =>
    compileIR(ir, { mode: 'instant', windowSeconds: options.windowSeconds, groupBy: [options.label], filters: options.filters ?? {} });
  try {
    const previous = mapMeasures(checked.ir, (m) => ({ ...m, scope: { ...m.scope, previous: true } }));
    return { ok: true, current: compile(checked.ir), previous: compile(previous) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

export type ChangeStatus = 'new' | 'vanished' | 'up' | 'down' | 'unchanged';

export interface Contribution {
  /** the label value ("" = unknown) */
  key: string;
  current: number | null;
  previous: number | null;
  /** current − previous, a missing side counting 0 */
  delta: number;
  /** delta ÷ the sum of all deltas × 100; null when the deltas cancel out */
  sharePercent: number | null;
  status: ChangeStatus;
}

export interface WhatChanged {
  rows: Contribution[];
  /** sum of the deltas: the total's change for additive KPIs (spend, tokens, requests) */
  totalDelta: number;
}

/** Below this share of the summed |deltas|, the total change is float residue of cancelling changes. */
const CANCELLED = 1e-9;

const present = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

function statusOf(current: number | null, previous: number | null, delta: number): ChangeStatus {
  if (previous === null) {
    return 'new';
  }
  if (current === null) {
    return 'vanished';
  }
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'unchanged';
}

/**
 * Contributors ranked by the size of their change (|delta|, largest first; ties by key in code-point
 * order). New and vanished contributors count from / to 0. A value that is not a finite number
 * (0 ÷ 0 of a ratio KPI) counts as missing; a contributor missing on both sides is left out.
 * For ratio KPIs the groups' deltas do not add up to the overall change: the share is then of
 * the summed group changes.
 */
export function rankContributors(current: ReadonlyMap<string, number>, previous: ReadonlyMap<string, number>): WhatChanged {
  const keys = [...new Set([...current.keys(), ...previous.keys()])];
  const rows = keys
    .map((key) => {
      const now = present(current.get(key));
      const before = present(previous.get(key));
      const delta = (now ?? 0) - (before ?? 0);
      return { key, current: now, previous: before, delta, sharePercent: null, status: statusOf(now, before, delta) } as Contribution;
    })
    .filter((r) => r.current !== null || r.previous !== null);
  const totalDelta = rows.reduce((s, r) => s + r.delta, 0);
  const magnitude = rows.reduce((s, r) => s + Math.abs(r.delta), 0);
  const cancelled = Math.abs(totalDelta) <= CANCELLED * magnitude;
  for (const row of rows) {
    // + 0: an unchanged contributor of a falling total has a share of 0, not -0
    row.sharePercent = cancelled ? null : (row.delta / totalDelta) * 100 + 0;
  }
  rows.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || compareKeys(a.key, b.key));
  return { rows, totalDelta };
}

/**
 * The ranking without shares, for periods that do not both have enough data (src/analysis/coverage.ts):
 * a contributor's part of a change against a mostly empty period is no fact to show as a percentage.
 */
export function withoutShares(changed: WhatChanged): WhatChanged {
  return { ...changed, rows: changed.rows.map((row) => ({ ...row, sharePercent: null })) };
}
