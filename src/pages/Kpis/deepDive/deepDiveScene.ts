/** The deep-dive page's scene: the KPI's panels under the shared time picker and filters. */
import { EmbeddedScene } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import type { KpiDefinition } from '../../../engine/catalog';
import { defaultTimeRange, filterVariables, pageControls } from '../../../scenes/filters';
import { KpiDeepDive } from './KpiDeepDive';

export function deepDiveScene(
  datasource: DataSourceRef,
  kpiId: string,
  onKpi?: (kpi: KpiDefinition) => void
): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: filterVariables(datasource),
    controls: pageControls(),
    body: new KpiDeepDive({ kpiId, datasource, onKpi }),
  });
}
