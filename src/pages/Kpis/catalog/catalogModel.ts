/**
 * The KPI catalog as data: which queries it fires (one instant query per KPI, through the KPI
 * datasource) and its rows from their results. Pure, so both are table-tested.
 */
import type { DataFrame, DataQueryError } from '@grafana/data';
import { STANDARD_KPIS, type KpiDefinition, type ThresholdState } from '../../../engine/catalog';
import { labeledValuesFromFrames } from '../../../analysis/frameValues';
import { type CoverageReading, coverageVerdict } from '../../../analysis/coverage';
import { readsPreviousPeriod } from '../../../analysis/whatChanged';
import type { CustomKpiSetting } from '../../../settings/model';
import { FILTER_VARIABLES, type KpiQuery } from '../../../datasource/types';
import { formatKpiValue } from '../../../format/numbers';
import { kpiStatus, representativeValue } from '../kpiValues';

/** Standard KPIs first (read-only), then the custom ones in their saved order. */
export function catalogKpis(custom: readonly CustomKpiSetting[]): KpiDefinition[] {
  return [...STANDARD_KPIS, ...custom.map((k) => ({ ...k, standard: false }))];
}

/** One instant query per KPI over the page's range; a KPI read by group is queried by that group. */
export function catalogQueries(kpis: readonly KpiDefinition[]): KpiQuery[] {
  return kpis.map((kpi) => ({
    refId: kpi.id,
    kpiId: kpi.id,
    mode: 'instant',
    filterVariables: FILTER_VARIABLES,
    ...(kpi.defaultGroupBy ? { groupBy: kpi.defaultGroupBy } : {}),
  }));
}

export interface CatalogRow {
  kpi: KpiDefinition;
  value: number | null;
  /** the value's text with the KPI's unit and decimals */
  text: string;
  /** for a KPI read by group: which group the value is ("openai", of 3 providers) */
  group?: { label: string; value: string; of: number; pick: 'highest' | 'lowest' };
  status?: ThresholdState;
  error?: string;
  /** a comparison KPI (growth) without enough data in both periods: how much there is, and no value */
  note?: string;
}

export interface CatalogResults {
  series: readonly DataFrame[];
  errors?: readonly DataQueryError[];
}

/** `coverage`: the page's (src/analysis/coverage.ts); a KPI that compares periods itself needs both. */
export function catalogRows(
  kpis: readonly KpiDefinition[],
  results: CatalogResults | undefined,
  coverage: CoverageReading
): CatalogRow[] {
  const verdict = coverageVerdict(coverage, 2);
  return kpis.map((kpi) => {
    const error = results?.errors?.find((e) => e.refId === kpi.id)?.message;
    const withheld = !verdict.comparable && readsPreviousPeriod(kpi.formula) ? verdict.note : undefined;
    const frames = withheld ? [] : (results?.series ?? []).filter((f) => f.refId === kpi.id);
    const reading = representativeValue(kpi, labeledValuesFromFrames(frames));
    const row: CatalogRow = {
      kpi,
      value: reading.value,
      text: formatKpiValue(kpi, reading.value),
      status: kpiStatus(kpi, reading.value),
    };
    if (kpi.defaultGroupBy && reading.group !== undefined) {
      const pick = kpi.direction === 'higher-is-better' ? 'lowest' : 'highest';
      row.group = { label: kpi.defaultGroupBy, value: reading.group, of: reading.groups, pick };
    }
    if (error) {
      row.error = error;
    }
    if (withheld) {
      row.note = withheld;
    }
    return row;
  });
}
