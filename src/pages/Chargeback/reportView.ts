/**
 * How the Chargeback page words a report (src/chargeback): its heading, changes, the comparison
 * note where a period lacks data, and the CSV's file name. Pure; the report's numbers are the
 * report's own.
 */
import type { PercentChange } from '../../analysis/coverage';
import { describeRule } from '../../chargeback/allocation';
import type { ChargebackReport, Comparison, DailyRow, SummaryRow, TeamRow, Unavailable } from '../../chargeback/types';
import { formatPercent, NO_VALUE } from '../../format/numbers';

export const REPORT_TITLE = 'Chargeback report';

export function isUnavailable(section: object): section is Unavailable {
  return 'unavailable' in section;
}

/** "+12.3 %", "new" (nothing before), or "—" (withheld for lack of data, or nothing to compare). */
export function changePercentText(change: PercentChange): string {
  return change.kind === 'percent'
    ? formatPercent(change.percent, { signed: true })
    : change.kind === 'new'
      ? 'new'
      : NO_VALUE;
}

/** The change in USD; none without a previous value. */
export function changeUsd(row: Comparison & { spend: number }): number | null {
  return row.previous === null ? null : row.spend - row.previous;
}

/** "2026-11 · all teams" */
export function periodAndScope(report: Pick<ChargebackReport, 'period' | 'scopeLabel'>): string {
  return `${report.period.label} · ${report.scopeLabel}`;
}

/** Compared with what, and under which allocation: the line under the heading. */
export function comparisonLine(report: ChargebackReport): string {
  return `Compared with ${report.period.previous.label}; spend without a team ${describeRule(report.allocation.rule)}.`;
}

/**
 * Why the changes are in USD only (a period with too little data), or nothing when the report's
 * percentages stand.
 */
export function comparisonNote(report: ChargebackReport): string | null {
  return report.totalChange.kind === 'withheld'
    ? `${report.totalChange.note}: changes in USD only, no percentages.`
    : null;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** aispend-chargeback-2026-11-all-teams.csv */
export function csvFileName(report: Pick<ChargebackReport, 'period' | 'scopeLabel'>): string {
  return `aispend-chargeback-${slug(report.period.label)}-${slug(report.scopeLabel)}.csv`;
}

/** 'YYYY-MM-DD HH:MM UTC' */
export function utcMinute(timeSec: number): string {
  if (!Number.isFinite(timeSec)) {
    return NO_VALUE;
  }
  const iso = new Date(timeSec * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export const TOTAL_LABEL = 'Total';

/** The summaries' last line: the report's total and its change (the rows add up to it). */
export function summaryTotalRow(report: ChargebackReport): SummaryRow {
  return {
    key: '',
    label: TOTAL_LABEL,
    spend: report.total,
    sharePercent: report.total > 0 ? 100 : null,
    previous: report.previousTotal,
    change: report.totalChange,
  };
}

/**
 * The teams' last line: what the scope recorded, what the rule added, what it is charged. A team
 * charged a share of unteamed spend has no previous charge in the report: no comparison then.
 */
export function teamTotalRow(report: ChargebackReport): TeamRow {
  const added = report.allocation.allocatedToScope;
  return {
    ...summaryTotalRow(report),
    spend: report.charged,
    recorded: report.total,
    allocated: added,
    ...(added !== 0 ? { previous: null, change: { kind: 'none' } } : {}),
  };
}

/** The days' last line: the total, and how much of the period has data. */
export function dailyTotalRow(report: ChargebackReport): DailyRow {
  return {
    day: TOTAL_LABEL,
    startSec: report.period.startSec,
    spend: report.total,
    sharePercent: report.total > 0 ? 100 : null,
    previous: null,
    change: { kind: 'none' },
    coverage: report.coverage.current.ratio,
  };
}
