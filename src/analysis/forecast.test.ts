/** @jest-environment node */
import { daysLeftInMonth, DailyPoint, forecastByModel, forecastModel, forecastQueries, ModelForecast, utcMonthOf } from './forecast';

const DAY = 86400;
const utc = (...parts: [number, number, number, number?]) => Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0) / 1000;
/** 2026-11-23 12:00 UTC: 7.5 days left in November */
const NOW = utc(2026, 11, 23, 12);
/** values at now − (n−1) d … now */
const daily = (values: number[], now = NOW): DailyPoint[] => values.map((value, i) => ({ timeSec: now - (values.length - 1 - i) * DAY, value }));

test.each<[string, number, number, number, number]>([
  ['mid-month', NOW, utc(2026, 11, 1), utc(2026, 12, 1), 7.5],
  ['last hour of October', utc(2026, 10, 31, 23), utc(2026, 10, 1), utc(2026, 11, 1), 1 / 24],
  ['first second of November', utc(2026, 11, 1), utc(2026, 11, 1), utc(2026, 12, 1), 30],
  ['leap February', utc(2028, 2, 28, 12), utc(2028, 2, 1), utc(2028, 3, 1), 1.5],
  ['December rolls into the next year', utc(2026, 12, 31, 18), utc(2026, 12, 1), utc(2027, 1, 1), 0.25],
])('month bounds (UTC): %s', (_name, now, start, end, daysLeft) => {
  expect(utcMonthOf(now)).toEqual({ startSec: start, endSec: end });
  expect(daysLeftInMonth(now)).toBeCloseTo(daysLeft, 12);
});

const SPEND_1D = 'sum by (model) (sum_over_time(aigateway:spend_usd:increase1m[86399999ms]))';

test.each<[string, number, object, object]>([
  [
    'mid-month: 22.5 days so far',
    NOW,
    {},
    {
      daily: { expr: SPEND_1D, startSec: NOW - 6 * DAY, endSec: NOW, stepSec: DAY },
      monthToDate: { expr: 'sum by (model) (sum_over_time(aigateway:spend_usd:increase1m[1943999999ms]))', timeSec: NOW },
    },
  ],
  [
    'filters reach both queries, escaped',
    NOW,
    { team: ['a"b'] },
    {
      daily: {
        expr: 'sum by (model) (sum_over_time(aigateway:spend_usd:increase1m{team="a\\"b"}[86399999ms]))',
        startSec: NOW - 6 * DAY,
        endSec: NOW,
        stepSec: DAY,
      },
      monthToDate: { expr: 'sum by (model) (sum_over_time(aigateway:spend_usd:increase1m{team="a\\"b"}[1943999999ms]))', timeSec: NOW },
    },
  ],
  [
    'the first second of a month: nothing spent yet',
    utc(2026, 11, 1),
    {},
    {
      daily: { expr: SPEND_1D, startSec: utc(2026, 11, 1) - 6 * DAY, endSec: utc(2026, 11, 1), stepSec: DAY },
      monthToDate: { expr: '(vector(0) < 0)', timeSec: utc(2026, 11, 1) },
    },
  ],
  [
    'milliseconds are dropped',
    utc(2026, 11, 1) + 60,
    {},
    {
      daily: { expr: SPEND_1D, startSec: utc(2026, 11, 1) + 60 - 6 * DAY, endSec: utc(2026, 11, 1) + 60, stepSec: DAY },
      monthToDate: { expr: 'sum by (model) (sum_over_time(aigateway:spend_usd:increase1m[59999ms]))', timeSec: utc(2026, 11, 1) + 60 },
    },
  ],
])('forecastQueries: %s', (_name, nowSec, filters, expected) => {
  expect(forecastQueries(nowSec * 1000 + 999, filters)).toEqual(expected);
});

type Expected = Omit<ModelForecast, 'model' | 'daysLeft'>;

