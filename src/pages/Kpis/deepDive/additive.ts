/**
 * Whether a KPI adds up over groups (spend, tokens, requests, their sums and differences, scaled
 * by constants): only then is a group's value a share of the total. A ratio (cost per inference,
 * provider share) does not add up, so its breakdowns show values without a share.
 */
import { check, type Expr } from '../../../engine/language';

function isConstant(expr: Expr): boolean {
  switch (expr.kind) {
    case 'number':
    case 'window':
      return true;
    case 'negate':
      return isConstant(expr.arg);
    case 'arithmetic':
      return isConstant(expr.left) && isConstant(expr.right);
    default:
      return false;
  }
}

function isAdditive(expr: Expr): boolean {
  switch (expr.kind) {
    case 'measure':
      // `all.` ignores the group: the same total in every group
      return !expr.scope.all;
    case 'negate':
      return isAdditive(expr.arg);
    case 'arithmetic':
      if (expr.op === '+' || expr.op === '-') {
        return isAdditive(expr.left) && isAdditive(expr.right);
      }
      if (expr.op === '*') {
        return (isAdditive(expr.left) && isConstant(expr.right)) || (isConstant(expr.left) && isAdditive(expr.right));
      }
      return isAdditive(expr.left) && isConstant(expr.right);
    default:
      return false;
  }
}

export function isAdditiveFormula(formula: string): boolean {
  const checked = check(formula);
  return Boolean(checked.ok && checked.ir && isAdditive(checked.ir));
}
