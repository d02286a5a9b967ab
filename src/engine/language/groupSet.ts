/**
 * Which groups a grouped query has rows for (PRODUCT.md §4). `all.measure` ignores the
 * group-by, yet a table by team shows the all-groups value in every team's row, so the value
 * needs rows to sit on: the groups that have data for the formula's other measures, or, for a
 * formula made only of `all.` measures, the groups those measures have data for.
 * The compiler and the reference evaluator both take the group set from here.
 */
import type { Expr } from './types';

export type MeasureExpr = Extract<Expr, { kind: 'measure' }>;

function measuresOf(expr: Expr): MeasureExpr[] {
  switch (expr.kind) {
    case 'measure':
      return [expr];
    case 'number':
    case 'window':
      return [];
    case 'negate':
    case 'not':
    case 'by':
      return measuresOf(expr.arg);
    case 'arithmetic':
    case 'compare':
    case 'logical':
      return [...measuresOf(expr.left), ...measuresOf(expr.right)];
    case 'conditional':
      return [...measuresOf(expr.test), ...measuresOf(expr.then), ...measuresOf(expr.otherwise)];
    case 'math':
      return expr.args.flatMap(measuresOf);
  }
}

/** The measures whose groups make the rows, read per group (their `all.` dropped). */
export function groupSetMeasures(ir: Expr): MeasureExpr[] {
  const measures = measuresOf(ir);
  const grouped = measures.filter((m) => !m.scope.all);
  return (grouped.length ? grouped : measures).map((m) => ({ ...m, scope: { ...m.scope, all: false } }));
}
