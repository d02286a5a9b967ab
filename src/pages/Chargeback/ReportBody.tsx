/**
 * A chargeback report on screen and on paper: the heading (period, scope, comparison, allocation),
 * the total with its change, what the reader must know (unpriced usage, partial coverage), then
 * the seven sections of seed 002, each a page when printed (printLayout.ts).
 */
import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import type { ChargebackReport, ReportSection } from '../../chargeback/types';
import { spendChangeTone } from '../../components/ValueTable/format';
import { PanelFrame } from '../../components/ValueTable/PanelFrame';
import { ValueColumn, ValueTable } from '../../components/ValueTable/ValueTable';
import { testIds } from '../../components/testIds';
import { formatUsd } from '../../format/numbers';
import { PRINT_CSS, PRINT_ONLY, PRINT_SECTION, REPORT_CLASS } from './printLayout';
import {
  changePercentText,
  comparisonLine,
  comparisonNote,
  dailyTotalRow,
  isUnavailable,
  periodAndScope,
  REPORT_TITLE,
  summaryTotalRow,
  teamTotalRow,
} from './reportView';
import { anomalyColumns, dailyColumns, forecastColumns, summaryColumns, teamColumns } from './sectionColumns';

interface SectionProps {
  report: ChargebackReport;
  id: ReportSection;
  title: string;
  description: string;
  children: React.ReactNode;
}

function Section({ report, id, title, description, children }: SectionProps) {
  return (
    <div className={PRINT_SECTION} data-testid={testIds.chargeback.section(id)}>
      <p className={PRINT_ONLY}>
        {REPORT_TITLE} · {periodAndScope(report)}
      </p>
      <PanelFrame title={title} description={description}>
        {children}
      </PanelFrame>
    </div>
  );
}

function Table<Row>(props: {
  caption: string;
  columns: Array<ValueColumn<Row>>;
  rows: Row[];
  footer?: Row[];
  rowKey(row: Row): string;
}) {
  return props.rows.length ? <ValueTable {...props} /> : <p>Nothing recorded in this period.</p>;
}

function Summaries({ report }: { report: ChargebackReport }) {
  const total = [summaryTotalRow(report)];
  const keyed = (r: { key: string; residual?: boolean }) => `${r.residual ? '~' : '#'}${r.key}`;
  const summaries = [
    { id: 'api_keys', title: 'API key summary', name: 'API key', rows: report.apiKeys },
    { id: 'models', title: 'Model summary', name: 'Model', rows: report.models },
    { id: 'providers', title: 'Provider summary', name: 'Provider', rows: report.providers },
  ] as const;
  return (
    <>
      <Section
        report={report}
        id="teams"
        title="Team summary"
        description="Spend per team, with spend without a team allocated by the rule above."
      >
        <Table
          caption="Teams by spend; Unallocated last"
          columns={teamColumns()}
          rows={report.teams}
          footer={[teamTotalRow(report)]}
          rowKey={keyed}
        />
      </Section>
      {summaries.map((s) => (
        <Section
          key={s.id}
          report={report}
          id={s.id}
          title={s.title}
          description={`Spend per ${s.name.toLowerCase()}, share of the total and change vs the previous period.`}
        >
          <Table
            caption={`${s.name}s by spend`}
            columns={summaryColumns(s.name)}
            rows={[...s.rows]}
            footer={total}
            rowKey={keyed}
          />
        </Section>
      ))}
    </>
  );
}

function Forecast({ report }: { report: ChargebackReport }) {
  const { forecast } = report;
  return (
    <Section
      report={report}
      id="forecast"
      title="Forecast"
      description="The running month per model: month to date, the 7-day trailing daily rate and the projected month end."
    >
      {isUnavailable(forecast) ? (
        <p>No forecast: {forecast.unavailable}.</p>
      ) : (
        <>
          <p>
            Projected month end: <strong>{formatUsd(forecast.projectedTotal)}</strong> (
            {formatUsd(forecast.monthToDate)} so far, {forecast.daysLeft.toFixed(1)} days left).
          </p>
          <Table
            caption="Models by projected month-end spend"
            columns={forecastColumns()}
            rows={forecast.rows}
            rowKey={(r) => r.model}
          />
        </>
      )}
    </Section>
  );
}

