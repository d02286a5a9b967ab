/**
 * `aispend report --format md`: the chargeback report as Markdown tables, numbers formatted as the
 * app prints them ($1,234.56, 12.3 %). Where a change is no percentage, the cell says "—" and the
 * sentence why is printed once under its table.
 */
import type { PercentChange } from '../analysis/coverage';
import { describeRule } from '../chargeback/allocation';
import type { ChargebackReport, DailyRow, SummaryRow, TeamRow, Unavailable } from '../chargeback/types';
import { formatNumber, formatPercent, formatUsd, NO_VALUE, siMagnitude } from '../format/numbers';

/** Markdown table cells hold no pipe or line break. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

function table(header: string[], rows: string[][], notes: Set<string> = new Set()): string {
  const lines = [header, header.map((h, i) => (i === 0 ? '---' : '---:')), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`);
  return [...lines, ...[...notes].map((n) => `\n*No percentage: ${n}.*`)].join('\n');
}

function changeText(change: PercentChange, notes: Set<string>): string {
  switch (change.kind) {
    case 'percent':
      return formatPercent(change.percent, { signed: true });
    case 'new':
      return 'new';
    case 'withheld':
      notes.add(change.note);
      return NO_VALUE;
    case 'none':
      return NO_VALUE;
  }
}

const share = (value: number | null) => formatPercent(value);
const previous = (value: number | null) => (value === null ? NO_VALUE : formatUsd(value));

function summaryTable(title: string, rows: readonly SummaryRow[], total: number): string {
  const notes = new Set<string>();
  const body = rows.map((r) => [r.label, formatUsd(r.spend), share(r.sharePercent), previous(r.previous), changeText(r.change, notes)]);
  return `## ${title}\n\n${table([title.replace(/s$/, ''), 'Spend', 'Share', 'Previous', 'Change'], [...body, ['**Total**', `**${formatUsd(total)}**`, '', '', '']], notes)}`;
}

function teamTable(rows: readonly TeamRow[]): string {
  const notes = new Set<string>();
  const body = rows.map((r) => [
    r.label,
    formatUsd(r.recorded),
    r.allocated === 0 ? NO_VALUE : formatUsd(r.allocated, { signed: true }),
    formatUsd(r.spend),
    share(r.sharePercent),
    previous(r.previous),
    changeText(r.change, notes),
  ]);
  const total = rows.reduce((s, r) => s + r.spend, 0);
  const totalRow = ['**Total**', '', '', `**${formatUsd(total)}**`, '', '', ''];
  return `## Teams\n\n${table(['Team', 'Recorded', 'Allocated', 'Charged', 'Share', 'Previous', 'Change'], [...body, totalRow], notes)}`;
}

function dailyTable(rows: readonly DailyRow[]): string {
  const notes = new Set<string>();
  const body = rows.map((d) => [d.day, formatUsd(d.spend), share(d.sharePercent), formatPercent(d.coverage * 100, { decimals: 0 }), changeText(d.change, notes)]);
  return `## Daily breakdown\n\n${table(['Day (UTC)', 'Spend', 'Share', 'Data', 'Change vs day before'], body, notes)}`;
}

const unavailableText = (section: Unavailable) => `Not available: ${section.unavailable}.`;

function forecastText(report: ChargebackReport): string {
  const f = report.forecast;
  if ('unavailable' in f) {
    return `## Forecast\n\n${unavailableText(f)}`;
  }
  const rows = f.rows.map((r) => [r.model, formatUsd(r.monthToDate), formatUsd(r.forecastDailyRate), formatUsd(r.projectedMonthEnd), share(r.sharePercent), r.trend]);
  const head = `Projected month end: **${formatUsd(f.projectedTotal)}** (${formatUsd(f.monthToDate)} so far, ${formatNumber(f.daysLeft, 1)} days left)`;
  return `## Forecast\n\n${head}\n\n${table(['Model', 'Month to date', 'Daily rate', 'Projected', 'Share', 'Trend'], rows)}`;
}

function anomaliesText(report: ChargebackReport): string {
  const a = report.anomalies;
  if ('unavailable' in a) {
    return `## Anomalies\n\n${unavailableText(a)}`;
  }
  if (!a.length) {
    return '## Anomalies\n\nNo anomalies in the period.';
  }
  const rows = a.map((r) => [
    r.model || NO_VALUE,
    r.team || 'Unallocated',
    r.provider || NO_VALUE,
    new Date(r.firstDetectedSec * 1000).toISOString().slice(0, 16).replace('T', ' '),
    formatNumber(r.anomalousHours, 0),
    `${formatUsd(r.peakDailyRate)}/day`,
    formatPercent(r.deviationPercent, { signed: true }),
  ]);
  return `## Anomalies\n\n${table(['Model', 'Team', 'Provider', 'First (UTC)', 'Hours', 'Peak rate', 'Deviation'], rows)}`;
}

function unpricedText(report: ChargebackReport): string {
  const u = report.unpriced;
  if ('unavailable' in u) {
    return `## Unpriced usage\n\n${unavailableText(u)}`;
  }
  if (!u.length) {
    return '## Unpriced usage\n\nEvery model used in the period has spend.';
  }
  const rows = u.map((r) => [r.model || NO_VALUE, r.provider || NO_VALUE, siMagnitude(r.tokens), formatNumber(r.requests, 0)]);
  return `## Unpriced usage\n\n${table(['Model', 'Provider', 'Tokens', 'Requests'], rows)}`;
}

function header(report: ChargebackReport): string {
  const notes = new Set<string>();
  const change = changeText(report.totalChange, notes);
  const vs = report.previousTotal === null ? '' : ` · ${report.period.previous.label}: ${formatUsd(report.previousTotal)} (${change})`;
  const lines = [
    `# AI spend chargeback — ${report.period.label} — ${report.scopeLabel}`,
    '',
    `- Total: **${formatUsd(report.total)}**${vs}`,
    ...(report.charged !== report.total ? [`- Charged with allocated spend: **${formatUsd(report.charged)}**`] : []),
    `- Unteamed spend: ${formatUsd(report.allocation.unallocated)}, ${describeRule(report.allocation.rule)}`,
    ...[...notes].map((n) => `- No percentage change: ${n}`),
    ...report.warnings.map((w) => `- **Warning:** ${w}`),
  ];
  return lines.join('\n');
}

export function reportToMarkdown(report: ChargebackReport): string {
  return (
    [
      header(report),
      teamTable(report.teams),
      summaryTable('API keys', report.apiKeys, report.total),
      summaryTable('Models', report.models, report.total),
      summaryTable('Providers', report.providers, report.total),
      dailyTable(report.daily),
      forecastText(report),
      anomaliesText(report),
      unpricedText(report),
    ].join('\n\n') + '\n'
  );
}
