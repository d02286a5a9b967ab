/** The evaluation modes, groupings and formula set the differential tests (Prometheus, VictoriaMetrics) share. */
import { STANDARD_KPIS } from '../../src/engine/catalog';
import type { GroupByLabel } from '../../src/engine/conventions';
import { compileToPromQL } from '../../src/engine/language';
import type { EvaluationOptions } from '../../src/engine/language';
import { SEED_000_FORMULAS } from '../../src/engine/seedExamples';
import { SYNTHETIC_END_MS } from './canonicalData';
import { FormulaGenerator } from './formulaGen';

export type Mode = { name: string; options: Omit<EvaluationOptions, 'groupBy'> };
export const MODES: Mode[] = [
  { name: 'instant 1d', options: { mode: 'instant', windowSeconds: 86400 } },
  { name: 'instant 30d', options: { mode: 'instant', windowSeconds: 30 * 86400 } },
  { name: 'range 1h', options: { mode: 'range', stepSeconds: 3600 } },
];
export const GROUPS: GroupByLabel[][] = [[], ['provider'], ['team']];
export const RANGE_START_MS = SYNTHETIC_END_MS - 23 * 3600_000;

/** The seed examples, the standard KPIs, `extra`, then `count` random formulas that compile in every mode and grouping. */
export function differentialFormulas(seed: number, count: number, extra: string[] = []): string[] {
  const generator = new FormulaGenerator(seed);
  const random: string[] = [];
  while (random.length < count) {
    const formula = generator.formula();
    // formulas refused as too complex for one PromQL expression have nothing to compare
    if (MODES.every((m) => GROUPS.every((groupBy) => compileToPromQL(formula, { ...m.options, groupBy }).ok))) {
      random.push(formula);
    }
  }
  return [...SEED_000_FORMULAS, ...STANDARD_KPIS.map((k) => k.formula), ...extra, ...random];
}
