/**
 * The cell rules every CSV of the app shares (src/analysis/csv.ts for page frames,
 * src/chargeback/csv.ts for reports), free of Grafana imports so that the CLI can use them.
 */

/** RFC 4180 quoting. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text cells only: a number's minus sign is no formula. */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvNumber(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  const n = Number(value);
  return Object.is(n, -0) ? '0' : String(n);
}
