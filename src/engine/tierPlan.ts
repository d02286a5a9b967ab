/**
 * The query planner of issue 15: which tier reads which part of a window. A window (a, b] of
 * one-minute stamps is covered by runs of whole daily buckets, the hours around them by runs of
 * whole hourly buckets, and what is left at the edges by the one-minute tier itself, so a total is
 * the same sum of one-minute samples as before, exact at both edges and fresh to the last minute.
 *
 * Only buckets that the clock says were written are read (TierMarks); a missing bucket is read from
 * the finer tiers instead. Parts are ranges relative to the evaluation time; for a range query the
 * same text runs at every step, so a tier takes part only when the step is a whole number of its
 * buckets (every step then sits at the same place in the hour or day) and its marks exist at every
 * step.
 */
import { COARSE_TIERS, CoarseTier, coarseTier, HOUR_MS, MARK_STAMP_SPREAD_MS, TierId, TierMarks } from './tiers';

/** Where one query is evaluated: once (count 1), or at count steps of stepMs from firstEvalMs. */
export interface TierContext {
  marks: TierMarks;
  firstEvalMs: number;
  stepMs: number;
  count: number;
  /** every window ends this long before its evaluation time (settled points, see settledShiftMs) */
  endShiftMs?: number;
}

/** One selector of a planned window: `[rangeMs] offset offsetMs` on the tier's series. */
export interface WindowPart {
  tier: TierId;
  rangeMs: number;
  offsetMs: number;
}

/** Beyond this many parts a planned query grows more in text than it saves in samples. */
const MAX_PARTS = 9;

const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;
const ceilTo = (ms: number, unit: number) => Math.ceil(ms / unit) * unit;

interface Planning {
  evalMs: number;
  has(tier: CoarseTier, markMs: number): boolean;
}

/** (a, b] of one-minute stamps: Prometheus 2 ranges include both ends, so stop 1 ms short of a. */
function minutePart(a: number, b: number, evalMs: number): WindowPart {
  return { tier: 'minute', rangeMs: b - a - 1, offsetMs: evalMs - b };
}

/** Marks M1 … Mk, stamped in [M, M + 1 m): a range half a bucket wide of every stamp. */
function tierPart(tier: CoarseTier, firstMark: number, lastMark: number, evalMs: number): WindowPart {
  const start = firstMark - tier.bucketMs / 2;
  const end = Math.min(evalMs, lastMark + tier.bucketMs / 2);
  return { tier: tier.id, rangeMs: end - start, offsetMs: evalMs - end };
}

/** Covers (a, b] with whole runs of `tiers[0]`'s written buckets, the rest with the finer tiers. */
function fill(a: number, b: number, tiers: readonly CoarseTier[], p: Planning): WindowPart[] {
  if (b <= a) {
    return [];
  }
  const [tier, ...finer] = tiers;
  if (!tier) {
    return [minutePart(a, b, p.evalMs)];
  }
  const first = ceilTo(a + tier.bucketMs + tier.lagMs, tier.bucketMs);
  const last = floorTo(Math.min(b + tier.lagMs, p.evalMs - MARK_STAMP_SPREAD_MS), tier.bucketMs);
  const parts: WindowPart[] = [];
  let cursor = a;
  let runStart: number | null = null;
  const closeRun = (lastMark: number) => {
    parts.push(...fill(cursor, runStart! - tier.bucketMs - tier.lagMs, finer, p), tierPart(tier, runStart!, lastMark, p.evalMs));
    cursor = lastMark - tier.lagMs;
    runStart = null;
  };
  for (let mark = first; mark <= last; mark += tier.bucketMs) {
    if (p.has(tier, mark)) {
      runStart ??= mark;
    } else if (runStart !== null) {
      closeRun(mark - tier.bucketMs);
    }
  }
  if (runStart !== null) {
    closeRun(last);
  }
  return [...parts, ...fill(cursor, b, finer, p)];
}

/** The same window read from the one-minute tier alone (gauges, and plans without buckets). */
export function minuteWindowPart(windowMs: number, endOffsetMs: number, ctx?: TierContext): WindowPart {
  const b = windowEnd(endOffsetMs, ctx);
  return minutePart(b - windowMs, b, ctx?.firstEvalMs ?? 0);
}

/** Where the window ends at the first evaluation time (0 without a context: offsets only). */
function windowEnd(endOffsetMs: number, ctx?: TierContext): number {
  return (ctx?.firstEvalMs ?? 0) - endOffsetMs - (ctx?.endShiftMs ?? 0);
}

function usableTiers(ctx: TierContext): CoarseTier[] {
  return COARSE_TIERS.filter((t) => ctx.count === 1 || (ctx.stepMs > 0 && ctx.stepMs % t.bucketMs === 0));
}

/**
 * The parts of the window (e − endOffsetMs − windowMs, e − endOffsetMs] at every evaluation time
 * e of `ctx`; without a context (or marks) the one-minute tier alone, as before tiers existed.
 */
export function planWindowParts(windowMs: number, endOffsetMs: number, ctx?: TierContext): WindowPart[] {
  const evalMs = ctx?.firstEvalMs ?? 0;
  const b = windowEnd(endOffsetMs, ctx);
  const minuteOnly = [minuteWindowPart(windowMs, endOffsetMs, ctx)];
  if (!ctx) {
    return minuteOnly;
  }
  const marksOf = (tier: CoarseTier) => ctx.marks[tier.id];
  const planning: Planning = {
    evalMs,
    has: (tier, mark) => {
      for (let k = 0; k < ctx.count; k++) {
        if (!marksOf(tier).has(mark + k * ctx.stepMs)) {
          return false;
        }
      }
      return true;
    },
  };
  // coarsest first; drop the coarsest while the plan has too many parts (many missing buckets)
  const tiers = usableTiers(ctx).reverse();
  for (let i = 0; i < tiers.length; i++) {
    const parts = fill(b - windowMs, b, tiers.slice(i), planning);
    if (parts.length <= MAX_PARTS) {
      return parts;
    }
  }
  return minuteOnly;
}

/** How far settled points sit before their evaluation times: an hour and the hourly tier's lag. */
export const SETTLED_SHIFT_MS = HOUR_MS + coarseTier('hour').lagMs;
/** The shortest step that is plotted with settled points (the shift is at most a sixth of a step). */
export const SETTLED_MIN_STEP_MS = 6 * HOUR_MS;

/**
 * Settled points for a range query: at a whole-hour step, the point evaluated at e (a whole hour)
 * sums the hour buckets of marks e − step … e − 1 h, exactly the one-minute samples stamped in
 * (e − step − 61 min, e − 61 min], and is plotted at e − 61 min. Such a point reads no one-minute
 * sample: the one-minute edges of an on-the-hour window would make Prometheus decode every
 * one-minute chunk of the range for each series (scripts/bench-scale.ts measures it). Returns
 * the shift when the buckets of every point's window, and of the window before it (`previous.`),
 * were written; null otherwise.
 */
export function settledShiftMs(ctx: TierContext): number | null {
  if (ctx.count < 1 || ctx.stepMs < SETTLED_MIN_STEP_MS || ctx.stepMs % HOUR_MS !== 0 || ctx.firstEvalMs % HOUR_MS !== 0) {
    return null;
  }
  const shifted = { ...ctx, endShiftMs: SETTLED_SHIFT_MS };
  const bucketsOnly = [0, ctx.stepMs].every((endOffsetMs) => planWindowParts(ctx.stepMs, endOffsetMs, shifted).every((part) => part.tier !== 'minute'));
  return bucketsOnly ? SETTLED_SHIFT_MS : null;
}
