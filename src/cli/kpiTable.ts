/**
 * The standard KPIs as a terminal table: what `npm run demo` prints. Values come from
 * `runKpi`, so the numbers are those the datasource shows for the same range. A KPI that compares
 * periods itself (growth) is shown, as on the Overview, only when both periods have data.
 */
import { type CoverageReading, coverageVerdict } from '../analysis/coverage';
import { readsPreviousPeriod } from '../analysis/whatChanged';
import type { KpiDefinition } from '../engine/catalog';
import { formatKpiValue } from '../format/numbers';
import type { JsonValue, KpiOutput } from './kpiQuery';

export interface KpiRow {
  kpi: KpiDefinition;
  output: KpiOutput;
}

/** The app's text of the value (format/numbers.ts); Prometheus's special values (NaN, +Inf) as they come. */
export function kpiValueText(value: JsonValue | undefined, kpi: Pick<KpiDefinition, 'unit' | 'decimals'>): string {
  return typeof value === 'string' ? value : formatKpiValue(kpi, value);
}

/**
 * One line per KPI; a KPI grouped by a label gets one indented line per group, largest first.
 * `coverage`: of the table's range and the one before it (src/cli/coverage.ts); a growth KPI
 * without enough data in both shows "—" and how much there is.
 */
export function formatKpiTable(rows: KpiRow[], coverage: CoverageReading): string {
  const lines: Array<[string, string, string]> = [['KPI', 'value', 'formula']];
  const verdict = coverageVerdict(coverage);
  for (const { kpi, output } of rows) {
    const results = output.results ?? [];
    if (!verdict.comparable && readsPreviousPeriod(kpi.formula)) {
      lines.push([kpi.name, kpiValueText(null, kpi), `${kpi.formula}  (${verdict.note})`]);
      continue;
    }
    if (!output.groupBy.length) {
      lines.push([kpi.name, kpiValueText(results[0]?.value, kpi), kpi.formula]);
      continue;
    }
    lines.push([kpi.name, '', `${kpi.formula}  (by ${output.groupBy.join(', ')})`]);
    const numeric = (v: JsonValue | undefined) => (typeof v === 'number' ? v : -Infinity);
    for (const result of [...results].sort((a, b) => numeric(b.value) - numeric(a.value))) {
      lines.push([`  ${Object.values(result.labels).join(', ')}`, kpiValueText(result.value, kpi), '']);
    }
  }
  const widths = [0, 1].map((i) => Math.max(...lines.map((l) => l[i].length)));
  return lines
    .map(([name, value, formula]) => `${name.padEnd(widths[0])}  ${value.padStart(widths[1])}  ${formula}`.trimEnd())
    .join('\n');
}
