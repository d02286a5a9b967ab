/**
 * Custom KPIs as Prometheus recording rules (`aispend rules --catalog FILE`): each KPI's
 * formula compiled by the same compiler as the datasource, over trailing 1 h and 1 d windows,
 * so alerting and other tools can read the KPI as a series.
 */
import { GROUP_BY_LABELS, GroupByLabel, kpiRecordName } from '../engine/conventions';
import { compileToPromQL, type Diagnostic } from '../engine/language';
import { RULE_INTERVAL, RecordingRule } from './profile';
import type { RuleGroup } from './ruleGroup';

export const KPI_RULE_WINDOWS: Array<[string, number]> = [
  ['1h', 3600],
  ['1d', 86400],
];

export interface CatalogKpi {
  id: string;
  formula: string;
  name?: string;
  groupBy?: GroupByLabel;
}

export class CatalogError extends Error {
  constructor(
    message: string,
    readonly diagnostic?: Diagnostic
  ) {
    super(message);
  }
}

const KPI_ID = /^[a-z][a-z0-9_]*$/;

/**
 * A catalog is a JSON array of KPIs, or the app's settings object (its `customKpis`), so the
 * app's export and a hand-written file both work.
 */
export function parseKpiCatalog(json: unknown): CatalogKpi[] {
  const list = Array.isArray(json) ? json : (json as { customKpis?: unknown } | null)?.customKpis;
  if (!Array.isArray(list)) {
    throw new CatalogError('a catalog is a JSON array of KPIs or an object with "customKpis"');
  }
  const seen = new Set<string>();
  return list.map((entry, index) => {
    const kpi = entry as Partial<CatalogKpi> & { defaultGroupBy?: GroupByLabel };
    if (typeof kpi?.id !== 'string' || !KPI_ID.test(kpi.id)) {
      throw new CatalogError(`KPI #${index + 1}: "id" must be lower-case letters, digits and _ (got ${JSON.stringify(kpi?.id)})`);
    }
    if (seen.has(kpi.id)) {
      throw new CatalogError(`KPI "${kpi.id}" appears twice`);
    }
    seen.add(kpi.id);
    if (typeof kpi.formula !== 'string') {
      throw new CatalogError(`KPI "${kpi.id}": "formula" must be a string`);
    }
    const groupBy = kpi.groupBy ?? kpi.defaultGroupBy;
    if (groupBy !== undefined && !(GROUP_BY_LABELS as readonly string[]).includes(groupBy)) {
      throw new CatalogError(`KPI "${kpi.id}": "groupBy" must be one of ${GROUP_BY_LABELS.join(', ')}`);
    }
    return { id: kpi.id, formula: kpi.formula, name: kpi.name, groupBy };
  });
}

export function kpiRecordingRules(kpi: CatalogKpi): RecordingRule[] {
  return KPI_RULE_WINDOWS.map(([window, seconds]) => {
    const compiled = compileToPromQL(kpi.formula, { mode: 'instant', windowSeconds: seconds, groupBy: kpi.groupBy ? [kpi.groupBy] : [] });
    if (!compiled.ok) {
      const d = compiled.diagnostics[0];
      throw new CatalogError(`KPI "${kpi.id}": ${d.message} (column ${d.startColumn})`, d);
    }
    return { record: kpiRecordName(kpi.id, window), expr: compiled.promql };
  });
}

/** One group after the canonical and Appendix A groups, which its rules read. */
export function kpiRuleGroup(kpis: CatalogKpi[]): RuleGroup {
  return { name: 'aispend-kpis', interval: RULE_INTERVAL, rules: kpis.flatMap(kpiRecordingRules) };
}
