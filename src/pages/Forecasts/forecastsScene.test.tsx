import React from 'react';
import { act, render, screen } from '@testing-library/react';
import {
  AppRootProps,
  createDataFrame,
  DataQueryRequest,
  dateTime,
  FieldType,
  LoadingState,
  PanelData,
} from '@grafana/data';
import { config, DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import {
  EmbeddedScene,
  SceneDataTransformer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';
import { of } from 'rxjs';
import { testIds } from '../../components/testIds';
import { TrailingTimeRange } from '../../scenes/trailingTimeRange';
import type { PrometheusTarget } from '../../scenes/prometheusTargets';
import { PluginPropsContext } from '../../utils/utils.plugin';
import { AnomalySection } from './AnomalySection';
import { ForecastTable } from './ForecastTable';
import { forecastsScene } from './forecastsScene';

const datasources = {
  kpi: { uid: 'kpi', type: 'aispend-kpi-datasource' },
  prometheus: { uid: 'prom', type: 'prometheus' },
};
const END = Date.UTC(2026, 9, 29, 12);
const DAY_MS = 86_400_000;
const requests: DataQueryRequest[] = [];
let answer: (request: DataQueryRequest) => PanelData['series'] = () => [];
/** Prometheus' error for the request's first query, instead of an answer */
let refusal: string | undefined;

beforeAll(() => {
  setDataSourceSrv({
    get: async () => ({ uid: 'prom', type: 'prometheus', getRef: () => datasources.prometheus }),
    getInstanceSettings: () => undefined,
  } as unknown as DataSourceSrv);
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
  answer = () => [];
  refusal = undefined;
});

function parts(scene: EmbeddedScene) {
  const [forecastRow, anomalyItem] = (scene.state.body as SceneFlexLayout).state.children as [
    SceneFlexLayout,
    SceneFlexItem,
  ];
  const [table, chart] = (forecastRow.state.children as SceneFlexItem[]).map((i) => i.state.body);
  const data = forecastRow.state.$data as SceneDataTransformer;
  return {
    data,
    runner: data.state.$data as SceneQueryRunner,
    table: table as ForecastTable,
    chart: chart as VizPanel,
    anomalies: anomalyItem.state.body as AnomalySection,
  };
}

function sceneAt(endMs: number) {
  const scene = forecastsScene(datasources);
  (scene.state.$timeRange as SceneTimeRange).onTimeRangeChange({
    from: dateTime(endMs - 30 * DAY_MS),
    to: dateTime(endMs),
    raw: { from: dateTime(endMs - 30 * DAY_MS), to: dateTime(endMs) },
  });
  return scene;
}

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

test('the forecast table and chart share one runner on the 30 days before the page end; the anomalies have their own', () => {
  const { runner, table, chart, anomalies } = parts(forecastsScene(datasources));
  expect(runner.state.datasource).toEqual(datasources.prometheus);
  expect(runner.state.$timeRange).toBeInstanceOf(TrailingTimeRange);
  expect((runner.state.$timeRange as TrailingTimeRange).state).toMatchObject({ days: 30 });
  expect(table).toBeInstanceOf(ForecastTable);
  expect(chart.state.pluginId).toBe('timeseries');
  expect(anomalies.state.$data.state.datasource).toEqual(datasources.prometheus);
});

test('the chart runs to the end of the month; bars stacked by model, the forecast a dashed line on top', () => {
  const { chart } = parts(forecastsScene(datasources));
  expect((chart.state.$timeRange as TrailingTimeRange).state).toMatchObject({ days: 30, throughMonthEnd: true });
  expect(chart.state.fieldConfig.defaults).toMatchObject({
    unit: 'currency:financial:$',
    min: 0,
    custom: expect.objectContaining({ drawStyle: 'bars', stacking: { mode: 'normal', group: 'A' } }),
  });
  expect(chart.state.fieldConfig.overrides).toEqual([
    {
      matcher: { id: 'byName', options: 'Forecast (all models)' },
      properties: [
        { id: 'custom.drawStyle', value: 'line' },
        { id: 'custom.stacking', value: { mode: 'none', group: 'A' } },
        { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } },
        { id: 'custom.lineWidth', value: 2 },
        { id: 'custom.fillOpacity', value: 0 },
        { id: 'custom.showPoints', value: 'never' },
        { id: 'color', value: { mode: 'fixed', fixedColor: 'text' } },
      ],
    },
  ]);
});

test('forecast: one request, daily spend by model over the 30 days to the page end and spend this month', async () => {
  const scene = sceneAt(END);
  const { data } = parts(scene);
  const deactivate = data.activate();
  const runnerOff = (data.state.$data as SceneQueryRunner).activate();
  await flush();
  expect(requests).toHaveLength(1);
  expect(requests[0].range.from.valueOf()).toBe(END - 30 * DAY_MS);
  expect(requests[0].range.to.valueOf()).toBe(END);
  expect(requests[0].targets).toEqual([
    expect.objectContaining({
      refId: 'daily',
      range: true,
      interval: '86400s',
      expr: 'sum by (model) (sum_over_time(aigateway:spend_usd:increase1m[86399999ms]))',
    }),
    expect.objectContaining({
      refId: 'monthToDate',
      instant: true,
      expr: 'sum by (model) (sum_over_time(aigateway:spend_usd:increase1m[2462399999ms]))',
    }),
  ]);
  runnerOff();
  deactivate();
});

function props(jsonData: object): AppRootProps {
  return { meta: { jsonData } } as unknown as AppRootProps;
}

function renderAnomalies(section: AnomalySection, jsonData: object) {
  return render(
    <PluginPropsContext.Provider value={props(jsonData)}>
      <section.Component model={section} />
    </PluginPropsContext.Provider>
  );
}

test('anomalies: the sigma of the app settings goes into the one query; none runs before the settings are read', async () => {
  const scene = sceneAt(END);
  const { anomalies } = parts(scene);
  const deactivate = anomalies.state.$data.activate();
  await flush();
  expect(requests).toHaveLength(0);
  renderAnomalies(anomalies, { anomalySigma: 2.5, profile: 'otel' });
  await flush();
  expect(requests).toHaveLength(1);
  expect(requests[0].targets).toHaveLength(1);
  expect((requests[0].targets[0] as unknown as { expr: string }).expr).toContain(
    '> 2.5 * aigateway:spend_daily:model_team:stddev_over_time30d'
  );
  expect(screen.getByTestId(testIds.forecasts.sigma)).toHaveTextContent('Threshold: 2.5 σ');
  deactivate();
});

function anomalyFrame(labels: Record<string, string>, value: number) {
  return createDataFrame({
    refId: 'anomalies',
    fields: [
      { name: 'Time', type: FieldType.time, values: [END] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });
}

test.each<[string, PanelData['series'], string, string]>([
  [
    'rules not loaded: says which file to load',
    [],
    testIds.forecasts.anomalyRulesMissing,
    'provisioning/prometheus/rules/otel.rules.yaml',
  ],
  [
    'no anomalies: says so with the threshold',
    [anomalyFrame({ aispend_measure: 'baselineDays' }, 30)],
    testIds.forecasts.noAnomalies,
    'within 3 σ',
  ],
  [
    'anomalies: model, team, rate, baseline, deviation',
    [
      anomalyFrame({ aispend_measure: 'baselineDays' }, 30),
      ...Object.entries({ current: 90, baseline: 30, stddev: 5, days: 30, detectedAt: END / 1000 }).map(([m, v]) =>
        anomalyFrame({ model: 'claude-sonnet-4', team: 'marketing', provider: 'anthropic', aispend_measure: m }, v)
      ),
    ],
    testIds.forecasts.anomalies,
    'claude-sonnet-4marketinganthropic$90.00$30.00+200.0 %12.02026-10-29 12:00:00',
  ],
])('anomalies, %s', async (_name, series, testId, text) => {
  answer = () => series;
  const scene = sceneAt(END);
  const { anomalies } = parts(scene);
  const deactivate = anomalies.state.$data.activate();
  renderAnomalies(anomalies, { profile: 'otel' });
  await flush();
  expect(screen.getByTestId(testId)).toHaveTextContent(text);
  deactivate();
});

test.each<[string, boolean]>([
  ['Admin', true],
  ['Viewer', false],
])('%s: a link to change the threshold in the app configuration = %p', async (role, link) => {
  const original = config.bootData.user.orgRole;
  config.bootData.user.orgRole = role as typeof original;
  const { anomalies } = parts(sceneAt(END));
  renderAnomalies(anomalies, {});
  expect(Boolean(screen.queryByRole('link', { name: /change threshold/i }))).toBe(link);
  config.bootData.user.orgRole = original;
});

function dailyFrame(model: string, values: number[]) {
  return createDataFrame({
    refId: 'daily',
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => END - (values.length - 1 - i) * DAY_MS) },
      { name: 'Value', type: FieldType.number, values, labels: { model } },
    ],
  });
}

