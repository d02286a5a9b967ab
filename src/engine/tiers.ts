/**
 * Coarser tiers of the canonical counter families (issue 15): what each tier holds, as the shipped
 * rules record it (src/rules/tierRules.ts) and as the planner (tierPlan.ts) and the scale test bed
 * read it. Series names come from conventions.ts; this module only says how buckets are cut.
 *
 * Buckets are cut on the clock, not on evaluation times, so that a reader can name them:
 * - the hourly sample of clock hour mark H (a multiple of 1 h) is written at the tier group's first
 *   evaluation in [H, H + 1 m) and holds the one-minute samples stamped in (H − 61 m, H − 1 m]. The
 *   rule reads the one-minute tier through a subquery whose steps sit on whole minutes, so the
 *   cut does not depend on either group's evaluation phase; the minute of lag leaves the one-minute
 *   group a full minute to write what the hour needs.
 * - the daily sample of midnight D (UTC) is written at the daily group's evaluation in [D, D + 1 m)
 *   and holds the hourly samples of marks D − 24 h … D − 1 h, that is the one-minute samples in
 *   (D − 24 h − 61 m, D − 61 m]; it is written only when all 24 hourly marks exist.
 * - `TIER_CLOCK` holds one sample per written mark (label `tier`), valued at the mark in seconds,
 *   so a reader learns which buckets exist without reading the families themselves.
 */
import { FAMILIES, FamilyId, RULE_PREFIX } from './conventions';

export type TierId = 'minute' | 'hour' | 'day';
export type CoarseTierId = Exclude<TierId, 'minute'>;

export interface CoarseTier {
  id: CoarseTierId;
  /** bucket length */
  bucketMs: number;
  /** a mark M holds the one-minute samples stamped in (M − bucketMs − lagMs, M − lagMs] */
  lagMs: number;
  /** the series name's last segment, replacing `increase1m` */
  suffix: string;
  /** value of the clock's `tier` label */
  clockLabel: string;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Finest first. A mark's sample is stamped in [M, M + MARK_STAMP_SPREAD_MS). */
export const COARSE_TIERS: readonly CoarseTier[] = [
  { id: 'hour', bucketMs: HOUR_MS, lagMs: MINUTE_MS, suffix: 'increase1h', clockLabel: '1h' },
  { id: 'day', bucketMs: DAY_MS, lagMs: HOUR_MS + MINUTE_MS, suffix: 'increase1d', clockLabel: '1d' },
];
export const MARK_STAMP_SPREAD_MS = MINUTE_MS;

/** One series, no labels but `tier`: a sample per written mark, valued at the mark (unix seconds). */
export const TIER_CLOCK = `${RULE_PREFIX}tier_clock`;
export const TIER_LABEL = 'tier';
/** Keeps the parts of one planned window apart until they are summed (never a series label). */
export const TIER_PART_LABEL = 'aispend_tier_part';

/** Parts of one window as one vector: each labelled apart so that `or` keeps them all until the caller's `sum`. */
export function labelledTierParts(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0] : parts.map((q, i) => `label_replace(${q}, "${TIER_PART_LABEL}", "${i}", "", "")`).join(' or ');
}

export function coarseTier(id: CoarseTierId): CoarseTier {
  return COARSE_TIERS.find((t) => t.id === id)!;
}

/** The counter families, the ones with tiers. */
export function tieredFamilies(): FamilyId[] {
  return (Object.keys(FAMILIES) as FamilyId[]).filter((id) => FAMILIES[id].kind === 'increase');
}

/** The series of `family` in `tier`, e.g. `aigateway:spend_usd:increase1h`. */
export function tierSeries(family: FamilyId, tier: TierId): string {
  const base = FAMILIES[family].series;
  return tier === 'minute' ? base : base.replace(/:increase1m$/, `:${coarseTier(tier).suffix}`);
}

/** Which marks have been written, by tier (from the clock); the planner reads no bucket it does not know. */
export interface TierMarks {
  hour: ReadonlySet<number>;
  day: ReadonlySet<number>;
}

export const NO_TIER_MARKS: TierMarks = { hour: new Set(), day: new Set() };

/** The one-minute stamps a mark's bucket holds: (fromMs, toMs]. */
export function markCoverage(tier: CoarseTier, markMs: number): { fromMs: number; toMs: number } {
  return { fromMs: markMs - tier.bucketMs - tier.lagMs, toMs: markMs - tier.lagMs };
}
