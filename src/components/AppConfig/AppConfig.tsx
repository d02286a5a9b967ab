import React, { useState } from 'react';
import { css } from '@emotion/css';
import { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, Button, useStyles2 } from '@grafana/ui';
import { AppSettings, saveAppSettings, SettingsConflictError, withDefaults } from '../../settings/appSettings';
import { testIds } from '../testIds';
import { FamiliesChecklist } from './FamiliesChecklist';
import { KpiDatasourceSection } from './KpiDatasourceSection';
import { RecordingHealthPanel } from './RecordingHealthPanel';
import { reloadPage } from './reloadPage';
import { SettingsFields } from './SettingsFields';
import { errorMessage, formFromSettings, SettingsForm, validateSettingsForm } from './settingsForm';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<Partial<AppSettings>>> {}

/** Grafana lets only organization Admins write an app's settings (and create datasources). */
export function canEditAppSettings(): boolean {
  return config.bootData.user.orgRole === 'Admin';
}

type Status = { kind: 'success' | 'error'; title: string; text?: string };

function ReadOnlyNote() {
  return (
    <Alert severity="info" title="Read-only" data-testid={testIds.appConfig.readOnlyNote}>
      Only organization Admins can change these settings: Grafana lets only them write an app&apos;s settings. You are
      signed in as {config.bootData.user.orgRole || 'a user without an organization role'}.
    </Alert>
  );
}

const AppConfig = ({ plugin }: AppConfigProps) => {
  const styles = useStyles2(getStyles);
  const canEdit = canEditAppSettings();
  const [saved] = useState<AppSettings>(() => withDefaults(plugin.meta.jsonData));
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(saved));
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status>();
  const validation = validateSettingsForm(form);

  const onSave = async () => {
    if (!validation.ok) {
      return;
    }
    setSaving(true);
    try {
      await saveAppSettings(validation.change, saved.version);
      setStatus({ kind: 'success', title: 'Settings saved.' });
      reloadPage();
    } catch (e) {
      // the draft stays as typed: the admin can reload in another tab, compare, and apply it again
      const title = e instanceof SettingsConflictError ? 'Not saved: someone else saved first' : 'Not saved';
      setStatus({ kind: 'error', title, text: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid={testIds.appConfig.container} className={styles.page}>
      {!canEdit && <ReadOnlyNote />}
      <SettingsFields form={form} errors={validation.ok ? {} : validation.errors} readOnly={!canEdit} onChange={setForm} />
      {status && (
        <Alert severity={status.kind} title={status.title} data-testid={testIds.appConfig.status}>
          {status.text}
        </Alert>
      )}
      {canEdit && (
        <Button data-testid={testIds.appConfig.submit} onClick={onSave} disabled={!validation.ok || saving} icon={saving ? 'spinner' : undefined}>
          Save settings
        </Button>
      )}
      <div className={styles.sections}>
        <KpiDatasourceSection target={form} canCreate={canEdit} />
        <FamiliesChecklist prometheusUid={form.prometheusUid} profile={form.profile} />
        <RecordingHealthPanel prometheusUid={form.prometheusUid} profile={form.profile} />
      </div>
    </div>
  );
};

export default AppConfig;

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ maxWidth: 960 }),
  sections: css({ marginTop: theme.spacing(4) }),
});
