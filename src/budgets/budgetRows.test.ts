/** @jest-environment node */
import { BudgetRow, BudgetSample, budgetRows } from './budgetRows';

const NOW = Date.parse('2026-11-23T12:00:00Z'); // 7.5 days left in November
const s = (labels: Record<string, string>, value: number): BudgetSample => ({ labels, value });

/** What the three page queries return on a LiteLLM-like source (no period label). */
const results = {
  limit: [s({ team: 'platform' }, 1000), s({ team: 'data-science' }, 2000), s({ team: 'research' }, 500)],
  spend: [s({ team: 'platform' }, 880), s({ team: 'data-science' }, 1940), s({ team: 'research' }, 310)],
  burnRate: [s({ team: 'platform' }, 30), s({ team: 'data-science' }, 80), s({ team: 'research' }, 0), s({ team: 'support' }, 12), s({}, 150)],
};

const pick = (rows: BudgetRow[], keys: Array<keyof BudgetRow>) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

test('one row per team with a budget or spend, sorted by risk; the team without a budget is listed last', () => {
  const rows = budgetRows(results, { nowMs: NOW });
  expect(pick(rows, ['team', 'risk', 'hasBudget', 'utilizationPercent', 'remaining', 'daysToExhaustion', 'projectedSpend', 'overrun', 'overruns'])).toEqual([
    { team: 'data-science', risk: 'critical', hasBudget: true, utilizationPercent: 97, remaining: 60, daysToExhaustion: 0.75, projectedSpend: 2540, overrun: 540, overruns: true },
    { team: 'platform', risk: 'warning', hasBudget: true, utilizationPercent: 88, remaining: 120, daysToExhaustion: 4, projectedSpend: 1105, overrun: 105, overruns: true },
    { team: 'research', risk: 'ok', hasBudget: true, utilizationPercent: 62, remaining: 190, daysToExhaustion: Infinity, projectedSpend: 310, overrun: 0, overruns: false },
    { team: 'support', risk: 'none', hasBudget: false, utilizationPercent: null, remaining: null, daysToExhaustion: null, projectedSpend: null, overrun: null, overruns: false },
  ]);
  expect(pick(rows, ['team', 'period', 'periodAssumed', 'budgetCount', 'burnPerDay', 'isGlobal'])[3]).toEqual({
    team: 'support',
    period: null,
    periodAssumed: false,
    budgetCount: 0,
    burnPerDay: 12,
    isGlobal: false,
  });
  expect(rows[0]).toMatchObject({ period: 'month', periodAssumed: true, budgetCount: 1, limit: 2000, spend: 1940, burnPerDay: 80 });
});

test('the global budget (team "") is a row only when it exists, and its burn is everyone\'s', () => {
  expect(budgetRows(results, { nowMs: NOW }).some((r) => r.isGlobal)).toBe(false);
  const withGlobal = { ...results, limit: [...results.limit, s({ period: 'month' }, 6000)], spend: [...results.spend, s({ period: 'month' }, 3600)] };
  const global = budgetRows(withGlobal, { nowMs: NOW }).find((r) => r.isGlobal)!;
  expect(global).toMatchObject({ team: '', utilizationPercent: 60, burnPerDay: 150, daysToExhaustion: 16, projectedSpend: 4725, overrun: 0, risk: 'ok', periodAssumed: false });
});

