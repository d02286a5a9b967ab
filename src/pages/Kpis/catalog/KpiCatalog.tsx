/**
 * The KPI catalog: standard and custom KPIs with their value for the page's range, and the custom
 * KPI editor. Custom KPIs come from the app settings; the version they were read at is the base of
 * every save, so a save on top of someone else's newer one is refused, never lost.
 */
import React from 'react';
import { SceneComponentProps, SceneObjectBase, SceneObjectState, SceneQueryRunner } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, ConfirmModal, LoadingPlaceholder } from '@grafana/ui';
import type { KpiDefinition } from '../../../engine/catalog';
import { loadAppSettings, SettingsConflictError, type AppSettings } from '../../../settings/appSettings';
import type { KpiCatalogSource } from '../../../datasource/kpiCatalogSource';
import { catalogKpis, catalogQueries } from './catalogModel';
import { deleteCustomKpi, saveCustomKpi } from '../editor/customKpiStore';
import type { EditorSession, KpiEditorHost, SaveOutcome } from '../editor/editorSession';
import { draftToSetting, EMPTY_DRAFT, settingToDraft, type KpiDraft } from '../editor/kpiDraft';
import { KpiEditorDrawer } from '../editor/KpiEditorDrawer';
import { isOrgAdmin } from '../permissions';
import { useCoverage } from '../../../scenes/coverageProvider';
import { KpiCatalogTable } from './KpiCatalogTable';

export interface KpiCatalogState extends SceneObjectState {
  datasource: DataSourceRef;
  settings?: AppSettings;
  loadError?: string;
  editor?: EditorSession;
  deleting?: KpiDefinition;
  notice?: { severity: 'error' | 'success'; text: string };
  /** the live value of the formula in the editor */
  preview: SceneQueryRunner;
}

const message = (e: unknown) =>
  e instanceof Error ? e.message : ((e as { data?: { message?: string } })?.data?.message ?? String(e));

export class KpiCatalog extends SceneObjectBase<KpiCatalogState> implements KpiEditorHost {
  constructor(state: Pick<KpiCatalogState, 'datasource'>) {
    super({
      ...state,
      $data: new SceneQueryRunner({ datasource: state.datasource, queries: [] }),
      preview: new SceneQueryRunner({ datasource: state.datasource, queries: [] }),
    });
    this.addActivationHandler(() => {
      if (!this.state.settings) {
        this.loadSettings();
      }
    });
  }

  get runner(): SceneQueryRunner {
    return this.state.$data as SceneQueryRunner;
  }

  kpis(): KpiDefinition[] {
    return catalogKpis(this.state.settings?.customKpis ?? []);
  }

  async loadSettings(): Promise<void> {
    try {
      const { settings } = await loadAppSettings();
      this.applySettings(settings);
    } catch (e) {
      // without the settings the standard KPIs still have values
      this.setState({ loadError: `Could not read the custom KPIs from the app settings: ${message(e)}` });
      this.applySettings(undefined);
    }
  }

  /** Shows `settings` (loaded, saved or reloaded after a conflict) and re-runs the value queries. */
  private async applySettings(settings: AppSettings | undefined, changed = false) {
    this.setState({ settings });
    if (changed) {
      // the datasource caches custom KPIs: a changed formula must not be run from its stale copy
      await getDataSourceSrv()
        .get(this.state.datasource)
        .then((ds) => (ds as unknown as { catalog?: KpiCatalogSource }).catalog?.refresh(true))
        .catch(() => undefined);
    }
    this.runner.setState({ queries: catalogQueries(this.kpis()) });
    this.runner.runQueries();
  }

  openNew() {
    if (isOrgAdmin() && this.state.settings) {
      this.setState({ editor: { initial: EMPTY_DRAFT, baseVersion: this.state.settings.version }, notice: undefined });
    }
  }

  openEdit(id: string) {
    const kpi = this.state.settings?.customKpis.find((k) => k.id === id);
    if (isOrgAdmin() && kpi) {
      this.setState({
        editor: { editingId: id, initial: settingToDraft(kpi), baseVersion: this.state.settings!.version },
        notice: undefined,
      });
    }
  }

  closeEditor = () => this.setState({ editor: undefined });

  save = async (draft: KpiDraft): Promise<SaveOutcome> => {
    const { editor, settings } = this.state;
    if (!editor || !settings) {
      return { ok: false, conflict: false, message: 'The editor is closed' };
    }
    try {
      const saved = await saveCustomKpi(settings, draftToSetting(draft), editor.baseVersion, editor.editingId);
      this.setState({ editor: undefined, notice: { severity: 'success', text: `Saved "${draft.name.trim()}".` } });
      this.applySettings(saved, true);
      return { ok: true };
    } catch (e) {
      return { ok: false, conflict: e instanceof SettingsConflictError, message: message(e) };
    }
  };

  /** After a conflict: show the newer settings and make them the editor's base; the draft stays. */
  reloadKeepingDraft = async (): Promise<void> => {
    const { settings } = await loadAppSettings();
    this.applySettings(settings, true);
    if (this.state.editor) {
      this.setState({ editor: { ...this.state.editor, baseVersion: settings.version } });
    }
  };

  askDelete(kpi: KpiDefinition) {
    if (isOrgAdmin() && kpi.standard === false) {
      this.setState({ deleting: kpi, notice: undefined });
    }
  }

  confirmDelete = async () => {
    const { deleting, settings } = this.state;
    this.setState({ deleting: undefined });
    if (!deleting || !settings) {
      return;
    }
    try {
      this.applySettings(await deleteCustomKpi(settings, deleting.id, settings.version), true);
      this.setState({ notice: { severity: 'success', text: `Deleted "${deleting.name}".` } });
    } catch (e) {
      this.setState({ notice: { severity: 'error', text: `"${deleting.name}" was not deleted. ${message(e)}` } });
      if (e instanceof SettingsConflictError) {
        this.applySettings(e.current, true);
      }
    }
  };

  static Component = KpiCatalogRenderer;
}

function KpiCatalogRenderer({ model }: SceneComponentProps<KpiCatalog>) {
  const { settings, loadError, editor, deleting, notice } = model.useState();
  const { data } = model.runner.useState();
  const coverage = useCoverage(model);
  const admin = isOrgAdmin();
  return (
    <div>
      {loadError && <Alert severity="warning" title={loadError} />}
      {notice && (
        <Alert severity={notice.severity} title={notice.text} onRemove={() => model.setState({ notice: undefined })} />
      )}
      {!settings && !loadError ? (
        <LoadingPlaceholder text="Loading KPIs…" />
      ) : (
        <KpiCatalogTable
          kpis={model.kpis()}
          data={data}
          coverage={coverage}
          canEdit={admin && Boolean(settings)}
          onNew={() => model.openNew()}
          onEdit={(id) => model.openEdit(id)}
          onDelete={(kpi) => model.askDelete(kpi)}
        />
      )}
      {editor && settings && <KpiEditorDrawer model={model} session={editor} settings={settings} />}
      <ConfirmModal
        isOpen={Boolean(deleting)}
        title="Delete custom KPI"
        body={
          deleting
            ? `Delete "${deleting.name}" (${deleting.id})? Panels and dashboards that query it will show an error.`
            : ''
        }
        confirmText="Delete"
        onConfirm={model.confirmDelete}
        onDismiss={() => model.setState({ deleting: undefined })}
      />
    </div>
  );
}
