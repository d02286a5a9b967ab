/**
 * The deep-dive's header: the KPI's formula and unit, and its actions — export the shown data as
 * CSV, copy the compiled PromQL, add the KPI to a dashboard, create an alert rule.
 */
import React from 'react';
import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2, type PanelData } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { SceneComponentProps, sceneGraph, SceneObject, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { Badge, Button, ClipboardButton, Dropdown, Menu, useStyles2 } from '@grafana/ui';
import { VARIABLES } from '../../../constants';
import type { KpiDefinition } from '../../../engine/catalog';
import { RULE_INTERVAL_SECONDS, type BaseLabel } from '../../../engine/conventions';
import type { Filters } from '../../../engine/language';
import { framesToCsv } from '../../../analysis/csv';
import type { AppSettings } from '../../../settings/model';
import type { KpiDataSourceOptions } from '../../../datasource/types';
import { testIds } from '../../../components/testIds';
import { isOrgAdmin } from '../permissions';
import { AddToDashboardModal } from './AddToDashboardModal';
import { AlertRuleModal } from './AlertRuleModal';
import { downloadText } from './csvDownload';
import { DATA_KEYS } from './deepDiveQueries';
import { csvFileName, filtersFromVariableValues, kpiPanelJson, kpiPromQL } from './kpiExports';
import type { BreakdownPanel } from './BreakdownPanel';
import type { WhatChangedPanel } from './WhatChangedPanel';

export type CsvPart = 'series' | 'value' | `by-${BaseLabel}` | 'what-changed';

export const CSV_PARTS: Array<{ part: CsvPart; label: string }> = [
  { part: 'series', label: 'Time series' },
  { part: 'value', label: 'Value for the range' },
  { part: 'by-provider', label: 'By provider' },
  { part: 'by-model', label: 'By model' },
  { part: 'by-team', label: 'By team' },
  { part: 'what-changed', label: 'What changed' },
];

export interface KpiActionsState extends SceneObjectState {
  kpi: KpiDefinition;
  datasource: DataSourceRef;
  settings?: AppSettings;
  modal?: 'dashboard' | 'alert';
  /** the last action's confirmation or problem, shown next to the buttons */
  notice?: { ok: boolean; text: string };
}

export class KpiActions extends SceneObjectBase<KpiActionsState> {
  private datasourceOptions(): Partial<KpiDataSourceOptions> {
    return (getDataSourceSrv().getInstanceSettings(this.state.datasource)?.jsonData ??
      {}) as Partial<KpiDataSourceOptions>;
  }

  private dataOf(key: string): DataFrame[] {
    // a SceneQueryRunner or a SceneDataTransformer: both hold what their panel shows in `data`
    const provider = sceneGraph.findByKey(this, key) as SceneObject<SceneObjectState & { data?: PanelData }>;
    return provider.state.data?.series ?? [];
  }

  /** Exactly the frames a panel shows (after its transformations). */
  shownFrames(part: CsvPart): DataFrame[] {
    if (part === 'what-changed') {
      return (sceneGraph.findByKey(this, DATA_KEYS.whatChanged) as WhatChangedPanel).shownFrames();
    }
    if (part === 'series' || part === 'value') {
      return this.dataOf(DATA_KEYS[part]);
    }
    return (
      sceneGraph.findByKey(this, DATA_KEYS.shownBreakdown(part.slice(3) as BaseLabel)) as BreakdownPanel
    ).shownFrames();
  }

  exportCsv(part: CsvPart) {
    const csv = framesToCsv(this.shownFrames(part));
    if (!csv) {
      this.setState({ notice: { ok: false, text: 'Nothing to export: the panel has no data yet.' } });
      return;
    }
    const range = sceneGraph.getTimeRange(this).state.value;
    const name = csvFileName(this.state.kpi.id, part, range.from.valueOf(), range.to.valueOf());
    downloadText(name, csv);
    this.setState({ notice: { ok: true, text: `Downloaded ${name}.` } });
  }

  /** The page's provider / model / team filters. */
  filters(): Filters {
    const values = Object.fromEntries(
      [VARIABLES.provider, VARIABLES.model, VARIABLES.team].map((name) => [
        name,
        // the selection itself ($__all for All), not getValue(), which expands All into every option
        (sceneGraph.lookupVariable(name, this)?.state as { value?: unknown } | undefined)?.value,
      ])
    );
    return filtersFromVariableValues(values);
  }

  promql() {
    const range = sceneGraph.getTimeRange(this).state.value;
    return kpiPromQL(this.state.kpi, {
      fromMs: range.from.valueOf(),
      toMs: range.to.valueOf(),
      filters: this.filters(),
      ruleIntervalSeconds: this.datasourceOptions().ruleIntervalSeconds ?? RULE_INTERVAL_SECONDS,
    });
  }

  /** The confirmation: what was copied and how to run it (an instant query at the range's end). */
  copied(text: string) {
    if (!text) {
      const compiled = this.promql();
      this.setState({
        notice: { ok: false, text: compiled.ok ? 'Nothing was copied.' : `Not copied: ${compiled.message}` },
      });
      return;
    }
    const end = sceneGraph.getTimeRange(this).state.value.to.toISOString();
    this.setState({
      notice: { ok: true, text: `PromQL copied: run it as an instant query at ${end} for this range's value.` },
    });
  }

  prometheusUid(): string | undefined {
    return this.datasourceOptions().prometheusUid ?? this.state.settings?.prometheusUid;
  }

  static Component = KpiActionsView;
}

function KpiActionsView({ model }: SceneComponentProps<KpiActions>) {
  const { kpi, datasource, modal, notice } = model.useState();
  const styles = useStyles2(getStyles);
  const exportMenu = (
    <Menu>
      {CSV_PARTS.map(({ part, label }) => (
        <Menu.Item key={part} label={label} onClick={() => model.exportCsv(part)} />
      ))}
    </Menu>
  );
  const copyText = () => {
    const compiled = model.promql();
    return compiled.ok ? compiled.promql : '';
  };
  return (
    <div className={styles.bar}>
      <div className={styles.about}>
        <code className={styles.formula}>{kpi.formula}</code>
        <span className={styles.secondary}>unit {kpi.unit || 'none'}</span>
        <Badge
          color={kpi.standard === false ? 'purple' : 'darkgrey'}
          text={kpi.standard === false ? 'custom' : 'standard'}
        />
      </div>
      <div className={styles.buttons}>
        {notice && (
          <span className={notice.ok ? styles.ok : styles.problem} role="status">
            {notice.text}
          </span>
        )}
        <Dropdown overlay={exportMenu} placement="bottom-end">
          <Button variant="secondary" icon="download-alt" data-testid={testIds.kpis.exportCsv}>
            Export CSV
          </Button>
        </Dropdown>
        <ClipboardButton
          variant="secondary"
          icon="copy"
          data-testid={testIds.kpis.copyPromql}
          getText={copyText}
          onClipboardCopy={(text) => model.copied(text)}
          onClipboardError={() => model.setState({ notice: { ok: false, text: 'The browser refused the clipboard.' } })}
        >
          Copy PromQL
        </ClipboardButton>
        <Button
          variant="secondary"
          icon="apps"
          onClick={() => model.setState({ modal: 'dashboard' })}
          data-testid={testIds.kpis.addToDashboard}
        >
          Add to dashboard
        </Button>
        <Button
          variant="secondary"
          icon="bell"
          onClick={() => model.setState({ modal: 'alert' })}
          data-testid={testIds.kpis.createAlert}
        >
          Create alert rule
        </Button>
      </div>
      {modal === 'dashboard' && (
        <AddToDashboardModal
          kpiName={kpi.name}
          panelJson={JSON.stringify(kpiPanelJson(kpi, datasource), null, 2)}
          onDismiss={() => model.setState({ modal: undefined })}
        />
      )}
      {modal === 'alert' && (
        <AlertRuleModal
          kpi={kpi}
          prometheusUid={model.prometheusUid()}
          filters={model.filters()}
          canWrite={isOrgAdmin()}
          onDismiss={() => model.setState({ modal: undefined })}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: theme.spacing(1),
  }),
  about: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), minWidth: 0 }),
  formula: css({ fontSize: theme.typography.bodySmall.fontSize, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }),
  secondary: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
  buttons: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), flexWrap: 'wrap' }),
  ok: css({ color: theme.colors.success.text }),
  problem: css({ color: theme.colors.warning.text }),
});
