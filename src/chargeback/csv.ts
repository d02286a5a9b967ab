/**
 * A chargeback report as ONE CSV file: a `section` column names the part each row belongs to
 * (REPORT_SECTIONS), the other columns are the union of what the sections hold, empty where a
 * section has no such value. RFC 4180 quoting and raw numbers, as every CSV of the app
 * (src/analysis/csv.ts): full precision, no thousands separators, no currency signs.
 */
import { csvField, csvNumber, guardFormula } from '../analysis/csvText';
import type { PercentChange } from '../analysis/coverage';
import { describeRule } from './allocation';
import type { ChargebackReport, ReportSection, SummaryRow, TeamRow, Unavailable } from './types';

const CRLF = '\r\n';

export const CSV_COLUMNS = [
  'section',
  'key',
  'label',
  'spend_usd',
  'share_percent',
  'previous_usd',
  'change_percent',
  'note',
  'recorded_usd',
  'allocated_usd',
  'coverage_percent',
  'month_to_date_usd',
  'projected_usd',
  'daily_rate_usd',
  'trend',
  'provider',
  'model',
  'team',
  'first_detected',
  'anomalous_hours',
  'tokens',
  'requests',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Cells = Partial<Record<Column, string | number | null | undefined>>;

const isoTime = (sec: number) => (Number.isFinite(sec) ? new Date(sec * 1000).toISOString() : '');

/** The change as a number where it is a percentage, else what stands in its place in `note`. */
function changeCells(change: PercentChange): Cells {
  switch (change.kind) {
    case 'percent':
      return { change_percent: change.percent };
    case 'new':
      return { note: 'new' };
    case 'withheld':
      return { note: change.note };
    case 'none':
      return {};
  }
}

function summaryCells(section: ReportSection, row: SummaryRow): Cells {
  return {
    section,
    key: row.key,
    label: row.label,
    spend_usd: row.spend,
    share_percent: row.sharePercent,
    previous_usd: row.previous,
    ...changeCells(row.change),
  };
}

const teamCells = (row: TeamRow): Cells => ({ ...summaryCells('teams', row), recorded_usd: row.recorded, allocated_usd: row.allocated });

function unavailable(section: ReportSection, value: Unavailable): Cells[] {
  return [{ section, note: `not available: ${value.unavailable}` }];
}

function summarySection(report: ChargebackReport): Cells[] {
  const s: ReportSection = 'summary';
  return [
    { section: s, key: 'period', label: report.period.label, note: `${isoTime(report.period.startSec)} – ${isoTime(report.period.endSec)}` },
    { section: s, key: 'scope', label: report.scopeLabel },
    { section: s, key: 'allocation', label: describeRule(report.allocation.rule), spend_usd: report.allocation.unallocated, note: report.allocation.note },
    {
      section: s,
      key: 'total',
      label: 'total',
      spend_usd: report.total,
      previous_usd: report.previousTotal,
      coverage_percent: report.coverage.current.ratio * 100,
      ...changeCells(report.totalChange),
    },
    ...(report.charged !== report.total
      ? [{ section: s, key: 'charged', label: 'charged (total + allocated)', spend_usd: report.charged, allocated_usd: report.allocation.allocatedToScope }]
      : []),
    ...report.warnings.map((w) => ({ section: s, key: 'warning', note: w })),
  ];
}

function laterSections(report: ChargebackReport): Cells[] {
  const daily = report.daily.map((d) => ({
    section: 'daily' as const,
    key: d.day,
    label: d.day,
    spend_usd: d.spend,
    share_percent: d.sharePercent,
    previous_usd: d.previous,
    coverage_percent: d.coverage * 100,
    ...changeCells(d.change),
  }));
  const forecast =
    'unavailable' in report.forecast
      ? unavailable('forecast', report.forecast)
      : report.forecast.rows.map((f) => ({
          section: 'forecast' as const,
          key: f.model,
          label: f.model,
          model: f.model,
          share_percent: f.sharePercent,
          month_to_date_usd: f.monthToDate,
          projected_usd: f.projectedMonthEnd,
          daily_rate_usd: f.forecastDailyRate,
          trend: f.trend,
          note: f.shortHistory ? 'fewer than 7 days of history' : undefined,
        }));
  const anomalies =
    'unavailable' in report.anomalies
      ? unavailable('anomalies', report.anomalies)
      : report.anomalies.map((a) => ({
          section: 'anomalies' as const,
          key: `${a.provider}/${a.model}/${a.team}`,
          provider: a.provider,
          model: a.model,
          team: a.team,
          first_detected: isoTime(a.firstDetectedSec),
          anomalous_hours: a.anomalousHours,
          daily_rate_usd: a.peakDailyRate,
          change_percent: a.deviationPercent,
          note: 'peak daily rate; change = deviation from the 30-day baseline',
        }));
  const unpriced =
    'unavailable' in report.unpriced
      ? unavailable('unpriced', report.unpriced)
      : report.unpriced.map((u) => ({ section: 'unpriced' as const, key: `${u.provider}/${u.model}`, provider: u.provider, model: u.model, tokens: u.tokens, requests: u.requests }));
  return [...daily, ...forecast, ...anomalies, ...unpriced];
}

function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'number' ? csvNumber(value) : guardFormula(value);
}

/** The whole report, every section, as one CSV document (CRLF line ends). */
export function reportToCsv(report: ChargebackReport): string {
  const rows: Cells[] = [
    ...summarySection(report),
    ...report.teams.map(teamCells),
    ...report.apiKeys.map((r) => summaryCells('api_keys', r)),
    ...report.models.map((r) => summaryCells('models', r)),
    ...report.providers.map((r) => summaryCells('providers', r)),
    ...laterSections(report),
  ];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(cellText(row[c]))).join(','))];
  return lines.map((line) => line + CRLF).join('');
}
