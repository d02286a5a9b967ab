import { getBackendSrv, getDataSourceSrv, getRunRequest } from '@grafana/runtime';
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout, SceneQueryRunner } from '@grafana/scenes';
import { waitFor } from '@testing-library/react';
import { STANDARD_KPIS } from '../../../engine/catalog';
import { DEFAULT_APP_SETTINGS, type CustomKpiSetting } from '../../../settings/model';
import { fakeDataSourceSrv, fakeKpiDatasource, fakeRunRequest, FakeSettingsBackend } from '../testing/fakeGrafana';
import { CoverageProvider } from '../../../scenes/coverageProvider';
import { catalogScene } from './catalogScene';
import { KpiCatalog } from './KpiCatalog';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: jest.fn(),
  getDataSourceSrv: jest.fn(),
  getRunRequest: jest.fn(),
}));

const datasource = { uid: 'kpi', type: 'aispend-kpi-datasource' };
const datasources = { kpi: datasource, prometheus: { uid: 'prom', type: 'prometheus' } };
const custom: CustomKpiSetting = {
  id: 'anthropic_share',
  name: 'Anthropic share',
  formula: 'anthropic.total_cost / total_cost * 100',
  unit: '%',
  decimals: 1,
  direction: 'neutral',
  thresholds: [],
  description: '',
};

function catalogOf(scene: EmbeddedScene): KpiCatalog {
  return ((scene.state.body as SceneFlexLayout).state.children[0] as SceneFlexItem).state.body as KpiCatalog;
}

test('the page: provider / model / team filters, a 30-day range with picker and refresh, the catalog on the KPI datasource, one coverage query on the Prometheus', () => {
  const scene = catalogScene(datasources);
  expect(scene.state.$variables?.state.variables.map((v) => v.state.name)).toEqual(['provider', 'model', 'team']);
  expect(scene.state.$timeRange?.state).toMatchObject({ from: 'now-30d', to: 'now' });
  expect(scene.state.controls?.map((c) => c.constructor.name)).toEqual([
    'VariableValueSelectors',
    'SceneControlsSpacer',
    'SceneTimePicker',
    'SceneRefreshPicker',
  ]);
  const catalog = catalogOf(scene);
  expect(catalog).toBeInstanceOf(KpiCatalog);
  expect((catalog.state.$data as SceneQueryRunner).state.datasource).toEqual(datasource);
  expect(catalog.state.preview.state).toMatchObject({ datasource, queries: [] });
  const [coverage] = scene.state.$behaviors as CoverageProvider[];
  expect(coverage).toBeInstanceOf(CoverageProvider);
  expect(coverage.state.periods).toBe(2);
  expect((coverage.state.$data as SceneQueryRunner).state.datasource).toEqual(datasources.prometheus);
});

test('once the settings are read: one instant query per standard and custom KPI, all in one request', async () => {
  const settings = new FakeSettingsBackend({ ...DEFAULT_APP_SETTINGS, customKpis: [custom], version: 3 });
  const ds = fakeKpiDatasource(() => 1);
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: settings.fetch });
  (getDataSourceSrv as jest.Mock).mockReturnValue(fakeDataSourceSrv(ds));
  (getRunRequest as jest.Mock).mockReturnValue(fakeRunRequest);

  const scene = catalogScene(datasources);
  const catalog = catalogOf(scene);
  const deactivate = catalog.activate();
  await waitFor(() => expect(ds.queries).toHaveLength(STANDARD_KPIS.length + 1));
  expect(ds.queries.map(({ refId, kpiId, mode, groupBy }) => [refId, kpiId, mode, groupBy])).toEqual([
    ...STANDARD_KPIS.map((k) => [k.id, k.id, 'instant', k.defaultGroupBy]),
    ['anthropic_share', 'anthropic_share', 'instant', undefined],
  ]);
  expect(catalog.state.settings?.version).toBe(3);
  deactivate();
});
