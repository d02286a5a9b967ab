import { EmbeddedScene, SceneCSSGridLayout, SceneQueryRunner } from '@grafana/scenes';
import { OVERVIEW_KPI_IDS } from '../../engine/catalog';
import { KpiTile } from './KpiTile';
import { overviewScene } from './overviewScene';

const datasource = { uid: 'kpi', type: 'aispend-kpi-datasource' };

function tiles(scene: EmbeddedScene): KpiTile[] {
  return (scene.state.body as SceneCSSGridLayout).state.children as KpiTile[];
}

test('the eight seed KPIs, in order', () => {
  expect(tiles(overviewScene(datasource)).map((t) => t.state.kpi.id)).toEqual(OVERVIEW_KPI_IDS);
});

test.each([
  ['total_spend', undefined],
  ['provider_share', 'provider'],
])('%s: value, previous period and 14-day daily trend — three queries, grouped by %s', (kpiId, groupBy) => {
  const tile = tiles(overviewScene(datasource)).find((t) => t.state.kpi.id === kpiId)!;
  const runner = tile.state.$data as SceneQueryRunner;
  expect(runner.state.datasource).toEqual(datasource);
  expect(runner.state.queries).toEqual([
    { refId: 'value', kpiId, groupBy, mode: 'instant' },
    { refId: 'previous', kpiId, groupBy, mode: 'instant', period: 'previous' },
    { refId: 'trend', kpiId, groupBy, mode: 'range', lookback: '14d', step: '1d' },
  ]);
});

test('the page has the provider / model / team filters and a 30-day default range', () => {
  const scene = overviewScene(datasource);
  expect(scene.state.$variables?.state.variables.map((v) => v.state.name)).toEqual(['provider', 'model', 'team']);
  expect(scene.state.$timeRange?.state.from).toBe('now-30d');
});
