import React from 'react';
import { Alert } from '@grafana/ui';
import { KPI_DATASOURCE_PLUGIN_ID } from '../constants';

export function MissingKpiDatasource() {
  return (
    <Alert severity="warning" title="No AI Spend KPI datasource">
      The app&apos;s pages query KPIs through the <code>{KPI_DATASOURCE_PLUGIN_ID}</code> datasource. Add one under
      Connections → Data sources → AI Spend KPI, point it to the Prometheus that holds the <code>aigateway:*</code>{' '}
      series, or provision it as in <code>provisioning/datasources/default.yaml</code>.
    </Alert>
  );
}
