/**
 * The Prometheus requests each app page makes for a time range, built by the pages' own query
 * builders and planned by the KPI datasource's planner (planKpiQuery → compileToPromQL), so that
 * the scale bench measures whatever the pages and the compiler produce when it runs:
 * - Overview: the coverage query and, per Overview KPI, the tile's value, previous period and
 *   14-day daily sparkline (scenes: overviewScene, KpiTile);
 * - Top spenders: the coverage query, the current top N with the total and the previous period;
 * - Budgets: the 7-day coverage query, limits, spend in the period and burn rate;
 * - KPI deep dive: the coverage query, the KPI over time, its value and the provider / model /
 *   team breakdowns with their previous periods.
 * The modules import @grafana/data: install browser globals (browserless.ts) before loading this.
 */
import { rangeUtil, dateTime } from '@grafana/data';
import { comparisonPeriods, coverageQuery, coverageSpecFor, trailingDaysSpec } from '../../src/analysis/coverage';
import type { SpenderDimension } from '../../src/analysis/topSpenders';
import { BURN_WINDOW_DAYS } from '../../src/budgets/budgetQueries';
import { findStandardKpi, OVERVIEW_KPI_IDS } from '../../src/engine/catalog';
import { RULE_INTERVAL_SECONDS } from '../../src/engine/conventions';
import { evaluationTimes, planKpiQuery } from '../../src/datasource/queryPlan';
import type { TierContext } from '../../src/engine/tierPlan';
import type { TierMarks } from '../../src/engine/tiers';
import type { KpiQuery } from '../../src/datasource/types';
import { budgetTargets } from '../../src/pages/Budgets/budgetTargets';
import { deepDiveQueries, SERIES_MAX_DATA_POINTS } from '../../src/pages/Kpis/deepDive/deepDiveQueries';
import { tileQueries } from '../../src/pages/Overview/tileModel';
import { topSpendersTargets } from '../../src/pages/TopSpenders/topSpendersView';
import type { PageId } from './scaleReport';

export interface PromRequest {
  page: PageId;
  name: string;
  expr: string;
  /** instant query at this time, or a range query */
  timeSec?: number;
  range?: { startSec: number; endSec: number; stepSec: number };
}

export interface PageQueryOptions {
  fromMs: number;
  toMs: number;
  deepDiveKpiId: string;
  spenderDimension: SpenderDimension;
  /** the deep dive's time series panel: Grafana asks for about one point per pixel */
  panelWidthPx: number;
  /** the tier buckets the Prometheus clock shows; without them every window reads the one-minute tier */
  tierMarks?: TierMarks;
}

/** The pages' built runners: instant queries at the range's end with the marks (builtQueryRunner.ts). */
function instantTiers(options: PageQueryOptions): TierContext | undefined {
  return options.tierMarks ? { marks: options.tierMarks, ...evaluationTimes('instant', options.toMs, options.fromMs, null) } : undefined;
}

/** Grafana's Prometheus datasource aligns a range query's start and end down to its step. */
export function alignedRange(fromMs: number, toMs: number, stepSec: number): { startSec: number; endSec: number; stepSec: number } {
  const align = (ms: number) => Math.floor(ms / 1000 / stepSec) * stepSec;
  return { startSec: align(fromMs), endSec: align(toMs), stepSec };
}

/** Where the built runners' instant queries run: the range's end in whole seconds, as their plans assume. */
const instantTime = (options: PageQueryOptions) => Math.floor(options.toMs / 1000);

function coverage(page: PageId, spec: Parameters<typeof coverageQuery>[0], options: PageQueryOptions): PromRequest {
  const tiers = instantTiers(options);
  return { page, name: 'coverage', expr: coverageQuery(spec, tiers), timeSec: (tiers?.firstEvalMs ?? options.toMs) / 1000 };
}

/** The KPI datasource's request for one panel query, as its plan says (instant at the range's end, or a range). */
function kpiRequest(page: PageId, query: KpiQuery, options: PageQueryOptions, intervalMs: number): PromRequest {
  const plan = planKpiQuery(query, {
    fromMs: options.fromMs,
    toMs: options.toMs,
    intervalMs,
    ruleIntervalSeconds: RULE_INTERVAL_SECONDS,
    filters: {},
    findKpi: findStandardKpi,
    tierMarks: options.tierMarks,
  });
  if (!plan.ok) {
    throw new Error(`${query.kpiId} ${query.refId}: ${plan.message}`);
  }
  const name = `${query.kpiId} ${query.refId}${query.groupBy ? ` by ${query.groupBy}` : ''}`;
  if (plan.mode === 'instant') {
    return { page, name, expr: plan.promql, timeSec: plan.toMs / 1000 };
  }
  return { page, name, expr: plan.promql, range: alignedRange(plan.fromMs, plan.toMs, plan.stepSeconds!) };
}

function overview(options: PageQueryOptions): PromRequest[] {
  const kpis = OVERVIEW_KPI_IDS.map((id) => findStandardKpi(id)!);
  // as overviewScene: as many periods back as the most demanding tile compares
  const periods = Math.max(...kpis.map((k) => comparisonPeriods(k.formula)));
  return [
    coverage('overview', coverageSpecFor(options, periods), options),
    ...kpis.flatMap((kpi) => tileQueries(kpi).map((q) => kpiRequest('overview', q, options, RULE_INTERVAL_SECONDS * 1000))),
  ];
}

function topSpenders(options: PageQueryOptions): PromRequest[] {
  return [
    coverage('topSpenders', coverageSpecFor(options, 2), options),
    ...topSpendersTargets(options.spenderDimension, options, {}, instantTiers(options)).map(
      (t): PromRequest => ({ page: 'topSpenders', name: `${t.refId} by ${options.spenderDimension}`, expr: t.expr, timeSec: instantTime(options) })
    ),
  ];
}

function budgets(options: PageQueryOptions): PromRequest[] {
  return [
    coverage('budgets', trailingDaysSpec(BURN_WINDOW_DAYS), options),
    ...budgetTargets(instantTiers(options)).map((t): PromRequest => ({ page: 'budgets', name: t.refId, expr: t.expr, timeSec: instantTime(options) })),
  ];
}

function kpiDeepDive(options: PageQueryOptions): PromRequest[] {
  const kpi = findStandardKpi(options.deepDiveKpiId);
  if (!kpi) {
    throw new Error(`no standard KPI ${options.deepDiveKpiId}`);
  }
  const range = { from: dateTime(options.fromMs), to: dateTime(options.toMs), raw: { from: '', to: '' } };
  // as SceneQueryRunner: the runner's maxDataPoints, else the panel's width
  const intervalMs = rangeUtil.calculateInterval(range, Math.min(options.panelWidthPx, SERIES_MAX_DATA_POINTS)).intervalMs;
  const queries = deepDiveQueries(kpi);
  const all = [...queries.series, ...queries.value, ...Object.values(queries.breakdowns).flat()];
  return [coverage('kpiDeepDive', coverageSpecFor(options, 2), options), ...all.map((q) => kpiRequest('kpiDeepDive', q, options, intervalMs))];
}

export function pageRequests(options: PageQueryOptions): PromRequest[] {
  return [...overview(options), ...topSpenders(options), ...budgets(options), ...kpiDeepDive(options)];
}
