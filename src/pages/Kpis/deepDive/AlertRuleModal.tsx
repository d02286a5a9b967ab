/**
 * "Create alert rule" for a KPI: threshold and direction (plus severity, window, group and pending
 * period) → a Grafana-managed rule posted through the provisioning API. Only Admins may write
 * provisioned rules; others see the rule it would create and why they cannot.
 */
import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Field, Input, Modal, RadioButtonGroup, TextLink, useStyles2 } from '@grafana/ui';
import type { KpiDefinition } from '../../../engine/catalog';
import type { BaseLabel } from '../../../engine/conventions';
import type { Filters } from '../../../engine/language';
import { ALERT_FOLDER_TITLE, ALERT_KPI_RULE_GROUP } from '../../../constants';
import { buildKpiAlert, defaultAlertForm, type KpiAlertForm } from './kpiAlert';
import { alertRuleViewUrl, upsertKpiAlertRule, type KpiAlertResult } from './kpiAlertClient';

export interface AlertRuleModalProps {
  kpi: KpiDefinition;
  prometheusUid?: string;
  /** the page's filters: the rule watches the same traffic */
  filters: Filters;
  canWrite: boolean;
  onDismiss(): void;
}

const WHEN = [
  { label: 'Above', value: 'above' as const },
  { label: 'Below', value: 'below' as const },
];
const SEVERITY = [
  { label: 'Warning', value: 'warning' as const },
  { label: 'Critical', value: 'critical' as const },
];
const WINDOWS = ['1h', '6h', '1d', '7d'].map((w) => ({ label: w, value: w }));
const NONE = 'none';
const GROUPS = [NONE, 'provider', 'model', 'team'].map((g) => ({ label: g === NONE ? 'None' : `Per ${g}`, value: g }));

function AlertRuleFields({
  kpi,
  form,
  onChange: set,
}: {
  kpi: KpiDefinition;
  form: KpiAlertForm;
  onChange(change: Partial<KpiAlertForm>): void;
}) {
  const styles = useStyles2(getStyles);
  return (
    <>
      <Field label={`Fire when ${kpi.name} is`}>
        <div className={styles.row}>
          <RadioButtonGroup options={WHEN} value={form.when} onChange={(when) => set({ when })} />
          <Input
            aria-label="Threshold"
            type="number"
            width={16}
            value={form.threshold}
            onChange={(e) => set({ threshold: e.currentTarget.value })}
            suffix={kpi.unit}
          />
        </div>
      </Field>
      <Field label="Computed over the last" description="The window of the KPI at each evaluation (every minute)">
        <RadioButtonGroup options={WINDOWS} value={form.window} onChange={(window) => set({ window })} />
      </Field>
      <Field label="One alert" description="Per group fires one alert instance per provider, model or team">
        <RadioButtonGroup
          options={GROUPS}
          value={form.groupBy ?? NONE}
          onChange={(g) => set({ groupBy: g === NONE ? undefined : (g as BaseLabel) })}
        />
      </Field>
      <div className={styles.row}>
        <Field label="Severity">
          <RadioButtonGroup options={SEVERITY} value={form.severity} onChange={(severity) => set({ severity })} />
        </Field>
        <Field label="Pending period" description="How long it must hold">
          <Input
            aria-label="Pending period"
            width={10}
            value={form.pendingFor}
            onChange={(e) => set({ pendingFor: e.currentTarget.value })}
          />
        </Field>
      </div>
    </>
  );
}

export function AlertRuleModal({ kpi, prometheusUid, filters, canWrite, onDismiss }: AlertRuleModalProps) {
  const styles = useStyles2(getStyles);
  const [form, setForm] = useState<KpiAlertForm>(() => defaultAlertForm(kpi));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<KpiAlertResult>();
  const [error, setError] = useState<string>();
  const built = useMemo(() => buildKpiAlert(kpi, form, prometheusUid, filters), [kpi, form, prometheusUid, filters]);
  const set = (change: Partial<KpiAlertForm>) => {
    setForm({ ...form, ...change });
    setResult(undefined);
  };

  const submit = async () => {
    if (!built.ok) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setResult(await upsertKpiAlertRule(built.rule));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={`Alert on ${kpi.name}`} isOpen onDismiss={onDismiss}>
      {!canWrite && (
        <Alert severity="info" title="Only Admins can create alert rules here">
          Grafana&apos;s alerting provisioning API, which this button uses, needs the Admin role. Ask an Admin, or
          create the rule in Alerting with the PromQL below.
        </Alert>
      )}
      <AlertRuleFields kpi={kpi} form={form} onChange={set} />
      {built.ok ? (
        <div className={styles.preview}>
          <div>
            <strong>{built.rule.title}</strong> in folder {ALERT_FOLDER_TITLE}, group {ALERT_KPI_RULE_GROUP}
          </div>
          <code className={styles.code}>{String(built.rule.data[0].model.expr)}</code>
        </div>
      ) : (
        <Alert severity="warning" title={built.message} />
      )}
      {error && (
        <Alert severity="error" title="The alert rule was not saved">
          {error}
        </Alert>
      )}
      {result && (
        <Alert severity="success" title={result.created ? 'Alert rule created' : 'Alert rule updated'}>
          <TextLink href={alertRuleViewUrl(result.uid)}>Open it in Alerting</TextLink>
        </Alert>
      )}
      <Modal.ButtonRow>
        <Button variant="secondary" fill="outline" onClick={onDismiss}>
          Close
        </Button>
        <Button onClick={submit} disabled={!canWrite || !built.ok || busy} icon={busy ? 'spinner' : 'bell'}>
          Create or update alert rule
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ display: 'flex', gap: theme.spacing(2), alignItems: 'flex-start', flexWrap: 'wrap' }),
  preview: css({
    padding: theme.spacing(1),
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    marginBottom: theme.spacing(1),
  }),
  code: css({
    display: 'block',
    marginTop: theme.spacing(0.5),
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
