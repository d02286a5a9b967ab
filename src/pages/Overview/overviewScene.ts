/** Overview: the eight seed KPIs as tiles for the selected range, provider / model / team filters. */
import { EmbeddedScene, SceneCSSGridLayout } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { findStandardKpi, OVERVIEW_KPI_IDS } from '../../engine/catalog';
import { defaultTimeRange, filterVariables, pageControls } from '../../scenes/filters';
import { KpiTile } from './KpiTile';

export function overviewScene(datasource: DataSourceRef): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: filterVariables(datasource),
    controls: pageControls(),
    body: new SceneCSSGridLayout({
      templateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
      autoRows: '150px',
      children: OVERVIEW_KPI_IDS.map((id) => new KpiTile(findStandardKpi(id)!, datasource)),
    }),
  });
}
