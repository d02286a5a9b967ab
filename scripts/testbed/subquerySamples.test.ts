import { durationMs, innerRange, subqueries } from './subquerySamples';

test.each([
  ['2591999999ms', 2_591_999_999],
  ['3600s', 3_600_000],
  ['1h30m', 5_400_000],
  ['-5m', -300_000],
  ['2w', 1_209_600_000],
])('duration %s = %i ms', (text, ms) => {
  expect(durationMs(text)).toBe(ms);
});

test.each(['5', '1x', 'h', '1h 5m'])('not a duration: %s', (text) => {
  expect(() => durationMs(text)).toThrow('not a PromQL duration');
});

test.each([
  {
    name: 'the pages’ coverage query, a period with an offset',
    expr: 'label_replace(count_over_time(group(present_over_time(a:b{c="d"}[3599999ms]))[2591999999ms:3600s] offset 2592000s), "p", "x", "", "")',
    want: [{ inner: 'group(present_over_time(a:b{c="d"}[3599999ms]))', rangeMs: 2_591_999_999, stepMs: 3_600_000, offsetMs: 2_592_000_000 }],
  },
  {
    name: 'the hourly tier rule',
    expr: 'sum_over_time(last_over_time(m[59999ms])[3599999ms:1m] offset 1m) and on () (minute() == 0)',
    want: [{ inner: 'last_over_time(m[59999ms])', rangeMs: 3_599_999, stepMs: 60_000, offsetMs: 60_000 }],
  },
  {
    name: 'a selector, two subqueries in one expression',
    expr: 'max_over_time(up{job="a(b"}[1h:5m]) + min_over_time(up[30m:1m])',
    want: [
      { inner: 'up{job="a(b"}', rangeMs: 3_600_000, stepMs: 300_000, offsetMs: 0 },
      { inner: 'up', rangeMs: 1_800_000, stepMs: 60_000, offsetMs: 0 },
    ],
  },
  {
    name: 'an aggregation with its grouping first',
    expr: 'max_over_time(sum by (a, b) (rate(x[5m]))[1d:1h])',
    want: [{ inner: 'sum by (a, b) (rate(x[5m]))', rangeMs: 86_400_000, stepMs: 3_600_000, offsetMs: 0 }],
  },
  {
    name: 'an aggregation with its grouping last',
    expr: 'max_over_time(sum(rate(x[5m])) without (a)[1d:1h])',
    want: [{ inner: 'sum(rate(x[5m])) without (a)', rangeMs: 86_400_000, stepMs: 3_600_000, offsetMs: 0 }],
  },
  {
    name: 'a nested subquery is inside the outer one',
    expr: 'max_over_time(avg_over_time(x[1h:1m])[1d:1h])',
    want: [{ inner: 'avg_over_time(x[1h:1m])', rangeMs: 86_400_000, stepMs: 3_600_000, offsetMs: 0 }],
  },
  { name: 'range selectors are not subqueries', expr: 'sum_over_time(x[30d] offset 1h)', want: [] },
])('subqueries: $name', ({ expr, want }) => {
  expect(subqueries(expr)).toEqual(want);
});

test('a subquery without a step is refused (its step would be the evaluation interval)', () => {
  expect(() => subqueries('max_over_time(x[1h:])')).toThrow('without a step');
});

test.each([
  // the range's start is 1 ms after a step time: that step is not evaluated
  { at: 7_200_000, s: { rangeMs: 3_599_999, stepMs: 60_000, offsetMs: 60_000 }, want: { startSec: 3600, endSec: 7140, stepSec: 60 } },
  // a step time on the range's start is evaluated
  { at: 7_200_000, s: { rangeMs: 3_600_000, stepMs: 60_000, offsetMs: 0 }, want: { startSec: 3600, endSec: 7200, stepSec: 60 } },
  // an evaluation off the step grid: steps stay on multiples of the step
  { at: 7_230_500, s: { rangeMs: 3_600_000, stepMs: 3_600_000, offsetMs: 0 }, want: { startSec: 7200, endSec: 7230.5, stepSec: 3600 } },
])('the inner range query of an instant query at $at ms', ({ at, s, want }) => {
  expect(innerRange({ inner: 'x', ...s }, at)).toEqual(want);
});

test('the inner range query of a range query spans its first evaluation’s range to its last', () => {
  const s = { inner: 'x', rangeMs: 86_400_000, stepMs: 3_600_000, offsetMs: 3_600_000 };
  expect(innerRange(s, 2 * 86_400_000, 5 * 86_400_000)).toEqual({ startSec: 86_400 - 3600, endSec: 5 * 86_400 - 3600, stepSec: 3600 });
});
