/**
 * The deep-dive page's scene: the KPI's panels under the shared time picker and filters, and the
 * page's coverage query (the change of "what changed", a growth KPI's value).
 */
import { EmbeddedScene } from '@grafana/scenes';
import type { KpiDefinition } from '../../../engine/catalog';
import { CoverageProvider } from '../../../scenes/coverageProvider';
import { defaultTimeRange, filterVariables, pageControls } from '../../../scenes/filters';
import type { PageDatasources } from '../../../scenes/withPrometheusDatasource';
import { KpiDeepDive } from './KpiDeepDive';

export function deepDiveScene(
  { kpi, prometheus }: PageDatasources,
  kpiId: string,
  onKpi?: (kpi: KpiDefinition) => void
): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: filterVariables(kpi),
    $behaviors: [new CoverageProvider(prometheus, { periods: 2 })],
    controls: pageControls(),
    body: new KpiDeepDive({ kpiId, datasource: kpi, onKpi }),
  });
}
