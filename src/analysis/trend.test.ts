/** @jest-environment node */
import { classifyTrend, leastSquares, LinearFit, Point, relativeSlope, Trend, TREND_DEAD_BAND_PER_DAY } from './trend';

const line = (a: number, b: number, xs: number[]): Point[] => xs.map((x) => ({ x, y: a + b * x }));

test.each<[string, Point[], LinearFit | null]>([
  ['no points', [], null],
  ['one point: flat through it', [{ x: 3, y: 7 }], { slope: 0, intercept: 7, n: 1, meanY: 7 }],
  ['flat', line(5, 0, [0, 1, 2, 3, 4, 5, 6]), { slope: 0, intercept: 5, n: 7, meanY: 5 }],
  ['rising y = 2 + 3x', line(2, 3, [0, 1, 2, 3, 4, 5, 6]), { slope: 3, intercept: 2, n: 7, meanY: 11 }],
  ['falling, x before 0 (days before now)', line(16, -1, [-6, -5, -4, -3, -2, -1, 0]), { slope: -1, intercept: 16, n: 7, meanY: 19 }],
  ['gaps in x', line(1, 2, [-6, -3, 0]), { slope: 2, intercept: 1, n: 3, meanY: -5 }],
  [
    'noise around a line',
    [
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 3, y: 4 },
    ],
    { slope: 0.8, intercept: 1.3, n: 4, meanY: 2.5 },
  ],
  [
    'all points at one x: no slope',
    [
      { x: 2, y: 1 },
      { x: 2, y: 3 },
    ],
    { slope: 0, intercept: 2, n: 2, meanY: 2 },
  ],
])('leastSquares: %s', (_name, points, expected) => {
  const fit = leastSquares(points);
  if (expected === null) {
    expect(fit).toBeNull();
  } else {
    expect(fit!.n).toBe(expected.n);
    expect(fit!.slope).toBeCloseTo(expected.slope, 12);
    expect(fit!.intercept).toBeCloseTo(expected.intercept, 12);
    expect(fit!.meanY).toBeCloseTo(expected.meanY, 12);
  }
});

test('the dead band is ±5 % of the mean daily spend per day', () => {
  expect(TREND_DEAD_BAND_PER_DAY).toBe(0.05);
});

test.each<[number, number, Trend]>([
  [0, 100, 'stable'],
  [5, 100, 'stable'],
  [5.01, 100, 'increasing'],
  [-5, 100, 'stable'],
  [-5.01, 100, 'decreasing'],
  [1, 13, 'increasing'],
  [-1, 13, 'decreasing'],
  [1, 103, 'stable'],
  // no spend: nothing to trend
  [0, 0, 'stable'],
  [2, 0, 'stable'],
])('slope %p per day on a mean of %p per day is %s', (slope, mean, trend) => {
  expect(classifyTrend(slope, mean)).toBe(trend);
});

test.each<[number, number, number, Trend]>([
  [1, 100, 0.005, 'increasing'],
  [1, 100, 0.01, 'stable'],
  [-2, 100, 0.01, 'decreasing'],
])('slope %p on mean %p with dead band %p is %s', (slope, mean, band, trend) => {
  expect(classifyTrend(slope, mean, band)).toBe(trend);
});

test.each([
  [3, 60, 0.05],
  [-1, 4, -0.25],
  [1, 0, 0],
  [1, -1, 0],
])('relativeSlope(%p, %p) = %p', (slope, mean, relative) => {
  expect(relativeSlope(slope, mean)).toBe(relative);
});
