import { createDataFrame, FieldType, LoadingState, type PanelData } from '@grafana/data';
import type { ChargebackQuery } from '../../chargeback/types';
import { answerOf, queryGroups, reportDataOf, requestOf } from './reportQueries';

const END = Date.UTC(2026, 11, 1) / 1000;
const START = Date.UTC(2026, 10, 1) / 1000;
const DAY = 86400;

const instant = (id: ChargebackQuery['id'], timeSec: number): ChargebackQuery => ({
  id,
  kind: 'instant',
  expr: `${id}_expr`,
  timeSec,
});
const range = (id: ChargebackQuery['id'], startSec: number, endSec: number): ChargebackQuery => ({
  id,
  kind: 'range',
  expr: `${id}_expr`,
  startSec,
  endSec,
  stepSec: DAY,
});

test.each<[string, ChargebackQuery[], Array<[number, number, string[]]>]>([
  ['nothing', [], []],
  [
    'instants at the period end and at the previous end, a daily range: three requests',
    [
      instant('total', END),
      instant('previousTotal', START),
      instant('teams', END),
      range('daily', START, END),
      range('dailyCoverage', START, END),
    ],
    [
      [END, END, ['total', 'teams']],
      [START, START, ['previousTotal']],
      [START, END, ['daily', 'dailyCoverage']],
    ],
  ],
  [
    'ranges over different spans stay apart',
    [range('daily', START, END), range('forecastDaily', END - 6 * DAY, END)],
    [
      [START, END, ['daily']],
      [END - 6 * DAY, END, ['forecastDaily']],
    ],
  ],
])('queryGroups: %s', (_name, queries, expected) => {
  expect(queryGroups(queries).map((g) => [g.fromSec, g.toSec, g.queries.map((q) => q.id)])).toEqual(expected);
});

test('an instant request ends at its time; a range request spans its days with the step as minimum interval', () => {
  const prometheus = { uid: 'prom', type: 'prometheus' };
  const [instants, ranges] = queryGroups([instant('total', END), range('daily', START, END)]).map((g) =>
    requestOf(g, prometheus)
  );
  expect(instants.range.to.valueOf()).toBe(END * 1000);
  expect(instants.range.from.valueOf()).toBeLessThan(END * 1000);
  expect(instants.targets).toEqual([
    { refId: 'total', expr: 'total_expr', instant: true, range: false, editorMode: 'code', datasource: prometheus },
  ]);
  expect([ranges.range.from.valueOf(), ranges.range.to.valueOf()]).toEqual([START * 1000, END * 1000]);
  expect(ranges.targets[0]).toMatchObject({ refId: 'daily', instant: false, range: true, interval: '86400s' });
  expect(ranges.intervalMs).toBe(DAY * 1000);
  expect(ranges.timezone).toBe('utc');
  expect(instants.requestId).not.toBe(ranges.requestId);
});

const seriesFrame = (refId: string, labels: Record<string, string>, points: Array<[number, number | null]>) =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: points.map(([t]) => t * 1000) },
      { name: 'Value', type: FieldType.number, values: points.map(([, v]) => v), labels },
    ],
  });

test('answers: an instant query as labeled values, a range query as series of points (gaps dropped), other refIds ignored', () => {
  const frames = [
    seriesFrame('teams', { team: 'research' }, [[END, 12.5]]),
    seriesFrame('teams', {}, [[END, 1.25]]),
    seriesFrame('daily', {}, [
      [START + DAY, 3],
      [START + 2 * DAY, null],
      [START + 3 * DAY, 4],
    ]),
  ];
  expect(answerOf(instant('teams', END), frames)).toEqual({
    kind: 'instant',
    values: [
      { labels: { team: 'research' }, value: 12.5 },
      { labels: {}, value: 1.25 },
    ],
  });
  expect(answerOf(range('daily', START, END), frames)).toEqual({
    kind: 'range',
    series: [
      {
        labels: {},
        points: [
          { timeSec: START + DAY, value: 3 },
          { timeSec: START + 3 * DAY, value: 4 },
        ],
      },
    ],
  });
  expect(answerOf(instant('models', END), frames)).toEqual({ kind: 'instant', values: [] });
});

const panel = (state: LoadingState, series = [] as PanelData['series'], message?: string): PanelData =>
  ({ state, series, errors: message ? [{ message }] : undefined }) as PanelData;

/** A request of the `teams` query that Prometheus refused, as Grafana answers it. */
const refusedTeams = {
  state: LoadingState.Error,
  series: [],
  errors: [{ refId: 'teams', message: 'query processing would load too many samples into memory in query execution' }],
  request: { targets: [{ refId: 'teams', expr: 'teams_expr' }] },
} as unknown as PanelData;

test.each<[string, PanelData[], LoadingState, unknown]>([
  [
    'one request still loading',
    [panel(LoadingState.Done), panel(LoadingState.Loading)],
    LoadingState.Loading,
    undefined,
  ],
  [
    'a failed request: its error, once per message',
    [
      panel(LoadingState.Error, [], 'bad_data: parse error'),
      panel(LoadingState.Error, [], 'bad_data: parse error'),
      panel(LoadingState.Loading),
    ],
    LoadingState.Error,
    { errors: ['bad_data: parse error'] },
  ],
  [
    'a query refused over --query.max-samples: the query and the limit',
    [panel(LoadingState.Done), refusedTeams],
    LoadingState.Error,
    {
      errors: [
        'Prometheus refused "Chargeback report: teams" (teams_expr): it would load more samples than --query.max-samples allows (50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.',
      ],
    },
  ],
  [
    'all answered: every query has its answer, empty ones included',
    [panel(LoadingState.Done, [seriesFrame('total', {}, [[END, 9]])])],
    LoadingState.Done,
    {
      results: {
        total: { kind: 'instant', values: [{ labels: {}, value: 9 }] },
        teams: { kind: 'instant', values: [] },
      },
    },
  ],
])('reportDataOf: %s', (_name, panels, state, rest) => {
  const data = reportDataOf([instant('total', END), instant('teams', END)], panels);
  expect(data.state).toBe(state);
  if (rest) {
    expect(data).toMatchObject(rest as object);
  }
});
