/** @jest-environment node */
import { Contribution, rankContributors, whatChangedQueries, WhatChangedOptions } from './whatChanged';

const W = '[86399999ms]';
const spend = (m = '') => `sum_over_time(aigateway:spend_usd:increase1m${m}${W})`;
const spendBefore = (m = '') => `sum_over_time(aigateway:spend_usd:increase1m${m}${W} offset 86400s)`;
const requests = `sum_over_time(aigateway:requests:increase1m${W})`;
const requestsBefore = `sum_over_time(aigateway:requests:increase1m${W} offset 86400s)`;
const byModel: WhatChangedOptions = { label: 'model', windowSeconds: 86400 };

test.each<[string, string, WhatChangedOptions, string, string]>([
  ['spend by model', 'total_cost', byModel, `sum by (model) (${spend()})`, `sum by (model) (${spendBefore()})`],
  [
    'a ratio by team',
    'total_cost / total_inferences',
    { ...byModel, label: 'team' },
    `(sum by (team) (${spend()}) / ignoring () sum by (team) (${requests}))`,
    `(sum by (team) (${spendBefore()}) / ignoring () sum by (team) (${requestsBefore}))`,
  ],
  [
    'a share: all. is shifted too',
    'total_cost / all.total_cost * 100',
    { ...byModel, label: 'provider' },
    `((sum by (provider) (${spend()}) / on () group_left () sum(${spend()})) * 100)`,
    `((sum by (provider) (${spendBefore()}) / on () group_left () sum(${spendBefore()})) * 100)`,
  ],
  [
    'scopes and the page filters stay',
    'team["a\\"b"].total_cost',
    { ...byModel, filters: { provider: ['openai'] } },
    `sum by (model) (${spend('{provider="openai", team="a\\"b"}')})`,
    `sum by (model) (${spendBefore('{provider="openai", team="a\\"b"}')})`,
  ],
  [
    'a week',
    'total_tokens',
    { label: 'model', windowSeconds: 604800 },
    'sum by (model) (sum_over_time(aigateway:tokens:increase1m[604799999ms]))',
    'sum by (model) (sum_over_time(aigateway:tokens:increase1m[604799999ms] offset 604800s))',
  ],
])('whatChangedQueries: %s', (_name, formula, options, current, previous) => {
  expect(whatChangedQueries(formula, options)).toEqual({ ok: true, current, previous });
});

test.each<[string, string]>([
  ['(total_cost - previous.total_cost) / previous.total_cost * 100', 'this KPI already compares with the previous period (previous.); "what changed" needs a KPI without it'],
  ['totl_cost', 'unknown measure `totl_cost` — did you mean `total_cost`? (column 1)'],
])('whatChangedQueries refuses %s', (formula, message) => {
  expect(whatChangedQueries(formula, byModel)).toEqual({ ok: false, message });
});

const m = (entries: Array<[string, number]>) => new Map(entries);
const c = (key: string, current: number | null, previous: number | null, delta: number, sharePercent: number | null, status: Contribution['status']): Contribution => ({
  key,
  current,
  previous,
  delta,
  sharePercent,
  status,
});

test.each<[string, Map<string, number>, Map<string, number>, Contribution[], number]>([
  [
    'one up, one down: shares of the total change add up to 100',
    m([['a', 10], ['b', 5]]),
    m([['a', 4], ['b', 6]]),
    [c('a', 10, 4, 6, 120, 'up'), c('b', 5, 6, -1, -20, 'down')],
    5,
  ],
  [
    'new and vanished contributors count from and to 0',
    m([['kept', 3], ['new', 2]]),
    m([['kept', 3], ['gone', 4]]),
    [c('gone', null, 4, -4, 200, 'vanished'), c('new', 2, null, 2, -100, 'new'), c('kept', 3, 3, 0, 0, 'unchanged')],
    -2,
  ],
  [
    'ties in |delta| by key, code-point order (upper case first)',
    m([['b', 5], ['a', 5], ['B', 5], ['c', 1]]),
    m([]),
    [c('B', 5, null, 5, 31.25, 'new'), c('a', 5, null, 5, 31.25, 'new'), c('b', 5, null, 5, 31.25, 'new'), c('c', 1, null, 1, 6.25, 'new')],
    16,
  ],
  [
    'a rise and an equal fall cancel: no shares',
    m([['a', 5], ['b', 5]]),
    m([['a', 0], ['b', 10]]),
    [c('a', 5, 0, 5, null, 'up'), c('b', 5, 10, -5, null, 'down')],
    0,
  ],
  [
    'nothing changed',
    m([['a', 1]]),
    m([['a', 1]]),
    [c('a', 1, 1, 0, null, 'unchanged')],
    0,
  ],
  [
    'not-a-number values are missing; missing on both sides is left out',
    m([['nan', NaN], ['b', 3], ['inf', Infinity]]),
    m([['nan', NaN], ['b', 1], ['inf', 2]]),
    [c('b', 3, 1, 2, 0, 'up'), c('inf', null, 2, -2, 0, 'vanished')].map((r) => ({ ...r, sharePercent: null })),
    0,
  ],
  [
    'unknown ("") and hostile label values are plain keys',
    m([['', 7], ['__proto__', 1]]),
    m([['', 2], ['__proto__', 1]]),
    [c('', 7, 2, 5, 100, 'up'), c('__proto__', 1, 1, 0, 0, 'unchanged')],
    5,
  ],
  ['no data', m([]), m([]), [], 0],
])('rankContributors: %s', (_name, current, previous, rows, totalDelta) => {
  expect(rankContributors(current, previous)).toEqual({ rows, totalDelta });
});
