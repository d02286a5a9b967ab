/**
 * @jest-environment node
 */
import { findStandardKpi, type KpiDefinition } from '../../../engine/catalog';
import { deepDiveQueries } from './deepDiveQueries';
import { FILTER_VARIABLES } from '../../../datasource/types';

const kpi = (id: string) => findStandardKpi(id)!;
const custom: KpiDefinition = {
  id: 'anthropic_share',
  name: 'Anthropic share',
  formula: 'anthropic.total_cost / total_cost * 100',
  unit: '%',
  decimals: 1,
  direction: 'neutral',
  thresholds: [],
  description: '',
  standard: false,
};

test.each([
  ['total_spend', kpi('total_spend'), undefined],
  ['cost_per_inference', kpi('cost_per_inference'), undefined],
  ['provider_share', kpi('provider_share'), 'provider'],
  ['budget_utilization', kpi('budget_utilization'), 'team'],
  ['anthropic_share', custom, undefined],
])('%s: the series (range) and the value (instant), by the default group %p', (kpiId, definition, groupBy) => {
  const q = deepDiveQueries(definition);
  const grouped = groupBy ? { groupBy } : {};
  expect(q.series).toEqual([{ refId: 'series', kpiId, filterVariables: FILTER_VARIABLES, mode: 'range', ...grouped }]);
  expect(q.value).toEqual([{ refId: 'value', kpiId, filterVariables: FILTER_VARIABLES, mode: 'instant', ...grouped }]);
  expect(q.comparable).toEqual({ ok: true });
});

test.each(['provider', 'model', 'team'] as const)('breakdown by %s: this period and the previous one', (label) => {
  expect(deepDiveQueries(kpi('cost_per_inference')).breakdowns[label]).toEqual([
    { refId: 'current', kpiId: 'cost_per_inference', filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: label },
    { refId: 'previous', kpiId: 'cost_per_inference', filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: label, period: 'previous' },
  ]);
});

test('a KPI that already reads previous. has no previous period of its own: no previous queries, and why', () => {
  const q = deepDiveQueries(kpi('mom_growth'));
  expect(q.breakdowns.model).toEqual([{ refId: 'current', kpiId: 'mom_growth', filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: 'model' }]);
  expect(q.comparable).toEqual({
    ok: false,
    message: 'this KPI already compares with the previous period (previous.); "what changed" needs a KPI without it',
  });
});

test('request count: 8 queries per KPI (series, value, 3 × this + previous period), 5 for growth KPIs', () => {
  const count = (k: KpiDefinition) => {
    const q = deepDiveQueries(k);
    return q.series.length + q.value.length + Object.values(q.breakdowns).flat().length;
  };
  expect(count(kpi('total_spend'))).toBe(8);
  expect(count(kpi('mom_growth'))).toBe(5);
});
