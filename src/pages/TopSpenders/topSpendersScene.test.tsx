import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { createDataFrame, DataQueryRequest, dateTime, FieldType, LoadingState, PanelData } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import {
  CustomVariable,
  EmbeddedScene,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimeRange,
  SceneVariableValueChangedEvent,
  VizPanel,
} from '@grafana/scenes';
import { of } from 'rxjs';
import type { CoverageReading } from '../../analysis/coverage';
import { covered } from '../../analysis/testing/coverageFixtures';
import { testIds } from '../../components/testIds';
import { CoverageProvider } from '../../scenes/coverageProvider';
import type { PrometheusTarget } from '../../scenes/prometheusTargets';
import { TopSpendersTable } from './TopSpendersTable';
import { topSpendersScene } from './topSpendersScene';

const datasources = {
  kpi: { uid: 'kpi', type: 'aispend-kpi-datasource' },
  prometheus: { uid: 'prom', type: 'prometheus' },
};
const END = Date.UTC(2026, 9, 31, 12);
const DAY_MS = 86_400_000;
const SPEND = 'aigateway:spend_usd:increase1m';
const BY_USER = 'aigateway:spend_usd_by_user:increase1m';

/** Every request the scene sends, answered with the frames of `answer`. */
const requests: DataQueryRequest[] = [];
let answer: (request: DataQueryRequest) => PanelData['series'] = () => [];
/** Prometheus' error for the request's first query, instead of an answer */
let refusal: string | undefined;

beforeAll(() => {
  const prometheus = { uid: 'prom', type: 'prometheus', getRef: () => datasources.prometheus };
  setDataSourceSrv({ get: async () => prometheus, getInstanceSettings: () => undefined } as unknown as DataSourceSrv);
  setRunRequest((_ds, request) => {
    requests.push(request);
    if (refusal) {
      const errors = [{ refId: request.targets[0].refId, message: refusal }];
      return of({ state: LoadingState.Error, series: [], errors, timeRange: request.range, request });
    }
    return of({ state: LoadingState.Done, series: answer(request), timeRange: request.range });
  });
});

beforeEach(() => {
  requests.length = 0;
  refusal = undefined;
});

function renderTable(table: TopSpendersTable) {
  render(
    <MemoryRouter>
      <table.Component model={table} />
    </MemoryRouter>
  );
}

function parts(scene: EmbeddedScene) {
  const layout = scene.state.body as SceneFlexLayout;
  const [table, chart] = (layout.state.children as SceneFlexItem[]).map((item) => item.state.body);
  return {
    layout,
    runner: layout.state.$data as SceneQueryRunner,
    table: table as TopSpendersTable,
    chart: chart as VizPanel,
  };
}

function sceneOver30Days() {
  const scene = topSpendersScene(datasources);
  (scene.state.$timeRange as SceneTimeRange).onTimeRangeChange({
    from: dateTime(END - 30 * DAY_MS),
    to: dateTime(END),
    raw: { from: dateTime(END - 30 * DAY_MS), to: dateTime(END) },
  });
  return scene;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

test('variables: the dimension (team by default) and the provider / model / team filters; page controls', () => {
  const scene = topSpendersScene(datasources);
  const variables = scene.state.$variables!.state.variables;
  expect(variables.map((v) => v.state.name)).toEqual(['dimension', 'provider', 'model', 'team']);
  const dimension = variables[0] as CustomVariable;
  expect(dimension.state.query).toBe('Team : team, User : user, API key : api_key, Model : model');
  expect(dimension.state.value).toBe('team');
  expect(scene.state.controls?.length).toBeGreaterThan(0);
});

test('one manual runner on the Prometheus behind the KPI datasource feeds the table and the chart', () => {
  const { runner, table, chart } = parts(topSpendersScene(datasources));
  expect(runner.state.datasource).toEqual(datasources.prometheus);
  expect(runner.state.runQueriesMode).toBe('manual');
  expect(table).toBeInstanceOf(TopSpendersTable);
  expect(chart.state.pluginId).toBe('piechart');
});

test('the chart: top 10 + Others as a donut, values in USD, legend with value and percent', () => {
  const { chart } = parts(topSpendersScene(datasources));
  expect(chart.state.title).toBe('Top 10 + Others');
  expect(chart.state.options).toMatchObject({
    pieType: 'donut',
    reduceOptions: { values: true, calcs: [], fields: '' },
    legend: { showLegend: true, displayMode: 'table', placement: 'right', values: ['value', 'percent'] },
  });
  expect(chart.state.fieldConfig.defaults).toMatchObject({ unit: 'currency:financial:$', decimals: 2, noValue: '—' });
});

const now = (label: string, series: string) => `sum by (${label}) (sum_over_time(${series}[2591999999ms]))`;
const before = (label: string, series: string) =>
  `sum by (${label}) (sum_over_time(${series}[2591999999ms] offset 2592000s))`;
const total = (x: string) => `label_replace(sum(${x}), "aispend_total", "true", "", "")`;

test.each<[string, string]>([
  ['team', SPEND],
  ['user', BY_USER],
  ['api_key', BY_USER],
  ['model', SPEND],
])(
  'by %s: one request of two instant queries (current top 10 + total, previous by offset)',
  async (dimension, series) => {
    const scene = sceneOver30Days();
    (scene.state.$variables!.state.variables[0] as CustomVariable).changeValueTo(dimension);
    const { runner } = parts(scene);
    const deactivate = runner.activate();
    await flush();
    expect(requests).toHaveLength(1);
    expect(requests[0].range.to.valueOf()).toBe(END);
    expect(requests[0].targets.map((t) => [t.refId, (t as unknown as { expr: string }).expr])).toEqual([
      ['current', `topk(10, ${now(dimension, series)}) or ${total(now(dimension, series))}`],
      [
        'previous',
        `(${before(dimension, series)} and on (${dimension}) topk(10, ${now(dimension, series)})) or ${total(before(dimension, series))}`,
      ],
    ]);
    deactivate();
  }
);

test('changing the dimension runs the two queries once more; the same range and filters run nothing', async () => {
  const scene = sceneOver30Days();
  const { runner } = parts(scene);
  const deactivate = runner.activate();
  await flush();
  const provider = scene.state.$variables!.state.variables[1];
  provider.publishEvent(new SceneVariableValueChangedEvent(provider), true);
  await flush();
  expect(requests).toHaveLength(1);
  (scene.state.$variables!.state.variables[0] as CustomVariable).changeValueTo('model');
  await flush();
  expect(requests).toHaveLength(2);
  expect((requests[1].targets[0] as unknown as { expr: string }).expr).toContain('sum by (model)');
  deactivate();
});

function frame(refId: string, labels: Record<string, string>, value: number) {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [END] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });
}

