/** @jest-environment node */
import type { DataSourceInstanceSettings } from '@grafana/data';
import type { KpiDataSourceOptions } from '../../datasource/types';
import { compareKpiDatasources, datasourceEditUrl, KpiDatasourceFinding, newKpiDatasource } from './kpiDatasource';

jest.mock('@grafana/runtime', () => ({ getBackendSrv: jest.fn(), getDataSourceSrv: jest.fn() }));

const NAMES: Record<string, string> = { 'prom-a': 'Prometheus A', 'prom-b': 'Mimir B' };
const nameOf = (uid: string) => NAMES[uid] ?? uid;

const kpiDs = (uid: string, jsonData: KpiDataSourceOptions) =>
  ({ uid, name: `KPI ${uid}`, jsonData }) as DataSourceInstanceSettings<KpiDataSourceOptions>;

test('the datasource Grafana is asked to create: the KPI plugin, proxy access, Prometheus and profile of the form', () => {
  expect(newKpiDatasource({ prometheusUid: 'prom-a', profile: 'otel' })).toEqual({
    name: 'AI Spend KPI',
    type: 'aispend-kpi-datasource',
    access: 'proxy',
    jsonData: { prometheusUid: 'prom-a', profile: 'otel' },
  });
});

test.each<[string, KpiDataSourceOptions, string[]]>([
  ['same Prometheus and profile', { prometheusUid: 'prom-a', profile: 'litellm' }, []],
  ['same Prometheus, profile left at its default', { prometheusUid: 'prom-a' }, []],
  [
    'another Prometheus',
    { prometheusUid: 'prom-b', profile: 'litellm' },
    ['It queries the Prometheus datasource Mimir B; these settings use Prometheus A.'],
  ],
  [
    'a Prometheus Grafana does not know, and another profile',
    { prometheusUid: 'gone', profile: 'seed' },
    [
      'It queries the Prometheus datasource gone; these settings use Prometheus A.',
      'Its metric profile is seed; these settings use litellm.',
    ],
  ],
  ['no Prometheus at all', { profile: 'litellm' }, ['It has no Prometheus datasource.']],
])('KPI datasource vs app settings: %s', (_, jsonData, differences) => {
  const findings = compareKpiDatasources([kpiDs('kpi-1', jsonData)], { prometheusUid: 'prom-a', profile: 'litellm' }, nameOf);
  expect(findings).toEqual<KpiDatasourceFinding[]>([{ uid: 'kpi-1', name: 'KPI kpi-1', differences }]);
});

test('settings without a Prometheus yet do not call every KPI datasource different', () => {
  const findings = compareKpiDatasources([kpiDs('kpi-1', { prometheusUid: 'prom-b' })], { profile: 'litellm' }, nameOf);
  expect(findings[0].differences).toEqual([]);
});

test('edit link of a datasource', () => {
  expect(datasourceEditUrl('a b/c')).toBe('/connections/datasources/edit/a%20b%2Fc');
});
