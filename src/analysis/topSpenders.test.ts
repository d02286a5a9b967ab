/** @jest-environment node */
import { SpenderDimension, SpenderQueries, SpenderRow, spenderQueries, splitTotal, topSpenders, TopSpenders, topSpendersQueries } from './topSpenders';

const W = '[86399999ms]';
const grouped = (label: string, series: string, m = '') => `sum by (${label}) (sum_over_time(${series}${m}${W}))`;
const groupedBefore = (label: string, series: string, m = '') => `sum by (${label}) (sum_over_time(${series}${m}${W} offset 86400s))`;
const SPEND = 'aigateway:spend_usd:increase1m';
const BY_USER = 'aigateway:spend_usd_by_user:increase1m';
const total = (x: string) => `label_replace(sum(${x}), "aispend_total", "true", "", "")`;

test.each<[SpenderDimension, string, number, object]>([
  ['team', SPEND, 10, {}],
  ['model', SPEND, 10, {}],
  ['user', BY_USER, 10, {}],
  ['api_key', BY_USER, 5, {}],
])('topSpendersQueries by %s read %s', (dimension, series, n) => {
  const now = grouped(dimension, series);
  const before = groupedBefore(dimension, series);
  expect(topSpendersQueries(dimension, { windowSeconds: 86400, n })).toEqual({
    current: `topk(${n}, ${now}) or ${total(now)}`,
    previous: `(${before} and on (${dimension}) topk(${n}, ${now})) or ${total(before)}`,
  });
});

test('topSpendersQueries: the top 10 by default, page filters on every selector', () => {
  const m = '{provider="open\\"ai"}';
  const now = grouped('user', BY_USER, m);
  expect(topSpendersQueries('user', { windowSeconds: 86400, filters: { provider: ['open"ai'] } }).current).toBe(`topk(10, ${now}) or ${total(now)}`);
});

test.each([0, 2.5, -1])('top %p is refused', (n) => {
  expect(() => topSpendersQueries('team', { windowSeconds: 86400, n })).toThrow(RangeError);
});

test.each<[SpenderDimension, string, object, SpenderQueries]>([
  [
    'team',
    'a"b',
    {},
    {
      spendOverTime: `sum(sum_over_time(${SPEND}{team="a\\"b"}[3599999ms]))`,
      modelMix: `sum by (model) (sum_over_time(${SPEND}{team="a\\"b"}${W}))`,
      costPerRequest: `sum(sum_over_time(${SPEND}{team="a\\"b"}${W})) / sum(sum_over_time(aigateway:requests:increase1m{team="a\\"b"}${W}))`,
    },
  ],
  [
    'user',
    '',
    { model: ['gpt-4o'] },
    {
      spendOverTime: `sum(sum_over_time(${BY_USER}{user="", model="gpt-4o"}[3599999ms]))`,
      modelMix: `sum by (model) (sum_over_time(${BY_USER}{user="", model="gpt-4o"}${W}))`,
      costPerRequest: null,
    },
  ],
])('spenderQueries(%s, %p)', (dimension, key, filters, expected) => {
  expect(spenderQueries(dimension, key, { windowSeconds: 86400, stepSeconds: 3600, filters })).toEqual(expected);
});

test('splitTotal separates the marked total from the spenders ("" = no label)', () => {
  expect(
    splitTotal(
      [
        { labels: { team: 'a' }, value: 3 },
        { labels: {}, value: 2 },
        { labels: { aispend_total: 'true' }, value: 9 },
      ],
      'team'
    )
  ).toEqual({
    spenders: new Map([
      ['a', 3],
      ['', 2],
    ]),
    total: 9,
  });
});

const r = (key: string, spend: number, sharePercent: number | null, previous: number | null, change: number | null): SpenderRow => ({
  key,
  spend,
  sharePercent,
  previous,
  change,
});
const m = (entries: Array<[string, number]>) => new Map(entries);

test.each<[string, Map<string, number>, Map<string, number>, { n?: number; total?: number; previousTotal?: number }, TopSpenders]>([
  [
    'top 2 of 4 and Others, totals from the queries',
    m([['a', 50], ['b', 30], ['c', 15], ['d', 5]]),
    m([['a', 40], ['b', 30]]),
    { n: 2, total: 100, previousTotal: 80 },
    { rows: [r('a', 50, 50, 40, 10), r('b', 30, 30, 30, 0)], others: r('Others', 20, 20, 10, 10), total: 100 },
  ],
  [
    'the top N are everyone: no Others',
    m([['a', 2], ['b', 1]]),
    m([['a', 1]]),
    { n: 10 },
    { rows: [r('a', 2, 200 / 3, 1, 1), r('b', 1, 100 / 3, null, null)], others: null, total: 3 },
  ],
  [
    'ties by key',
    m([['y', 5], ['x', 5], ['z', 5]]),
    m([['x', 0], ['y', 0]]),
    { n: 2 },
    { rows: [r('x', 5, 100 / 3, 0, 5), r('y', 5, 100 / 3, 0, 5)], others: r('Others', 5, 100 / 3, 0, 5), total: 15 },
  ],
  [
    'float residue of total − top is no Others',
    m([['a', 0.1], ['b', 0.2]]),
    m([]),
    { n: 2, total: 0.30000000000000004 },
    { rows: [r('b', 0.2, 66.66666666666666, null, null), r('a', 0.1, 33.33333333333333, null, null)], others: null, total: 0.30000000000000004 },
  ],
  [
    'no previous period at all: Others has no previous either',
    m([['a', 3], ['b', 1]]),
    m([]),
    { n: 1 },
    { rows: [r('a', 3, 75, null, null)], others: r('Others', 1, 25, null, null), total: 4 },
  ],
  ['nothing spent', m([]), m([]), {}, { rows: [], others: null, total: 0 }],
  ['zero total: no shares', m([['a', 0]]), m([]), {}, { rows: [r('a', 0, null, null, null)], others: null, total: 0 }],
])('topSpenders: %s', (_name, current, previous, options, expected) => {
  const result = topSpenders(current, previous, options);
  expect(result.total).toBe(expected.total);
  expect(result.rows.map((x) => x.key)).toEqual(expected.rows.map((x) => x.key));
  expect(result).toEqual({
    ...expected,
    rows: expected.rows.map((x) => ({ ...x, sharePercent: x.sharePercent === null ? null : expect.closeTo(x.sharePercent, 12) })),
    others: expected.others && { ...expected.others, sharePercent: expect.closeTo(expected.others.sharePercent!, 12) },
  });
});