test('the table: rank 1 is the largest spender, linked to its drilldown with the range and filters; Others and the total below', async () => {
  answer = () => [
    frame('current', { team: 'research' }, 3784.17),
    frame('current', { team: 'data-science' }, 5620.5),
    frame('current', {}, 144.69),
    frame('current', { aispend_total: 'true' }, 9549.36),
    frame('previous', { team: 'data-science' }, 215.25),
    frame('previous', { aispend_total: 'true' }, 431.8),
  ];
  const scene = sceneOver30Days();
  const { runner, table } = parts(scene);
  const deactivate = runner.activate();
  await flush();
  render(
    <MemoryRouter initialEntries={['/a/aispend-finops-app/top-spenders?from=1&to=2&var-team=x&role=Viewer']}>
      <table.Component model={table} />
    </MemoryRouter>
  );
  const first = screen.getByTestId(testIds.topSpenders.spender(1));
  expect(first).toHaveTextContent('data-science');
  expect(within(first).getByRole('link')).toHaveAttribute(
    'href',
    '/a/aispend-finops-app/top-spenders/team/data-science?from=1&to=2&var-team=x'
  );
  expect(screen.getByTestId(testIds.topSpenders.spend(1))).toHaveTextContent('$5,620.50');
  expect(screen.getByTestId(testIds.topSpenders.change(1))).toHaveTextContent('+$5,405.25');
  expect(screen.getByTestId(testIds.topSpenders.spender(3))).toHaveTextContent('(no team)');
  expect(within(screen.getByTestId(testIds.topSpenders.spender(3))).getByRole('link')).toHaveAttribute(
    'href',
    '/a/aispend-finops-app/top-spenders/team/-?from=1&to=2&var-team=x'
  );
  expect(screen.getByTestId(testIds.topSpenders.total)).toHaveTextContent('$9,549.36');
  expect(screen.queryByText('Others')).toBeNull();
  deactivate();
  answer = () => [];
});

test.each<[string, CoverageReading, string[], string | null]>([
  [
    'a previous period of 1 of 30 days (issue 14): no percentage for anyone, the sentence once',
    { state: 'known', periods: [covered('current', 30), covered('previous', 1)] },
    ['—', '—'],
    'previous period has data for 1 of 30 days: changes in USD only, no percentages.',
  ],
  [
    'both periods full: the percentage, and "new" for a spender with nothing before',
    { state: 'known', periods: [covered('current', 30), covered('previous', 30)] },
    ['+2,511.1 %', 'new'],
    null,
  ],
])('the change in percent: %s', async (_name, reading, percentCells, sentence) => {
  answer = () => [
    frame('current', { team: 'data-science' }, 5620.5),
    frame('current', { team: 'research' }, 3784.17),
    frame('current', { aispend_total: 'true' }, 9404.67),
    frame('previous', { team: 'data-science' }, 215.25),
    frame('previous', { aispend_total: 'true' }, 215.25),
  ];
  const scene = sceneOver30Days();
  const coverage = scene.state.$behaviors!.find((b) => b instanceof CoverageProvider) as CoverageProvider;
  coverage.setState({ reading });
  const { runner, table } = parts(scene);
  const deactivate = runner.activate();
  await flush();
  renderTable(table);
  const cells = [1, 2].map((rank) => screen.getByTestId(testIds.topSpenders.changePercent(rank)).textContent);
  expect(cells).toEqual(percentCells);
  if (sentence) {
    expect(screen.getByTestId(testIds.topSpenders.coverage)).toHaveTextContent(sentence);
    expect(screen.getByTestId(testIds.topSpenders.table).textContent).not.toMatch(/[+−-][\d,.]+ %/);
  } else {
    expect(screen.queryByTestId(testIds.topSpenders.coverage)).toBeNull();
  }
  deactivate();
  answer = () => [];
});

test('top spenders refused over --query.max-samples: an error naming the query and the limit, no rows and no "no spend"', async () => {
  refusal = 'query processing would load too many samples into memory in query execution';
  const { runner, table } = parts(sceneOver30Days());
  const deactivate = runner.activate();
  await flush();
  renderTable(table);
  const alert = screen.getByRole('alert');
  // the PromQL, cut where it is long
  expect(alert).toHaveTextContent(
    `Prometheus refused "Top 10 teams" (${(requests[0].targets[0] as PrometheusTarget).expr.slice(0, 60)}`
  );
  expect(alert).toHaveTextContent(
    '): it would load more samples than --query.max-samples allows (50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.'
  );
  expect(screen.queryByTestId(testIds.topSpenders.spender(1))).toBeNull();
  expect(screen.queryByText(/No spend recorded/)).toBeNull();
  deactivate();
});
