import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, SelectableValue } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Field, FieldSet, Input, RadioButtonGroup, Stack, Text, useStyles2 } from '@grafana/ui';
import { CLI_NAME, PROMETHEUS_COMPATIBLE_TYPES } from '../../constants';
import { ANOMALY_BASELINE_DAYS } from '../../engine/conventions';
import { getProfile, PROFILE_IDS, profileRulesPath } from '../../rules/registry';
import type { ProfileId } from '../../rules/profile';
import { testIds } from '../testIds';
import type { FormErrors, NumberField, SettingsForm } from './settingsForm';

const profileOptions: Array<SelectableValue<ProfileId>> = PROFILE_IDS.map((id) => ({
  label: id,
  value: id,
  description: getProfile(id).description,
}));

interface Props {
  form: SettingsForm;
  errors: FormErrors;
  readOnly: boolean;
  onChange: (form: SettingsForm) => void;
}

interface NumberInputProps extends Props {
  field: NumberField;
  label: string;
  description: string;
  testId: string;
  suffix?: string;
}

function NumberInput({ form, errors, readOnly, onChange, field, label, description, testId, suffix }: NumberInputProps) {
  return (
    <Field label={label} description={description} invalid={Boolean(errors[field])} error={errors[field]} disabled={readOnly}>
      <Input
        data-testid={testId}
        aria-label={label}
        type="number"
        width={14}
        suffix={suffix}
        value={form[field]}
        onChange={(e) => onChange({ ...form, [field]: e.currentTarget.value })}
      />
    </Field>
  );
}

export function SettingsFields(props: Props) {
  const { form, readOnly, onChange } = props;
  const styles = useStyles2(getStyles);
  return (
    <>
      <FieldSet label="Data">
        <Field label="Prometheus datasource" description="Holds the aigateway:* series the recording rules write" disabled={readOnly}>
          <div data-testid={testIds.appConfig.prometheus}>
            <DataSourcePicker
              type={PROMETHEUS_COMPATIBLE_TYPES}
              current={form.prometheusUid}
              noDefault
              disabled={readOnly}
              inputId="aispend-app-prometheus"
              onChange={(ds) => onChange({ ...form, prometheusUid: ds.uid })}
            />
          </div>
        </Field>
        <Field label="Metric profile" description="Which gateway's metrics the recording rules read" disabled={readOnly}>
          <div data-testid={testIds.appConfig.profile}>
            <RadioButtonGroup
              options={profileOptions}
              value={form.profile}
              disabled={readOnly}
              onChange={(profile) => onChange({ ...form, profile })}
            />
            <div className={styles.rulesFile}>
              <Text color="secondary" variant="bodySmall">
                {getProfile(form.profile).description}. Load <code>{profileRulesPath(form.profile)}</code> into Prometheus
                (or generate it with <code>{`${CLI_NAME} rules --profile ${form.profile}`}</code>).
              </Text>
            </div>
          </div>
        </Field>
      </FieldSet>
      <FieldSet label="Thresholds">
        <Stack direction="row" gap={3} wrap="wrap">
          <NumberInput
            {...props}
            field="budgetWarningPercent"
            label="Budget warning (%)"
            description="Utilization that turns budgets amber and fires the warning alert"
            testId={testIds.appConfig.budgetWarning}
            suffix="%"
          />
          <NumberInput
            {...props}
            field="budgetCriticalPercent"
            label="Budget critical (%)"
            description="Utilization that turns budgets red and fires the critical alert"
            testId={testIds.appConfig.budgetCritical}
            suffix="%"
          />
        </Stack>
        <NumberInput
          {...props}
          field="anomalySigma"
          label="Anomaly threshold (σ)"
          description={`Daily spend this many standard deviations from its ${ANOMALY_BASELINE_DAYS}-day baseline is an anomaly`}
          testId={testIds.appConfig.anomalySigma}
          suffix="σ"
        />
      </FieldSet>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  rulesFile: css({ marginTop: theme.spacing(1) }),
});
