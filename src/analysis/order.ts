/** Deterministic ordering shared by the analysis tables. */

/** Code-point order of label values: the same on every machine and locale (no localeCompare). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
