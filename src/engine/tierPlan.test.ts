import fc from 'fast-check';
import { planWindowParts, SETTLED_SHIFT_MS, settledShiftMs, TierContext, WindowPart } from './tierPlan';
import { COARSE_TIERS, DAY_MS, HOUR_MS, MINUTE_MS, TierId, TierMarks } from './tiers';

/**
 * A simulated TSDB that writes the tiers as the shipped rules do (src/engine/tiers.ts), with
 * evaluation phases, and reads a planned window the way Prometheus 2 reads ranges (both ends
 * included). The planned sum must equal the one-minute sum over the window, to the sample.
 */
interface History {
  stamps: Record<TierId, number[]>;
  values: Record<TierId, number[]>;
  marks: TierMarks;
}

const START = Date.UTC(2026, 9, 1);
const SPAN_DAYS = 100;

function buildHistory(phases: { minute: number; hour: number; day: number }, missingHours: ReadonlySet<number>): History {
  const minuteStamps: number[] = [];
  const minuteValues: number[] = [];
  for (let t = START + phases.minute; t < START + SPAN_DAYS * DAY_MS; t += MINUTE_MS) {
    minuteStamps.push(t);
    minuteValues.push(1 + (Math.floor(t / MINUTE_MS) % 7) + (Math.floor(t / HOUR_MS) % 5) * 10);
  }
  const sumIn = (stamps: number[], values: number[], from: number, to: number) =>
    stamps.reduce((sum, s, i) => (s > from && s <= to ? sum + values[i] : sum), 0);
  const hourMarks = new Set<number>();
  const hour = { stamps: [] as number[], values: [] as number[] };
  for (let mark = START + HOUR_MS; mark < START + SPAN_DAYS * DAY_MS; mark += HOUR_MS) {
    if (!missingHours.has(mark)) {
      hourMarks.add(mark);
      hour.stamps.push(mark + phases.hour);
      hour.values.push(sumIn(minuteStamps, minuteValues, mark - HOUR_MS - MINUTE_MS, mark - MINUTE_MS));
    }
  }
  const dayMarks = new Set<number>();
  const day = { stamps: [] as number[], values: [] as number[] };
  for (let mark = START + 2 * DAY_MS; mark < START + SPAN_DAYS * DAY_MS; mark += DAY_MS) {
    const hours = Array.from({ length: 24 }, (_, i) => mark - (i + 1) * HOUR_MS);
    if (hours.every((h) => hourMarks.has(h))) {
      dayMarks.add(mark);
      day.stamps.push(mark + phases.day);
      day.values.push(hours.reduce((sum, h) => sum + hour.values[hour.stamps.indexOf(h + phases.hour)], 0));
    }
  }
  return {
    stamps: { minute: minuteStamps, hour: hour.stamps, day: day.stamps },
    values: { minute: minuteValues, hour: hour.values, day: day.values },
    marks: { hour: hourMarks, day: dayMarks },
  };
}

/** What Prometheus returns for the parts at `evalMs`: each part's samples written by then, summed. */
function readParts(h: History, parts: WindowPart[], evalMs: number): number {
  let total = 0;
  for (const part of parts) {
    const end = evalMs - part.offsetMs;
    h.stamps[part.tier].forEach((s, i) => {
      if (s >= end - part.rangeMs && s <= end && s <= evalMs) {
        total += h.values[part.tier][i];
      }
    });
  }
  return total;
}

function truth(h: History, fromMs: number, toMs: number): number {
  return h.stamps.minute.reduce((sum, s, i) => (s > fromMs && s <= toMs ? sum + h.values.minute[i] : sum), 0);
}

/** The marks written by `evalMs` (their stamps are at most a minute after the mark). */
function visibleMarks(h: History, evalMs: number): TierMarks {
  const visible = (set: ReadonlySet<number>) => new Set([...set].filter((m) => m + MINUTE_MS <= evalMs));
  return { hour: visible(h.marks.hour), day: visible(h.marks.day) };
}

const tiersOf = (parts: WindowPart[]) => parts.map((p) => p.tier);

/** Where in its minute each rule group evaluates. */
const evaluationPhases = fc.record({
  minute: fc.integer({ min: 0, max: MINUTE_MS - 1 }),
  hour: fc.integer({ min: 0, max: MINUTE_MS - 1 }),
  day: fc.integer({ min: 0, max: MINUTE_MS - 1 }),
});

