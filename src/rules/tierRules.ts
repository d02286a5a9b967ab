/**
 * The hourly and daily tiers of every counter family, the same for every profile (canonical
 * series only); src/engine/tiers.ts says what a bucket holds. Each tier is a group of its own, as
 * Sloth's and Pyrra's long-window rules are: the canonical group stays within Mimir's 20 rules per
 * group, and no rule reads a series written by the same group in the same evaluation (vmalert
 * evaluates a group's rules concurrently).
 *
 * Both groups run every minute and write only at the first evaluation of their hour or day, so a
 * restart costs a bucket only when it spans that whole minute; the clock says which were written.
 */
import type { FamilyId } from '../engine/conventions';
import { TIER_CLOCK, TIER_LABEL, coarseTier, tierSeries, tieredFamilies } from '../engine/tiers';
import { RULE_INTERVAL, RecordingRule } from './profile';
import type { RuleGroup } from './ruleGroup';

export const TIER_GROUPS = { hour: 'aispend-tiers-hourly', day: 'aispend-tiers-daily' } as const;

/** Tier groups hold the long-window history: a backfill writes them over the whole of it. */
export function isTierGroup(name: string): boolean {
  return (Object.values(TIER_GROUPS) as string[]).includes(name);
}

const HOUR_GATE = 'on () (minute() == 0)';
const DAY_GATE = 'on () (hour() == 0 and minute() == 0)';
const HOURS_PER_DAY = 24;

function clockRule(tierId: 'hour' | 'day', gate: string): RecordingRule {
  const seconds = coarseTier(tierId).bucketMs / 1000;
  return { record: TIER_CLOCK, expr: `vector(time() - time() % ${seconds}) and ${gate}`, labels: { [TIER_LABEL]: coarseTier(tierId).clockLabel } };
}

/** The day's 24 hourly marks, read half an hour away from any of their stamps. */
const ALL_HOURS_WRITTEN = `on () (count_over_time(${TIER_CLOCK}{${TIER_LABEL}="${coarseTier('hour').clockLabel}"}[1d] offset 30m) == ${HOURS_PER_DAY})`;

export function hourlyTierRules(families: readonly FamilyId[] = tieredFamilies()): RecordingRule[] {
  // steps on whole minutes, each taking the one sample stamped in the minute before it; 1 ms short
  // of an hour because a subquery's first step is included when it falls on the range's start
  const rules = families.map(
    (family): RecordingRule => ({
      record: tierSeries(family, 'hour'),
      expr: `sum_over_time(last_over_time(${tierSeries(family, 'minute')}[59999ms])[3599999ms:1m] offset 1m) and ${HOUR_GATE}`,
    })
  );
  // last: once the clock shows a mark, every bucket of that evaluation has been written
  return [...rules, clockRule('hour', HOUR_GATE)];
}

export function dailyTierRules(families: readonly FamilyId[] = tieredFamilies()): RecordingRule[] {
  const rules = families.map(
    (family): RecordingRule => ({
      record: tierSeries(family, 'day'),
      expr: `sum_over_time(${tierSeries(family, 'hour')}[1d] offset 30m) and ${DAY_GATE} and ${ALL_HOURS_WRITTEN}`,
    })
  );
  return [...rules, clockRule('day', `${DAY_GATE} and ${ALL_HOURS_WRITTEN}`)];
}

/** The tier groups for the counter families a profile records (`missing` ones have nothing to sum). */
export function tierRuleGroups(missing: readonly FamilyId[] = []): RuleGroup[] {
  const families = tieredFamilies().filter((f) => !missing.includes(f));
  return [
    { name: TIER_GROUPS.hour, interval: RULE_INTERVAL, rules: hourlyTierRules(families) },
    { name: TIER_GROUPS.day, interval: RULE_INTERVAL, rules: dailyTierRules(families) },
  ];
}