test.each<[string, DailyPoint[], number, Expected]>([
  [
    'flat',
    daily([10, 10, 10, 10, 10, 10, 10]),
    100,
    { days: 7, shortHistory: false, meanDaily: 10, slopePerDay: 0, relativeSlopePerDay: 0, trend: 'stable', forecastDailyRate: 10, monthToDate: 100, projectedMonthEnd: 175 },
  ],
  [
    'rising 1/day on a mean of 13: +7.7 %/day',
    daily([10, 11, 12, 13, 14, 15, 16]),
    100,
    { days: 7, shortHistory: false, meanDaily: 13, slopePerDay: 1, relativeSlopePerDay: 1 / 13, trend: 'increasing', forecastDailyRate: 16, monthToDate: 100, projectedMonthEnd: 220 },
  ],
  [
    'falling',
    daily([16, 15, 14, 13, 12, 11, 10]),
    100,
    { days: 7, shortHistory: false, meanDaily: 13, slopePerDay: -1, relativeSlopePerDay: -1 / 13, trend: 'decreasing', forecastDailyRate: 10, monthToDate: 100, projectedMonthEnd: 175 },
  ],
  [
    'rising inside the dead band: 1/day on 103 is stable',
    daily([100, 101, 102, 103, 104, 105, 106]),
    2000,
    { days: 7, shortHistory: false, meanDaily: 103, slopePerDay: 1, relativeSlopePerDay: 1 / 103, trend: 'stable', forecastDailyRate: 106, monthToDate: 2000, projectedMonthEnd: 2795 },
  ],
  [
    'short history: 3 days',
    daily([4, 6, 8]),
    18,
    { days: 3, shortHistory: true, meanDaily: 6, slopePerDay: 2, relativeSlopePerDay: 1 / 3, trend: 'increasing', forecastDailyRate: 8, monthToDate: 18, projectedMonthEnd: 78 },
  ],
  [
    'one day: no slope',
    daily([5]),
    5,
    { days: 1, shortHistory: true, meanDaily: 5, slopePerDay: 0, relativeSlopePerDay: 0, trend: 'stable', forecastDailyRate: 5, monthToDate: 5, projectedMonthEnd: 42.5 },
  ],
  [
    'no days: the month so far is the projection',
    [],
    30,
    { days: 0, shortHistory: true, meanDaily: 0, slopePerDay: 0, relativeSlopePerDay: 0, trend: 'stable', forecastDailyRate: 0, monthToDate: 30, projectedMonthEnd: 30 },
  ],
  [
    'zero spend',
    daily([0, 0, 0, 0, 0, 0, 0]),
    0,
    { days: 7, shortHistory: false, meanDaily: 0, slopePerDay: 0, relativeSlopePerDay: 0, trend: 'stable', forecastDailyRate: 0, monthToDate: 0, projectedMonthEnd: 0 },
  ],
  [
    'a line falling below zero by now forecasts 0, not negative spend',
    daily([40, 30, 20, 10, 0], NOW - 2 * DAY),
    500,
    { days: 5, shortHistory: true, meanDaily: 20, slopePerDay: -10, relativeSlopePerDay: -0.5, trend: 'decreasing', forecastDailyRate: 0, monthToDate: 500, projectedMonthEnd: 500 },
  ],
  [
    'points older than 7 days, after now or not finite are left out',
    [{ timeSec: NOW - 7 * DAY, value: 1000 }, ...daily([10, 10, NaN, 10]), { timeSec: NOW + DAY, value: 1000 }],
    0,
    { days: 3, shortHistory: true, meanDaily: 10, slopePerDay: 0, relativeSlopePerDay: 0, trend: 'stable', forecastDailyRate: 10, monthToDate: 0, projectedMonthEnd: 75 },
  ],
])('forecastModel: %s', (_name, points, monthToDate, expected) => {
  const result = forecastModel('m', points, monthToDate, NOW);
  expect(result.daysLeft).toBe(7.5);
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value === 'number') {
      expect([key, result[key as keyof ModelForecast]]).toEqual([key, expect.closeTo(value, 9)]);
    } else {
      expect([key, result[key as keyof ModelForecast]]).toEqual([key, value]);
    }
  }
});

test.each<[string, number, number, number]>([
  ['the last hour of the month adds 1/24 day', utc(2026, 10, 31, 23), 3000, 3001],
  ['the first second of the month projects the whole month', utc(2026, 11, 1), 0, 720],
  ['leap February 28th noon: 1.5 days', utc(2028, 2, 28, 12), 100, 136],
])('month boundary: %s', (_name, now, monthToDate, projected) => {
  const result = forecastModel('m', daily([24, 24, 24, 24, 24, 24, 24], now), monthToDate, now);
  expect(result.projectedMonthEnd).toBeCloseTo(projected, 9);
});

test('forecastByModel: every model of either query, largest projection first, ties by name', () => {
  const result = forecastByModel(
    new Map([
      ['b', daily([1, 1, 1, 1, 1, 1, 1])],
      ['a', daily([1, 1, 1, 1, 1, 1, 1])],
      ['big', daily([10, 10, 10, 10, 10, 10, 10])],
    ]),
    new Map([
      ['big', 100],
      ['gone', 50],
    ]),
    NOW
  );
  expect(result.map((f) => [f.model, f.projectedMonthEnd])).toEqual([
    ['big', 175],
    ['gone', 50],
    ['a', 7.5],
    ['b', 7.5],
  ]);
});
