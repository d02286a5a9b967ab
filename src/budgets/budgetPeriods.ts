/**
 * Budget periods: which one a budget series has (its `period` label), and where the current
 * period starts and ends. Periods are calendar periods in UTC (day; week from Monday; month),
 * the way the seed profile's budgets reset. A source that does not say (LiteLLM's gauges carry
 * no period label) is taken as monthly, and the row says that the period was assumed; a label
 * value not listed here has no known end (no projection), as in budgetQueries' PromQL.
 */

export type BudgetPeriod = 'day' | 'week' | 'month';

export const DEFAULT_BUDGET_PERIOD: BudgetPeriod = 'month';

export const DAY_MS = 86_400_000;

/**
 * `period` label values understood, per period, matched exactly (the PromQL matches them by
 * label equality): the seed profile writes `month`, seed 002 DAILY / WEEKLY / MONTHLY.
 */
export const PERIOD_SPELLINGS: Record<BudgetPeriod, readonly string[]> = {
  day: ['day', 'daily', 'DAY', 'DAILY'],
  week: ['week', 'weekly', 'WEEK', 'WEEKLY'],
  month: ['month', 'monthly', 'MONTH', 'MONTHLY'],
};

export interface ParsedPeriod {
  period: BudgetPeriod;
  /** the label was absent: the default period is assumed */
  assumed: boolean;
}

/** The period of a `period` label value; null for a value that is not a known period. */
export function parseBudgetPeriod(label: string | undefined): ParsedPeriod | null {
  const value = label ?? '';
  if (value === '') {
    return { period: DEFAULT_BUDGET_PERIOD, assumed: true };
  }
  const period = (Object.keys(PERIOD_SPELLINGS) as BudgetPeriod[]).find((p) => PERIOD_SPELLINGS[p].includes(value));
  return period ? { period, assumed: false } : null;
}

/** [start, end) of the calendar period (UTC) that contains `nowMs`. */
export function periodBounds(period: BudgetPeriod, nowMs: number): { startMs: number; endMs: number } {
  const d = new Date(nowMs);
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  switch (period) {
    case 'day':
      return { startMs: dayStart, endMs: dayStart + DAY_MS };
    case 'week': {
      // getUTCDay: Sunday 0 … Saturday 6; weeks start on Monday
      const startMs = dayStart - ((d.getUTCDay() + 6) % 7) * DAY_MS;
      return { startMs, endMs: startMs + 7 * DAY_MS };
    }
    case 'month':
      return { startMs: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), endMs: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
  }
}

/** Days (fractional) from `nowMs` to the end of the current period. */
export function daysLeftInPeriod(period: BudgetPeriod, nowMs: number): number {
  return (periodBounds(period, nowMs).endMs - nowMs) / DAY_MS;
}
