import { createDataFrame, FieldType } from '@grafana/data';
import type { CoverageReading } from '../../../analysis/coverage';
import { FULL_COVERAGE, covered } from '../../../analysis/testing/coverageFixtures';
import { STANDARD_KPIS } from '../../../engine/catalog';
import type { CustomKpiSetting } from '../../../settings/model';
import { catalogKpis, catalogQueries, catalogRows } from './catalogModel';
import { FILTER_VARIABLES } from '../../../datasource/types';

const custom: CustomKpiSetting = {
  id: 'anthropic_share',
  name: 'Anthropic share',
  formula: 'anthropic.total_cost / total_cost * 100',
  unit: '%',
  decimals: 1,
  direction: 'neutral',
  thresholds: [{ value: 50, state: 'warning' }],
  description: '',
};

test('standard KPIs first, then the custom ones, marked as such', () => {
  const kpis = catalogKpis([custom]);
  expect(kpis.map((k) => [k.id, k.standard])).toEqual([
    ...STANDARD_KPIS.map((k) => [k.id, true]),
    ['anthropic_share', false],
  ]);
});

test('one instant query per KPI, by its default group where it has one (18 standard + 1 custom)', () => {
  const queries = catalogQueries(catalogKpis([custom]));
  expect(queries).toHaveLength(19);
  expect(queries).toEqual(
    catalogKpis([custom]).map((k) =>
      k.defaultGroupBy
        ? { refId: k.id, kpiId: k.id, filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: k.defaultGroupBy }
        : { refId: k.id, kpiId: k.id, filterVariables: FILTER_VARIABLES, mode: 'instant' }
    )
  );
});

test.each([
  ['provider_share', { refId: 'provider_share', kpiId: 'provider_share', filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: 'provider' }],
  [
    'budget_utilization',
    { refId: 'budget_utilization', kpiId: 'budget_utilization', filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: 'team' },
  ],
  ['total_spend', { refId: 'total_spend', kpiId: 'total_spend', filterVariables: FILTER_VARIABLES, mode: 'instant' }],
  ['anthropic_share', { refId: 'anthropic_share', kpiId: 'anthropic_share', filterVariables: FILTER_VARIABLES, mode: 'instant' }],
])('query of %s', (id, query) => {
  expect(catalogQueries(catalogKpis([custom])).find((q) => q.refId === id)).toEqual(query);
});


const series = (refId: string, value: number, labels: Record<string, string> = {}) =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [1] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });

test('rows: value, text, status, the group a grouped KPI is read at, and per-KPI errors', () => {
  const kpis = catalogKpis([custom]);
  const rows = catalogRows(kpis, {
    series: [
      series('cost_per_inference', 0.0102),
      series('provider_share', 67.3, { provider: 'anthropic' }),
      series('provider_share', 24.7, { provider: 'gcp' }),
      series('budget_utilization', 97, { team: 'data-science' }),
      series('budget_utilization', 40, { team: 'ml' }),
      series('anthropic_share', 67.25),
    ],
    errors: [{ refId: 'retry_rate', message: 'Prometheus returned HTTP 503' }],
  }, FULL_COVERAGE);
  const row = (id: string) => rows.find((r) => r.kpi.id === id)!;
  expect(row('cost_per_inference')).toMatchObject({ value: 0.0102, text: '$0.0102', status: 'warning' });
  expect(row('provider_share')).toMatchObject({
    value: 67.3,
    text: '67.3 %',
    status: undefined,
    group: { label: 'provider', value: 'anthropic', of: 2, pick: 'highest' },
  });
  expect(row('budget_utilization')).toMatchObject({
    value: 97,
    status: 'critical',
    group: { label: 'team', value: 'data-science', of: 2 },
  });
  expect(row('anthropic_share')).toMatchObject({ value: 67.25, text: '67.3 %', status: 'warning' });
  expect(row('retry_rate')).toMatchObject({ value: null, text: '—', error: 'Prometheus returned HTTP 503' });
  expect(row('total_spend')).toMatchObject({ value: null, text: '—', status: undefined });
  expect(row('total_spend').group).toBeUndefined();
});

test('before any result every KPI is listed without a value', () => {
  expect(catalogRows(catalogKpis([]), undefined, FULL_COVERAGE).map((r) => r.text)).toEqual(STANDARD_KPIS.map(() => '—'));
});

const growth: CustomKpiSetting = {
  ...custom,
  id: 'team_growth',
  name: 'Team growth',
  formula: 'team["ml"].total_cost / team["ml"].previous.total_cost',
  thresholds: [],
};

test.each<[string, CoverageReading, Record<string, unknown>, Record<string, unknown>]>([
  [
    'previous period 1 of 30 days: MoM growth (and a custom KPI reading previous.) show no value, and say why',
    { state: 'known', periods: [covered('current', 30), covered('previous', 1)] },
    { value: null, text: '—', note: 'previous period has data for 1 of 30 days' },
    { value: null, text: '—', note: 'previous period has data for 1 of 30 days' },
  ],
  ['both periods full: the values', FULL_COVERAGE, { value: 2537.9 }, { value: 2.1 }],
])('growth KPIs: %s', (_name, coverage, growthRow, customRow) => {
  const rows = catalogRows(
    catalogKpis([growth]),
    { series: [series('mom_growth', 2537.9), series('team_growth', 2.1), series('total_spend', 26379)] },
    coverage
  );
  const row = (id: string) => rows.find((r) => r.kpi.id === id)!;
  expect({ note: undefined, ...row('mom_growth') }).toMatchObject({ note: undefined, ...growthRow });
  expect({ note: undefined, ...row('team_growth') }).toMatchObject({ note: undefined, ...customRow });
  // a KPI that is not a comparison keeps its value
  expect(row('total_spend')).toMatchObject({ value: 26379 });
  expect(row('total_spend').note).toBeUndefined();
});
