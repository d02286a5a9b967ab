/** @jest-environment node */
import { findStandardKpi } from '../engine/catalog';
import { alignStep, evaluationTimes, planKpiQuery, PlanContext } from './queryPlan';
import type { KpiQuery } from './types';

const TO = Date.UTC(2026, 9, 31);
const ctx = (extra: Partial<PlanContext> = {}): PlanContext => ({
  fromMs: TO - 7 * 86_400_000,
  toMs: TO,
  intervalMs: 15_000,
  ruleIntervalSeconds: 60,
  filters: {},
  findKpi: findStandardKpi,
  ...extra,
});
const q = (query: Partial<KpiQuery>): KpiQuery => ({ refId: 'A', ...query });

test.each<[string, Partial<KpiQuery>, Partial<PlanContext>, object]>([
  [
    'a standard KPI, instant over the 7-day range',
    { kpiId: 'cost_per_inference', mode: 'instant' },
    {},
    {
      promql: '(sum(sum_over_time(aigateway:spend_usd:increase1m[604799999ms])) / sum(sum_over_time(aigateway:requests:increase1m[604799999ms])))',
      stepSeconds: null,
      windowSeconds: 604800,
      title: 'Cost per inference',
    },
  ],
  [
    'range mode: the panel interval rounded up to the rule interval is step and window',
    { formula: 'total_cost', mode: 'range' },
    { intervalMs: 90_000 },
    { promql: 'sum(sum_over_time(aigateway:spend_usd:increase1m[119999ms]))', stepSeconds: 120, windowSeconds: 120, title: 'total_cost' },
  ],
  [
    'an explicit step and group by team',
    { formula: 'total_cost', step: '1h', groupBy: 'team' },
    {},
    { promql: 'sum by (team) (sum_over_time(aigateway:spend_usd:increase1m[3599999ms]))', stepSeconds: 3600, groupBy: 'team' },
  ],
  [
    'dashboard filters restrict every measure',
    { formula: 'total_cost', mode: 'instant' },
    { fromMs: TO - 3600_000, filters: { team: ['a"b'] } },
    { promql: 'sum(sum_over_time(aigateway:spend_usd:increase1m{team="a\\"b"}[3599999ms]))' },
  ],
  [
    'the previous period: the same window, evaluated on the range before the panel\'s',
    { kpiId: 'total_spend', mode: 'instant', period: 'previous' },
    {},
    { windowSeconds: 604800, fromMs: TO - 14 * 86_400_000, toMs: TO - 7 * 86_400_000 },
  ],
  [
    'a 14-day lookback with daily steps ends where the panel ends',
    { kpiId: 'total_spend', mode: 'range', lookback: '14d', step: '1d' },
    {},
    { stepSeconds: 86400, fromMs: TO - 14 * 86_400_000, toMs: TO },
  ],
  [
    'no period or lookback: the panel\'s range',
    { kpiId: 'total_spend', mode: 'instant' },
    {},
    { fromMs: TO - 7 * 86_400_000, toMs: TO },
  ],
])('%s', (_, query, context, expected) => {
  expect(planKpiQuery(q(query), ctx(context))).toMatchObject({ ok: true, ...expected });
});

test.each<[string, Partial<KpiQuery>, string]>([
  ['an unknown KPI id', { kpiId: 'nope' }, 'Unknown KPI "nope": it is neither a standard KPI nor a saved custom KPI'],
  ['an empty formula', { formula: '  ' }, 'Pick a KPI or type a formula'],
  ['a bad formula, with its column', { formula: 'total_cost / totl_cost' }, 'unknown measure `totl_cost` — did you mean `total_cost`? (column 14)'],
  ['a bad step', { formula: 'total_cost', step: 'hourly' }, 'Step "hourly" is not a duration like 5m, 1h or 1d'],
  ['a bad lookback', { formula: 'total_cost', lookback: 'two weeks' }, 'Lookback "two weeks" is not a duration like 14d'],
])('%s is a plan error', (_, query, message) => {
  expect(planKpiQuery(q(query), ctx())).toEqual({ ok: false, message });
});

