/**
 * The canonical families checklist: for each family of PRODUCT.md §3, whether the chosen
 * Prometheus has its series, what it feeds (the KPI measures read from it), and, when it is
 * absent, whether the metric profile says so (a source that does not export it) or the rules
 * are not loaded.
 */
import { FAMILIES, Family, FamilyId } from '../../engine/conventions';
import { familyFor, MEASURES } from '../../engine/language/measures';
import type { Profile } from '../../rules/profile';
import { profileRulesPath } from '../../rules/registry';

export type FamilyStatus = 'present' | 'expected-missing' | 'missing';

export interface FamilyRow {
  family: Family;
  status: FamilyStatus;
  /** what the family is for, in the KPI language's words */
  usedFor: string;
  /** why it is absent and what to do, for absent families */
  note?: string;
}

/** The KPI measures that read a family; the spend-by-spender family serves grouping by user / api_key. */
export function measuresOf(id: FamilyId): string[] {
  const direct = MEASURES.filter((m) => m.family === id).map((m) => m.name);
  const bySpender = MEASURES.filter((m) => familyFor(m, true) === id).map((m) => `${m.name} by user / api_key`);
  return [...direct, ...bySpender];
}

function usedFor(family: Family): string {
  const measures = measuresOf(family.id);
  return measures.length ? `${family.description}; KPI measures: ${measures.join(', ')}` : family.description;
}

function missingNote(family: Family, profile: Profile, expected: boolean): string {
  const measures = measuresOf(family.id).join(', ');
  if (expected) {
    return `Expected for the ${profile.id} profile: its source does not export ${family.description}, so KPIs that use ${measures} show "—" (missing), never 0.`;
  }
  return `No series: load ${profileRulesPath(profile.id)} into this Prometheus, or check that the gateway exports this data.`;
}

export function familyChecklist(found: ReadonlySet<string>, profile: Profile): FamilyRow[] {
  return Object.values(FAMILIES).map((family) => {
    if (found.has(family.series)) {
      return { family, status: 'present', usedFor: usedFor(family) };
    }
    const expected = profile.missing.includes(family.id);
    return {
      family,
      status: expected ? 'expected-missing' : 'missing',
      usedFor: usedFor(family),
      note: missingNote(family, profile, expected),
    };
  });
}

export function checklistSummary(rows: FamilyRow[]): string {
  const count = (status: FamilyStatus) => rows.filter((r) => r.status === status).length;
  const parts = [`${count('present')} of ${rows.length} families present`];
  if (count('expected-missing')) {
    parts.push(`${count('expected-missing')} absent as the profile expects`);
  }
  if (count('missing')) {
    parts.push(`${count('missing')} missing`);
  }
  return parts.join(', ');
}
