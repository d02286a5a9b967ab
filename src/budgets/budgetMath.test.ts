/** @jest-environment node */
import type { PeriodCoverage } from '../analysis/coverage';
import {
  BudgetRisk,
  burnOverCoveredDays,
  classifyRisk,
  compareByRisk,
  daysToExhaustion,
  isBudgetLimit,
  projectedOverrun,
  projectedPeriodEndSpend,
  remainingBudget,
  RiskSortable,
  utilizationPercent,
} from './budgetMath';
import { daysLeftInPeriod, parseBudgetPeriod, periodBounds } from './budgetPeriods';

const utc = (iso: string) => Date.parse(`${iso}Z`);

test.each([
  // spend, limit, is a budget, utilization %, remaining
  ['under budget', 88, 100, true, 88, 12],
  ['exactly at the warning threshold', 80, 100, true, 80, 20],
  ['over budget', 130, 100, true, 130, -30],
  ['no budget (no limit series)', 40, null, false, null, null],
  ['+Inf limit: LiteLLM\'s "no budget"', 40, Infinity, false, null, null],
  ['NaN limit', 40, NaN, false, null, null],
  ['negative limit is not a budget', 40, -1, false, null, null],
  ['zero budget, nothing spent: already exhausted', 0, 0, true, 100, 0],
  ['zero budget, something spent', 5, 0, true, Infinity, -5],
  ['spend unknown', null, 100, true, null, null],
  ['period reset: spend back to 0 at period start', 0, 100, true, 0, 100],
])('utilization and remaining: %s', (_name, spend, limit, isBudget, utilization, remaining) => {
  expect(isBudgetLimit(limit)).toBe(isBudget);
  expect(utilizationPercent(spend, limit)).toBe(utilization);
  expect(remainingBudget(spend, limit)).toBe(remaining);
});

test.each([
  // remaining, burn per day, days to exhaustion
  ['steady burn', 120, 10, 12],
  ['zero burn: never runs out', 120, 0, Infinity],
  ['over budget: exhausted now', -30, 10, 0],
  ['over budget and idle: exhausted', -30, 0, 0],
  ['exactly spent', 0, 10, 0],
  ['no budget', null, 10, null],
  ['burn unknown (no spend series)', 120, null, null],
  ['burn NaN', 120, NaN, null],
])('days to exhaustion: %s', (_name, remaining, burn, days) => {
  expect(daysToExhaustion(remaining, burn)).toBe(days);
});

test.each([
  // spend, burn, days left, limit, projected, overrun
  ['stays inside', 400, 10, 20, 1000, 600, 0],
  ['overruns', 700, 20, 20, 1000, 1100, 100],
  ['zero burn keeps the spend', 700, 0, 20, 1000, 700, 0],
  ['period reset: full period ahead from 0', 0, 40, 30, 1000, 1200, 200],
  ['already over, last day', 1300, 10, 0, 1000, 1300, 300],
  ['no budget: a projection but no overrun', 700, 20, 20, null, 1100, null],
  ['+Inf limit: no overrun', 700, 20, 20, Infinity, 1100, null],
  ['burn unknown', 700, null, 20, 1000, null, null],
])('projected period-end spend and overrun: %s', (_name, spend, burn, daysLeft, limit, projected, overrun) => {
  const p = projectedPeriodEndSpend(spend, burn, daysLeft);
  expect(p).toBe(projected);
  expect(projectedOverrun(p, limit)).toBe(overrun);
});

test.each([
  [null, 'none'],
  [NaN, 'none'],
  [0, 'ok'],
  [79, 'ok'],
  [79.99, 'ok'],
  [80, 'warning'],
  [94.9, 'warning'],
  [95, 'critical'],
  [130, 'critical'],
  [Infinity, 'critical'],
])('risk at %p %% with the default 80 / 95 thresholds is %s', (utilization, risk) => {
  expect(classifyRisk(utilization)).toBe(risk);
});

test.each([
  [69.9, 'ok'],
  [70, 'warning'],
  [89.9, 'warning'],
  [90, 'critical'],
])('thresholds from the app settings (70 / 90): %p %% is %s', (utilization, risk) => {
  expect(classifyRisk(utilization, { warningPercent: 70, criticalPercent: 90 })).toBe(risk);
});

