/** @jest-environment node */
import { findStandardKpi } from '../engine/catalog';
import type { KpiOutput } from './kpiQuery';
import { formatKpiTable, kpiValueText } from './kpiTable';

const output = (results: KpiOutput['results'], groupBy: KpiOutput['groupBy'] = []): KpiOutput => ({
  formula: '',
  mode: 'instant',
  from: 0,
  to: 1,
  step: null,
  groupBy,
  promql: '',
  results,
});

test.each([
  [1234.5, { unit: 'USD', decimals: 2 }, '$1,234.50'],
  [1806.742, { unit: 'USD/day', decimals: 2 }, '$1,806.74/day'],
  [74.06, { unit: '%', decimals: 1 }, '74.1 %'],
  [9526529.4, { unit: 'tokens/h', decimals: 0 }, '9.53 M tokens/h'],
  [12, { unit: 'count', decimals: 0 }, '12'],
  [null, { unit: 'USD', decimals: 2 }, '—'],
  ['NaN', { unit: '%', decimals: 1 }, 'NaN'],
  ['+Inf', { unit: '%', decimals: 1 }, '+Inf'],
] as const)('%p in %j is %s', (value, kpi, text) => {
  expect(kpiValueText(value, kpi)).toBe(text);
});

test('a grouped KPI lists its groups under it, largest first, missing last', () => {
  const table = formatKpiTable([
    { kpi: findStandardKpi('total_spend')!, output: output([{ labels: {}, value: 54202.28 }]) },
    { kpi: findStandardKpi('token_throughput')!, output: output([{ labels: {}, value: 3066544.4 }]) },
    {
      kpi: findStandardKpi('provider_share')!,
      output: output(
        [
          { labels: { provider: 'openai' }, value: 2.7 },
          { labels: { provider: 'aws' }, value: null },
          { labels: { provider: 'anthropic' }, value: 86.9 },
        ],
        ['provider']
      ),
    },
  ]);
  expect(table.split('\n')).toEqual([
    'KPI                         value  formula',
    'Total spend            $54,202.28  total_cost',
    'Token throughput  3.07 M tokens/h  total_tokens / hours_in_window',
    'Provider share                     total_cost / all.total_cost * 100  (by provider)',
    '  anthropic                86.9 %',
    '  openai                    2.7 %',
    '  aws                           —',
  ]);
});
