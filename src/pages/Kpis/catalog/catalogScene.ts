/** The KPIs page: the catalog under the shared time picker and provider / model / team filters. */
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { defaultTimeRange, filterVariables, pageControls } from '../../../scenes/filters';
import { KpiCatalog } from './KpiCatalog';

export function catalogScene(datasource: DataSourceRef): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: filterVariables(datasource),
    controls: pageControls(),
    body: new SceneFlexLayout({
      direction: 'column',
      children: [new SceneFlexItem({ body: new KpiCatalog({ datasource }) })],
    }),
  });
}
