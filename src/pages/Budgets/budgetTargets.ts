/**
 * The Budgets page's Prometheus requests and their answers as budgetRows' input. Three instant
 * queries, each grouped by team (and period), whatever the number of teams: the limits, the
 * spend in the current period, and the 7-day burn rate (whose teams are also the teams with
 * spend, budget or not). Everything else on the page is computed from these in budgetMath.
 */
import type { DataFrame } from '@grafana/data';
import { labeledValuesFromFrames } from '../../analysis/frameValues';
import { budgetPageQueries } from '../../budgets/budgetQueries';
import type { TierContext } from '../../engine/tierPlan';
import type { BudgetQueryResults } from '../../budgets/budgetRows';
import { instantTarget, PrometheusTarget } from '../../scenes/prometheusTargets';

export const BUDGET_REFS = ['limit', 'spend', 'burnRate'] as const;
export type BudgetRef = (typeof BUDGET_REFS)[number];

/** The page's instant queries, refId = the measure. */
export function budgetTargets(tiers?: TierContext): PrometheusTarget[] {
  const queries = budgetPageQueries(tiers);
  return BUDGET_REFS.map((ref) => instantTarget(ref, queries[ref]));
}

export function budgetResultsFromFrames(frames: readonly DataFrame[]): BudgetQueryResults {
  const of = (ref: BudgetRef) => labeledValuesFromFrames(frames.filter((f) => f.refId === ref));
  return { limit: of('limit'), spend: of('spend'), burnRate: of('burnRate') };
}
