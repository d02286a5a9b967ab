/**
 * The raw gateway metrics each canonical family of a profile is recorded from, so the recording
 * health check can tell "the rules never ran" (raw metrics there, no canonical series) from "the
 * gateway exports nothing for it". Counter recipes name their sources; gauge recipes are PromQL
 * text, whose metric names are read from the expression.
 */
import { FamilyId } from '../engine/conventions';
import type { Profile } from '../rules/profile';

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
  'inf',
  'nan',
]);
/** Label lists (`by (team)`, `on (model)`) and matchers (`{team!="None"}`) hold no metric names. */
const LABEL_LISTS = /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)|\{[^}]*\}|"(?:[^"\\]|\\.)*"/g;
const IDENTIFIER = /(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*(?!\s*\(|[A-Za-z0-9_:])/g;

/** Metric names a PromQL expression reads: identifiers that are neither functions, keywords nor label names. */
export function metricNamesIn(expr: string): string[] {
  const names = expr.replace(LABEL_LISTS, ' ').match(IDENTIFIER) ?? [];
  return [...new Set(names.filter((n) => !KEYWORDS.has(n.toLowerCase())))];
}

/** Raw metric names per family the profile records (families it lacks are absent). */
export function rawMetricsOf(profile: Profile): Map<FamilyId, string[]> {
  const out = new Map<FamilyId, string[]>();
  const add = (family: FamilyId, names: string[]) =>
    out.set(family, [...new Set([...(out.get(family) ?? []), ...names])]);
  for (const recipe of profile.counters) {
    add(
      recipe.family,
      recipe.sources.map((s) => s.metric)
    );
  }
  for (const gauge of profile.gauges) {
    add(gauge.family, metricNamesIn(gauge.expr));
  }
  return out;
}

/** Every raw metric name the profile's rules read, once. */
export function profileRawMetrics(profile: Profile): string[] {
  return [...new Set([...rawMetricsOf(profile).values()].flat())];
}
