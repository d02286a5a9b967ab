/**
 * A chargeback report from the answers to chargebackQueries(): the problems that prevent one, or
 * the seven sections with their totals checked against the period's total.
 */
import { coverageFromValues, coverageResolutionSeconds, coveredPart, coverageVerdict, percentChange, PeriodCoverage } from '../analysis/coverage';
import { LabeledValue, valuesByLabel } from '../analysis/labeledValues';
import { unpricedModels, unpricedWarning } from '../analysis/unpriced';
import { allocate, describeRule } from './allocation';
import { resolvePeriod } from './period';
import { dataProblem, noSpendProblem, scopeProblem } from './problems';
import { chargebackQueries, DAY_SECONDS, dailyGrid } from './queries';
import { anomalyRows, CENT, dailyRows, forecastSection, pointsByTime, summaryRows, teamRows } from './sections';
import type {
  ChargebackOutcome,
  ChargebackProblem,
  ChargebackQueryId,
  ChargebackReport,
  ChargebackRequest,
  ChargebackResults,
  ChargebackScope,
  RangeSeries,
  ResolvedPeriod,
} from './types';

const fail = (...problems: ChargebackProblem[]): ChargebackOutcome => ({ ok: false, problems });

export function scopeLabel(scope: ChargebackScope): string {
  return scope.kind === 'all' ? 'all teams' : scope.kind === 'team' ? `team ${scope.team || '"" (Unallocated)'}` : `API key ${scope.apiKey}`;
}

/** Spend queries that an API-key report groups by `api_key` (queries.ts scopeGroups). */
const KEYED: ReadonlySet<ChargebackQueryId> = new Set<ChargebackQueryId>([
  'total',
  'previousTotal',
  'teams',
  'previousTeams',
  'models',
  'previousModels',
  'providers',
  'previousProviders',
  'daily',
  'dailyPartial',
]);

/** Answers by query id; in an API-key scope the rows of other keys are dropped (the key summary keeps every key). */
function reader(results: ChargebackResults, scope: ChargebackScope) {
  const keep = (labels: Readonly<Record<string, string>>, id: ChargebackQueryId) =>
    scope.kind !== 'api_key' || !KEYED.has(id) || (labels.api_key ?? '') === scope.apiKey;
  return {
    instant(id: ChargebackQueryId): readonly LabeledValue[] {
      const answer = results[id];
      return answer?.kind === 'instant' ? answer.values.filter((v) => keep(v.labels, id)) : [];
    },
    range(id: ChargebackQueryId): readonly RangeSeries[] {
      const answer = results[id];
      return answer?.kind === 'range' ? answer.series.filter((s) => keep(s.labels, id)) : [];
    },
  };
}
type Reader = ReturnType<typeof reader>;

const totalOf = (values: readonly LabeledValue[]) => (values.length ? values.reduce((s, v) => s + v.value, 0) : null);
const single = (values: readonly LabeledValue[]) => (values.length ? values[0].value : undefined);

function coverages(read: Reader, period: ResolvedPeriod): { current: PeriodCoverage; previous: PeriodCoverage } {
  const current = coverageFromValues(read.instant('coverage'), { windowSeconds: period.endSec - period.startSec, periods: 1 })[0];
  const span = period.previous.endSec - period.previous.startSec;
  const previous = { ...coverageFromValues(read.instant('previousCoverage'), { windowSeconds: span, periods: 1 })[0], period: 'previous' as const };
  return { current, previous };
}

function firstDayWithData(read: Reader, period: ResolvedPeriod): number | undefined {
  const hours = pointsByTime(read.range('dailyCoverage'));
  const days = [...hours].filter(([t, v]) => t > period.startSec && v > 0).map(([t]) => t - DAY_SECONDS);
  const partial = single(read.instant('dailyPartialCoverage'));
  if (partial !== undefined && partial > 0) {
    days.push(dailyGrid(period).endSec);
  }
  return days.length ? Math.min(...days) : undefined;
}

/** The daily breakdown's input, with the running day's own queries. */
function dailyInput(read: Reader, period: ResolvedPeriod) {
  const grid = dailyGrid(period);
  const partialSpend = totalOf(read.instant('dailyPartial'));
  const hasPartial = period.endSec > Math.max(grid.endSec, period.startSec);
  return {
    period,
    spend: pointsByTime(read.range('daily')),
    coverageHours: pointsByTime(read.range('dailyCoverage')),
    partialDay: hasPartial
      ? { startSec: Math.max(grid.endSec, period.startSec), spend: partialSpend ?? 0, coverageSteps: single(read.instant('dailyPartialCoverage')) }
      : undefined,
  };
}

/**
 * A bill misses what was not recorded: any gap longer than one coverage step is said, even where
 * the comparison may still be a percentage.
 */
function gapWarning(coverage: PeriodCoverage): string[] {
  const gap = coverage.spanSeconds - coverage.coveredSeconds;
  return gap > coverageResolutionSeconds(coverage.spanSeconds)
    ? [`the period has data for ${coveredPart(coverage)}: spend in the time without data is not in this report`]
    : [];
}

/** Sections whose rows do not add up to the total (answers read while new data arrived). */
function sumWarnings(report: ChargebackReport): string[] {
  const sections: Array<[string, number, number]> = [
    ['team', report.teams.reduce((s, r) => s + r.spend, 0), report.charged],
    ['API key', report.apiKeys.reduce((s, r) => s + r.spend, 0), report.total],
    ['model', report.models.reduce((s, r) => s + r.spend, 0), report.total],
    ['provider', report.providers.reduce((s, r) => s + r.spend, 0), report.total],
    ['daily', report.daily.reduce((s, r) => s + r.spend, 0), report.total],
  ];
  return sections
    .filter(([, sum, total]) => Math.abs(sum - total) > 2 * CENT)
    .map(([name, sum, total]) => `the ${name} rows add up to ${sum.toFixed(2)} USD, not the total ${total.toFixed(2)} USD: data arrived while the report ran; run it again`);
}

