/**
 * What the custom KPI editor needs from the page that opens it: the session it edits and the
 * actions on it. The catalog provides them; the editor depends on this, never on the catalog.
 */
import type { SceneQueryRunner } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import type { KpiDraft } from './kpiDraft';

export interface EditorSession {
  /** set when editing a saved custom KPI */
  editingId?: string;
  initial: KpiDraft;
  /** the settings version the editor was opened with (after a conflict: the one the user reloaded) */
  baseVersion: number;
}

export type SaveOutcome = { ok: true } | { ok: false; conflict: boolean; message: string };

export interface KpiEditorHost {
  state: {
    datasource: DataSourceRef;
    /** the live value of the formula in the editor */
    preview: SceneQueryRunner;
  };
  save(draft: KpiDraft): Promise<SaveOutcome>;
  /** after a conflict: the newer settings become the editor's base; the draft stays */
  reloadKeepingDraft(): Promise<void>;
  closeEditor(): void;
}
