/**
 * The Budgets page's rows from its instant queries (budgetPageQueries): one row per team with a
 * budget or with spend, plus the global budget (team "") when there is one, sorted by risk.
 * When a team has several budgets (periods), the tightest (highest utilization) is shown.
 */
import type { PeriodCoverage } from '../analysis/coverage';
import { PERIOD_LABEL } from '../engine/conventions';
import {
  BudgetRisk,
  BudgetThresholds,
  burnOverCoveredDays,
  classifyRisk,
  compareByRisk,
  DEFAULT_BUDGET_THRESHOLDS,
  daysToExhaustion,
  isBudgetLimit,
  projectedOverrun,
  projectedPeriodEndSpend,
  remainingBudget,
  utilizationPercent,
} from './budgetMath';
import { BudgetPeriod, daysLeftInPeriod, parseBudgetPeriod } from './budgetPeriods';

/** One series of an instant query result: its labels and its value (NaN / ±Infinity allowed). */
export interface BudgetSample {
  labels: Record<string, string>;
  value: number;
}

export interface BudgetQueryResults {
  limit: BudgetSample[];
  spend: BudgetSample[];
  burnRate: BudgetSample[];
  /** optional extra list of teams with spend (spendingTeams()); the burn rate already lists them */
  spendingTeams?: BudgetSample[];
}

export interface BudgetRow {
  /** "" is the global budget */
  team: string;
  isGlobal: boolean;
  hasBudget: boolean;
  /** budgets this team has (the tightest is shown) */
  budgetCount: number;
  /** null when the `period` label is not a known period */
  period: BudgetPeriod | null;
  /** the source gave no period: monthly is assumed */
  periodAssumed: boolean;
  limit: number | null;
  spend: number | null;
  remaining: number | null;
  utilizationPercent: number | null;
  /** USD per day, averaged over the burn window (over its days with data when it lacks data) */
  burnPerDay: number | null;
  /** the burn window's coverage when under 90 % of it has data: the rate is over the days that have */
  burnPartial: PeriodCoverage | null;
  daysToExhaustion: number | null;
  projectedSpend: number | null;
  overrun: number | null;
  overruns: boolean;
  risk: BudgetRisk;
}

export interface BudgetRowOptions {
  nowMs: number;
  thresholds?: BudgetThresholds;
  /** how much of the burn window has data (src/analysis/coverage.ts); unknown: the window's rate */
  burnCoverage?: PeriodCoverage;
}

const finiteOrNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);
const teamOf = (s: BudgetSample) => s.labels.team ?? '';
const budgetKey = (s: BudgetSample) => JSON.stringify([teamOf(s), s.labels[PERIOD_LABEL] ?? '']);

function valuesByKey(samples: BudgetSample[], key: (s: BudgetSample) => string): Map<string, number> {
  return new Map(samples.map((s) => [key(s), s.value]));
}

function budgetRow(team: string, periodLabel: string, limit: number | null, spend: number | null, windowBurn: number | null, options: BudgetRowOptions): BudgetRow {
  const parsed = parseBudgetPeriod(periodLabel);
  const burn = burnOverCoveredDays(windowBurn, options.burnCoverage);
  const burnPartial = options.burnCoverage && !options.burnCoverage.complete ? options.burnCoverage : null;
  const hasBudget = isBudgetLimit(limit);
  const remaining = remainingBudget(spend, limit);
  const utilization = utilizationPercent(spend, limit);
  const projected = hasBudget && parsed ? projectedPeriodEndSpend(spend, burn, daysLeftInPeriod(parsed.period, options.nowMs)) : null;
  const overrun = projectedOverrun(projected, limit);
  return {
    team,
    isGlobal: team === '',
    hasBudget,
    budgetCount: hasBudget ? 1 : 0,
    period: hasBudget ? (parsed?.period ?? null) : null,
    periodAssumed: hasBudget && Boolean(parsed?.assumed),
    limit: hasBudget ? limit : null,
    spend,
    remaining,
    utilizationPercent: utilization,
    burnPerDay: burn,
    burnPartial,
    daysToExhaustion: daysToExhaustion(remaining, burn),
    projectedSpend: projected,
    overrun,
    overruns: overrun !== null && overrun > 0,
    risk: classifyRisk(utilization, options.thresholds ?? DEFAULT_BUDGET_THRESHOLDS),
  };
}

/** Tightest wins: the higher utilization, then the fewer days left. */
function tighter(a: BudgetRow, b: BudgetRow): BudgetRow {
  return compareByRisk({ ...a, team: '' }, { ...b, team: '' }) <= 0 ? a : b;
}

export function budgetRows(results: BudgetQueryResults, options: BudgetRowOptions): BudgetRow[] {
  const limits = valuesByKey(results.limit.filter((s) => isBudgetLimit(s.value)), budgetKey);
  const spends = valuesByKey(results.spend, budgetKey);
  const burns = valuesByKey(results.burnRate, teamOf);
  const byTeam = new Map<string, BudgetRow>();
  for (const key of new Set([...limits.keys(), ...spends.keys()])) {
    const [team, period] = JSON.parse(key) as [string, string];
    const row = budgetRow(team, period, limits.get(key) ?? null, finiteOrNull(spends.get(key)), finiteOrNull(burns.get(team)), options);
    const seen = byTeam.get(team);
    if (!seen) {
      byTeam.set(team, row);
    } else {
      byTeam.set(team, { ...tighter(seen, row), budgetCount: seen.budgetCount + row.budgetCount });
    }
  }
  const spending = [...results.burnRate, ...(results.spendingTeams ?? [])].map(teamOf).filter((team) => team !== '');
  for (const team of spending) {
    if (!byTeam.has(team)) {
      byTeam.set(team, budgetRow(team, '', null, null, finiteOrNull(burns.get(team)), options));
    }
  }
  // the global row only stands for a global budget, not for everyone's spend
  const rows = [...byTeam.values()].filter((r) => !r.isGlobal || r.hasBudget);
  return rows.sort(compareByRisk);
}