const row = (team: string, risk: BudgetRisk, utilization: number | null, days: number | null): RiskSortable => ({
  team,
  risk,
  utilizationPercent: utilization,
  daysToExhaustion: days,
});

test('risk order: critical first, then utilization, then days to exhaustion; teams without a budget last', () => {
  const rows = [
    row('no-budget-b', 'none', null, null),
    row('ok-fast', 'ok', 60, 3),
    row('warning', 'warning', 88, 4),
    row('critical-97', 'critical', 97, 1),
    row('no-budget-a', 'none', null, null),
    row('ok-slow', 'ok', 60, 40),
    row('ok-idle', 'ok', 60, Infinity),
    row('critical-120', 'critical', 120, 0),
    row('ok-unknown-burn', 'ok', 60, null),
    row('', 'ok', 60, 40),
  ];
  expect([...rows].sort(compareByRisk).map((r) => r.team)).toEqual([
    'critical-120',
    'critical-97',
    'warning',
    'ok-fast',
    '',
    'ok-slow',
    'ok-idle',
    'ok-unknown-burn',
    'no-budget-a',
    'no-budget-b',
  ]);
});

test.each([
  [undefined, { period: 'month', assumed: true }],
  ['', { period: 'month', assumed: true }],
  ['month', { period: 'month', assumed: false }],
  ['MONTHLY', { period: 'month', assumed: false }],
  ['weekly', { period: 'week', assumed: false }],
  ['DAILY', { period: 'day', assumed: false }],
  ['quarter', null],
  ['Monthly', null],
])('period label %p', (label, parsed) => {
  expect(parseBudgetPeriod(label)).toEqual(parsed);
});

test.each([
  ['month', '2026-11-23T10:55:00', '2026-11-01T00:00:00', '2026-12-01T00:00:00', 7 + 13 / 24 + 5 / 1440],
  ['month', '2026-12-31T23:00:00', '2026-12-01T00:00:00', '2027-01-01T00:00:00', 1 / 24],
  // the instant of a reset belongs to the new period: all of it is ahead
  ['month', '2026-02-01T00:00:00', '2026-02-01T00:00:00', '2026-03-01T00:00:00', 28],
  ['week', '2026-11-23T00:00:00', '2026-11-23T00:00:00', '2026-11-30T00:00:00', 7], // a Monday
  ['week', '2026-11-29T18:00:00', '2026-11-23T00:00:00', '2026-11-30T00:00:00', 0.25], // a Sunday
  ['day', '2026-11-23T06:00:00', '2026-11-23T00:00:00', '2026-11-24T00:00:00', 0.75],
] as const)('the current %s at %s runs [%s, %s), %p days left', (period, now, start, end, left) => {
  expect(periodBounds(period, utc(now))).toEqual({ startMs: utc(start), endMs: utc(end) });
  expect(daysLeftInPeriod(period, utc(now))).toBeCloseTo(left, 12);
});

const burnWindow = (coveredHours: number): PeriodCoverage => ({
  period: 'current',
  spanSeconds: 7 * 86400,
  coveredSeconds: coveredHours * 3600,
  ratio: coveredHours / 168,
  complete: coveredHours / 168 >= 0.9,
});

test.each<[string, number | null, PeriodCoverage | undefined, number | null]>([
  // burn per day as the window gives it (its spend ÷ 7), the window's coverage, the rate shown
  ['all 7 days have data: the window\'s rate', 100, burnWindow(168), 100],
  ['90 % of the window: still the window\'s rate, as the alert rules have it', 100, burnWindow(152), 100],
  ['2 of 7 days: the spend over those 2 days', 100, burnWindow(48), 350],
  ['1.5 of 7 days', 30, burnWindow(36), 140],
  ['under a day of data: no daily rate yet', 100, burnWindow(23), null],
  ['coverage not known (yet): the window\'s rate', 100, undefined, 100],
  ['no spend series: no rate', null, burnWindow(48), null],
])('burnOverCoveredDays: %s', (_name, burn, coverage, expected) => {
  expect(burnOverCoveredDays(burn, coverage)).toBe(expected);
});
