import { createDataFrame, FieldType } from '@grafana/data';
import { STANDARD_KPIS } from '../../../engine/catalog';
import type { CustomKpiSetting } from '../../../settings/model';
import { catalogKpis, catalogQueries, catalogRows } from './catalogModel';

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
        ? { refId: k.id, kpiId: k.id, mode: 'instant', groupBy: k.defaultGroupBy }
        : { refId: k.id, kpiId: k.id, mode: 'instant' }
    )
  );
});

test.each([
  ['provider_share', { refId: 'provider_share', kpiId: 'provider_share', mode: 'instant', groupBy: 'provider' }],
  [
    'budget_utilization',
    { refId: 'budget_utilization', kpiId: 'budget_utilization', mode: 'instant', groupBy: 'team' },
  ],
  ['total_spend', { refId: 'total_spend', kpiId: 'total_spend', mode: 'instant' }],
  ['anthropic_share', { refId: 'anthropic_share', kpiId: 'anthropic_share', mode: 'instant' }],
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
  });
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
  expect(catalogRows(catalogKpis([]), undefined).map((r) => r.text)).toEqual(STANDARD_KPIS.map(() => '—'));
});
