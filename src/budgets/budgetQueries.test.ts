/** @jest-environment node */
import {
  budgetLimit,
  budgetPageQueries,
  budgetRemaining,
  budgetSpend,
  burnRatePerDay,
  daysToExhaustionByBudget,
  ofTightestBudget,
  periodDaysLeft,
  projectedOverrun,
  projectedPeriodEndSpend,
  spendingTeams,
  teamDaysToExhaustion,
  teamUtilizationPercent,
  teamUtilizationRatioExpr,
} from './budgetQueries';

const L = 'max by (team, period) (aigateway:budget_limit_usd < +Inf)';
const S = 'max by (team, period) (aigateway:budget_spend_usd)';
// 7 days less 1 ms: Prometheus ranges include both ends, this holds exactly 7 days of minutes
const BURN =
  '(sum by (team) (sum_over_time(aigateway:spend_usd:increase1m{team!=""}[604799999ms])) or sum(sum_over_time(aigateway:spend_usd:increase1m[604799999ms]))) / 7';
const FRACTION_OF_DAY_LEFT = '(86400 - time() % 86400) / 86400';
const MONTH_LEFT = `days_in_month() - day_of_month() + ${FRACTION_OF_DAY_LEFT}`;
const WEEK_LEFT = `6 - (day_of_week() + 6) % 7 + ${FRACTION_OF_DAY_LEFT}`;
const DAY_LEFT = `vector(${FRACTION_OF_DAY_LEFT})`;
const left = (expr: string, period: string) => `label_replace(${expr}, "period", "${period}", "", "")`;
const DAYS_LEFT = [
  ...['day', 'daily', 'DAY', 'DAILY'].map((p) => left(DAY_LEFT, p)),
  ...['week', 'weekly', 'WEEK', 'WEEKLY'].map((p) => left(WEEK_LEFT, p)),
  ...['month', 'monthly', 'MONTH', 'MONTHLY'].map((p) => left(MONTH_LEFT, p)),
  `(${MONTH_LEFT})`,
].join(' or ');
const PROJECTED = `${S} + (group by (team, period) (aigateway:budget_limit_usd < +Inf) * on (team) group_left () (${BURN})) * on (period) group_left () (${DAYS_LEFT})`;

test.each([
  ['limit per budget, +Inf dropped', budgetLimit(), L],
  ['spend per budget', budgetSpend(), S],
  ['remaining', budgetRemaining(), `${L} - ${S}`],
  ['utilization per team, tightest budget (recorded)', teamUtilizationRatioExpr(), `max by (team) (${S} / ${L})`],
  ['utilization percent for panels', teamUtilizationPercent(), '100 * aigateway:budget_utilization:team'],
  ['burn rate, team "" = everyone', burnRatePerDay(), BURN],
  [
    'burn rate over another window',
    burnRatePerDay(30),
    '(sum by (team) (sum_over_time(aigateway:spend_usd:increase1m{team!=""}[2591999999ms])) or sum(sum_over_time(aigateway:spend_usd:increase1m[2591999999ms]))) / 30',
  ],
  ['teams with spend', spendingTeams(), 'group by (team) (sum_over_time(aigateway:spend_usd:increase1m{team!=""}[604799999ms]))'],
  ['teams with spend in the page range', spendingTeams('$__range'), 'group by (team) (sum_over_time(aigateway:spend_usd:increase1m{team!=""}[$__range]))'],
  ['days to exhaustion per budget', daysToExhaustionByBudget(), `clamp_min(${L} - ${S}, 0) / on (team) group_left () (${BURN})`],
  ['days to exhaustion per team: the soonest', teamDaysToExhaustion(), `min by (team) (clamp_min(${L} - ${S}, 0) / on (team) group_left () (${BURN}))`],
  ['days left in each kind of period', periodDaysLeft(), DAYS_LEFT],
  ['projected period-end spend', projectedPeriodEndSpend(), PROJECTED],
  ['projected overrun', projectedOverrun(), `clamp_min(${PROJECTED} - ${L}, 0)`],
  [
    'spend of the tightest budget',
    ofTightestBudget(S),
    `max by (team) ((${S}) and on (team, period) ((${S} / ${L}) == on (team) group_left () max by (team) (${S} / ${L})))`,
  ],
])('%s', (_name, promql, expected) => {
  expect(promql).toBe(expected);
});

test('the page fires three instant queries', () => {
  expect(budgetPageQueries()).toEqual({ limit: L, spend: S, burnRate: BURN });
});

test("the page's burn rate reads the tiers the clock shows; alert rules (no clock) keep the one-minute tier", () => {
  const at = Date.UTC(2026, 10, 30, 12, 34, 56);
  const hours = new Set(Array.from({ length: 24 * 10 }, (_, i) => Date.UTC(2026, 10, 30, 12) - i * 3_600_000));
  const days = new Set([...hours].filter((h) => h % 86_400_000 === 0));
  const burn = budgetPageQueries({ marks: { hour: hours, day: days }, firstEvalMs: at, stepMs: 0, count: 1 }).burnRate;
  expect(burn.match(/increase1[mhd]/g)).toEqual([...['1m', '1h', '1d', '1h', '1m'], ...['1m', '1h', '1d', '1h', '1m']].map((t) => `increase${t}`));
  expect(burn).toMatch(/^\(sum by \(team\) \(label_replace\(.*\)\) or sum\(label_replace\(.*\)\)\) \/ 7$/);
  expect(budgetPageQueries().burnRate).toBe(burnRatePerDay());
  expect(burnRatePerDay()).not.toContain('increase1h');
});
