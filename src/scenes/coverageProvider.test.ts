import { createDataFrame, DataQueryRequest, dateTime, FieldType, LoadingState, PanelData } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import { EmbeddedScene, SceneFlexLayout, SceneReactObject, SceneTimeRange } from '@grafana/scenes';
import { of } from 'rxjs';
import type { CoverageReading } from '../analysis/coverage';
import { COVERAGE_REF, CoverageProvider, findCoverageProvider, readingOf } from './coverageProvider';

const END = Date.UTC(2026, 9, 31, 12);
const DAY_MS = 86_400_000;
const requests: DataQueryRequest[] = [];
let answer: () => PanelData['series'] = () => [];

beforeAll(() => {
  setDataSourceSrv({
    get: async () => ({ uid: 'prom', type: 'prometheus', getRef: () => ({ uid: 'prom' }) }),
  } as unknown as DataSourceSrv);
  setRunRequest((_ds, request) => {
    requests.push(request);
    return of({ state: LoadingState.Done, series: answer(), timeRange: request.range, request });
  });
});

beforeEach(() => {
  requests.length = 0;
  answer = () => [];
});

const range = (fromMs: number, toMs: number) => {
  const [from, to] = [dateTime(fromMs), dateTime(toMs)];
  return { from, to, raw: { from, to } };
};

function frame(period: string, steps: number) {
  return createDataFrame({
    refId: COVERAGE_REF,
    fields: [
      { name: 'Time', type: FieldType.time, values: [END] },
      { name: 'Value', type: FieldType.number, values: [steps], labels: { aispend_period: period } },
    ],
  });
}

function data(
  state: LoadingState,
  series = [frame('current', 720), frame('previous', 24)],
  errors?: PanelData['errors']
): PanelData {
  const timeRange = range(END - 30 * DAY_MS, END);
  const targets = [{ refId: COVERAGE_REF, expr: 'count_over_time(x[30d])' }];
  return { state, series, errors, timeRange, request: { range: timeRange, targets } as unknown as DataQueryRequest };
}

const known: CoverageReading = { state: 'known', periods: [] };
const DAY = 86400;

test.each<[string, PanelData | undefined, CoverageReading, CoverageReading]>([
  ['nothing yet: checking', undefined, { state: 'checking' }, { state: 'checking' }],
  ['loading again: the known reading stays', data(LoadingState.Loading), known, known],
  [
    'an error: failed, with its message',
    data(LoadingState.Error, [], [{ message: 'Prometheus returned HTTP 503' }]),
    known,
    { state: 'failed', message: 'Prometheus returned HTTP 503' },
  ],
  [
    'refused over --query.max-samples: failed, naming the query and the limit',
    data(
      LoadingState.Error,
      [],
      [{ refId: COVERAGE_REF, message: 'query processing would load too many samples into memory in query execution' }]
    ),
    known,
    {
      state: 'failed',
      message:
        'Prometheus refused "Data coverage" (count_over_time(x[30d])): it would load more samples than --query.max-samples allows (50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.',
    },
  ],
  [
    'done: each period of the request range',
    data(LoadingState.Done),
    { state: 'checking' },
    {
      state: 'known',
      periods: [
        { period: 'current', spanSeconds: 30 * DAY, coveredSeconds: 30 * DAY, ratio: 1, complete: true },
        { period: 'previous', spanSeconds: 30 * DAY, coveredSeconds: DAY, ratio: 1 / 30, complete: false },
      ],
    },
  ],
])('readingOf: %s', (_name, panelData, before, expected) => {
  expect(readingOf(panelData, { periods: 2 }, before)).toEqual(expected);
});

function scene(provider: CoverageProvider) {
  const child = new SceneReactObject({ component: () => null });
  const embedded = new EmbeddedScene({
    $timeRange: new SceneTimeRange({
      from: new Date(END - 30 * DAY_MS).toISOString(),
      to: new Date(END).toISOString(),
      value: range(END - 30 * DAY_MS, END),
    }),
    $behaviors: [provider],
    body: new SceneFlexLayout({ children: [child] }),
  });
  return { embedded, child };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a behaviour of the page: one instant query when the page opens, and the reading every part of the page finds', async () => {
  answer = () => [frame('current', 720), frame('previous', 24)];
  const provider = new CoverageProvider({ uid: 'prom', type: 'prometheus' }, { periods: 2 });
  const { embedded, child } = scene(provider);
  const off = embedded.activate();
  await flush();
  expect(requests).toHaveLength(1);
  expect(requests[0].range.to.valueOf()).toBe(END);
  expect(requests[0].targets).toEqual([
    expect.objectContaining({
      refId: COVERAGE_REF,
      instant: true,
      expr: expect.stringMatching(
        /^label_replace\(count_over_time\(group\(present_over_time\(aigateway:requests:increase1m/
      ),
    }),
  ]);
  expect(findCoverageProvider(child)).toBe(provider);
  expect(provider.state.reading).toMatchObject({
    state: 'known',
    periods: [{ complete: true }, { complete: false, coveredSeconds: DAY }],
  });
  off();
});

test('the burn window: 7 days ending at the range end, one period', async () => {
  const provider = new CoverageProvider({ uid: 'prom', type: 'prometheus' }, { periods: 1, trailingDays: 7 });
  const off = scene(provider).embedded.activate();
  await flush();
  expect((requests[0].targets[0] as unknown as { expr: string }).expr).toBe(
    'label_replace(count_over_time(group(present_over_time(aigateway:requests:increase1m[3599999ms]))[604799999ms:3600s]), "aispend_period", "current", "", "")'
  );
  expect(provider.state.reading).toMatchObject({ state: 'known', periods: [{ period: 'current', coveredSeconds: 0 }] });
  off();
});
