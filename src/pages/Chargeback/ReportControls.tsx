/**
 * The Chargeback page's controls: a month with previous / next navigation or a custom period of
 * whole days, the scope (all teams, one team, one API key), Refresh, Download CSV and Print.
 */
import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, Combobox, Field, IconButton, Input, RadioButtonGroup, Stack, useStyles2 } from '@grafana/ui';
import { hasNextMonth } from '../../chargeback/period';
import { reportToCsv } from '../../chargeback/csv';
import type { ChargebackPeriod } from '../../chargeback/types';
import { testIds } from '../../components/testIds';
import { downloadText } from '../Kpis/deepDive/csvDownload';
import type { ChargebackReportScene } from './ChargebackReportScene';
import { customDays, customPeriod, monthName, monthStep, navigationMonth } from './reportSelection';
import { csvFileName } from './reportView';
import { loadScopeValues, SCOPE_KINDS, ScopeKind, scopeOf, scopeValue } from './scopeValues';

type PeriodKind = ChargebackPeriod['kind'];

const PERIOD_KINDS: ReadonlyArray<{ value: PeriodKind; label: string }> = [
  { value: 'month', label: 'Month' },
  { value: 'custom', label: 'Custom period' },
];

const nowSec = () => Math.floor(Date.now() / 1000);

function MonthNavigation({ model }: { model: ChargebackReportScene }) {
  const { period } = model.useState().selection;
  const month = navigationMonth(period, nowSec());
  return (
    <Stack direction="row" gap={1} alignItems="center">
      <IconButton
        name="angle-left"
        size="lg"
        tooltip="Previous month"
        onClick={() => model.select({ period: monthStep(period, nowSec(), -1) })}
        data-testid={testIds.chargeback.previousMonth}
      />
      <span data-testid={testIds.chargeback.month}>
        {period.kind === 'month' ? monthName(period.month) : monthName(month)}
      </span>
      <IconButton
        name="angle-right"
        size="lg"
        tooltip="Next month"
        disabled={!hasNextMonth(month, nowSec())}
        onClick={() => model.select({ period: monthStep(period, nowSec(), 1) })}
        data-testid={testIds.chargeback.nextMonth}
      />
    </Stack>
  );
}

/** The days as typed, from the period's (remounted by its parent when the period changes). */
function CustomDays({ model, shown }: { model: ChargebackReportScene; shown: { first: string; last: string } }) {
  const [days, setDays] = useState(shown);
  return (
    <Stack direction="row" gap={1} alignItems="flex-end">
      <Field label="First day (UTC)" htmlFor="chargeback-first-day" noMargin>
        <Input
          id="chargeback-first-day"
          type="date"
          value={days.first}
          onChange={(e) => setDays({ ...days, first: e.currentTarget.value })}
        />
      </Field>
      <Field label="Last day (UTC)" htmlFor="chargeback-last-day" noMargin>
        <Input
          id="chargeback-last-day"
          type="date"
          value={days.last}
          onChange={(e) => setDays({ ...days, last: e.currentTarget.value })}
        />
      </Field>
      <Button
        variant="secondary"
        disabled={!days.first || !days.last}
        onClick={() => model.select({ period: customPeriod(days.first, days.last) })}
      >
        Apply
      </Button>
    </Stack>
  );
}

/** Month or custom; its parent remounts it when the period's kind changes. */
function PeriodPicker({ model }: { model: ChargebackReportScene }) {
  const { period } = model.useState().selection;
  const [kind, setKind] = useState<PeriodKind>(period.kind);
  const shown = period.kind === 'custom' ? customDays(period) : { first: '', last: '' };
  const chooseKind = (next: PeriodKind) => {
    setKind(next);
    if (next === 'month') {
      model.select({ period: { kind: 'month', month: navigationMonth(period, nowSec()) } });
    }
  };
  return (
    <Stack direction="row" gap={2} alignItems="flex-end" wrap="wrap">
      <Field label="Period" noMargin>
        <RadioButtonGroup options={[...PERIOD_KINDS]} value={kind} onChange={chooseKind} />
      </Field>
      {kind === 'month' ? (
        <MonthNavigation model={model} />
      ) : (
        <CustomDays key={`${shown.first}/${shown.last}`} model={model} shown={shown} />
      )}
    </Stack>
  );
}

/** All, a team or a key; its parent remounts it when the scope's kind changes. */
function ScopePicker({ model }: { model: ChargebackReportScene }) {
  const { selection, kpi } = model.useState();
  const [kind, setKind] = useState<ScopeKind>(selection.scope.kind);
  const chooseKind = (next: ScopeKind) => {
    setKind(next);
    if (next === 'all') {
      model.select({ scope: { kind: 'all' } });
    }
  };
  const current = selection.scope.kind === kind ? scopeValue(selection.scope) : '';
  return (
    <Stack direction="row" gap={2} alignItems="flex-end" wrap="wrap">
      <Field label="Scope" noMargin>
        <RadioButtonGroup options={[...SCOPE_KINDS]} value={kind} onChange={chooseKind} />
      </Field>
      {kind !== 'all' && (
        <Field label={kind === 'team' ? 'Team' : 'API key'} htmlFor="chargeback-scope-value" noMargin>
          <Combobox
            key={kind}
            id="chargeback-scope-value"
            width={30}
            value={current || null}
            placeholder={kind === 'team' ? 'Choose a team' : 'Choose an API key'}
            createCustomValue
            options={async (typed) => (await loadScopeValues(kpi, kind, typed)).map((v) => ({ value: v, label: v }))}
            onChange={(option) => option && model.select({ scope: scopeOf(kind, option.value) })}
            data-testid={testIds.chargeback.scopeValue}
          />
        </Field>
      )}
    </Stack>
  );
}

function ReportActions({ model }: { model: ChargebackReportScene }) {
  const { outcome, loading } = model.useState();
  const report = outcome?.ok ? outcome.report : undefined;
  return (
    <Stack direction="row" gap={1} alignItems="flex-end">
      <Button variant="secondary" icon="sync" onClick={() => model.runQueries(true)} disabled={loading}>
        Refresh
      </Button>
      <Button
        variant="secondary"
        icon="download-alt"
        disabled={!report || loading}
        onClick={() => report && downloadText(csvFileName(report), reportToCsv(report))}
        data-testid={testIds.chargeback.downloadCsv}
      >
        Download CSV
      </Button>
      <Button
        variant="secondary"
        icon="file-alt"
        disabled={!report || loading}
        tooltip="Print, or save as PDF: one section per page, without Grafana's menus"
        onClick={() => window.print()}
        data-testid={testIds.chargeback.print}
      >
        Print / PDF
      </Button>
    </Stack>
  );
}

export function ReportControls({ model }: { model: ChargebackReportScene }) {
  const styles = useStyles2(getStyles);
  const { period, scope } = model.useState().selection;
  return (
    <div className={styles.controls}>
      <PeriodPicker key={period.kind} model={model} />
      <ScopePicker key={scope.kind} model={model} />
      <div className={styles.spacer} />
      <ReportActions model={model} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  controls: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: theme.spacing(2) }),
  spacer: css({ flexGrow: 1 }),
});
