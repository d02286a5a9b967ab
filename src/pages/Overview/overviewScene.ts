/** Overview: the eight seed KPIs as tiles for the selected range, provider / model / team filters. */
import { EmbeddedScene, PanelBuilders, SceneCSSGridLayout, SceneQueryRunner } from '@grafana/scenes';
import { BigValueGraphMode, type DataSourceRef } from '@grafana/schema';
import { OVERVIEW_KPI_IDS, STANDARD_KPIS } from '../../engine/catalog';
import { defaultTimeRange, filterVariables, pageControls } from '../../scenes/filters';

function kpiTile(datasource: DataSourceRef, kpiId: string) {
  const kpi = STANDARD_KPIS.find((k) => k.id === kpiId)!;
  const data = new SceneQueryRunner({
    datasource,
    queries: [{ refId: 'value', kpiId, mode: 'instant' }],
  });
  return PanelBuilders.stat()
    .setTitle(kpi.name)
    .setDescription(`${kpi.description}\n\nFormula: ${kpi.formula}`)
    .setData(data)
    .setOption('graphMode', BigValueGraphMode.None)
    .setNoValue('—')
    .build();
}

export function overviewScene(datasource: DataSourceRef): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: filterVariables(datasource),
    controls: pageControls(),
    body: new SceneCSSGridLayout({
      templateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
      autoRows: '160px',
      children: OVERVIEW_KPI_IDS.map((id) => kpiTile(datasource, id)),
    }),
  });
}
