/**
 * The queries of one chargeback report. Every spend figure is the KPI `total_cost` compiled by the
 * KPI compiler (src/engine/language compileIR), instant at the end of its period over the period's
 * length, so the report's total is what `aispend eval total_cost --from … --to …` prints.
 *
 * Scopes: a team is a compiler filter, except for the team summary, which reads every team (the
 * allocation rule needs everyone's unteamed spend, and an unknown team is told from a quiet one).
 * An API key lives only on the spend-by-spender family, which the compiler reads when `api_key` is
 * in the group-by: API-key reports group by it as well and keep the key's rows (report.ts), so the
 * key summary also lists every key and an unknown key is recognised.
 */
import { anomalyTableQueries } from '../analysis/anomalies';
import { coverageQuery } from '../analysis/coverage';
import { forecastQueries } from '../analysis/forecast';
import { unpricedUsageQueries } from '../analysis/unpriced';
import { DEFAULT_ANOMALY_SIGMA, GroupByLabel } from '../engine/conventions';
import type { Expr, Filters } from '../engine/language';
import { compileIR } from '../engine/language/compile';
import { resolvePeriod } from './period';
import type { ChargebackQuery, ChargebackQueryId, ChargebackRequest, ChargebackScope, PeriodSpan, ResolvedPeriod } from './types';

export const DAY_SECONDS = 86400;
/** Resolution at which anomalies inside the period are looked for. */
export const ANOMALY_RESOLUTION_SECONDS = 3600;
const TOTAL_COST: Expr = { kind: 'measure', measure: 'total_cost', scope: {} };

/** The compiler filters of a scope (an API key is a group-by, see above). */
export function scopeFilters(scope: ChargebackScope): Filters {
  return scope.kind === 'team' ? { team: [scope.team] } : {};
}

/** Labels an API-key report groups by on top of a section's own. */
export function scopeGroups(scope: ChargebackScope, groups: GroupByLabel[]): GroupByLabel[] {
  return scope.kind === 'api_key' && !groups.includes('api_key') ? [...groups, 'api_key'] : groups;
}

const seconds = (span: PeriodSpan) => span.endSec - span.startSec;

/** Spend over a span by `groups`, evaluated at the span's end. */
function spendOver(span: PeriodSpan, groups: GroupByLabel[], filters: Filters): string {
  return compileIR(TOTAL_COST, { mode: 'instant', windowSeconds: seconds(span), groupBy: groups, filters });
}

function instant(id: ChargebackQueryId, expr: string, timeSec: number): ChargebackQuery {
  return { id, kind: 'instant', expr, timeSec };
}

type SectionId = 'total' | 'teams' | 'apiKeys' | 'models' | 'providers';
const PREVIOUS_ID: Record<SectionId, ChargebackQueryId> = {
  total: 'previousTotal',
  teams: 'previousTeams',
  apiKeys: 'previousApiKeys',
  models: 'previousModels',
  providers: 'previousProviders',
};

/** A section's query over the period and over the previous period. */
function sectionQueries(id: SectionId, period: ResolvedPeriod, groups: GroupByLabel[], filters: Filters): ChargebackQuery[] {
  return [
    instant(id, spendOver(period, groups, filters), period.endSec),
    instant(PREVIOUS_ID[id], spendOver(period.previous, groups, filters), period.previous.endSec),
  ];
}

/**
 * One point per day from the period's start (it covers the day before, for the first day's change)
 * to the end of the last whole day; a running month's last day, which ends now rather than at a
 * point of the grid, is an instant query of its own.
 */
export function dailyGrid(period: PeriodSpan): { startSec: number; endSec: number; stepSec: number } {
  return { startSec: period.startSec, endSec: Math.floor(period.endSec / DAY_SECONDS) * DAY_SECONDS, stepSec: DAY_SECONDS };
}