function Anomalies({ report }: { report: ChargebackReport }) {
  const { anomalies } = report;
  const sigma = report.request.anomalySigma;
  return (
    <Section
      report={report}
      id="anomalies"
      title="Anomalies"
      description="Model and team spend that deviated from its 30-day baseline during the period."
    >
      {isUnavailable(anomalies) ? (
        <p>No anomalies section: {anomalies.unavailable}.</p>
      ) : anomalies.length === 0 ? (
        <p>No spend deviated from its baseline{sigma ? ` by more than ${sigma} σ` : ''} in this period.</p>
      ) : (
        <Table
          caption="Largest deviation first"
          columns={anomalyColumns()}
          rows={anomalies}
          rowKey={(r) => JSON.stringify([r.provider, r.model, r.team])}
        />
      )}
    </Section>
  );
}

function Totals({ report, styles }: { report: ChargebackReport; styles: ReturnType<typeof getStyles> }) {
  const change = report.previousTotal === null ? null : report.total - report.previousTotal;
  const note = comparisonNote(report);
  return (
    <div className={styles.totals}>
      <div>
        <div className={styles.label}>Total spend</div>
        <div className={styles.value} data-testid={testIds.chargeback.total}>
          {formatUsd(report.total)}
        </div>
      </div>
      {report.charged !== report.total && (
        <div>
          <div className={styles.label}>Charged with allocated spend</div>
          <div className={styles.value}>{formatUsd(report.charged)}</div>
        </div>
      )}
      <div>
        <div className={styles.label}>{report.period.previous.label}</div>
        <div className={styles.value}>{formatUsd(report.previousTotal)}</div>
      </div>
      <div>
        <div className={styles.label}>Change</div>
        <div className={cx(styles.value, styles[spendChangeTone(change)])}>
          {formatUsd(change, { signed: true })}
          {report.totalChange.kind === 'percent' || report.totalChange.kind === 'new'
            ? ` (${changePercentText(report.totalChange)})`
            : ''}
        </div>
      </div>
      {note && <p className={styles.note}>{note}</p>}
    </div>
  );
}

export function ReportBody({ report, stale }: { report: ChargebackReport; stale?: boolean }) {
  const styles = useStyles2(getStyles);
  return (
    <article className={cx(REPORT_CLASS, styles.report, stale && styles.stale)} aria-label={REPORT_TITLE}>
      <style>{PRINT_CSS}</style>
      <header className={PRINT_SECTION}>
        <h2 className={styles.heading} data-testid={testIds.chargeback.heading}>
          {REPORT_TITLE}: {periodAndScope(report)}
        </h2>
        <p className={styles.line}>{comparisonLine(report)}</p>
        <Totals report={report} styles={styles} />
        {report.warnings.length > 0 && (
          <Alert severity="warning" title="Read this report with" data-testid={testIds.chargeback.warnings}>
            <ul className={styles.warnings}>
              {report.warnings.map((w) => (
                <li key={w}>{w[0].toUpperCase() + w.slice(1)}</li>
              ))}
            </ul>
          </Alert>
        )}
      </header>
      <Summaries report={report} />
      <Section
        report={report}
        id="daily"
        title="Daily breakdown"
        description="Spend per UTC day, its change vs the day before, and how much of the day has data."
      >
        <Table
          caption="Days of the period"
          columns={dailyColumns()}
          rows={report.daily}
          footer={[dailyTotalRow(report)]}
          rowKey={(r) => r.day}
        />
      </Section>
      <Forecast report={report} />
      <Anomalies report={report} />
    </article>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  report: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  stale: css({ opacity: 0.5 }),
  heading: css({ margin: 0 }),
  line: css({ color: theme.colors.text.secondary, margin: theme.spacing(0.5, 0, 1) }),
  totals: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    alignItems: 'flex-end',
    margin: theme.spacing(1, 0),
  }),
  label: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  value: css({ fontSize: theme.typography.h3.fontSize, fontVariantNumeric: 'tabular-nums' }),
  note: css({ flexBasis: '100%', color: theme.colors.text.secondary, margin: 0 }),
  warnings: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  bad: css({ color: theme.colors.error.text }),
  good: css({ color: theme.colors.success.text }),
  neutral: css({}),
});