test.each([
  [1, 60],
  [60, 60],
  [61, 120],
  [3600, 3600],
])('alignStep(%i s) = %i s', (seconds, aligned) => {
  expect(alignStep(seconds, 60)).toBe(aligned);
});

test.each([
  ['instant: the range end in whole seconds', 'instant', null, { firstEvalMs: 1_000_000, stepMs: 0, count: 1 }],
  ['range: the steps Grafana aligns start and end down to', 'range', 3600, { firstEvalMs: 0, stepMs: 3_600_000, count: 1 }],
  ['range over more steps', 'range', 60, { firstEvalMs: 960_000, stepMs: 60_000, count: 1 }],
] as const)('evaluationTimes: %s', (_, mode, step, want) => {
  expect(evaluationTimes(mode, 1_000_999, 999_999, step)).toEqual(want);
});

test('with tier marks the plan reads the tiers and runs an instant query at whole seconds', () => {
  const to = Date.UTC(2026, 10, 30, 12, 34, 56, 789);
  const hours = new Set(Array.from({ length: 24 * 40 }, (_, i) => Date.UTC(2026, 10, 30, 12) - i * 3_600_000));
  const days = new Set([...hours].filter((h) => h % 86_400_000 === 0));
  const plan = planKpiQuery(q({ kpiId: 'total_spend', mode: 'instant' }), ctx({ fromMs: to - 30 * 86_400_000, toMs: to, tierMarks: { hour: hours, day: days } }));
  expect(plan.ok && plan.toMs).toBe(Date.UTC(2026, 10, 30, 12, 34, 56));
  expect(plan.ok && plan.promql).toContain('aigateway:spend_usd:increase1d');
});

describe('settled points: a range query at a whole-hour step of 6 h or more reads hour buckets only', () => {
  const to = Date.UTC(2026, 10, 30, 14, 37);
  const hours = new Set(Array.from({ length: 24 * 100 }, (_, i) => Date.UTC(2026, 10, 30, 14) - i * 3_600_000));
  const days = new Set([...hours].filter((h) => h % 86_400_000 === 0));
  const over30Days = (step: string, tierMarks = { hour: hours, day: days }) =>
    planKpiQuery(q({ kpiId: 'total_spend', mode: 'range', step }), ctx({ fromMs: to - 30 * 86_400_000, toMs: to, tierMarks }));

  test.each<[string, string, number | undefined, string]>([
    ['1 d', '1d', 3_660_000, 'sum(sum_over_time(aigateway:spend_usd:increase1h[86400000ms] offset 1800s))'],
    ['6 h', '6h', 3_660_000, 'sum(sum_over_time(aigateway:spend_usd:increase1h[21600000ms] offset 1800s))'],
  ])('a %s step: points 61 min before their evaluation times', (_, step, shift, promql) => {
    const plan = over30Days(step);
    expect(plan.ok && plan.pointShiftMs).toBe(shift);
    expect(plan.ok && plan.promql).toBe(promql);
  });

  test.each([
    ['a 1 h step', '1h'],
    ['a 30 min step', '30m'],
  ])('%s: points at their evaluation times', (_, step) => {
    const plan = over30Days(step);
    expect(plan.ok && plan.pointShiftMs).toBeUndefined();
  });

  test('an hour bucket missing inside the range: points at their evaluation times, read as before', () => {
    const holed = new Set([...hours].filter((h) => h !== Date.UTC(2026, 10, 20, 3)));
    const plan = over30Days('1d', { hour: holed, day: days });
    expect(plan.ok && plan.pointShiftMs).toBeUndefined();
    expect(plan.ok && plan.promql).toContain('aigateway:spend_usd:increase1m');
  });

  test('without marks: the one-minute tier, no shift', () => {
    const plan = planKpiQuery(q({ kpiId: 'total_spend', mode: 'range', step: '1d' }), ctx({ fromMs: to - 30 * 86_400_000, toMs: to }));
    expect(plan.ok && plan.pointShiftMs).toBeUndefined();
  });
});
