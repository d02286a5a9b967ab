import { EmbeddedScene, SceneCSSGridLayout, SceneQueryRunner } from '@grafana/scenes';
import { OVERVIEW_KPI_IDS } from '../../engine/catalog';
import { CoverageProvider } from '../../scenes/coverageProvider';
import { UnpricedUsageNote } from '../../scenes/UnpricedUsageNote';
import { KpiTile } from './KpiTile';
import { overviewScene } from './overviewScene';
import { FILTER_VARIABLES } from '../../datasource/types';

const datasources = {
  kpi: { uid: 'kpi', type: 'aispend-kpi-datasource' },
  prometheus: { uid: 'prom', type: 'prometheus' },
};
const datasource = datasources.kpi;

function tiles(scene: EmbeddedScene): KpiTile[] {
  return (scene.state.body as SceneCSSGridLayout).state.children as KpiTile[];
}

test('the eight seed KPIs, in order', () => {
  expect(tiles(overviewScene(datasources)).map((t) => t.state.kpi.id)).toEqual(OVERVIEW_KPI_IDS);
});

test.each([
  ['total_spend', undefined],
  ['provider_share', 'provider'],
])('%s: value, previous period and 14-day daily trend — three queries, grouped by %s', (kpiId, groupBy) => {
  const tile = tiles(overviewScene(datasources)).find((t) => t.state.kpi.id === kpiId)!;
  const runner = tile.state.$data as SceneQueryRunner;
  expect(runner.state.datasource).toEqual(datasource);
  expect(runner.state.queries).toEqual([
    { refId: 'value', kpiId, filterVariables: FILTER_VARIABLES, groupBy, mode: 'instant' },
    { refId: 'previous', kpiId, filterVariables: FILTER_VARIABLES, groupBy, mode: 'instant', period: 'previous' },
    { refId: 'trend', kpiId, filterVariables: FILTER_VARIABLES, groupBy, mode: 'range', lookback: '14d', step: '1d' },
  ]);
});

test('one coverage query for the whole page, on the Prometheus datasource, three periods back (MoM growth’s change)', () => {
  const providers = overviewScene(datasources).state.$behaviors?.filter((b) => b instanceof CoverageProvider);
  expect(providers).toHaveLength(1);
  const provider = providers![0] as CoverageProvider;
  expect(provider.state.periods).toBe(3);
  expect((provider.state.$data as SceneQueryRunner).state.datasource).toEqual(datasources.prometheus);
});

test('the unpriced-usage warning follows the filters, on the Prometheus datasource', () => {
  const controls = overviewScene(datasources).state.controls ?? [];
  const notes = controls.filter((c) => c instanceof UnpricedUsageNote);
  expect(notes).toHaveLength(1);
  expect(controls.indexOf(notes[0])).toBe(1);
  expect((notes[0].state.$data as SceneQueryRunner).state.datasource).toEqual(datasources.prometheus);
});

test('the page has the provider / model / team filters and a 30-day default range', () => {
  const scene = overviewScene(datasources);
  expect(scene.state.$variables?.state.variables.map((v) => v.state.name)).toEqual(['provider', 'model', 'team']);
  expect(scene.state.$timeRange?.state.from).toBe('now-30d');
});

// A tile once showed "—" for total spend: its queries ran while the filter variables were still
// loading (an empty filter matches nothing) and did not run again when they had loaded, because
// nothing in them named the variables.
test('every tile depends on the provider, model and team variables: it waits for them and reruns on a change', () => {
  for (const tile of tiles(overviewScene(datasources))) {
    const names = (tile.state.$data as SceneQueryRunner).variableDependency!.getNames();
    expect([...names].filter((n) => !n.startsWith('__')).sort()).toEqual(['model', 'provider', 'team']);
  }
});