describe('planWindowParts', () => {
  const phases = { minute: 17_250, hour: 41_500, day: 3_000 };
  const history = buildHistory(phases, new Set());
  const evalMs = START + 60 * DAY_MS + 13 * HOUR_MS + 27 * MINUTE_MS + 31_000;

  test('without tiers: one one-minute range, as before tiers existed', () => {
    expect(planWindowParts(7 * DAY_MS, 0)).toEqual([{ tier: 'minute', rangeMs: 7 * DAY_MS - 1, offsetMs: 0 }]);
    expect(planWindowParts(7 * DAY_MS, 7 * DAY_MS)).toEqual([{ tier: 'minute', rangeMs: 7 * DAY_MS - 1, offsetMs: 7 * DAY_MS }]);
  });

  test.each([
    [HOUR_MS, ['minute']],
    [3 * HOUR_MS, ['minute', 'hour', 'minute']],
    [DAY_MS, ['minute', 'hour', 'minute']],
    [30 * DAY_MS, ['minute', 'hour', 'day', 'hour', 'minute']],
    [90 * DAY_MS, ['minute', 'hour', 'day', 'hour', 'minute']],
  ])('a %d ms window at 13:27:31 reads %j and equals the one-minute sum', (windowMs, tiers) => {
    const ctx: TierContext = { marks: visibleMarks(history, evalMs), firstEvalMs: evalMs, stepMs: 0, count: 1 };
    const parts = planWindowParts(windowMs, 0, ctx);
    expect(tiersOf(parts)).toEqual(tiers);
    expect(readParts(history, parts, evalMs)).toBe(truth(history, evalMs - windowMs, evalMs));
  });

  test('a 30-day window reads ~200 samples per series instead of 43,200', () => {
    const ctx: TierContext = { marks: visibleMarks(history, evalMs), firstEvalMs: evalMs, stepMs: 0, count: 1 };
    const parts = planWindowParts(30 * DAY_MS, 0, ctx);
    const samples = parts.reduce((n, p) => n + history.stamps[p.tier].filter((s) => s >= evalMs - p.offsetMs - p.rangeMs && s <= evalMs - p.offsetMs).length, 0);
    expect(samples).toBeLessThan(250);
  });

  test('a missing hourly bucket (and so its day) is read from the finer tiers, still exact', () => {
    const gap = START + 50 * DAY_MS + 7 * HOUR_MS;
    const holed = buildHistory(phases, new Set([gap]));
    const ctx: TierContext = { marks: visibleMarks(holed, evalMs), firstEvalMs: evalMs, stepMs: 0, count: 1 };
    const parts = planWindowParts(30 * DAY_MS, 0, ctx);
    expect(tiersOf(parts)).toEqual(['minute', 'hour', 'day', 'hour', 'minute', 'hour', 'day', 'hour', 'minute']);
    expect(readParts(holed, parts, evalMs)).toBe(truth(holed, evalMs - 30 * DAY_MS, evalMs));
  });

  test('range query: a 1-day step at midnights reads the same parts at every step, exact at each', () => {
    const first = START + 40 * DAY_MS;
    const ctx: TierContext = { marks: visibleMarks(history, first + 20 * DAY_MS), firstEvalMs: first, stepMs: DAY_MS, count: 21 };
    const parts = planWindowParts(DAY_MS, 0, ctx);
    expect(tiersOf(parts)).toEqual(['minute', 'hour', 'minute']);
    for (let k = 0; k < ctx.count; k++) {
      const at = first + k * DAY_MS;
      expect(readParts(history, parts, at)).toBe(truth(history, at - DAY_MS, at));
    }
  });

  test('range query: a step that is not whole hours reads the one-minute tier only', () => {
    const ctx: TierContext = { marks: visibleMarks(history, evalMs), firstEvalMs: evalMs, stepMs: 90 * MINUTE_MS, count: 10 };
    expect(tiersOf(planWindowParts(90 * MINUTE_MS, 0, ctx))).toEqual(['minute']);
  });

  test('property: any window, evaluation time, phases and missing buckets give the one-minute sum', () => {
    fc.assert(
      fc.property(
        evaluationPhases,
        fc.integer({ min: 5 * DAY_MS, max: 99 * DAY_MS }),
        fc.integer({ min: 1, max: 90 * 24 * 60 }).map((m) => m * MINUTE_MS),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: SPAN_DAYS * 24 }), { maxLength: 3 }),
        (ph, at, windowMs, previous, holes) => {
          const h = buildHistory(ph, new Set(holes.map((i) => START + i * HOUR_MS)));
          const evalAt = START + at;
          const ctx: TierContext = { marks: visibleMarks(h, evalAt), firstEvalMs: evalAt, stepMs: 0, count: 1 };
          const endOffset = previous ? windowMs : 0;
          const parts = planWindowParts(windowMs, endOffset, ctx);
          expect(parts.length).toBeLessThanOrEqual(9);
          expect(readParts(h, parts, evalAt)).toBe(truth(h, evalAt - endOffset - windowMs, evalAt - endOffset));
        }
      ),
      { numRuns: 40 }
    );
  });

  test('the tiers are the ones the rules write', () => {
    expect(COARSE_TIERS.map((t) => [t.id, t.bucketMs, t.lagMs])).toEqual([
      ['hour', HOUR_MS, MINUTE_MS],
      ['day', DAY_MS, HOUR_MS + MINUTE_MS],
    ]);
  });
});

