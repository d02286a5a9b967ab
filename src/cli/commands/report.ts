import { reportToCsv } from '../../chargeback/csv';
import { lastFullMonth, monthSpan } from '../../chargeback/period';
import type { AllocationRule, ChargebackPeriod, ChargebackReport, ChargebackRequest, ChargebackScope } from '../../chargeback/types';
import { oneOf, parseCommandArgs } from '../args';
import { runChargeback } from '../chargebackRun';
import { CliIO, Command, EXIT_OK, UsageError } from '../io';
import { reportToMarkdown } from '../reportMarkdown';
import { parseTime } from './formulaArgs';

const FORMATS = ['md', 'csv', 'json'] as const;

/** A day (YYYY-MM-DD, 00:00 UTC), unix seconds or RFC 3339. */
function dayOrTime(name: string, text: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseTime(name, `${text}T00:00:00Z`) : parseTime(name, text);
}

export function reportPeriod(values: { month?: string; from?: string; to?: string }, nowSec: number): ChargebackPeriod {
  if (values.month !== undefined && (values.from !== undefined || values.to !== undefined)) {
    throw new UsageError('use either --month or --from/--to');
  }
  if (values.from !== undefined || values.to !== undefined) {
    if (values.from === undefined || values.to === undefined) {
      throw new UsageError('--from and --to go together');
    }
    // --to names the last day of the period, as the report prints it
    const toSec = /^\d{4}-\d{2}-\d{2}$/.test(values.to) ? dayOrTime('to', values.to) + 86400 : dayOrTime('to', values.to);
    return { kind: 'custom', startSec: dayOrTime('from', values.from), endSec: toSec };
  }
  const month = values.month ?? lastFullMonth(nowSec);
  if (!monthSpan(month)) {
    throw new UsageError(`--month must be a month like 2026-11 (got "${month}")`);
  }
  return { kind: 'month', month };
}

export function reportScope(values: { team?: string; 'api-key'?: string }): ChargebackScope {
  if (values.team !== undefined && values['api-key'] !== undefined) {
    throw new UsageError('use either --team or --api-key');
  }
  return values.team !== undefined ? { kind: 'team', team: values.team } : values['api-key'] !== undefined ? { kind: 'api_key', apiKey: values['api-key'] } : { kind: 'all' };
}

export function allocationRule(text: string | undefined): AllocationRule {
  if (text === undefined || text === 'unallocated' || text === 'proportional') {
    return text ?? 'unallocated';
  }
  if (text === '') {
    throw new UsageError('--allocate must be unallocated, proportional or a team name');
  }
  return { team: text };
}

/** JSON numbers are finite: ±Inf and NaN (a deviation from a zero baseline) as Prometheus writes them. */
export function reportToJson(report: ChargebackReport): string {
  return `${JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf') : v))}\n`;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'chargeback report for a month: teams, API keys, models, providers, days, forecast, anomalies',
  usage:
    'aispend report --prometheus URL [--month 2026-11 | --from 2026-11-03 --to 2026-11-16] [--team T | --api-key K]\n' +
    '               [--allocate unallocated|proportional|TEAM] [--format md|csv|json] [--time T]\n' +
    '  --month       a calendar month, UTC (default: the last full month)\n' +
    '  --from/--to   a custom period of whole UTC days, both days included\n' +
    '  --allocate    spend without a team: kept as Unallocated (default), proportional to team spend, or to TEAM\n' +
    '  --format      md (default), csv (one file, a `section` column, RFC 4180) or json\n' +
    '  --time        the report\'s "now": unix seconds or RFC 3339 (default now)\n' +
    '  exit status   0 a report, 1 no report (no data, a future month, an unknown team or key: one line why), 2 usage',
  async run(args: string[], io: CliIO) {
    const { values } = parseCommandArgs(args, {
      prometheus: { type: 'string' },
      month: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      team: { type: 'string' },
      'api-key': { type: 'string' },
      allocate: { type: 'string' },
      format: { type: 'string' },
      time: { type: 'string' },
    });
    const nowSec = values.time ? parseTime('time', values.time) : Math.floor(io.now() / 1000);
    const format = oneOf('format', values.format, FORMATS, 'md');
    const request: ChargebackRequest = { period: reportPeriod(values, nowSec), scope: reportScope(values), allocation: allocationRule(values.allocate) };
    if (!values.prometheus) {
      throw new UsageError('--prometheus URL is required');
    }
    const outcome = await runChargeback(values.prometheus, request, nowSec);
    if (!outcome.ok) {
      // main prints it as one line and exits 1
      throw new Error(outcome.problems.map((p) => p.message).join('; '));
    }
    io.out(format === 'csv' ? reportToCsv(outcome.report) : format === 'json' ? reportToJson(outcome.report) : reportToMarkdown(outcome.report));
    return EXIT_OK;
  },
};
