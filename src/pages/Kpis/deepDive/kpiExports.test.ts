import { findStandardKpi, type KpiDefinition } from '../../../engine/catalog';
import type { Filters } from '../../../engine/language';
import { csvFileName, filtersFromVariableValues, kpiPanelJson, kpiPromQL } from './kpiExports';

const kpi = (id: string) => findStandardKpi(id)!;
const END = Date.UTC(2026, 9, 31, 12);
const THIRTY_DAYS = { fromMs: END - 30 * 86_400_000, toMs: END, ruleIntervalSeconds: 60 };

test.each<[Record<string, unknown>, Filters]>([
  [{}, {}],
  [{ provider: ['$__all'], model: '$__all', team: [] }, {}],
  [{ provider: ['openai', 'anthropic'] }, { provider: ['openai', 'anthropic'] }],
  [{ team: 'data-science', model: ['$__all'] }, { team: ['data-science'] }],
  [{ provider: '' }, {}],
  // not one of the filter labels
  [{ user: ['bob'] }, {}],
])('filtersFromVariableValues(%j) = %j', (values, filters) => {
  expect(filtersFromVariableValues(values)).toEqual(filters);
});

// A range's window is N rule intervals of samples: Prometheus ranges include both ends, hence 1 ms less.
test.each<[string, Filters, string]>([
  ['total_spend', {}, 'sum(sum_over_time(aigateway:spend_usd:increase1m[2591999999ms]))'],
  [
    'cost_per_inference',
    { provider: ['openai', 'anthropic'] },
    '(sum(sum_over_time(aigateway:spend_usd:increase1m{provider=~"openai|anthropic"}[2591999999ms])) / sum(sum_over_time(aigateway:requests:increase1m{provider=~"openai|anthropic"}[2591999999ms])))',
  ],
  [
    'provider_share',
    { team: ['data-science'] },
    '((sum by (provider) (sum_over_time(aigateway:spend_usd:increase1m{team="data-science"}[2591999999ms])) / on () group_left () sum(sum_over_time(aigateway:spend_usd:increase1m{team="data-science"}[2591999999ms]))) * 100)',
  ],
  [
    'mom_growth',
    {},
    '(((sum(sum_over_time(aigateway:spend_usd:increase1m[2591999999ms])) - sum(sum_over_time(aigateway:spend_usd:increase1m[2591999999ms] offset 2592000s))) / sum(sum_over_time(aigateway:spend_usd:increase1m[2591999999ms] offset 2592000s))) * 100)',
  ],
])('kpiPromQL(%s, %j): the instant query over the range, by the default group, filtered', (id, filters, promql) => {
  expect(kpiPromQL(kpi(id), { ...THIRTY_DAYS, filters })).toEqual({ ok: true, promql, windowSeconds: 2_592_000 });
});

test('a KPI whose formula does not compile says why', () => {
  const broken: KpiDefinition = { ...kpi('total_spend'), id: 'broken', formula: 'total_cost / totl_cost' };
  expect(kpiPromQL(broken, { ...THIRTY_DAYS, filters: {} })).toEqual({
    ok: false,
    message: 'unknown measure `totl_cost` — did you mean `total_cost`? (column 14)',
  });
});

const datasource = { type: 'aispend-kpi-datasource', uid: 'kpi-uid' };

test('panel JSON: a time series on the KPI datasource by KPI id, with its unit, decimals and thresholds', () => {
  expect(kpiPanelJson(kpi('cost_per_inference'), datasource)).toEqual({
    type: 'timeseries',
    title: 'Cost per inference',
    description:
      'Total cost ÷ requests; good < 0.005, target < 0.01, critical > 0.05\n\nFormula: total_cost / total_inferences',
    datasource,
    targets: [{ refId: 'A', datasource, kpiId: 'cost_per_inference', mode: 'range' }],
    fieldConfig: {
      defaults: {
        unit: 'currency:financial:$',
        decimals: 4,
        thresholds: {
          mode: 'absolute',
          steps: [
            { value: -Infinity, color: 'green' },
            { value: 0.01, color: 'orange' },
            { value: 0.05, color: 'red' },
          ],
        },
        custom: { thresholdsStyle: { mode: 'line' } },
      },
      overrides: [],
    },
    options: {
      legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'multi', sort: 'desc' },
    },
    gridPos: { h: 8, w: 12, x: 0, y: 0 },
  });
});

test('panel JSON of a KPI read by group keeps its group; without thresholds none are set', () => {
  const panel = kpiPanelJson(kpi('provider_share'), datasource);
  expect(panel.targets).toEqual([
    { refId: 'A', datasource, kpiId: 'provider_share', mode: 'range', groupBy: 'provider' },
  ]);
  expect(panel.fieldConfig.defaults).toEqual({ unit: 'suffix:%', decimals: 1 });
  // -Infinity is written as null: Grafana's own JSON for the base threshold step
  expect(
    JSON.parse(JSON.stringify(kpiPanelJson(kpi('cost_per_inference'), datasource))).fieldConfig.defaults.thresholds
      .steps[0]
  ).toEqual({
    value: null,
    color: 'green',
  });
});

test.each([
  ['total_spend', 'by-model', 'total_spend-by-model-20261001-1200-20261031-1200.csv'],
  ['anthropic_share', 'what-changed', 'anthropic_share-what-changed-20261001-1200-20261031-1200.csv'],
])('csvFileName(%s, %s)', (kpiId, part, name) => {
  expect(csvFileName(kpiId, part, THIRTY_DAYS.fromMs, THIRTY_DAYS.toMs)).toBe(name);
});
