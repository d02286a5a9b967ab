/**
 * The standard KPIs as a terminal table: what `npm run demo` prints. Values come from
 * `runKpi`, so the numbers are those the datasource shows for the same range.
 */
import type { KpiDefinition } from '../engine/catalog';
import type { JsonValue, KpiOutput } from './kpiQuery';

export interface KpiRow {
  kpi: KpiDefinition;
  output: KpiOutput;
}

/** "—" for missing, as the app shows it; units after the number, USD before it. */
export function formatKpiValue(value: JsonValue | undefined, kpi: Pick<KpiDefinition, 'unit' | 'decimals'>): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'string') {
    return value;
  }
  const number = value.toLocaleString('en-US', { minimumFractionDigits: kpi.decimals, maximumFractionDigits: kpi.decimals });
  if (kpi.unit === 'USD') {
    return `$${number}`;
  }
  if (kpi.unit === 'USD/day') {
    return `$${number}/day`;
  }
  return kpi.unit === '%' ? `${number} %` : `${number} ${kpi.unit}`;
}

/** One line per KPI; a KPI grouped by a label gets one indented line per group, largest first. */
export function formatKpiTable(rows: KpiRow[]): string {
  const lines: Array<[string, string, string]> = [['KPI', 'value', 'formula']];
  for (const { kpi, output } of rows) {
    const results = output.results ?? [];
    if (!output.groupBy.length) {
      lines.push([kpi.name, formatKpiValue(results[0]?.value, kpi), kpi.formula]);
      continue;
    }
    lines.push([kpi.name, '', `${kpi.formula}  (by ${output.groupBy.join(', ')})`]);
    const numeric = (v: JsonValue | undefined) => (typeof v === 'number' ? v : -Infinity);
    for (const result of [...results].sort((a, b) => numeric(b.value) - numeric(a.value))) {
      lines.push([`  ${Object.values(result.labels).join(', ')}`, formatKpiValue(result.value, kpi), '']);
    }
  }
  const widths = [0, 1].map((i) => Math.max(...lines.map((l) => l[i].length)));
  return lines
    .map(([name, value, formula]) => `${name.padEnd(widths[0])}  ${value.padStart(widths[1])}  ${formula}`.trimEnd())
    .join('\n');
}
