import { DataQueryRequest, dateTime, LoadingState } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import {
  EmbeddedScene,
  SceneAppPage,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';
import { of } from 'rxjs';
import type { SpenderDimension } from '../../analysis/topSpenders';
import { CoverageNote } from '../../scenes/CoverageNote';
import { CoverageProvider } from '../../scenes/coverageProvider';
import { spenderScene } from './spenderScene';
import { topSpendersPage } from './topSpendersPage';

const datasources = {
  kpi: { uid: 'kpi', type: 'aispend-kpi-datasource' },
  prometheus: { uid: 'prom', type: 'prometheus' },
};
const END = Date.UTC(2026, 9, 31, 12);
const DAY_MS = 86_400_000;
const requests: DataQueryRequest[] = [];

beforeAll(() => {
  setDataSourceSrv({
    get: async () => ({ uid: 'prom', type: 'prometheus', getRef: () => datasources.prometheus }),
    getInstanceSettings: () => undefined,
  } as unknown as DataSourceSrv);
  setRunRequest((_ds, request) => {
    requests.push(request);
    return of({ state: LoadingState.Done, series: [], timeRange: request.range });
  });
});

beforeEach(() => {
  requests.length = 0;
});

function panels(scene: EmbeddedScene): VizPanel[] {
  const rows = (scene.state.body as SceneFlexLayout).state.children as SceneFlexLayout[];
  return rows.flatMap((row) => (row.state.children as SceneFlexItem[]).map((item) => item.state.body as VizPanel));
}

test.each<[SpenderDimension, Array<[string, string]>]>([
  [
    'team',
    [
      ['stat', 'Spend'],
      ['stat', 'Cost per request'],
      ['timeseries', 'Spend over time'],
      ['piechart', 'Model mix'],
    ],
  ],
  [
    'api_key',
    [
      ['stat', 'Spend'],
      ['stat', 'Cost per request (not recorded per API key)'],
      ['timeseries', 'Spend over time'],
      ['piechart', 'Model mix'],
    ],
  ],
])('a %s drilldown shows spend, cost per request, spend over time and the model mix', (dimension, expected) => {
  expect(
    panels(spenderScene(datasources, { dimension, key: 'x' })).map((p) => [p.state.pluginId, p.state.title])
  ).toEqual(expected);
});

test.each<[string, number, object]>([
  ['Spend', 0, { unit: 'currency:financial:$', decimals: 2, noValue: '—', color: { mode: 'fixed', fixedColor: 'text' } }],
  [
    'Cost per request: the seed thresholds of cost per inference, in shades readable on both themes',
    1,
    {
      unit: 'currency:financial:$',
      decimals: 4,
      color: { mode: 'thresholds' },
      thresholds: {
        mode: 'absolute',
        steps: [
          { value: -Infinity, color: 'dark-green' },
          { value: 0.01, color: 'dark-orange' },
          { value: 0.05, color: 'red' },
        ],
      },
    },
  ],
  [
    'Spend over time: bars from 0',
    2,
    { unit: 'currency:financial:$', min: 0, custom: expect.objectContaining({ drawStyle: 'bars' }) },
  ],
  ['Model mix', 3, { unit: 'currency:financial:$', decimals: 2 }],
])('field config of %s', (_name, index, defaults) => {
  expect(
    panels(spenderScene(datasources, { dimension: 'team', key: 'x' }))[index].state.fieldConfig.defaults
  ).toMatchObject(defaults);
});

test.each<[SpenderDimension, string[]]>([
  ['model', ['spendOverTime', 'modelMix', 'costPerRequest']],
  ['user', ['spendOverTime', 'modelMix']],
])('a %s drilldown sends one request of %p', async (dimension, refIds) => {
  const scene = spenderScene(datasources, { dimension, key: 'gpt-4o' });
  (scene.state.$timeRange as SceneTimeRange).onTimeRangeChange({
    from: dateTime(END - 30 * DAY_MS),
    to: dateTime(END),
    raw: { from: dateTime(END - 30 * DAY_MS), to: dateTime(END) },
  });
  const runner = (scene.state.body as SceneFlexLayout).state.$data as SceneQueryRunner;
  const deactivate = runner.activate();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(requests).toHaveLength(1);
  expect(requests[0].targets.map((t) => t.refId)).toEqual(refIds);
  expect(JSON.stringify(requests[0].targets)).toContain(
    dimension === 'user' ? 'user=\\"gpt-4o\\"' : 'model=\\"gpt-4o\\"'
  );
  deactivate();
});

test.each<[string, Record<string, string>, string, string]>([
  [
    'a team',
    { dimension: 'team', spender: 'data-science' },
    'Team: data-science',
    '/a/aispend-finops-app/top-spenders/team/data-science',
  ],
  [
    'the spender without a team',
    { dimension: 'team', spender: '-' },
    'Team: (no team)',
    '/a/aispend-finops-app/top-spenders/team/-',
  ],
  [
    'an API key',
    { dimension: 'api_key', spender: 'k/1' },
    'API key: k/1',
    '/a/aispend-finops-app/top-spenders/api_key/k%2F1',
  ],
  ['an unknown dimension', { dimension: 'provider', spender: 'openai' }, 'Unknown spender dimension', '/x'],
])('the drilldown route of %s', (_name, params, title, url) => {
  const page = topSpendersPage();
  const drilldown = page.state.drilldowns![0];
  expect(drilldown.routePath).toBe(':dimension/:spender/*');
  const child = drilldown.getPage({ params, isExact: true, path: '/x', url: '/x' }, page) as SceneAppPage;
  expect(child.state.title).toBe(title);
  expect(child.state.url).toBe(url);
});

test('per user or API key, cost per request shows no value from the shared runner (the measure is missing)', async () => {
  const scene = spenderScene(datasources, { dimension: 'user', key: 'u1' });
  const stat = panels(scene)[1];
  const transformer = stat.state.$data!;
  const runner = (scene.state.body as SceneFlexLayout).state.$data as SceneQueryRunner;
  const offRunner = runner.activate();
  const off = transformer.activate();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(transformer.state.data?.series).toEqual([]);
  expect(stat.state.fieldConfig.defaults.noValue).toBe('—');
  off();
  offRunner();
});

test('the spend says how much of the range has data when it is under 90 % (one coverage query for the page)', () => {
  const scene = spenderScene(datasources, { dimension: 'team', key: 'x' });
  const providers = scene.state.$behaviors!.filter((b): b is CoverageProvider => b instanceof CoverageProvider);
  expect(providers.map((p) => p.state.periods)).toEqual([1]);
  const note = panels(scene)[0].state.titleItems as CoverageNote;
  expect(note).toBeInstanceOf(CoverageNote);
  expect(note.state.periods).toBe(1);
});
