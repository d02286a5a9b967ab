import { getBackendSrv } from '@grafana/runtime';
import { sceneGraph, SceneQueryRunner } from '@grafana/scenes';
import { DEFAULT_APP_SETTINGS, type CustomKpiSetting } from '../../../settings/model';
import { FakeSettingsBackend } from '../testing/fakeGrafana';
import { findKpi, KpiDeepDive } from './KpiDeepDive';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

const datasource = { uid: 'kpi', type: 'aispend-kpi-datasource' };
const custom: CustomKpiSetting = {
  id: 'anthropic_share',
  name: 'Anthropic share',
  formula: 'anthropic.total_cost / total_cost * 100',
  unit: '%',
  decimals: 1,
  direction: 'neutral',
  thresholds: [],
  description: 'Anthropic spend ÷ all spend',
};
const settings = { ...DEFAULT_APP_SETTINGS, customKpis: [custom] };

test.each([
  ['total_spend', 'Total spend', true],
  ['anthropic_share', 'Anthropic share', false],
])('findKpi(%s): %s, standard %p', (id, name, standard) => {
  expect(findKpi(id, settings)).toMatchObject({ id, name, standard });
});

test('a custom KPI is read from the app settings; the page learns its name; its panels query it by id', async () => {
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: new FakeSettingsBackend(settings).fetch });
  const onKpi = jest.fn();
  const deepDive = new KpiDeepDive({ kpiId: 'anthropic_share', datasource, onKpi });
  await deepDive.load();
  expect(onKpi).toHaveBeenCalledWith({ ...custom, standard: false });
  const runners = sceneGraph.findAllObjects(deepDive, (o) => o instanceof SceneQueryRunner) as SceneQueryRunner[];
  expect(runners).toHaveLength(5);
  expect(new Set(runners.flatMap((r) => r.state.queries.map((q) => q.kpiId)))).toEqual(new Set(['anthropic_share']));
});

test('an unknown id: a message instead of panels', async () => {
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: new FakeSettingsBackend(settings).fetch });
  const deepDive = new KpiDeepDive({ kpiId: 'no_such_kpi', datasource });
  await deepDive.load();
  expect(deepDive.state.body).toBeUndefined();
  expect(deepDive.state.problem).toBe('There is no KPI "no_such_kpi": it is neither a standard KPI nor a saved custom KPI.');
});
