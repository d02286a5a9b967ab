/**
 * A page scene on the KPI datasource and the Prometheus datasource behind it (for the queries a
 * KPI formula cannot express), or a message saying which one is missing.
 */
import React from 'react';
import { EmbeddedScene, SceneFlexLayout, SceneReactObject } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { Alert } from '@grafana/ui';
import { prometheusOfKpiDatasource } from './prometheusTargets';
import { withKpiDatasource } from './withKpiDatasource';

export interface PageDatasources {
  kpi: DataSourceRef;
  prometheus: DataSourceRef;
}

export function MissingPrometheusDatasource() {
  return (
    <Alert severity="warning" title="The AI Spend KPI datasource has no Prometheus datasource">
      Open Connections → Data sources → AI Spend KPI and pick the Prometheus that holds the <code>aigateway:*</code>{' '}
      series; this page queries it directly.
    </Alert>
  );
}

export function withPrometheusDatasource(build: (datasources: PageDatasources) => EmbeddedScene): EmbeddedScene {
  return withKpiDatasource((kpi) => {
    const prometheus = prometheusOfKpiDatasource(kpi);
    if (prometheus) {
      return build({ kpi, prometheus });
    }
    return new EmbeddedScene({
      body: new SceneFlexLayout({ children: [new SceneReactObject({ component: MissingPrometheusDatasource })] }),
    });
  });
}
