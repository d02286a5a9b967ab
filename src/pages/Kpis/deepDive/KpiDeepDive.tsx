/**
 * A KPI's deep-dive once its definition is known: standard KPIs at once, custom ones from the
 * app settings (read once; they also give the budget threshold of the recommendations).
 */
import React from 'react';
import { css } from '@emotion/css';
import { SceneComponentProps, SceneFlexLayout, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { locationService } from '@grafana/runtime';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { findStandardKpi, type KpiDefinition } from '../../../engine/catalog';
import { loadAppSettings, type AppSettings } from '../../../settings/appSettings';
import { testIds } from '../../../components/testIds';
import { AppLink } from '../AppLink';
import { kpiCatalogUrl } from '../kpiLinks';
import { deepDiveLayout } from './deepDiveLayout';

// the page body is a flex container: without growing, the panels would shrink to their content
const fill = css({ flexGrow: 1, width: '100%', minWidth: 0 });

export interface KpiDeepDiveState extends SceneObjectState {
  kpiId: string;
  datasource: DataSourceRef;
  kpi?: KpiDefinition;
  body?: SceneFlexLayout;
  problem?: string;
  /** called once the KPI is known (the page shows its name and description) */
  onKpi?(kpi: KpiDefinition): void;
}

export function findKpi(kpiId: string, settings: AppSettings | undefined): KpiDefinition | undefined {
  const custom = settings?.customKpis.find((k) => k.id === kpiId);
  return findStandardKpi(kpiId) ?? (custom && { ...custom, standard: false });
}

export class KpiDeepDive extends SceneObjectBase<KpiDeepDiveState> {
  constructor(state: KpiDeepDiveState) {
    super(state);
    this.addActivationHandler(() => {
      if (!this.state.body && !this.state.problem) {
        this.load();
      }
    });
  }

  async load(): Promise<void> {
    let settings: AppSettings | undefined;
    let readError = '';
    try {
      settings = (await loadAppSettings()).settings;
    } catch (e) {
      // a standard KPI does not need the settings; a custom one does
      readError = e instanceof Error ? e.message : String((e as { data?: { message?: string } })?.data?.message ?? e);
    }
    this.show(findKpi(this.state.kpiId, settings), settings, readError);
  }

  show(kpi: KpiDefinition | undefined, settings: AppSettings | undefined, readError = '') {
    if (!kpi) {
      const why = readError
        ? `the custom KPIs could not be read (${readError})`
        : 'it is neither a standard KPI nor a saved custom KPI';
      this.setState({ problem: `There is no KPI "${this.state.kpiId}": ${why}.` });
      return;
    }
    this.setState({ kpi, body: deepDiveLayout({ kpi, datasource: this.state.datasource, settings }) });
    this.state.onKpi?.(kpi);
  }

  static Component = ({ model }: SceneComponentProps<KpiDeepDive>) => {
    const { body, problem } = model.useState();
    if (problem) {
      return (
        <Alert severity="warning" title="KPI not found">
          {problem} <AppLink to={kpiCatalogUrl(locationService.getSearchObject())}>Back to the KPIs</AppLink>
        </Alert>
      );
    }
    if (!body) {
      return <LoadingPlaceholder text="Loading the KPI…" />;
    }
    return (
      <div data-testid={testIds.kpis.deepDive} className={fill}>
        <body.Component model={body} />
      </div>
    );
  };
}
