/**
 * What each row of the Budgets table shows, from budgetRows' rows: texts (utilization as a
 * percent with one decimal, money in USD, days with one decimal, "—" for unknown, never 0; the
 * numbers as format/numbers.ts prints them) and
 * Grafana colour names (the gauge: green below the warning threshold, orange from warning to
 * critical, red from critical on). Pure, so every case is a table test; the React view only
 * lays these out.
 */
import { coveredPart } from '../../analysis/coverage';
import type { BudgetRisk } from '../../budgets/budgetMath';
import type { BudgetRow } from '../../budgets/budgetRows';
import type { BudgetPeriod } from '../../budgets/budgetPeriods';
import { BUDGET_ALERT_POLICY } from '../../budgets/budgetAlertPolicy';
import { formatDays as formatDayCount, formatPercent, formatUsd, NO_VALUE } from '../../format/numbers';

export { NO_VALUE };
/** Test id key and React key of the global budget's row (team ""). */
export const GLOBAL_ROW_KEY = '(global)';

export type GrafanaColour = 'green' | 'orange' | 'red';

export const RISK_COLOURS: Record<BudgetRisk, GrafanaColour | null> = {
  critical: 'red',
  warning: 'orange',
  ok: 'green',
  none: null,
};

const RISK_NAMES: Record<BudgetRisk, string> = {
  critical: 'Critical',
  warning: 'Warning',
  ok: 'OK',
  none: 'No budget',
};

const PERIOD_NAMES: Record<BudgetPeriod, string> = { day: 'daily', week: 'weekly', month: 'monthly' };

/** seed 001 §2.2: fewer than 15 days left is urgent, 15–30 needs a review */
const DAYS_REVIEW = 30;
const DAY_SECONDS = 86400;

export interface BudgetRowView {
  key: string;
  team: string;
  risk: BudgetRisk;
  status: string;
  /** the gauge's colour; null: no gauge (no budget, or its spend is unknown) */
  colour: GrafanaColour | null;
  utilization: string;
  /** utilization as a number, for the gauge (may pass 100) */
  utilizationPercent: number | null;
  spend: string;
  limit: string;
  /** "spend / limit", or "no budget" */
  spendOfLimit: string;
  remaining: string;
  burnRate: string;
  /** under the burn rate when its window lacks data: "from 2 of 7 days", or why there is no rate */
  burnNote: string | null;
  daysToExhaustion: string;
  daysColour: GrafanaColour | null;
  projected: string;
  overrun: string;
  overrunColour: GrafanaColour | null;
  period: string;
}

export function formatUtilization(row: Pick<BudgetRow, 'hasBudget' | 'utilizationPercent'>): string {
  return row.hasBudget ? formatPercent(row.utilizationPercent) : 'no budget';
}

export function formatDays(days: number | null): string {
  if (days === null || Number.isNaN(days)) {
    return NO_VALUE;
  }
  if (days === Infinity) {
    return 'never (no spend)';
  }
  return days <= 0 ? 'exhausted' : formatDayCount(days);
}

export function daysColour(days: number | null): GrafanaColour | null {
  if (days === null || Number.isNaN(days)) {
    return null;
  }
  if (days < BUDGET_ALERT_POLICY.exhaustion.days) {
    return 'red';
  }
  return days <= DAYS_REVIEW ? 'orange' : 'green';
}

function periodText(row: BudgetRow): string {
  if (!row.hasBudget) {
    return NO_VALUE;
  }
  const name = row.period ? PERIOD_NAMES[row.period] : 'unknown period';
  const notes = [
    row.periodAssumed ? 'assumed' : '',
    row.budgetCount > 1 ? `tightest of ${row.budgetCount}` : '',
  ].filter(Boolean);
  return notes.length ? `${name} (${notes.join(', ')})` : name;
}

function overrunText(row: BudgetRow): string {
  if (row.overrun === null) {
    return NO_VALUE;
  }
  return row.overruns ? `overruns by ${formatUsd(row.overrun)}` : 'within the limit';
}

function burnNote(row: BudgetRow): string | null {
  const partial = row.burnPartial;
  if (!partial) {
    return null;
  }
  if (partial.coveredSeconds < DAY_SECONDS) {
    return `too little data for a daily rate (${coveredPart(partial)})`;
  }
  return row.burnPerDay === null ? null : `from ${coveredPart(partial)}`;
}

export function budgetRowView(row: BudgetRow): BudgetRowView {
  const hasGauge = row.hasBudget && row.utilizationPercent !== null;
  return {
    key: row.isGlobal ? GLOBAL_ROW_KEY : row.team,
    team: row.isGlobal ? 'Global budget (all teams)' : row.team,
    risk: row.risk,
    status: row.hasBudget && row.risk === 'none' ? 'Spend unknown' : RISK_NAMES[row.risk],
    colour: hasGauge ? RISK_COLOURS[row.risk] : null,
    utilization: formatUtilization(row),
    utilizationPercent: hasGauge ? row.utilizationPercent : null,
    spend: formatUsd(row.spend),
    limit: formatUsd(row.limit),
    spendOfLimit: row.hasBudget ? `${formatUsd(row.spend)} / ${formatUsd(row.limit)}` : 'no budget',
    remaining: formatUsd(row.remaining),
    burnRate: row.burnPerDay === null ? NO_VALUE : `${formatUsd(row.burnPerDay)}/day`,
    burnNote: burnNote(row),
    daysToExhaustion: row.hasBudget ? formatDays(row.daysToExhaustion) : NO_VALUE,
    daysColour: row.hasBudget ? daysColour(row.daysToExhaustion) : null,
    projected: formatUsd(row.projectedSpend),
    overrun: overrunText(row),
    overrunColour: row.overrun === null ? null : row.overruns ? 'red' : 'green',
    period: periodText(row),
  };
}

/**
 * The rows of the teams the page's team filter selects (null = all, which includes the global
 * budget; a selection of teams does not).
 */
export function rowsForTeams<T extends Pick<BudgetRow, 'team' | 'isGlobal'>>(rows: T[], teams: string[] | null): T[] {
  if (teams === null) {
    return rows;
  }
  const selected = new Set(teams);
  return rows.filter((r) => !r.isGlobal && selected.has(r.team));
}

/** The team variable's value as a selection; "All" (or nothing chosen) is null. */
export function selectedTeams(value: unknown): string[] | null {
  const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String);
  return list.length === 0 || list.includes('$__all') ? null : list;
}
