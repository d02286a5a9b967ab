/**
 * The KPIs page: the catalog under the shared time picker and provider / model / team filters, and
 * the page's coverage query (growth KPIs show a value only when both periods have data).
 */
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout } from '@grafana/scenes';
import { CoverageProvider } from '../../../scenes/coverageProvider';
import { defaultTimeRange, filterVariables, pageControls } from '../../../scenes/filters';
import type { PageDatasources } from '../../../scenes/withPrometheusDatasource';
import { KpiCatalog } from './KpiCatalog';

export function catalogScene({ kpi, prometheus }: PageDatasources): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: filterVariables(kpi),
    $behaviors: [new CoverageProvider(prometheus, { periods: 2 })],
    controls: pageControls(),
    body: new SceneFlexLayout({
      direction: 'column',
      children: [new SceneFlexItem({ body: new KpiCatalog({ datasource: kpi }) })],
    }),
  });
}
