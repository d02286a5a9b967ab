import React from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Field, FieldSet, Input, RadioButtonGroup } from '@grafana/ui';
import { RULE_INTERVAL_SECONDS } from '../../engine/conventions';
import { getProfile, PROFILE_IDS, profileRulesPath } from '../../rules/registry';
import type { ProfileId } from '../../rules/profile';
import type { KpiDataSourceOptions } from '../types';

export type ConfigEditorProps = DataSourcePluginOptionsEditorProps<KpiDataSourceOptions>;

const profileOptions: Array<SelectableValue<ProfileId>> = PROFILE_IDS.map((id) => ({
  label: id,
  value: id,
  description: getProfile(id).description,
}));

export function ConfigEditor({ options, onOptionsChange }: ConfigEditorProps) {
  const jsonData = options.jsonData;
  const profile = jsonData.profile ?? 'litellm';
  const update = (change: Partial<KpiDataSourceOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...change } });

  return (
    <FieldSet label="KPI source">
      <Field
        label="Prometheus datasource"
        description="Runs the compiled PromQL: Prometheus, Mimir, Thanos, VictoriaMetrics or a managed service, with its own auth"
      >
        <DataSourcePicker
          type="prometheus"
          noDefault
          current={jsonData.prometheusUid}
          onChange={(ds) => update({ prometheusUid: ds.uid })}
          inputId="aispend-prometheus-picker"
        />
      </Field>
      <Field label="Metric profile" description={`Rules file to load into Prometheus: ${profileRulesPath(profile)}`}>
        <RadioButtonGroup options={profileOptions} value={profile} onChange={(value) => update({ profile: value })} />
      </Field>
      <Field label="Rule evaluation interval (seconds)" description="The evaluation interval of the aigateway:* recording rules">
        <Input
          type="number"
          width={12}
          min={15}
          aria-label="Rule evaluation interval"
          placeholder={String(RULE_INTERVAL_SECONDS)}
          // empty means the default; snapping to it on every keystroke would make the field uneditable
          value={jsonData.ruleIntervalSeconds ?? ''}
          onChange={(e) => update({ ruleIntervalSeconds: Number(e.currentTarget.value) || undefined })}
        />
      </Field>
    </FieldSet>
  );
}
