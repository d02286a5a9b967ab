/**
 * The Chargeback report contract (issue 17, seed 002): what the Chargeback page, the CSV / print
 * layouts and `aispend report` share. Pure data; the functions that produce it live beside it:
 *
 *   period.ts    resolvePeriod(period, nowSec) -> ResolvedPeriod | problem;
 *                lastFullMonth(nowSec), previousMonth('2026-11'), nextMonth('2026-11')
 *   queries.ts   chargebackQueries(request, nowSec) -> ChargebackQuery[]   (every expression built
 *                with the KPI compiler, src/engine/language compileIR, like every other page)
 *   report.ts    buildChargebackReport(request, results, nowSec) -> ChargebackOutcome
 *   csv.ts       reportToCsv(report) -> string (one file, a `section` column, RFC 4180)
 *   src/analysis/unpriced.ts  unpricedUsageQueries(window, filters) / unpricedModels(tokens, requests) /
 *                unpricedWarning(models) -> "3 models used without a price: a, b, c — 4.20 M tokens"
 *
 * How a page uses it: run every query of chargebackQueries() (instant at `timeSec`, range from
 * `startSec` to `endSec` by `stepSec`; a range query's points each cover the step before them),
 * put each answer under its query's id in ChargebackResults, and call buildChargebackReport. It
 * returns either a report or the problems that make one impossible (no data, a month in the future,
 * an unknown team or API key, a period before the oldest data): a page shows the problem, the CLI
 * prints it on one line and exits non-zero; nothing renders an empty report as if it were one.
 *
 * Periods are UTC: a calendar month is [first day 00:00, first day of the next month 00:00); a
 * custom period is [start, end). The current month ends now (a partial month, with a forecast).
 * The previous period is the previous calendar month for a month (the same elapsed length of it
 * while the current month is partial) and the span of equal length just before for a custom period.
 *
 * Money is USD, unrounded; pages and the CLI format it, the CSV keeps it raw. The summaries (team,
 * API key, model, provider) and the daily breakdown each add up to `total` within 0.01 USD
 * (teams: to `charged`, see AllocationSummary), and `total` equals `aispend eval total_cost` over
 * the same period and scope.
 */
import type { PercentChange, PeriodCoverage } from '../analysis/coverage';
import type { LabeledValue } from '../analysis/labeledValues';
import type { Trend } from '../analysis/trend';
import type { UnpricedModel } from '../analysis/unpriced';

/* ---------- what the user picks ---------- */

/** A calendar month 'YYYY-MM' or a custom period; times are unix seconds, UTC. */
export type ChargebackPeriod = { kind: 'month'; month: string } | { kind: 'custom'; startSec: number; endSec: number };

/** Everyone, one team (its `team` label value) or one API key (its `api_key` label value). */
export type ChargebackScope = { kind: 'all' } | { kind: 'team'; team: string } | { kind: 'api_key'; apiKey: string };

/**
 * What happens to spend without a team (team ""): kept as its own "Unallocated" row (default),
 * spread over the teams in proportion to their spend, or charged to one named team.
 */
export type AllocationRule = 'unallocated' | 'proportional' | { team: string };
export const DEFAULT_ALLOCATION: AllocationRule = 'unallocated';
/** How the team "" row is named wherever it is shown. */
export const UNALLOCATED_LABEL = 'Unallocated';

export interface ChargebackRequest {
  period: ChargebackPeriod;
  scope: ChargebackScope;
  allocation: AllocationRule;
  /** anomaly threshold in standard deviations (the app setting `anomalySigma`) */
  anomalySigma?: number;
}

/* ---------- the period, resolved ---------- */

export interface PeriodSpan {
  startSec: number;
  /** exclusive; for the current month: now */
  endSec: number;
  /** '2026-11', or '2026-11-03 – 2026-11-16' (inclusive days) */
  label: string;
}

export interface ResolvedPeriod extends PeriodSpan {
  kind: ChargebackPeriod['kind'];
  /** the month's (or custom period's) nominal end; equals endSec except for the current month */
  nominalEndSec: number;
  /** the current calendar month, still running: the report covers up to now and has a forecast */
  partial: boolean;
  previous: PeriodSpan;
}

/* ---------- queries and their answers ---------- */

export type ChargebackQuery =
  | { id: ChargebackQueryId; kind: 'instant'; expr: string; timeSec: number }
  | { id: ChargebackQueryId; kind: 'range'; expr: string; startSec: number; endSec: number; stepSec: number };

/** Every query a report may run; which ones depends on the scope and on the period being current. */
export type ChargebackQueryId =
  | 'total'
  | 'previousTotal'
  | 'teams'
  | 'previousTeams'
  | 'apiKeys'
  | 'previousApiKeys'
  | 'models'
  | 'previousModels'
  | 'providers'
  | 'previousProviders'
  | 'daily'
  | 'dailyCoverage'
  | 'dailyPartial'
  | 'dailyPartialCoverage'
  | 'coverage'
  | 'previousCoverage'
  | 'forecastDaily'
  | 'forecastMonthToDate'
  | 'anomalyHours'
  | 'anomalyFirst'
  | 'anomalyPeakRate'
  | 'anomalyMaxDeviation'
  | 'anomalyMinDeviation'
  | 'unpricedTokens'
  | 'unpricedRequests';

export interface RangeSeries {
  labels: Readonly<Record<string, string>>;
  points: ReadonlyArray<{ timeSec: number; value: number }>;
}

