/**
 * PromQL of the budget measures, on the canonical series only. A budget is one
 * (team, period) pair of `aigateway:budget_limit_usd` / `aigateway:budget_spend_usd`; team ""
 * is the global budget. Per-team figures take the tightest budget: the highest utilization,
 * the soonest exhaustion. The Budgets page, the Grafana-managed alert rules and the Prometheus
 * alerting rules (`aispend rules`) all build their queries here.
 *
 * The page needs only three instant queries, grouped by (team, period) or team: `limit`,
 * `spend` and `burnRate` (whose teams are also the teams with spend, budget or not);
 * budgetMath.ts derives the rest from them exactly as the PromQL below does.
 */
import { APPENDIX_A, FAMILIES, PERIOD_LABEL } from '../engine/conventions';
import { windowedSumPromQL } from '../engine/language';
import type { TierContext } from '../engine/tierPlan';
import { BudgetPeriod, PERIOD_SPELLINGS } from './budgetPeriods';

/** The burn rate is the average daily spend over this many days. */
export const BURN_WINDOW_DAYS = 7;

const LIMIT = FAMILIES.budget_limit.series;
const SPEND = FAMILIES.budget_spend.series;
const SPEND_INCREASE = FAMILIES.spend.series;
const BUDGET_KEY = `team, ${PERIOD_LABEL}`;

/** Limit per budget; a `+Inf` limit is no budget and is dropped. */
export function budgetLimit(): string {
  return `max by (${BUDGET_KEY}) (${LIMIT} < +Inf)`;
}

/** Spend in the current period per budget (also where no limit exists). */
export function budgetSpend(): string {
  return `max by (${BUDGET_KEY}) (${SPEND})`;
}

/** Limit minus spend per budget; negative when over budget. */
export function budgetRemaining(): string {
  return `${budgetLimit()} - ${budgetSpend()}`;
}

/** spend / limit per budget, as a ratio. */
export function budgetUtilizationRatio(): string {
  return `${budgetSpend()} / ${budgetLimit()}`;
}

/** The expression of the recorded `aigateway:budget_utilization:team`: the tightest budget's ratio per team. */
export function teamUtilizationRatioExpr(): string {
  return `max by (team) (${budgetUtilizationRatio()})`;
}

/** Utilization per team in percent, read from the recorded series. */
export function teamUtilizationPercent(): string {
  return `100 * ${APPENDIX_A.budgetUtilizationTeam}`;
}

/**
 * A window of whole days as a range selector. Prometheus 2 ranges include both ends; one
 * millisecond less holds exactly `days` of one-minute samples, as the KPI compiler's windows do.
 */
function daysRange(days: number): string {
  return `${days * 86_400_000 - 1}ms`;
}

/**
 * Average daily spend over the burn window per team, from the spend family; team "" is
 * everyone's spend (the global budget's burn), not the spend without a team.
 */
export function burnRatePerDay(days = BURN_WINDOW_DAYS, tiers?: TierContext): string {
  const total = (matchers: string[]) => windowedSumPromQL('spend', matchers, days * 86_400, false, tiers);
  return `(sum by (team) (${total(['team!=""'])}) or sum(${total([])})) / ${days}`;
}

/** Teams with spend in the window (budget or not); the global "" is not a team. */
export function spendingTeams(window = daysRange(BURN_WINDOW_DAYS)): string {
  return `group by (team) (sum_over_time(${SPEND_INCREASE}{team!=""}[${window}]))`;
}

/**
 * Days until each budget runs out at the burn rate: 0 when nothing remains, +Inf when nothing
 * is spent. (Over budget and idle is NaN here, 0 in budgetMath; no alert depends on it.)
 */
export function daysToExhaustionByBudget(days = BURN_WINDOW_DAYS): string {
  return `clamp_min(${budgetRemaining()}, 0) / on (team) group_left () (${burnRatePerDay(days)})`;
}

/** The soonest exhaustion among a team's budgets. */
export function teamDaysToExhaustion(days = BURN_WINDOW_DAYS): string {
  return `min by (team) (${daysToExhaustionByBudget(days)})`;
}

/** PromQL for the days left (fractional, UTC) in the current calendar period. */
const DAYS_LEFT: Record<BudgetPeriod, string> = {
  day: 'vector((86400 - time() % 86400) / 86400)',
  week: '6 - (day_of_week() + 6) % 7 + (86400 - time() % 86400) / 86400',
  month: 'days_in_month() - day_of_month() + (86400 - time() % 86400) / 86400',
};

/** One series per known `period` value (and none, taken as monthly) holding the days left. */
export function periodDaysLeft(): string {
  const parts: string[] = [];
  for (const period of Object.keys(PERIOD_SPELLINGS) as BudgetPeriod[]) {
    for (const spelling of PERIOD_SPELLINGS[period]) {
      parts.push(`label_replace(${DAYS_LEFT[period]}, "${PERIOD_LABEL}", "${spelling}", "", "")`);
    }
  }
  parts.push(`(${DAYS_LEFT.month})`);
  return parts.join(' or ');
}

/** Spend at the end of the current period per budget if the burn rate holds. */
export function projectedPeriodEndSpend(days = BURN_WINDOW_DAYS): string {
  const burnPerBudget = `group by (${BUDGET_KEY}) (${LIMIT} < +Inf) * on (team) group_left () (${burnRatePerDay(days)})`;
  return `${budgetSpend()} + (${burnPerBudget}) * on (${PERIOD_LABEL}) group_left () (${periodDaysLeft()})`;
}

/** How far the projection passes the limit per budget (0 when it stays inside). */
export function projectedOverrun(days = BURN_WINDOW_DAYS): string {
  return `clamp_min(${projectedPeriodEndSpend(days)} - ${budgetLimit()}, 0)`;
}

/**
 * `measure` (grouped by team and period) of each team's tightest budget, the one with the
 * highest utilization: the spend and limit that an alert on the team's utilization quotes.
 */
export function ofTightestBudget(measure: string): string {
  const ratio = budgetUtilizationRatio();
  const tightest = `(${ratio}) == on (team) group_left () max by (team) (${ratio})`;
  return `max by (team) ((${measure}) and on (${BUDGET_KEY}) (${tightest}))`;
}

/** The instant queries of the Budgets page (see budgetRows.ts), by refId. */
/** `tiers`: where the page's instant queries run and which tier buckets exist (the burn window reads them). */
export function budgetPageQueries(tiers?: TierContext): { limit: string; spend: string; burnRate: string } {
  return { limit: budgetLimit(), spend: budgetSpend(), burnRate: burnRatePerDay(BURN_WINDOW_DAYS, tiers) };
}
