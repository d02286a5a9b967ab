import React, { useState } from 'react';
import { css } from '@emotion/css';
import { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps, SelectableValue } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { getProfile, PROFILE_IDS, profileRulesPath } from '../../rules/registry';
import type { ProfileId } from '../../rules/profile';
import { AppSettings, saveAppSettings, withDefaults } from '../../settings/appSettings';
import { testIds } from '../testIds';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<Partial<AppSettings>>> {}

const profileOptions: Array<SelectableValue<ProfileId>> = PROFILE_IDS.map((id) => ({
  label: id,
  value: id,
  description: getProfile(id).description,
}));

const AppConfig = ({ plugin }: AppConfigProps) => {
  const styles = useStyles2(getStyles);
  const saved = withDefaults(plugin.meta.jsonData);
  const [draft, setDraft] = useState<AppSettings>(saved);
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string }>();

  const onSave = async () => {
    try {
      const { prometheusUid, profile, anomalySigma } = draft;
      const next = await saveAppSettings({ prometheusUid, profile, anomalySigma }, saved.version);
      setDraft(next);
      setStatus({ kind: 'success', text: 'Settings saved.' });
      window.location.reload();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  return (
    <div data-testid={testIds.appConfig.container}>
      <FieldSet label="Data">
        <Field label="Prometheus datasource" description="Where the aigateway:* recording rules are evaluated">
          <div data-testid={testIds.appConfig.prometheus}>
            <DataSourcePicker
              type="prometheus"
              current={draft.prometheusUid}
              noDefault
              onChange={(ds) => setDraft({ ...draft, prometheusUid: ds.uid })}
            />
          </div>
        </Field>
        <Field
          label="Metric profile"
          description={`Which gateway metrics the recording rules read; load ${profileRulesPath(draft.profile)} into Prometheus`}
        >
          <div data-testid={testIds.appConfig.profile}>
            <RadioButtonGroup options={profileOptions} value={draft.profile} onChange={(profile) => setDraft({ ...draft, profile })} />
          </div>
        </Field>
        <Field label="Anomaly threshold (sigma)" description="Deviation from the 30-day baseline that counts as an anomaly">
          <Input
            data-testid={testIds.appConfig.anomalySigma}
            type="number"
            min={0.5}
            step={0.5}
            width={12}
            value={draft.anomalySigma}
            onChange={(e) => setDraft({ ...draft, anomalySigma: Number(e.currentTarget.value) })}
          />
        </Field>
      </FieldSet>
      {status && (
        <Alert severity={status.kind} title={status.text} className={styles.alert} />
      )}
      <Button data-testid={testIds.appConfig.submit} onClick={onSave} disabled={!(draft.anomalySigma > 0)}>
        Save settings
      </Button>
    </div>
  );
};

export default AppConfig;

const getStyles = (theme: GrafanaTheme2) => ({
  alert: css({ marginTop: theme.spacing(2) }),
});
