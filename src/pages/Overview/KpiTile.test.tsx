import React from 'react';
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { createDataFrame, DataQueryRequest, dateTime, FieldType, LoadingState, PanelData } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout, SceneTimeRange } from '@grafana/scenes';
import { of } from 'rxjs';
import { testIds } from '../../components/testIds';
import { findStandardKpi } from '../../engine/catalog';
import { COVERAGE_REF, CoverageProvider } from '../../scenes/coverageProvider';
import { KpiTile } from './KpiTile';
import { TILE_REF } from './tileModel';

const END = Date.UTC(2026, 9, 31, 12);
const DAY_MS = 86_400_000;
const KPI_DS = { uid: 'kpi', type: 'aispend-kpi-datasource' };
const PROM = { uid: 'prom', type: 'prometheus' };

/** Hours with data per period, as the coverage query answers. */
let hoursWithData: Record<string, number> = {};
/** The tile's three queries: this period, the previous one, the trend. */
const KPI_VALUES: Record<string, number[]> = { [TILE_REF.value]: [26379], [TILE_REF.previous]: [998], [TILE_REF.trend]: [800, 900] };

function frame(refId: string, values: number[], labels: Record<string, string> = {}) {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => END - i * DAY_MS) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });
}

function answer(request: DataQueryRequest): PanelData['series'] {
  return request.targets.flatMap((t) =>
    t.refId === COVERAGE_REF
      ? Object.entries(hoursWithData).map(([period, hours]) => frame(COVERAGE_REF, [hours], { aispend_period: period }))
      : [frame(t.refId, KPI_VALUES[t.refId])]
  );
}

beforeAll(() => {
  setDataSourceSrv({
    get: async (ref: { uid: string }) => ({ ...ref, getRef: () => ref }),
    getInstanceSettings: () => undefined,
  } as unknown as DataSourceSrv);
  setRunRequest((_ds, request) => of({ state: LoadingState.Done, series: answer(request), timeRange: request.range, request }));
});

function tileOnPage(kpiId: string) {
  const tile = new KpiTile(findStandardKpi(kpiId)!, KPI_DS);
  const [from, to] = [dateTime(END - 30 * DAY_MS), dateTime(END)];
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: from.toISOString(), to: to.toISOString(), value: { from, to, raw: { from, to } } }),
    $behaviors: [new CoverageProvider(PROM, { periods: 3 })],
    body: new SceneFlexLayout({ children: [new SceneFlexItem({ body: tile })] }),
  });
  const off = scene.activate();
  return { tile, off };
}

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function renderTile(kpiId: string) {
  const { tile, off } = tileOnPage(kpiId);
  render(
    <MemoryRouter>
      <tile.Component model={tile} />
    </MemoryRouter>
  );
  await flush();
  return off;
}

test.each([
  ['total_spend', '$26,379.00'],
  ['mom_growth', '—'],
])(
  '%s with a previous period of 1 of 30 days (issue 14): value %s, no percentage, the sentence instead',
  async (kpiId, value) => {
    hoursWithData = { current: 720, previous: 24 };
    const off = await renderTile(kpiId);
    expect(screen.getByTestId(testIds.overview.tileValue(kpiId))).toHaveTextContent(value);
    const change = screen.getByTestId(testIds.overview.tileChange(kpiId));
    expect(change).toHaveTextContent('previous period has data for 1 of 30 days');
    expect(screen.getByTestId(testIds.overview.tile(kpiId)).textContent).not.toContain('%');
    off();
  }
);

test('with every period full: the change as a percentage', async () => {
  hoursWithData = { current: 720, previous: 720, before_previous: 720 };
  const off = await renderTile('total_spend');
  expect(screen.getByTestId(testIds.overview.tileChange('total_spend'))).toHaveTextContent(/^2,?543.2 % vs previous period$/);
  off();
});

describe('the change line states a missing previous period only when the queries answered', () => {
  afterEach(() =>
    setRunRequest((_ds, request) => of({ state: LoadingState.Done, series: answer(request), timeRange: request.range, request }))
  );

  test.each<[string, Partial<PanelData>, string]>([
    ['loading', { state: LoadingState.Loading, series: [] }, ''],
    ['failed', { state: LoadingState.Error, series: [], errors: [{ message: 'Prometheus: query timed out' }] }, ''],
    ['answered without a previous period', { state: LoadingState.Done }, 'no previous period to compare'],
  ])('%s', async (_name, reply, expected) => {
    hoursWithData = { current: 720, previous: 720, before_previous: 720 };
    setRunRequest((_ds, request) => {
      const done = { state: LoadingState.Done, timeRange: request.range, request };
      return request.targets.some((t) => t.refId === COVERAGE_REF)
        ? of({ ...done, series: answer(request) })
        : of({ ...done, series: answer(request).filter((f) => f.refId !== TILE_REF.previous), ...reply } as PanelData);
    });
    const off = await renderTile('total_spend');
    expect(screen.getByTestId(testIds.overview.tileChange('total_spend')).textContent).toBe(expected);
    off();
  });
});
