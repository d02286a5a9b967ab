import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import type { ModelForecast } from '../../analysis/forecast';
import {
  dailyPointsByModel,
  FORECAST_SERIES,
  forecastFrame,
  forecastsFromFrames,
  forecastTargets,
  forecastTotals,
  REF_DAILY,
  REF_FORECAST,
  REF_MONTH_TO_DATE,
  withForecastFrame,
} from './forecastView';

const DAY_MS = 86_400_000;
/** 2026-10-29 12:00 UTC: 2.5 days left in October */
const NOW = Date.UTC(2026, 9, 29, 12);
const SPEND = 'aigateway:spend_usd:increase1m';

test.each<[string, object, string, string]>([
  ['no filters', {}, '', ''],
  ['filters on both queries', { team: ['a'] }, '{team="a"}', '{team="a"}'],
])(
  'forecastTargets, %s: daily spend by model (1-day step), spend this month by model',
  (_name, filters, dailyMatchers, mtdMatchers) => {
    expect(forecastTargets(NOW, filters)).toEqual([
      {
        refId: 'daily',
        expr: `sum by (model) (sum_over_time(${SPEND}${dailyMatchers}[86399999ms]))`,
        instant: false,
        range: true,
        interval: '86400s',
        legendFormat: '{{model}}',
        editorMode: 'code',
      },
      {
        refId: 'monthToDate',
        // 28.5 days since 2026-10-01 00:00
        expr: `sum by (model) (sum_over_time(${SPEND}${mtdMatchers}[2462399999ms]))`,
        instant: true,
        range: false,
        editorMode: 'code',
      },
    ]);
  }
);

function dailyFrame(model: string | undefined, values: Array<number | null>): DataFrame {
  const times = values.map((_, i) => NOW - (values.length - 1 - i) * DAY_MS);
  return createDataFrame({
    refId: REF_DAILY,
    fields: [
      { name: 'Time', type: FieldType.time, values: times },
      { name: 'Value', type: FieldType.number, values, labels: model === undefined ? {} : { model } },
    ],
  });
}

function mtdFrame(model: string, value: number): DataFrame {
  return createDataFrame({
    refId: REF_MONTH_TO_DATE,
    fields: [
      { name: 'Time', type: FieldType.time, values: [NOW] },
      { name: 'Value', type: FieldType.number, values: [value], labels: { model } },
    ],
  });
}

test('daily points by model: seconds, nulls dropped, no model label is ""', () => {
  const points = dailyPointsByModel([dailyFrame('a', [1, null, 3]), dailyFrame(undefined, [5]), mtdFrame('a', 9)]);
  expect(points).toEqual(
    new Map([
      [
        'a',
        [
          { timeSec: (NOW - 2 * DAY_MS) / 1000, value: 1 },
          { timeSec: NOW / 1000, value: 3 },
        ],
      ],
      ['', [{ timeSec: NOW / 1000, value: 5 }]],
    ])
  );
});

test('forecasts from frames: the 7-day fit of 30 days of points, month to date, projection', () => {
  // 30 days at 10/day, the last 7 rising 10 … 40 by 5/day
  const flat = Array.from({ length: 23 }, () => 10);
  const frames = [dailyFrame('m', [...flat, 10, 15, 20, 25, 30, 35, 40]), mtdFrame('m', 400)];
  const [f] = forecastsFromFrames(frames, NOW);
  expect(f.model).toBe('m');
  expect(f.days).toBe(7);
  expect(f.slopePerDay).toBeCloseTo(5, 10);
  expect(f.forecastDailyRate).toBeCloseTo(40, 10);
  expect(f.trend).toBe('increasing');
  expect(f.monthToDate).toBe(400);
  expect(f.projectedMonthEnd).toBeCloseTo(400 + 40 * 2.5, 10);
});

const forecast = (model: string, monthToDate: number, forecastDailyRate: number, projectedMonthEnd: number) =>
  ({ model, monthToDate, forecastDailyRate, projectedMonthEnd }) as ModelForecast;

test('totals add up every model', () => {
  expect(forecastTotals([forecast('a', 10, 2, 15), forecast('b', 1, 0.5, 2.25)])).toEqual({
    monthToDate: 11,
    forecastDailyRate: 2.5,
    projectedMonthEnd: 17.25,
  });
});

test('forecast series: the summed daily rate from now, one point a day, the last at month end', () => {
  const frame = forecastFrame([forecast('a', 10, 2, 15), forecast('b', 1, 0.5, 2.25)], NOW);
  expect(frame.refId).toBe(REF_FORECAST);
  expect(frame.fields[0].values).toEqual([NOW, NOW + DAY_MS, NOW + 2 * DAY_MS, Date.UTC(2026, 10, 1)]);
  expect(frame.fields[1].values).toEqual([2.5, 2.5, 2.5, 2.5]);
  expect(frame.fields[1].config.displayNameFromDS).toBe(FORECAST_SERIES);
});

test.each<[string, DataFrame[], string[]]>([
  [
    'spend: the forecast comes last',
    [dailyFrame('a', [1, 2]), mtdFrame('a', 3)],
    [REF_DAILY, REF_MONTH_TO_DATE, REF_FORECAST],
  ],
  ['nothing spent: no forecast series', [], []],
])('withForecastFrame, %s', (_name, frames, refIds) => {
  expect(withForecastFrame(frames, NOW).map((f) => f.refId)).toEqual(refIds);
});
