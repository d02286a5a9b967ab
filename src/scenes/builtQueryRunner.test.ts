import { DataQueryRequest, dateTime, LoadingState } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import {
  CustomVariable,
  EmbeddedScene,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimeRange,
  SceneVariableSet,
} from '@grafana/scenes';
import { of } from 'rxjs';
import { builtQueryRunner, QueryContext } from './builtQueryRunner';

const requests: DataQueryRequest[] = [];
const contexts: QueryContext[] = [];
const END = Date.UTC(2026, 9, 31, 12);

beforeAll(() => {
  setDataSourceSrv({
    get: async () => ({ uid: 'prom', type: 'prometheus', getRef: () => ({ uid: 'prom' }) }),
  } as unknown as DataSourceSrv);
  setRunRequest((_ds, request) => {
    requests.push(request);
    return of({ state: LoadingState.Done, series: [], timeRange: request.range });
  });
});

beforeEach(() => {
  requests.length = 0;
  contexts.length = 0;
});

function setup() {
  const runner = builtQueryRunner({ uid: 'prom', type: 'prometheus' }, (ctx) => {
    contexts.push(ctx);
    return [
      { refId: 'A', expr: `up{team="${ctx.filters.team?.join('|') ?? ''}"}[${(ctx.toMs - ctx.fromMs) / 1000}s]` },
    ];
  });
  const team = new CustomVariable({ name: 'team', query: 'a, b', value: '$__all', includeAll: true, isMulti: true });
  const [from, to] = [dateTime(END - 3_600_000), dateTime(END)];
  const timeRange = new SceneTimeRange({
    from: from.toISOString(),
    to: to.toISOString(),
    value: { from, to, raw: { from, to } },
  });
  const layout = new SceneFlexLayout({ $data: runner, children: [] });
  const scene = new EmbeddedScene({
    $timeRange: timeRange,
    $variables: new SceneVariableSet({ variables: [team] }),
    body: layout,
  });
  return { runner: runner as SceneQueryRunner, team, timeRange, layout, scene };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const exprs = () => requests.map((r) => (r.targets[0] as unknown as { expr: string }).expr);

test('builds from the range and the filter variables ("All" is no filter), runs once, reruns on a change of either', async () => {
  const { runner, team, timeRange } = setup();
  const off = runner.activate();
  await flush();
  team.changeValueTo(['a', 'b']);
  await flush();
  timeRange.onTimeRangeChange({
    from: dateTime(END - 7_200_000),
    to: dateTime(END),
    raw: { from: dateTime(END - 7_200_000), to: dateTime(END) },
  });
  await flush();
  expect(exprs()).toEqual(['up{team=""}[3600s]', 'up{team="a|b"}[3600s]', 'up{team="a|b"}[7200s]']);
  expect(runner.state.runQueriesMode).toBe('manual');
  off();
});

test('refresh runs the same queries again; a state change of the owner that changes nothing does not', async () => {
  const { runner, timeRange, layout } = setup();
  const off = runner.activate();
  await flush();
  layout.setState({ direction: 'row' });
  await flush();
  expect(requests).toHaveLength(1);
  timeRange.onRefresh();
  await flush();
  expect(requests).toHaveLength(2);
  expect(contexts.at(-1)?.owner).toBe(layout);
  off();
});

test('coming back to the page with the same range and filters runs nothing', async () => {
  const { runner } = setup();
  const off = runner.activate();
  await flush();
  off();
  const again = runner.activate();
  await flush();
  expect(requests).toHaveLength(1);
  again();
});

test('the builders get the tier buckets the Prometheus clock shows, and the instant time they plan for', async () => {
  const clock = [
    { fields: [{ name: 'Value', type: 'number', values: [(END - 3_600_000) / 1000, END / 1000], labels: { tier: '1h' } }] },
  ];
  const clockRequests: DataQueryRequest[] = [];
  setDataSourceSrv({
    get: async () => ({
      uid: 'prom-with-clock',
      query: (request: DataQueryRequest) => {
        clockRequests.push(request);
        return of({ data: clock });
      },
    }),
  } as unknown as DataSourceSrv);
  const runner = builtQueryRunner({ uid: 'prom-with-clock', type: 'prometheus' }, (ctx) => {
    contexts.push(ctx);
    return [{ refId: 'A', expr: 'up' }];
  });
  const [from, to] = [dateTime(END - 3_600_000), dateTime(END + 1234)];
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: from.toISOString(), to: to.toISOString(), value: { from, to, raw: { from, to } } }),
    body: new SceneFlexLayout({ $data: runner, children: [] }),
  });
  const off = runner.activate();
  await flush();
  expect(clockRequests).toHaveLength(1);
  expect(contexts.at(-1)?.tiers).toEqual({
    marks: { hour: new Set([END - 3_600_000, END]), day: new Set() },
    firstEvalMs: END + 1000,
    stepMs: 0,
    count: 1,
  });
  expect(scene).toBeDefined();
  off();
});
