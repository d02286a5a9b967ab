/**
 * What Grafana does between a panel's queries and its visualization, for tests of the shipped
 * dashboard: the table frame Grafana's Prometheus datasource builds for `format: 'table'`
 * targets, and the panel's transformations run by Grafana's own transformers from @grafana/data.
 */
import {
  createDataFrame,
  DataFrame,
  FieldType,
  standardTransformers,
  standardTransformersRegistry,
  transformDataFrame,
  TransformerRegistryItem,
} from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import type { DashboardPanel } from './dashboardModel';

export interface InstantSeries {
  metric: Record<string, string>;
  value: [number, string];
}

/**
 * One instant result as Grafana's Prometheus datasource shapes a table query (its
 * transformDFToTable): a time column, one string column per label (sorted by name, "" where a
 * series lacks it) and the values in a column named "Value" (one query per request, as the KPI
 * datasource sends them).
 */
export function prometheusTableFrame(refId: string, series: InstantSeries[]): DataFrame {
  const labels = [...new Set(series.flatMap((s) => Object.keys(s.metric)).filter((l) => l !== '__name__'))].sort();
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: series.map((s) => s.value[0] * 1000) },
      ...labels.map((label) => ({
        name: label,
        type: FieldType.string,
        values: series.map((s) => s.metric[label] ?? ''),
      })),
      { name: 'Value', type: FieldType.number, values: series.map((s) => Number(s.value[1])) },
    ],
  });
}

let registryReady = false;

function ensureTransformersRegistered(): void {
  if (registryReady) {
    return;
  }
  // Grafana registers these at start-up (with editors); the transformers themselves live in
  // @grafana/data, some listed twice (under a legacy name too)
  const unique = new Map(Object.values(standardTransformers).map((t) => [t.id, t]));
  standardTransformersRegistry.setInit(() =>
    [...unique.values()].map(
      (transformation) =>
        ({
          id: transformation.id,
          name: transformation.name,
          transformation,
          editor: () => null,
        }) as unknown as TransformerRegistryItem
    )
  );
  registryReady = true;
}

export async function applyPanelTransformations(panel: DashboardPanel, frames: DataFrame[]): Promise<DataFrame[]> {
  ensureTransformersRegistered();
  return lastValueFrom(transformDataFrame(panel.transformations ?? [], frames));
}
