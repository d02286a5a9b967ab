/** @jest-environment node */
import { mulberry32 } from '../../src/demo/random';
import { dayMarks, DAY_MS, HOUR_MS, hourlyAndDaily, hourMarks } from './tierBuckets';

const M = 60_000;
const H = HOUR_MS;

const hours = (samples: Array<[number, number]>, first: number, last: number) => {
  const { hourly } = hourlyAndDaily(samples.map(([t]) => t), samples.map(([, v]) => v), 0, samples.length, first, last);
  return Array.from({ length: hourly.count }, (_, i) => [hourly.times[i], hourly.values[i]]);
};

test.each<{ name: string; samples: number[][]; expected: number[][]; first?: number; last?: number }>([
  { name: 'the minute stamped a minute before the mark is the last of its hour', samples: [[H - M, 2]], expected: [[H, 2]] },
  { name: 'the minute stamped on the mark belongs to the next hour', samples: [[H, 3]], expected: [[2 * H, 3]] },
  { name: 'hours without samples are not written', samples: [[M, 1], [H - 2 * M, 2], [3 * H - 2 * M, 4]], expected: [[H, 3], [3 * H, 4]] },
  { name: 'marks after the last evaluation are not written', samples: [[5 * H, 1]], expected: [] },
  { name: 'marks before the first evaluation are not written', samples: [[M, 1], [H + M, 2]], first: H + 1, expected: [[2 * H, 2]] },
])('hourly: $name', ({ samples, expected, first = 0, last = 5 * H }) => {
  expect(hours(samples as Array<[number, number]>, first, last)).toEqual(expected);
});

test('clock: every evaluated hour; a day only when its 24 hours were evaluated', () => {
  expect(hourMarks(30 * M, 3 * H)).toEqual([H, 2 * H, 3 * H]);
  expect(dayMarks(30 * M, 3 * DAY_MS + 5 * H)).toEqual([2 * DAY_MS, 3 * DAY_MS]);
  expect(dayMarks(0, 3 * DAY_MS)).toEqual([DAY_MS, 2 * DAY_MS, 3 * DAY_MS]);
});

/** The definition, sample by sample (src/engine/tiers.ts). */
function definition(samples: Array<[number, number]>, first: number, last: number) {
  const hourly: Array<[number, number]> = [];
  for (const mark of hourMarks(first, last)) {
    const inside = samples.filter(([t]) => t > mark - H - M && t <= mark - M);
    if (inside.length) {
      hourly.push([mark, inside.reduce((s, [, v]) => s + v, 0)]);
    }
  }
  const daily: Array<[number, number]> = [];
  for (const day of dayMarks(first, last)) {
    const inside = hourly.filter(([m]) => m >= day - 24 * H && m <= day - H);
    if (inside.length) {
      daily.push([day, inside.reduce((s, [, v]) => s + v, 0)]);
    }
  }
  return { hourly, daily };
}

test.each([1, 2, 3])('random minute series with gaps (seed %i): hourly and daily tiers match the definition', (seed) => {
  const random = mulberry32(seed);
  const first = 17 * M;
  const last = 3 * DAY_MS + 5 * H + 23 * M;
  const samples: Array<[number, number]> = [];
  for (let t = first; t <= last; t += M) {
    if (random() > 0.3 && !(t > DAY_MS && t < DAY_MS + 2 * H)) {
      samples.push([t, Math.round(random() * 1000) / 100]);
    }
  }
  const { hourly, daily } = hourlyAndDaily(samples.map(([t]) => t), samples.map(([, v]) => v), 0, samples.length, first, last);
  const want = definition(samples, first, last);
  const run = (r: { times: Float64Array; values: Float64Array; count: number }) => Array.from({ length: r.count }, (_, i) => [r.times[i], r.values[i]]);
  const close = (a: number[][], b: number[][]) => a.length === b.length && a.every(([t, v], i) => t === b[i][0] && Math.abs(v - b[i][1]) < 1e-9);
  expect(want.daily.length).toBeGreaterThanOrEqual(2);
  expect(close(run(hourly), want.hourly)).toBe(true);
  expect(close(run(daily), want.daily)).toBe(true);
});
