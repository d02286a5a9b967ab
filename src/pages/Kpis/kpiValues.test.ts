import { findStandardKpi, type KpiDefinition } from '../../engine/catalog';
import { formatChange, kpiStatus, representativeValue } from './kpiValues';

const kpi = (id: string) => findStandardKpi(id)!;

test.each<[string, number | null, string | undefined]>([
  // lower is better: good below 0.01, warning from 0.01, critical from 0.05
  ['cost_per_inference', 0.004, 'good'],
  ['cost_per_inference', 0.01, 'warning'],
  ['cost_per_inference', 0.0499, 'warning'],
  ['cost_per_inference', 0.05, 'critical'],
  ['cost_per_inference', Infinity, 'critical'],
  ['cost_per_inference', NaN, undefined],
  ['cost_per_inference', null, undefined],
  // higher is better: critical below 10, warning from 10, good from 20
  ['cache_hit_rate', 9.99, 'critical'],
  ['cache_hit_rate', 10, 'warning'],
  ['cache_hit_rate', 20, 'good'],
  ['cache_hit_rate', 35, 'good'],
  ['days_to_exhaustion', 10.7, 'critical'],
  ['success_rate', 98.95, 'critical'],
  ['success_rate', 99.2, 'warning'],
  ['budget_utilization', 97, 'critical'],
  ['budget_utilization', 69.9, 'good'],
  // no thresholds: no status
  ['total_spend', 11394, undefined],
])('kpiStatus(%s, %p) = %p', (id, value, status) => {
  expect(kpiStatus(kpi(id), value)).toBe(status);
});

test('thresholds saved out of order are read in ascending order', () => {
  const custom = {
    direction: 'lower-is-better' as const,
    thresholds: [
      { value: 5, state: 'critical' as const },
      { value: 1, state: 'warning' as const },
    ],
  };
  expect([0.5, 1, 4.9, 5].map((v) => kpiStatus(custom, v))).toEqual(['good', 'warning', 'warning', 'critical']);
});

const labeled = (label: string, entries: Array<[string, number]>) =>
  entries.map(([k, value]) => ({ labels: { [label]: k }, value }));

test.each<[string, KpiDefinition, ReturnType<typeof labeled>, ReturnType<typeof representativeValue>]>([
  ['no group: the single value', kpi('total_spend'), [{ labels: {}, value: 12 }], { value: 12, groups: 1 }],
  ['no group, no data', kpi('total_spend'), [], { value: null, groups: 0 }],
  [
    'neutral by provider: the largest share',
    kpi('provider_share'),
    labeled('provider', [
      ['openai', 20],
      ['anthropic', 67.3],
      ['vllm', 12.7],
    ]),
    { value: 67.3, group: 'anthropic', groups: 3 },
  ],
  [
    'lower is better by team: the fullest budget',
    kpi('budget_utilization'),
    labeled('team', [
      ['ml', 40],
      ['data-science', 97],
      ['web', NaN],
    ]),
    { value: 97, group: 'data-science', groups: 2 },
  ],
  [
    'higher is better by team: the lowest',
    { ...kpi('cache_hit_rate'), defaultGroupBy: 'team' },
    labeled('team', [
      ['ml', 40],
      ['web', 12],
    ]),
    { value: 12, group: 'web', groups: 2 },
  ],
  ['only NaN: no value', kpi('provider_share'), labeled('provider', [['openai', NaN]]), { value: null, groups: 0 }],
])('representativeValue: %s', (_, definition, values, expected) => {
  expect(representativeValue(definition, values)).toEqual(expected);
});

test.each<[string, number, string]>([
  ['total_spend', 5640.2, '+$5,640.20'],
  ['total_spend', -12.5, '−$12.50'],
  ['total_spend', 0, '$0.00'],
  // a real change that the KPI's decimals round away gets more decimals
  ['cost_per_inference', 0.00003, '+$0.00003'],
  ['cost_per_inference', -0.000004, '−$0.000004'],
  // beyond four more decimals it stays rounded, and reads as the zero it rounds to
  ['cost_per_inference', 1e-12, '$0.00000000'],
  ['top_model_share', 0.04, '+0.04 %'],
  ['token_throughput', 1_250_000, '+1.25 M tokens/h'],
])('formatChange(%s, %p) = %p', (id, delta, text) => {
  expect(formatChange(kpi(id), delta)).toBe(text);
});