test('the forecast table: projected month-end and trend per model, all models in the footer', async () => {
  answer = (request) =>
    request.targets[0].refId === 'daily'
      ? [
          dailyFrame('rising', [10, 10, 10, 10, 15, 20, 25, 30, 35, 40]),
          dailyFrame('flat', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
          createDataFrame({
            refId: 'monthToDate',
            fields: [
              { name: 'Time', type: FieldType.time, values: [END] },
              { name: 'Value', type: FieldType.number, values: [400], labels: { model: 'rising' } },
            ],
          }),
        ]
      : [];
  const scene = sceneAt(END);
  const { data, table } = parts(scene);
  const deactivate = data.activate();
  const runnerOff = (data.state.$data as SceneQueryRunner).activate();
  await flush();
  render(<table.Component model={table} />);
  // 2.5 days left in October: 400 + 40 × 2.5; the flat model spent nothing this month (no series): 0 + 5 × 2.5
  expect(screen.getByTestId(testIds.forecasts.projected('rising'))).toHaveTextContent('$500.00');
  expect(screen.getByTestId(testIds.forecasts.trend('rising'))).toHaveTextContent('↗ increasing');
  expect(screen.getByTestId(testIds.forecasts.projected('flat'))).toHaveTextContent('$12.50');
  expect(screen.getByTestId(testIds.forecasts.trend('flat'))).toHaveTextContent('→ stable (0.0 %/day)');
  expect(screen.getByText('All models').closest('tr')).toHaveTextContent('All models$400.00$45.00$512.50');
  runnerOff();
  deactivate();
});

test('the forecast refused over --query.max-samples: an error naming the query and the limit, no rows', async () => {
  refusal = 'query processing would load too many samples into memory in query execution';
  const { data, table } = parts(sceneAt(END));
  const deactivate = data.activate();
  const runnerOff = (data.state.$data as SceneQueryRunner).activate();
  await flush();
  render(<table.Component model={table} />);
  expect(screen.getByRole('alert')).toHaveTextContent(
    `Prometheus refused "Daily spend by model" (${(requests[0].targets[0] as PrometheusTarget).expr}): it would load more samples than ` +
      '--query.max-samples allows (50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.'
  );
  expect(screen.queryByText('All models')).not.toBeInTheDocument();
  runnerOff();
  deactivate();
});
