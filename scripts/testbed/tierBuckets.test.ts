/** @jest-environment node */
import { mulberry32 } from '../../src/demo/random';
import { bucketSums, DAY_MS, HOUR_MS, hourlyAndDaily } from './tierBuckets';

const M = 60_000;
const H = HOUR_MS;

const run = (samples: Array<[number, number]>, first: number, last: number, bucket = H) => {
  const out = bucketSums(
    samples.map(([t]) => t),
    samples.map(([, v]) => v),
    0,
    samples.length,
    bucket,
    first,
    last
  );
  return Array.from({ length: out.count }, (_, i) => [out.times[i], out.values[i]]);
};

test.each([
  { name: 'a sample on the close belongs to the bucket that closes there', samples: [[H, 2]], expected: [[H, 2]] },
  { name: 'a sample one minute later opens the next bucket', samples: [[H + M, 3]], expected: [[2 * H, 3]] },
  { name: 'buckets without samples are not written', samples: [[M, 1], [H, 2], [3 * H - M, 4]], expected: [[H, 3], [3 * H, 4]] },
  { name: 'closes after the last evaluation are not written', samples: [[5 * H + M, 1]], expected: [] },
  { name: 'closes before the first evaluation are not written', samples: [[M, 1], [H + M, 2]], first: H + 1, expected: [[2 * H, 2]] },
  { name: 'an uneven history end closes only whole hours', samples: [[4 * H + 37 * M, 1]], last: 4 * H + 37 * M, expected: [] },
])('bucketSums: $name', ({ samples, expected, first = 0, last = 5 * H }) => {
  expect(run(samples as Array<[number, number]>, first, last)).toEqual(expected);
});

/** The definition, sample by sample: for every close in range, the sum of the samples in (close − bucket, close]. */
function definition(samples: Array<[number, number]>, bucket: number, first: number, last: number) {
  const out: Array<[number, number]> = [];
  for (let close = Math.ceil(first / bucket) * bucket; close <= last; close += bucket) {
    const inside = samples.filter(([t]) => t > close - bucket && t <= close);
    if (inside.length) {
      out.push([close, inside.reduce((s, [, v]) => s + v, 0)]);
    }
  }
  return out;
}

test.each([1, 2, 3])('random minute series with gaps (seed %i): hourly and daily tiers match the definition', (seed) => {
  const random = mulberry32(seed);
  const first = 17 * M;
  const last = 2 * DAY_MS + 5 * H + 23 * M;
  const samples: Array<[number, number]> = [];
  for (let t = first; t <= last; t += M) {
    if (random() > 0.3 && !(t > DAY_MS && t < DAY_MS + 2 * H)) {
      samples.push([t, Math.round(random() * 1000) / 100]);
    }
  }
  const { hourly, daily } = hourlyAndDaily(
    samples.map(([t]) => t),
    samples.map(([, v]) => v),
    0,
    samples.length,
    first,
    last
  );
  const hours = Array.from({ length: hourly.count }, (_, i): [number, number] => [hourly.times[i], hourly.values[i]]);
  const days = Array.from({ length: daily.count }, (_, i) => [daily.times[i], daily.values[i]]);
  const close = (a: number[][], b: number[][]) => a.length === b.length && a.every(([t, v], i) => t === b[i][0] && Math.abs(v - b[i][1]) < 1e-9);
  expect(close(hours, definition(samples, H, first, last))).toBe(true);
  expect(close(days, definition(hours, DAY_MS, first, last))).toBe(true);
  // every minute is in exactly one hour and one day
  const total = samples.filter(([t]) => t <= Math.floor(last / DAY_MS) * DAY_MS).reduce((s, [, v]) => s + v, 0);
  expect(days.reduce((s, [, v]) => s + v, 0)).toBeCloseTo(total, 6);
});
