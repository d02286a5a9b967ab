/** @jest-environment node */
import {
  AnomalyCandidate,
  anomalyTableQueries,
  assertSigma,
  baselineStats,
  BaselineStats,
  detectAnomalies,
  deviationPercentPromQL,
  deviationPercent,
  isAnomalous,
} from './anomalies';

const ALTERNATING = [24, 36, 24, 36, 24, 36, 24, 36, 24];

test.each<[string, number[], BaselineStats]>([
  ['constant: zero variance', Array(30).fill(24), { mean: 24, stddev: 0, days: 30 }],
  ['alternating 24 / 36', ALTERNATING, { mean: 29.333333333333332, stddev: 5.962847939999439, days: 9 }],
  ['population standard deviation (÷ n, as Prometheus)', [1, 3], { mean: 2, stddev: 1, days: 2 }],
  ['non-finite days are left out', [NaN, 5, Infinity, 7], { mean: 6, stddev: 1, days: 2 }],
  ['no days', [], { mean: NaN, stddev: NaN, days: 0 }],
])('baselineStats: %s', (_name, values, expected) => {
  expect(baselineStats(values)).toEqual(expected);
});

const flat: BaselineStats = { mean: 24, stddev: 0, days: 9 };
const noisy = baselineStats(ALTERNATING);

test.each<[string, number, BaselineStats, number, boolean]>([
  ['zero variance, unchanged', 24, flat, 3, false],
  ['zero variance, changed up', 48, flat, 3, true],
  ['zero variance, changed down (spend stopped)', 0, flat, 3, true],
  ['zero variance, float residue of the mean is no change', 0.1, { mean: 0.09999999999999999, stddev: 0, days: 10 }, 3, false],
  ['zero baseline, no spend', 0, { mean: 0, stddev: 0, days: 30 }, 3, false],
  ['zero baseline, new spend', 0.01, { mean: 0, stddev: 0, days: 30 }, 3, true],
  ['within 3 sigma', 30, noisy, 3, false],
  ['far beyond 3 sigma', 240, noisy, 3, true],
  ['exactly 3 sigma is not beyond', 16, { mean: 10, stddev: 2, days: 30 }, 3, false],
  ['just beyond 3 sigma', 16.001, { mean: 10, stddev: 2, days: 30 }, 3, true],
  ['a drop beyond 3 sigma', 3.9, { mean: 10, stddev: 2, days: 30 }, 3, true],
  ['a lower threshold catches more', 13, { mean: 10, stddev: 2, days: 30 }, 1, true],
  ['sigma 0: any change', 10.5, { mean: 10, stddev: 2, days: 30 }, 0, true],
  ['6 baseline days are too few', 48, { mean: 24, stddev: 0, days: 6 }, 3, false],
  ['7 baseline days are enough', 48, { mean: 24, stddev: 0, days: 7 }, 3, true],
])('isAnomalous: %s', (_name, rate, baseline, sigma, expected) => {
  expect(isAnomalous(rate, baseline, sigma)).toBe(expected);
});

test.each([-1, NaN, Infinity])('an anomaly threshold of %p sigma is refused', (sigma) => {
  expect(() => assertSigma(sigma)).toThrow(RangeError);
  expect(() => anomalyTableQueries(sigma)).toThrow(RangeError);
  expect(() => isAnomalous(1, flat, sigma)).toThrow(RangeError);
});

test.each([
  [48, 24, 100],
  [0, 24, -100],
  [24, 24, 0],
  [5, 0, Infinity],
])('deviationPercent(%p, %p) = %p', (rate, mean, expected) => {
  expect(deviationPercent(rate, mean)).toBe(expected);
});

const D = 'aigateway:spend_daily:model_team';
const A = `${D}:avg_over_time30d`;
const S = `${D}:stddev_over_time30d`;
const C = `${D}:count_over_time30d`;
const cond3 = ` and abs(${D} - ${A}) > 3 * ${S} + 1e-9 * ${A} and ${C} >= 7`;

test('anomalyTableQueries: every column keeps the anomalous rows only', () => {
  expect(anomalyTableQueries(3)).toEqual({
    current: `${D}${cond3}`,
    baseline: `${A}${cond3}`,
    stddev: `${S}${cond3}`,
    deviationPercent: `100 * (${D} - ${A}) / ${A}${cond3}`,
    detectedAt: `min_over_time(timestamp(${D}${cond3})[1d:1m])${cond3}`,
  });
});

test.each<[string, number, object, string]>([
  ['default threshold', 3, {}, `100 * (${D} - ${A}) / ${A}${cond3}`],
  ['a fractional threshold', 2.5, {}, `100 * (${D} - ${A}) / ${A} and abs(${D} - ${A}) > 2.5 * ${S} + 1e-9 * ${A} and ${C} >= 7`],
  [
    'filters on every series, escaped',
    3,
    { model: ['gpt-4o'], team: ['a"b', 'c.d'] },
    (() => {
      const m = '{model="gpt-4o", team=~"a\\"b|c\\\\.d"}';
      return `100 * (${D}${m} - ${A}${m}) / ${A}${m} and abs(${D}${m} - ${A}${m}) > 3 * ${S}${m} + 1e-9 * ${A}${m} and ${C}${m} >= 7`;
    })(),
  ],
])('deviationPercentPromQL: %s', (_name, sigma, filters, expected) => {
  expect(deviationPercentPromQL(sigma, filters)).toBe(expected);
});

const candidate = (model: string, team: string, rate: number, baseline: BaselineStats, detectedAtSec?: number): AnomalyCandidate => ({
  provider: 'p',
  model,
  team,
  rate,
  baseline,
  detectedAtSec,
});

test('detectAnomalies: anomalous rows only, largest |deviation %| first, ties by size then model and team', () => {
  const rows = detectAnomalies(
    [
      candidate('steady', 't', 24, flat),
      candidate('spike', 't', 240, noisy, 1_700_000_000),
      candidate('drop', 't', 0, flat),
      candidate('new', 't', 5, { mean: 0, stddev: 0, days: 30 }),
      candidate('b', 'x', 48, flat),
      candidate('a', 'y', 48, flat),
      candidate('a', 'x', 48, flat),
      candidate('small', 'big', 480, { mean: 240, stddev: 0, days: 9 }),
    ],
    3
  );
  expect(rows.map((r) => [r.model, r.team, r.deviationPercent])).toEqual([
    ['new', 't', Infinity],
    ['spike', 't', 718.1818181818181],
    ['small', 'big', 100],
    ['a', 'x', 100],
    ['a', 'y', 100],
    ['b', 'x', 100],
    ['drop', 't', -100],
  ]);
  expect(rows[1]).toEqual({
    provider: 'p',
    model: 'spike',
    team: 't',
    rate: 240,
    baseline: 29.333333333333332,
    stddev: 5.962847939999439,
    deviationPercent: 718.1818181818181,
    sigmas: 35.32987404449668,
    detectedAtSec: 1_700_000_000,
  });
  expect(rows[0].sigmas).toBe(Infinity);
  expect(rows[0].detectedAtSec).toBeNull();
});

test('detectAnomalies uses the threshold it is given', () => {
  const c = [candidate('m', 't', 13, { mean: 10, stddev: 2, days: 30 })];
  expect(detectAnomalies(c, 3)).toEqual([]);
  expect(detectAnomalies(c, 1).map((r) => r.sigmas)).toEqual([1.5]);
});