export type QueryAnswer = { kind: 'instant'; values: readonly LabeledValue[] } | { kind: 'range'; series: readonly RangeSeries[] };

export type ChargebackResults = Partial<Record<ChargebackQueryId, QueryAnswer>>;

/* ---------- the report ---------- */

/** Change vs the previous period under the honest-comparison rules (src/analysis/coverage.ts). */
export interface Comparison {
  /** spend in the previous period; null when there was none */
  previous: number | null;
  change: PercentChange;
}

export interface SummaryRow extends Comparison {
  /** the label value ("" = none: shown as UNALLOCATED_LABEL for teams) */
  key: string;
  /** what a person reads: the key, or "Unallocated", "(no API key)", "(no model)" … */
  label: string;
  spend: number;
  /** share of the section's total in percent; null when the total is 0 */
  sharePercent: number | null;
  /**
   * the part of the total this section's series do not attribute (API keys: spend that the
   * spend-by-spender family lacks), so that the section still adds up to the total
   */
  residual?: boolean;
}

export interface TeamRow extends SummaryRow {
  /** spend recorded with this team */
  recorded: number;
  /** spend moved to (+) or away from (−, the Unallocated row) this row by the allocation rule */
  allocated: number;
}

export interface AllocationSummary {
  rule: AllocationRule;
  /** spend without a team in the allocation's pool (all teams for a team scope) */
  unallocated: number;
  /**
   * spend added to the scope by the rule: 0 for all teams and API keys (a redistribution); for a
   * team scope the team's share of everyone's unteamed spend. The team rows add up to total + this.
   */
  allocatedToScope: number;
  /** why the rule could not apply as asked ("no team has spend: kept as Unallocated") */
  note?: string;
}

export interface DailyRow extends Comparison {
  /** 'YYYY-MM-DD' (UTC) */
  day: string;
  startSec: number;
  spend: number;
  sharePercent: number | null;
  /** share of the day with data (0 … 1); a day below 90 % has no percentage change */
  coverage: number;
}

export interface ForecastRow {
  model: string;
  monthToDate: number;
  projectedMonthEnd: number;
  forecastDailyRate: number;
  trend: Trend;
  /** fewer than 7 days of history */
  shortHistory: boolean;
  /** share of the projected month-end total, percent */
  sharePercent: number | null;
}

export interface ForecastSection {
  rows: ForecastRow[];
  projectedTotal: number;
  monthToDate: number;
  daysLeft: number;
}

export interface AnomalyInPeriodRow {
  provider: string;
  model: string;
  team: string;
  /** first hour in the period at which the spend rate was anomalous (unix s) */
  firstDetectedSec: number;
  /** hours of the period during which it was anomalous */
  anomalousHours: number;
  /** highest anomalous daily spend rate, USD/day */
  peakDailyRate: number;
  /** the deviation from the 30-day baseline with the largest size, percent (+Inf on a zero baseline) */
  deviationPercent: number;
}

/** A section that cannot be built for this scope or period, and why (shown instead of an empty table). */
export interface Unavailable {
  unavailable: string;
}

export interface ChargebackReport {
  request: ChargebackRequest;
  period: ResolvedPeriod;
  /** "all teams", "team data-science", "API key sk-…" */
  scopeLabel: string;
  /** the scope's recorded spend in the period: equals `aispend eval total_cost` for it */
  total: number;
  /** the total plus the spend the allocation rule adds to the scope (team scope only) */
  charged: number;
  previousTotal: number | null;
  totalChange: PercentChange;
  coverage: { current: PeriodCoverage; previous: PeriodCoverage };
  allocation: AllocationSummary;
  teams: TeamRow[];
  apiKeys: SummaryRow[];
  models: SummaryRow[];
  providers: SummaryRow[];
  daily: DailyRow[];
  /** only for the current (partial) month */
  forecast: ForecastSection | Unavailable;
  anomalies: AnomalyInPeriodRow[] | Unavailable;
  /** models with usage but no spend in the period (not known for an API-key scope: tokens carry no key) */
  unpriced: UnpricedModel[] | Unavailable;
  /** things the reader must know that do not stop the report (unpriced usage, partial coverage) */
  warnings: string[];
}

/** Why no report can be made: one sentence each, for a page's message or the CLI's one line. */
export interface ChargebackProblem {
  kind: 'empty-period' | 'future-period' | 'unknown-team' | 'unknown-api-key' | 'before-retention' | 'invalid-period' | 'missing-result';
  message: string;
}

export type ChargebackOutcome = { ok: true; report: ChargebackReport } | { ok: false; problems: ChargebackProblem[] };

/** Sections in report order (the CSV's `section` values and the print layout's page order). */
export const REPORT_SECTIONS = ['summary', 'teams', 'api_keys', 'models', 'providers', 'daily', 'forecast', 'anomalies', 'unpriced'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/* ---------- the functions, as the page imports them ---------- */

export type ResolvePeriod = (period: ChargebackPeriod, nowSec: number) => { ok: true; period: ResolvedPeriod } | { ok: false; problem: ChargebackProblem };
export type ChargebackQueries = (request: ChargebackRequest, nowSec: number) => ChargebackQuery[];
export type BuildChargebackReport = (request: ChargebackRequest, results: ChargebackResults, nowSec: number) => ChargebackOutcome;
export type ReportToCsv = (report: ChargebackReport) => string;
