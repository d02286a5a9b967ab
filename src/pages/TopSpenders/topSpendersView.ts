/**
 * The Top spenders page's data: two instant queries (the top N with the total, and the previous
 * period of the same length for those N, by offset), ranked by src/analysis/topSpenders.ts into
 * the table's rows and the chart's frame (the top N and "Others").
 */
import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { type CoverageVerdict, percentChange, type PercentChange } from '../../analysis/coverage';
import { labeledValuesFromFrames } from '../../analysis/frameValues';
import {
  DEFAULT_TOP_N,
  SpenderDimension,
  SpenderRow,
  splitTotal,
  topSpenders,
  TopSpenders,
  topSpendersQueries,
} from '../../analysis/topSpenders';
import { RULE_INTERVAL_SECONDS } from '../../engine/conventions';
import type { TierContext } from '../../engine/tierPlan';
import type { Filters } from '../../engine/language';
import { alignStep } from '../../datasource/queryPlan';
import { instantTarget, PrometheusTarget } from '../../scenes/prometheusTargets';
import { spenderName } from './spenderNames';

export const REF_CURRENT = 'current';
export const REF_PREVIOUS = 'previous';

export const CHART_FIELDS = { spender: 'spender', spend: 'spend' } as const;

/** The range's length as the KPI datasource evaluates it: whole rule intervals. */
export function windowSecondsOf(fromMs: number, toMs: number): number {
  return alignStep((toMs - fromMs) / 1000, RULE_INTERVAL_SECONDS);
}

export function topSpendersTargets(
  dimension: SpenderDimension,
  range: { fromMs: number; toMs: number },
  filters: Filters,
  tiers?: TierContext
): PrometheusTarget[] {
  const queries = topSpendersQueries(dimension, {
    windowSeconds: windowSecondsOf(range.fromMs, range.toMs),
    n: DEFAULT_TOP_N,
    filters,
    tiers,
  });
  return [instantTarget(REF_CURRENT, queries.current), instantTarget(REF_PREVIOUS, queries.previous)];
}

export interface TopSpendersView extends TopSpenders {
  /** spend of everyone in the previous period; null when nothing was spent then */
  previousTotal: number | null;
}

/** The two queries' frames as the ranked view; no frames give an empty view (nothing spent). */
export function topSpendersFromFrames(frames: readonly DataFrame[], dimension: SpenderDimension): TopSpendersView {
  const of = (refId: string) => splitTotal(labeledValuesFromFrames(frames.filter((f) => f.refId === refId)), dimension);
  const current = of(REF_CURRENT);
  const previous = of(REF_PREVIOUS);
  const view = topSpenders(current.spenders, previous.spenders, {
    n: DEFAULT_TOP_N,
    total: current.total,
    previousTotal: previous.total,
  });
  return { ...view, previousTotal: previous.total ?? null };
}

export const TOTAL_KEY = 'Total';

/** Everyone: the total with its change vs the previous period's total. */
export function totalRow(view: TopSpendersView): SpenderRow {
  const change = view.previousTotal === null ? null : view.total - view.previousTotal;
  return {
    key: TOTAL_KEY,
    spend: view.total,
    sharePercent: view.total > 0 ? 100 : null,
    previous: view.previousTotal,
    change,
  };
}

/**
 * A row's change in percent (src/analysis/coverage.ts): none when a period lacks data; "new" for a
 * spender with nothing in the previous period (absent there: it spent nothing).
 */
export function spenderPercentChange(row: SpenderRow, verdict: CoverageVerdict): PercentChange {
  return percentChange(row.spend, row.previous ?? 0, verdict);
}

/** The top N and "Others" (the rest of the total), one row each, for a pie or bar chart. */
export function topSpendersChartFrame(view: TopSpendersView, dimension: SpenderDimension): DataFrame {
  const rows = view.others ? [...view.rows, view.others] : view.rows;
  return createDataFrame({
    name: 'top spenders and others',
    fields: [
      {
        name: CHART_FIELDS.spender,
        type: FieldType.string,
        values: rows.map((r) => (r === view.others ? r.key : spenderName(r.key, dimension))),
      },
      { name: CHART_FIELDS.spend, type: FieldType.number, values: rows.map((r) => r.spend) },
    ],
  });
}
