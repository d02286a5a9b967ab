/**
 * The arithmetic of one budget, the same as the PromQL of budgetQueries.ts does it (so the page
 * and the alert rules agree): utilization, remaining, days to exhaustion at the burn rate,
 * projected spend at the end of the period, overrun, the risk class and the risk order.
 * `null` is "not known" (shown "—"), never 0.
 */
import type { PeriodCoverage } from '../analysis/coverage';
import { BUDGET_CRITICAL_PERCENT, BUDGET_WARNING_PERCENT } from '../engine/conventions';

export interface BudgetThresholds {
  /** utilization (percent) from which a budget is at warning / critical */
  warningPercent: number;
  criticalPercent: number;
}

export const DEFAULT_BUDGET_THRESHOLDS: BudgetThresholds = {
  warningPercent: BUDGET_WARNING_PERCENT,
  criticalPercent: BUDGET_CRITICAL_PERCENT,
};

/**
 * A limit is a budget when it is a finite number >= 0. LiteLLM reports "no budget" as a `+Inf`
 * remaining budget and no limit series; a `+Inf` limit from any source means the same.
 */
export function isBudgetLimit(limit: number | null | undefined): limit is number {
  return limit !== null && limit !== undefined && Number.isFinite(limit) && limit >= 0;
}

/** spend / limit in percent; a zero budget is exhausted from the start (100 %, or Infinity once spent). */
export function utilizationPercent(spend: number | null, limit: number | null): number | null {
  if (!isBudgetLimit(limit) || spend === null || Number.isNaN(spend)) {
    return null;
  }
  if (limit === 0) {
    return spend > 0 ? Infinity : 100;
  }
  return (spend / limit) * 100;
}

export function remainingBudget(spend: number | null, limit: number | null): number | null {
  return isBudgetLimit(limit) && spend !== null && !Number.isNaN(spend) ? limit - spend : null;
}

const DAY_SECONDS = 86400;

/**
 * The burn rate when the burn window is not covered (src/analysis/coverage.ts): `burnPerDay` is the
 * window's spend ÷ its days, which with 2 days of data in 7 reads 3.5 × too low and puts
 * exhaustion 3.5 × too far; the window's spend ÷ the days that have data is the rate actually
 * seen. Under one day of data there is no daily rate yet (null). A window with at least 90 % of
 * its span covered keeps its rate, the one the alert rules compute.
 */
export function burnOverCoveredDays(burnPerDay: number | null, coverage: PeriodCoverage | undefined): number | null {
  if (burnPerDay === null || !coverage || coverage.complete) {
    return burnPerDay;
  }
  if (coverage.coveredSeconds < DAY_SECONDS) {
    return null;
  }
  return (burnPerDay * coverage.spanSeconds) / coverage.coveredSeconds;
}

/**
 * Days until the remaining budget is spent at `burnPerDay` (USD/day): 0 once nothing remains
 * (also when over budget), Infinity when nothing is being spent, null when either is unknown.
 */
export function daysToExhaustion(remaining: number | null, burnPerDay: number | null): number | null {
  if (remaining === null || burnPerDay === null || Number.isNaN(burnPerDay)) {
    return null;
  }
  if (remaining <= 0) {
    return 0;
  }
  return burnPerDay > 0 ? remaining / burnPerDay : Infinity;
}

/** Spend at the end of the period if the burn rate holds for the days left. */
export function projectedPeriodEndSpend(spend: number | null, burnPerDay: number | null, daysLeft: number): number | null {
  if (spend === null || burnPerDay === null || Number.isNaN(spend) || Number.isNaN(burnPerDay)) {
    return null;
  }
  return spend + Math.max(0, burnPerDay) * Math.max(0, daysLeft);
}

/** How far the projection goes past the limit (0 when it stays inside); null without a budget. */
export function projectedOverrun(projected: number | null, limit: number | null): number | null {
  if (projected === null || !isBudgetLimit(limit)) {
    return null;
  }
  return Math.max(0, projected - limit);
}

/** `none`: no budget, or a budget whose spend is unknown. */
export type BudgetRisk = 'critical' | 'warning' | 'ok' | 'none';

export function classifyRisk(utilization: number | null, thresholds: BudgetThresholds = DEFAULT_BUDGET_THRESHOLDS): BudgetRisk {
  if (utilization === null || Number.isNaN(utilization)) {
    return 'none';
  }
  if (utilization >= thresholds.criticalPercent) {
    return 'critical';
  }
  return utilization >= thresholds.warningPercent ? 'warning' : 'ok';
}

export interface RiskSortable {
  team: string;
  risk: BudgetRisk;
  utilizationPercent: number | null;
  daysToExhaustion: number | null;
}

const RISK_RANK: Record<BudgetRisk, number> = { critical: 0, warning: 1, ok: 2, none: 3 };

/** Unknown sorts after every number, in both directions. */
function compareKnown(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === null || b === null) {
    return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  }
  return a === b ? 0 : (a < b ? -1 : 1) * direction;
}

/**
 * Critical first, then warning, ok, and teams without a budget last; within a class the higher
 * utilization, then the sooner exhaustion, then the team name (the global budget, "", first).
 */
export function compareByRisk(a: RiskSortable, b: RiskSortable): number {
  return (
    RISK_RANK[a.risk] - RISK_RANK[b.risk] ||
    compareKnown(a.utilizationPercent, b.utilizationPercent, -1) ||
    compareKnown(a.daysToExhaustion, b.daysToExhaustion, 1) ||
    (a.team < b.team ? -1 : a.team > b.team ? 1 : 0)
  );
}