export function buildChargebackReport(request: ChargebackRequest, results: ChargebackResults, nowSec: number): ChargebackOutcome {
  const resolved = resolvePeriod(request.period, nowSec);
  if (!resolved.ok) {
    return fail(resolved.problem);
  }
  const period = resolved.period;
  const missing = chargebackQueries(request, nowSec).filter((q) => results[q.id]?.kind !== q.kind);
  if (missing.length) {
    return fail({ kind: 'missing-result', message: `no answer to the report's queries ${missing.map((q) => q.id).join(', ')}` });
  }
  const read = reader(results, request.scope);
  const coverage = coverages(read, period);
  const dataIssue = dataProblem(period, { ...coverage, firstDayWithData: firstDayWithData(read, period) });
  if (dataIssue) {
    return fail(dataIssue);
  }
  const { scope } = request;
  const scopeKeys = scope.kind === 'api_key' ? ['apiKeys', 'previousApiKeys'] : ['teams', 'previousTeams'];
  const label = scope.kind === 'api_key' ? 'api_key' : 'team';
  const [scopeNow, scopeBefore] = scopeKeys.map((id) => valuesByLabel(read.instant(id as ChargebackQueryId), label));
  const scopeIssue = scopeProblem(scope, period, scopeNow, scopeBefore);
  if (scopeIssue) {
    return fail(scopeIssue);
  }
  const unpriced = scope.kind === 'api_key' ? undefined : unpricedModels(read.instant('unpricedTokens'), read.instant('unpricedRequests'));
  const warning = unpriced ? unpricedWarning(unpriced) : null;
  const total = totalOf(read.instant('total'));
  const noSpend = noSpendProblem(period, scopeLabel(scope), total, warning);
  if (noSpend || total === null) {
    return fail(noSpend!);
  }
  return { ok: true, report: assemble(request, period, read, coverage, total, unpriced, warning) };
}

function assemble(
  request: ChargebackRequest,
  period: ResolvedPeriod,
  read: Reader,
  coverage: { current: PeriodCoverage; previous: PeriodCoverage },
  total: number,
  unpriced: ReturnType<typeof unpricedModels> | undefined,
  unpricedText: string | null
): ChargebackReport {
  const { scope, allocation: rule } = request;
  const verdict = coverageVerdict({ state: 'known', periods: [coverage.current, coverage.previous] });
  const previousTotal = totalOf(read.instant('previousTotal'));
  const byLabel = (id: ChargebackQueryId, label: string) => valuesByLabel(read.instant(id), label);
  const allocated = allocate(byLabel('teams', 'team'), rule);
  const allocatedBefore = allocate(byLabel('previousTeams', 'team'), rule);
  const only = scope.kind === 'team' ? scope.team : undefined;
  const teams = teamRows(allocated, allocatedBefore, verdict, only);
  const allocatedToScope = only === undefined ? 0 : (allocated.teams.get(only)?.allocated ?? 0);
  // the key summary reads every key (to recognise an unknown one); an API-key report shows its own
  const inScope = (values: Map<string, number>, label: string) =>
    scope.kind === 'api_key' && label === 'api_key' ? new Map([...values].filter(([key]) => key === scope.apiKey)) : values;
  const summary = (id: 'apiKeys' | 'models' | 'providers', label: 'api_key' | 'model' | 'provider') => {
    const previousId = `previous${id[0].toUpperCase()}${id.slice(1)}` as ChargebackQueryId;
    return summaryRows(label, inScope(byLabel(id, label), label), inScope(byLabel(previousId, label), label), verdict, total);
  };
  const report: ChargebackReport = {
    request,
    period,
    scopeLabel: scopeLabel(scope),
    total,
    charged: total + allocatedToScope,
    previousTotal,
    totalChange: percentChange(total, previousTotal, verdict),
    coverage,
    allocation: { rule, unallocated: allocated.unallocated, allocatedToScope, note: allocated.note },
    teams,
    apiKeys: summary('apiKeys', 'api_key'),
    models: summary('models', 'model'),
    providers: summary('providers', 'provider'),
    daily: dailyRows(dailyInput(read, period), total),
    forecast: forecastOf(request, period, read),
    anomalies:
      scope.kind === 'api_key'
        ? { unavailable: 'anomalies are recorded per model and team, not per API key' }
        : anomalyRows({
            hours: read.instant('anomalyHours'),
            first: read.instant('anomalyFirst'),
            peakRate: read.instant('anomalyPeakRate'),
            maxDeviation: read.instant('anomalyMaxDeviation'),
            minDeviation: read.instant('anomalyMinDeviation'),
          }),
    unpriced: unpriced ?? { unavailable: 'token counts carry no API key' },
    warnings: [],
  };
  report.warnings = [
    ...gapWarning(coverage.current),
    ...(unpricedText ? [unpricedText] : []),
    ...(allocated.note ? [`allocation ${describeRule(rule)}: ${allocated.note}`] : []),
    ...sumWarnings(report),
  ];
  return report;
}

function forecastOf(request: ChargebackRequest, period: ResolvedPeriod, read: Reader): ChargebackReport['forecast'] {
  if (!period.partial) {
    return { unavailable: 'a forecast is made for the current month only' };
  }
  if (request.scope.kind === 'api_key') {
    return { unavailable: 'forecasts are made per model and team, not per API key' };
  }
  return forecastSection(read.range('forecastDaily'), read.instant('forecastMonthToDate'), period.endSec);
}