function dailyQueries(request: ChargebackRequest, period: ResolvedPeriod): ChargebackQuery[] {
  const grid = dailyGrid(period);
  const groups = scopeGroups(request.scope, []);
  const filters = scopeFilters(request.scope);
  const spend = compileIR(TOTAL_COST, { mode: 'range', stepSeconds: DAY_SECONDS, groupBy: groups, filters });
  const queries: ChargebackQuery[] = [
    { id: 'daily', kind: 'range', expr: spend, ...grid },
    { id: 'dailyCoverage', kind: 'range', expr: coverageQuery({ windowSeconds: DAY_SECONDS, periods: 1 }), ...grid },
  ];
  const lastDay: PeriodSpan = { startSec: Math.max(grid.endSec, period.startSec), endSec: period.endSec, label: '' };
  if (lastDay.endSec > lastDay.startSec) {
    queries.push(
      instant('dailyPartial', spendOver(lastDay, groups, filters), lastDay.endSec),
      instant('dailyPartialCoverage', coverageQuery({ windowSeconds: seconds(lastDay), periods: 1 }), lastDay.endSec)
    );
  }
  return queries;
}

function coverageQueries(period: ResolvedPeriod): ChargebackQuery[] {
  return [
    instant('coverage', coverageQuery({ windowSeconds: seconds(period), periods: 1 }), period.endSec),
    instant('previousCoverage', coverageQuery({ windowSeconds: seconds(period.previous), periods: 1 }), period.previous.endSec),
  ];
}

function forecastSectionQueries(period: ResolvedPeriod, filters: Filters): ChargebackQuery[] {
  const { daily, monthToDate } = forecastQueries(period.endSec * 1000, filters);
  return [
    { id: 'forecastDaily', kind: 'range', expr: daily.expr, startSec: daily.startSec, endSec: daily.endSec, stepSec: daily.stepSec },
    instant('forecastMonthToDate', monthToDate.expr, monthToDate.timeSec),
  ];
}

/**
 * The hours of the period at which a model and team was anomalous (the Forecasts page's condition,
 * src/analysis/anomalies.ts), summarised per row: how many, the first, the peak rate and the
 * largest deviations either way.
 */
export function anomalyInPeriodQueries(period: PeriodSpan, sigma: number, filters: Filters): ChargebackQuery[] {
  const table = anomalyTableQueries(sigma, filters);
  const over = (fn: string, expr: string) => `${fn}((${expr})[${seconds(period) * 1000 - 1}ms:${ANOMALY_RESOLUTION_SECONDS}s])`;
  return [
    instant('anomalyHours', over('count_over_time', table.current), period.endSec),
    instant('anomalyFirst', over('min_over_time', `timestamp(${table.current})`), period.endSec),
    instant('anomalyPeakRate', over('max_over_time', table.current), period.endSec),
    instant('anomalyMaxDeviation', over('max_over_time', table.deviationPercent), period.endSec),
    instant('anomalyMinDeviation', over('min_over_time', table.deviationPercent), period.endSec),
  ];
}

/** Every query of the report (none when the period cannot be resolved: buildChargebackReport says why). */
export function chargebackQueries(request: ChargebackRequest, nowSec: number): ChargebackQuery[] {
  const resolved = resolvePeriod(request.period, nowSec);
  if (!resolved.ok) {
    return [];
  }
  const period = resolved.period;
  const { scope } = request;
  const filters = scopeFilters(scope);
  const byKey = scope.kind === 'api_key';
  const queries = [
    ...sectionQueries('total', period, scopeGroups(scope, []), filters),
    ...sectionQueries('teams', period, scopeGroups(scope, ['team']), {}),
    ...sectionQueries('apiKeys', period, ['api_key'], filters),
    ...sectionQueries('models', period, scopeGroups(scope, ['model']), filters),
    ...sectionQueries('providers', period, scopeGroups(scope, ['provider']), filters),
    ...dailyQueries(request, period),
    ...coverageQueries(period),
  ];
  if (byKey) {
    // forecasts, anomalies and token counts are recorded per model and team, not per API key
    return queries;
  }
  const unpriced = unpricedUsageQueries(seconds(period), filters);
  return [
    ...queries,
    ...(period.partial ? forecastSectionQueries(period, filters) : []),
    ...anomalyInPeriodQueries(period, request.anomalySigma ?? DEFAULT_ANOMALY_SIGMA, filters),
    instant('unpricedTokens', unpriced.tokens, period.endSec),
    instant('unpricedRequests', unpriced.requests, period.endSec),
  ];
}