test.each([
  // a +Inf limit (LiteLLM: no budget) is not a budget: the team is listed without one
  ['+Inf limit', [s({ team: 'ops' }, Infinity)], [s({ team: 'ops' }, 10)], { hasBudget: false, limit: null, spend: 10, risk: 'none', budgetCount: 0 }],
  // spend known, no limit series (seed profile: team spend gauge without a budget)
  ['spend without a limit', [], [s({ team: 'ops' }, 10)], { hasBudget: false, utilizationPercent: null, risk: 'none' }],
  // a limit whose spend is unknown: a budget, but no utilization
  ['limit without spend', [s({ team: 'ops' }, 100)], [], { hasBudget: true, spend: null, utilizationPercent: null, risk: 'none', daysToExhaustion: null }],
  // right after the reset at period start: spend 0, a whole period of burn ahead (7.5 days of November)
  ['period reset', [s({ team: 'ops' }, 100)], [s({ team: 'ops' }, 0)], { utilizationPercent: 0, daysToExhaustion: 10, projectedSpend: 75, overrun: 0, risk: 'ok' }],
  // NaN spend (a 0/0 upstream) is unknown, not 0
  ['NaN spend', [s({ team: 'ops' }, 100)], [s({ team: 'ops' }, NaN)], { spend: null, risk: 'none' }],
  // an unknown period label: no period end, so no projection
  ['unknown period', [s({ team: 'ops', period: 'quarter' }, 100)], [s({ team: 'ops', period: 'quarter' }, 50)], { period: null, projectedSpend: null, overrun: null, utilizationPercent: 50 }],
])('%s', (_name, limit, spend, expected) => {
  const rows = budgetRows({ limit, spend, burnRate: [s({ team: 'ops' }, 10)] }, { nowMs: NOW });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ team: 'ops', ...expected });
});

test('several budgets: the tightest is shown and the others counted', () => {
  const rows = budgetRows(
    {
      limit: [s({ team: 'ops', period: 'month' }, 3000), s({ team: 'ops', period: 'day' }, 100)],
      spend: [s({ team: 'ops', period: 'month' }, 2000), s({ team: 'ops', period: 'day' }, 90)],
      burnRate: [s({ team: 'ops' }, 100)],
    },
    { nowMs: NOW }
  );
  // the daily budget is at 90 %, the monthly one at 67 %
  expect(rows).toEqual([expect.objectContaining({ team: 'ops', period: 'day', periodAssumed: false, budgetCount: 2, utilizationPercent: 90, limit: 100, projectedSpend: 140, overrun: 40 })]);
});

test('thresholds from the app settings move the classes', () => {
  const rows = budgetRows(results, { nowMs: NOW, thresholds: { warningPercent: 60, criticalPercent: 90 } });
  expect(rows.map((r) => [r.team, r.risk])).toEqual([
    ['data-science', 'critical'],
    ['platform', 'warning'],
    ['research', 'warning'],
    ['support', 'none'],
  ]);
});

test('an extra spending-teams result adds teams that have no burn series', () => {
  const rows = budgetRows({ ...results, spendingTeams: [s({ team: 'support' }, 1), s({ team: 'legal' }, 1)] }, { nowMs: NOW });
  expect(rows.filter((r) => !r.hasBudget).map((r) => [r.team, r.burnPerDay])).toEqual([
    ['legal', null],
    ['support', 12],
  ]);
});

test.each([
  // hours of the 7-day burn window with data, burn per day shown, days to exhaustion, projected spend (platform)
  ['the whole window: the 7-day rate', 168, 30, 4, 1105, false],
  ['2 of 7 days (a new installation): the spend of those 2 days per day, not ÷ 7', 48, 105, 120 / 105, 880 + 105 * 7.5, true],
  ['under a day: no rate, so no exhaustion or projection', 20, null, null, null, true],
])('burn window %s', (_name, hours, burn, days, projected, partial) => {
  const burnCoverage = { period: 'current' as const, spanSeconds: 7 * 86400, coveredSeconds: hours * 3600, ratio: hours / 168, complete: hours / 168 >= 0.9 };
  const platform = budgetRows(results, { nowMs: NOW, burnCoverage }).find((r) => r.team === 'platform')!;
  expect(platform).toMatchObject({
    burnPerDay: burn,
    daysToExhaustion: days === null ? null : expect.closeTo(days, 12),
    projectedSpend: projected === null ? null : expect.closeTo(projected, 9),
    burnPartial: partial ? burnCoverage : null,
  });
});