describe('settledShiftMs: range points that read hour buckets only', () => {
  const noHoles = buildHistory({ minute: 17_000, hour: 41_000, day: 5_000 }, new Set());
  const rangeCtx = (h: History, firstEvalMs: number, stepMs: number, count: number): TierContext => ({
    marks: visibleMarks(h, firstEvalMs + (count - 1) * stepMs),
    firstEvalMs,
    stepMs,
    count,
  });
  const day40 = START + 40 * DAY_MS;

  test.each<[string, number, number, number, number | null]>([
    ['a 1 d step at midnights', day40, DAY_MS, 31, SETTLED_SHIFT_MS],
    ['a 6 h step', day40, 6 * HOUR_MS, 121, SETTLED_SHIFT_MS],
    ['a 1 h step: under the shortest settled step', day40, HOUR_MS, 100, null],
    ['a 90 min step: not whole hours', day40, 90 * MINUTE_MS, 100, null],
    ['evaluation times off the hour', day40 + 30 * MINUTE_MS, DAY_MS, 10, null],
    ['the history starts inside the first window', START + DAY_MS, DAY_MS, 5, null],
  ])('%s', (_, firstEvalMs, stepMs, count, shift) => {
    expect(settledShiftMs(rangeCtx(noHoles, firstEvalMs, stepMs, count))).toBe(shift);
  });

  test('a bucket missing inside one point\'s window: no settled points', () => {
    const holed = buildHistory({ minute: 17_000, hour: 41_000, day: 5_000 }, new Set([day40 + 5 * DAY_MS - 7 * HOUR_MS]));
    expect(settledShiftMs(rangeCtx(holed, day40, DAY_MS, 31))).toBeNull();
  });

  test('a 1 d step reads the 24 hour buckets of marks e − 24 h … e − 1 h, no one-minute sample', () => {
    const ctx = { ...rangeCtx(noHoles, day40, DAY_MS, 31), endShiftMs: SETTLED_SHIFT_MS };
    expect(planWindowParts(DAY_MS, 0, ctx)).toEqual([{ tier: 'hour', rangeMs: DAY_MS, offsetMs: 30 * MINUTE_MS }]);
  });

  test('property: every settled point is the one-minute sum of (e − step − 61 min, e − 61 min], also for the window before it', () => {
    fc.assert(
      fc.property(
        evaluationPhases,
        fc.constantFrom(6, 12, 24, 48).map((hours) => hours * HOUR_MS),
        fc.integer({ min: 6, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: SPAN_DAYS * 24 }), { maxLength: 2 }),
        (ph, stepMs, startDay, count, previous, holes) => {
          const h = buildHistory(ph, new Set(holes.map((i) => START + i * HOUR_MS)));
          const firstEvalMs = Math.ceil((START + startDay * DAY_MS) / stepMs) * stepMs;
          const ctx = rangeCtx(h, firstEvalMs, stepMs, Math.min(count, Math.floor((START + SPAN_DAYS * DAY_MS - firstEvalMs) / stepMs)));
          const shift = settledShiftMs(ctx);
          if (!holes.length) {
            expect(shift).toBe(SETTLED_SHIFT_MS);
          }
          if (shift === null) {
            return;
          }
          const endOffset = previous ? stepMs : 0;
          const parts = planWindowParts(stepMs, endOffset, { ...ctx, endShiftMs: shift });
          expect(tiersOf(parts)).not.toContain('minute');
          for (let k = 0; k < ctx.count; k++) {
            const e = firstEvalMs + k * stepMs;
            expect(readParts(h, parts, e)).toBe(truth(h, e - shift - endOffset - stepMs, e - shift - endOffset));
          }
        }
      ),
      { numRuns: 30 }
    );
  });
});
