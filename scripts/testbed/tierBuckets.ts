/**
 * The hourly and daily tiers of one series, as the shipped tier rules record them
 * (src/rules/tierRules.ts): at every evaluation time that is a multiple of the bucket (whole hours,
 * midnights) from the first evaluation to the last, the sum of the finer samples in
 * (close − bucket, close], written only where that bucket has samples. Linear over sorted typed
 * arrays, because the scale test bed computes it for 600 M one-minute samples.
 */

export interface SampleRun {
  times: Float64Array;
  values: Float64Array;
  count: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Bucket sums of samples [from, to) (times ascending, ms), for closes in [firstEvalMs, lastEvalMs]. */
export function bucketSums(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  from: number,
  to: number,
  bucketMs: number,
  firstEvalMs: number,
  lastEvalMs: number
): SampleRun {
  const capacity = Math.max(0, Math.floor(lastEvalMs / bucketMs) - Math.ceil(firstEvalMs / bucketMs) + 1);
  const out: SampleRun = { times: new Float64Array(capacity), values: new Float64Array(capacity), count: 0 };
  let close = -Infinity;
  for (let i = from; i < to; i++) {
    const sampleClose = Math.ceil(times[i] / bucketMs) * bucketMs;
    if (sampleClose < firstEvalMs || sampleClose > lastEvalMs) {
      continue;
    }
    if (sampleClose !== close) {
      close = sampleClose;
      out.times[out.count] = close;
      out.values[out.count++] = 0;
    }
    out.values[out.count - 1] += values[i];
  }
  return out;
}

/** The hourly tier of one-minute samples and the daily tier of that, for evaluations in [firstEvalMs, lastEvalMs]. */
export function hourlyAndDaily(times: ArrayLike<number>, values: ArrayLike<number>, from: number, to: number, firstEvalMs: number, lastEvalMs: number) {
  const hourly = bucketSums(times, values, from, to, HOUR_MS, firstEvalMs, lastEvalMs);
  const daily = bucketSums(hourly.times, hourly.values, 0, hourly.count, DAY_MS, firstEvalMs, lastEvalMs);
  return { hourly, daily };
}
