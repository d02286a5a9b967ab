import { anomalyRows, dailyRows, labelOf, pointsByTime, summaryRows } from './sections';

const t = (iso: string) => Date.parse(iso) / 1000;
const DAY = 86400;

describe('anomalyRows', () => {
  const at = (model: string, team: string) => ({ provider: 'p', model, team });
  const answers = (rows: Array<[string, string, number, number, number]>) => ({
    hours: rows.map(([m, team, hours]) => ({ labels: at(m, team), value: hours })),
    first: rows.map(([m, team]) => ({ labels: at(m, team), value: 1000 })),
    peakRate: rows.map(([m, team]) => ({ labels: at(m, team), value: 9 })),
    maxDeviation: rows.map(([m, team, , max]) => ({ labels: at(m, team), value: max })),
    minDeviation: rows.map(([m, team, , , min]) => ({ labels: at(m, team), value: min })),
  });

  test.each<[string, Array<[string, string, number, number, number]>, Array<[string, number]>]>([
    ['largest deviation either way first', [['a', 't', 2, 150, 150], ['b', 't', 1, 40, -80]], [['a', 150], ['b', -80]]],
    ['a zero baseline (+Inf) before any finite one; equal infinities by hours', [['a', 't', 2, 500, 500], ['b', 't', 1, Infinity, Infinity], ['c', 't', 3, Infinity, 90]], [['c', Infinity], ['b', Infinity], ['a', 500]]],
    ['equal deviations and hours: by model, then team', [['b', 't', 1, 60, 60], ['a', 'u', 1, 60, 60], ['a', 't', 1, 60, 60]], [['a', 60], ['a', 60], ['b', 60]]],
    ['no anomalous hour, no row', [['a', 't', 0, 60, 60]], []],
  ])('%s', (_, rows, expected) => {
    expect(anomalyRows(answers(rows)).map((r) => [r.model, r.deviationPercent])).toEqual(expected);
  });
});

test('a day without a point spends 0 and has no data; the first day compares with the day before the period', () => {
  const start = t('2026-11-01T00:00:00Z');
  const rows = dailyRows(
    {
      period: { startSec: start, endSec: start + 3 * DAY },
      spend: new Map([
        [start, 4],
        [start + DAY, 2],
        [start + 3 * DAY, 5],
      ]),
      coverageHours: new Map([
        [start, 24],
        [start + DAY, 24],
        [start + 3 * DAY, 24],
      ]),
    },
    7
  );
  expect(rows.map((r) => [r.day, r.spend, r.coverage, r.previous, r.change])).toEqual([
    ['2026-11-01', 2, 1, 4, { kind: 'percent', percent: -50 }],
    ['2026-11-02', 0, 0, 2, { kind: 'withheld', note: 'this day has data for 0 of 24 hours' }],
    ['2026-11-03', 5, 1, null, { kind: 'withheld', note: 'the day before has data for 0 of 24 hours' }],
  ]);
});

test('range points of several series add up by time', () => {
  const series = [
    { labels: { api_key: 'a' }, points: [{ timeSec: 1, value: 2 }, { timeSec: 2, value: 3 }] },
    { labels: { api_key: 'b' }, points: [{ timeSec: 2, value: 4 }] },
  ];
  expect([...pointsByTime(series)]).toEqual([
    [1, 2],
    [2, 7],
  ]);
});

test.each([
  ['team', '', 'Unallocated'],
  ['api_key', '', '(no API key)'],
  ['model', '', '(no model)'],
  ['provider', '', '(no provider)'],
  ['model', 'gpt-4o', 'gpt-4o'],
] as const)('%s "%s" reads %s', (dimension, key, label) => {
  expect(labelOf(dimension, key)).toBe(label);
});

test('summary rows: biggest first, ties by key; a share of a zero total is none', () => {
  const rows = summaryRows('model', new Map([['b', 0], ['a', 0]]), new Map(), { comparable: true }, 0);
  expect(rows.map((r) => [r.key, r.sharePercent, r.change])).toEqual([
    ['a', null, { kind: 'percent', percent: 0 }],
    ['b', null, { kind: 'percent', percent: 0 }],
  ]);
});
