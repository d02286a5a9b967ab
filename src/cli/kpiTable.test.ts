/** @jest-environment node */
import type { CoverageReading } from '../analysis/coverage';
import { FULL_COVERAGE, covered } from '../analysis/testing/coverageFixtures';
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
  const table = formatKpiTable(
    [
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
    ],
    FULL_COVERAGE
  );
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

const issue14 = [
  { kpi: findStandardKpi('total_spend')!, output: output([{ labels: {}, value: 26379 }]) },
  { kpi: findStandardKpi('mom_growth')!, output: output([{ labels: {}, value: 2537.9 }]) },
];

test.each<[string, CoverageReading, string[]]>([
  [
    'the previous period has 1 of 30 days of data (issue 14): MoM growth is "—" and says why',
    { state: 'known', periods: [covered('current', 30), covered('previous', 1)] },
    [
      'KPI                           value  formula',
      'Total spend              $26,379.00  total_cost',
      'Month-over-month growth           —  (total_cost - previous.total_cost) / previous.total_cost * 100  (previous period has data for 1 of 30 days)',
    ],
  ],
  [
    'both periods have data: the growth',
    FULL_COVERAGE,
    [
      'KPI                           value  formula',
      'Total spend              $26,379.00  total_cost',
      'Month-over-month growth   2,537.9 %  (total_cost - previous.total_cost) / previous.total_cost * 100',
    ],
  ],
  [
    'the coverage query failed: no growth either',
    { state: 'failed', message: 'cannot reach Prometheus' },
    [
      'KPI                           value  formula',
      'Total spend              $26,379.00  total_cost',
      'Month-over-month growth           —  (total_cost - previous.total_cost) / previous.total_cost * 100  (no comparison: how much of each period has data is unknown (cannot reach Prometheus))',
    ],
  ],
])('%s', (_name, coverage, lines) => {
  expect(formatKpiTable(issue14, coverage).split('\n')).toEqual(lines);
});
