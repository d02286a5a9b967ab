/**
 * The hourly and daily tiers of one series and the tier clock, as the shipped tier rules record
 * them (src/rules/tierRules.ts, src/engine/tiers.ts) at minute-aligned evaluations from
 * `firstEvalMs` to `lastEvalMs`:
 * - an hourly sample at each whole hour M evaluated, the sum of the one-minute samples stamped in
 *   (M − 61 min, M − 1 min], written only where that bucket has samples;
 * - a daily sample at each midnight D whose 24 hourly marks D − 24 h … D − 1 h were all evaluated,
 *   the sum of those hourly samples, written where any of them exists;
 * - the clock: one sample per evaluated hour mark and per written day mark, valued at the mark in s.
 * Linear over sorted typed arrays: the scale test bed computes it for 600 M one-minute samples.
 */
import { coarseTier, DAY_MS, HOUR_MS } from '../../src/engine/tiers';

export interface SampleRun {
  times: Float64Array;
  values: Float64Array;
  count: number;
}

export { DAY_MS, HOUR_MS };

const HOUR = coarseTier('hour');
const HOURS_PER_DAY = DAY_MS / HOUR_MS;

/** Marks of `bucketMs` evaluated in [firstEvalMs, lastEvalMs]. */
function marksBetween(bucketMs: number, firstEvalMs: number, lastEvalMs: number): number[] {
  const marks: number[] = [];
  for (let m = Math.ceil(firstEvalMs / bucketMs) * bucketMs; m <= lastEvalMs; m += bucketMs) {
    marks.push(m);
  }
  return marks;
}

/** Midnights whose 24 hourly marks were all evaluated (the daily rule's condition). */
export function dayMarks(firstEvalMs: number, lastEvalMs: number): number[] {
  return marksBetween(DAY_MS, firstEvalMs, lastEvalMs).filter((d) => d - HOURS_PER_DAY * HOUR_MS >= Math.ceil(firstEvalMs / HOUR_MS) * HOUR_MS);
}

export function hourMarks(firstEvalMs: number, lastEvalMs: number): number[] {
  return marksBetween(HOUR_MS, firstEvalMs, lastEvalMs);
}

/** Sums of samples [from, to) by the mark `markOf` gives each, for marks accepted by `keep`; times ascending. */
function sumsByMark(times: ArrayLike<number>, values: ArrayLike<number>, from: number, to: number, markOf: (t: number) => number, keep: (mark: number) => boolean, capacity: number): SampleRun {
  const out: SampleRun = { times: new Float64Array(capacity), values: new Float64Array(capacity), count: 0 };
  let current = -Infinity;
  for (let i = from; i < to; i++) {
    const mark = markOf(times[i]);
    if (!keep(mark)) {
      continue;
    }
    if (mark !== current) {
      current = mark;
      out.times[out.count] = mark;
      out.values[out.count++] = 0;
    }
    out.values[out.count - 1] += values[i];
  }
  return out;
}

/** The hourly tier of one-minute samples and the daily tier of that, for evaluations in [firstEvalMs, lastEvalMs]. */
export function hourlyAndDaily(times: ArrayLike<number>, values: ArrayLike<number>, from: number, to: number, firstEvalMs: number, lastEvalMs: number) {
  const firstHour = Math.ceil(firstEvalMs / HOUR_MS) * HOUR_MS;
  const hourly = sumsByMark(
    times,
    values,
    from,
    to,
    (t) => Math.ceil((t + HOUR.lagMs) / HOUR_MS) * HOUR_MS,
    (m) => m >= firstHour && m <= lastEvalMs,
    Math.max(0, Math.floor((lastEvalMs - firstHour) / HOUR_MS) + 1)
  );
  const days = new Set(dayMarks(firstEvalMs, lastEvalMs));
  const daily = sumsByMark(
    hourly.times,
    hourly.values,
    0,
    hourly.count,
    (m) => Math.floor(m / DAY_MS) * DAY_MS + DAY_MS,
    (d) => days.has(d),
    days.size
  );
  return { hourly, daily };
}
