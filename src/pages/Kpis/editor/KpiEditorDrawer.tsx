/**
 * The custom KPI editor in a drawer. It holds the draft; a failed save (a conflict with someone
 * else's save, a refused write) keeps it, so nothing typed is lost.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { DataSourceApi, GrafanaTheme2 } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, Badge, Button, Drawer, Stack, useStyles2 } from '@grafana/ui';
import { useFormulaVocabulary, type LabelValueSource } from '../../../components/FormulaEditor/useFormulaVocabulary';
import { testIds } from '../../../components/testIds';
import type { AppSettings } from '../../../settings/model';
import { formatKpiValue } from '../../../format/numbers';
import { kpiStatus } from '../kpiValues';
import {
  draftToSetting,
  renamed,
  validateDraft,
  type DraftField,
  type DraftValidation,
  type KpiDraft,
} from './kpiDraft';
import type { EditorSession, KpiEditorHost, SaveOutcome } from './editorSession';
import { KpiEditorFields } from './KpiEditorFields';
import { useFormulaPreview, type FormulaPreview } from './useFormulaPreview';

export interface KpiEditorDrawerProps {
  model: KpiEditorHost;
  session: EditorSession;
  settings: AppSettings;
}

function useLabelValueSource(model: KpiEditorHost): LabelValueSource | undefined {
  const [source, setSource] = useState<DataSourceApi>();
  useEffect(() => {
    getDataSourceSrv()
      .get(model.state.datasource)
      .then(setSource, () => undefined);
  }, [model]);
  return source as unknown as LabelValueSource | undefined;
}

function PreviewValue({ preview, draft, valid }: { preview: FormulaPreview; draft: KpiDraft; valid: boolean }) {
  const styles = useStyles2(getStyles);
  let content: React.ReactNode;
  if (preview.state === 'done') {
    const status = valid ? kpiStatus(draftToSetting(draft), preview.value) : undefined;
    content = (
      <Stack direction="row" gap={1} alignItems="center">
        <strong className={styles.value}>
          {formatKpiValue({ unit: draft.unit, decimals: Number(draft.decimals) || 0 }, preview.value)}
        </strong>
        {status && (
          <Badge color={status === 'good' ? 'green' : status === 'warning' ? 'orange' : 'red'} text={status} />
        )}
      </Stack>
    );
  } else if (preview.state === 'error') {
    content = <span className={styles.error}>{preview.message}</span>;
  } else if (preview.state === 'loading') {
    content = <span className={styles.secondary}>computing…</span>;
  } else {
    content = <span className={styles.secondary}>a formula without problems shows its value here</span>;
  }
  return (
    <div className={styles.preview} data-testid={testIds.kpis.previewValue} aria-live="polite">
      <div className={styles.secondary}>Value for the selected range and filters</div>
      {content}
    </div>
  );
}

function SaveProblem({ outcome, onReload }: { outcome: Extract<SaveOutcome, { ok: false }>; onReload(): void }) {
  return (
    <Alert severity="error" title={outcome.conflict ? 'Not saved: the settings changed' : 'Not saved'}>
      <div>{outcome.message}</div>
      {outcome.conflict && (
        <Button size="sm" variant="secondary" onClick={onReload}>
          Load the latest settings (your draft stays here)
        </Button>
      )}
    </Alert>
  );
}

const ALL_FIELDS: DraftField[] = ['name', 'id', 'formula', 'decimals', 'thresholds'];

/** The problems of the fields the user edited (the formula's diagnostics always: they are at their columns). */
function visibleProblems(validation: DraftValidation, touched: ReadonlySet<DraftField>): DraftValidation {
  const errors = Object.fromEntries(
    Object.entries(validation.errors).filter(([field]) => touched.has(field as DraftField))
  );
  return { ...validation, errors };
}

export function KpiEditorDrawer({ model, session, settings }: KpiEditorDrawerProps) {
  const styles = useStyles2(getStyles);
  const [draft, setDraft] = useState<KpiDraft>(session.initial);
  // a new, empty form does not open full of red: a field's problem shows once it was edited
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(() => new Set(session.editingId ? ALL_FIELDS : []));
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();
  const customIds = useMemo(() => settings.customKpis.map((k) => k.id), [settings]);
  const validation = useMemo(
    () => validateDraft(draft, { customIds, editingId: session.editingId }),
    [draft, customIds, session.editingId]
  );
  const shown = visibleProblems(validation, touched);
  const vocabulary = useFormulaVocabulary(useLabelValueSource(model));
  const formulaOk = Boolean(draft.formula.trim()) && validation.diagnostics.length === 0;
  const preview = useFormulaPreview(model.state.preview, draft.formula, formulaOk);

  const edit = (change: Partial<KpiDraft>, next: KpiDraft = { ...draft, ...change }) => {
    setTouched(new Set([...touched, ...(Object.keys(change) as DraftField[])]));
    setDraft(next);
  };
  const save = async () => {
    setSaving(true);
    setOutcome(undefined);
    const result = await model.save(draft);
    setSaving(false);
    if (!result.ok) {
      setOutcome(result);
    }
  };
  const reload = async () => {
    setOutcome(undefined);
    await model.reloadKeepingDraft();
  };

  return (
    <Drawer
      title={session.editingId ? `Edit ${session.initial.name}` : 'New KPI'}
      size="md"
      onClose={model.closeEditor}
      closeOnMaskClick={false}
    >
      {/* Escape that closed the formula's completion list must not also close the drawer (and the draft) */}
      <div
        data-testid={testIds.kpis.editor}
        onKeyDown={(e) => e.key === 'Escape' && e.defaultPrevented && e.stopPropagation()}
      >
        <KpiEditorFields
          draft={draft}
          validation={shown}
          vocabulary={vocabulary}
          idLocked={session.editingId !== undefined}
          onName={(name) => edit({ name, id: draft.id }, renamed(draft, name, new Set(customIds)))}
          onChange={(change) => edit(change)}
        />
        <PreviewValue preview={preview} draft={draft} valid={validation.ok} />
        {outcome && !outcome.ok && <SaveProblem outcome={outcome} onReload={reload} />}
        <div className={styles.footer}>
          <Button
            onClick={save}
            disabled={!validation.ok || saving}
            icon={saving ? 'spinner' : undefined}
            data-testid={testIds.kpis.save}
          >
            Save
          </Button>
          <Button variant="secondary" fill="outline" onClick={model.closeEditor}>
            Cancel
          </Button>
          {!validation.ok && (
            <span className={styles.secondary}>
              {Object.keys(shown.errors).length || shown.diagnostics.length
                ? 'Fix the fields marked in red to save.'
                : 'A name and a formula are needed to save.'}
            </span>
          )}
        </div>
      </div>
    </Drawer>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  preview: css({
    padding: theme.spacing(1, 2),
    margin: theme.spacing(1, 0, 2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
  }),
  value: css({ fontSize: theme.typography.h3.fontSize }),
  secondary: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  error: css({ color: theme.colors.error.text }),
  footer: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginTop: theme.spacing(2) }),
});
