/**
 * What Grafana's Prometheus datasource does with the targets the KPI datasource sends
 * (`expr`, `instant` / `range`, `interval`): one Prometheus HTTP API call per target, answered
 * as frames in Grafana's data plane shape (one frame per series: a time field and a number field
 * carrying the series labels). Shared by the integration tests' adapter (Node HTTP) and the
 * preview's Prometheus datasource (browser fetch through the preview server's proxy).
 */
import { createDataFrame, DataFrame, DataQueryRequest, FieldType } from '@grafana/data';
import { promNumber, PromSeries } from '../../src/cli/prometheusHttp';

export interface PromTarget {
  refId: string;
  expr: string;
  instant?: boolean;
  range?: boolean;
  interval?: string;
  legendFormat?: string;
  hide?: boolean;
}

export interface PromClient {
  instant(expr: string, timeSec: number): Promise<PromSeries[]>;
  range(expr: string, startSec: number, endSec: number, stepSec: number): Promise<PromSeries[]>;
}

function legend(format: string | undefined, labels: Record<string, string>): string | undefined {
  return format ? format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => labels[name] ?? '') : undefined;
}

export function seriesToFrame(target: PromTarget, series: PromSeries): DataFrame {
  const points = series.values ?? [series.value!];
  const { __name__, ...labels } = series.metric;
  void __name__;
  const displayNameFromDS = legend(target.legendFormat, labels);
  return createDataFrame({
    refId: target.refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: points.map(([t]) => t * 1000) },
      {
        name: 'Value',
        type: FieldType.number,
        values: points.map(([, v]) => promNumber(v)),
        labels,
        config: displayNameFromDS ? { displayNameFromDS } : {},
      },
    ],
  });
}

/** Grafana aligns range queries to the step so that panels refreshed later show the same points. */
function stepSeconds(target: PromTarget, request: DataQueryRequest): number {
  const fromTarget = target.interval ? parseInt(target.interval, 10) : NaN;
  return Math.max(1, Number.isFinite(fromTarget) ? fromTarget : Math.round(request.intervalMs / 1000));
}

export async function runPromTargets(client: PromClient, request: DataQueryRequest<PromTarget>): Promise<DataFrame[]> {
  const toSec = request.range.to.valueOf() / 1000;
  const fromSec = request.range.from.valueOf() / 1000;
  const frames = await Promise.all(
    request.targets
      .filter((t) => !t.hide && t.expr)
      .map(async (target) => {
        const step = stepSeconds(target, request);
        const result = target.instant
          ? await client.instant(target.expr, toSec)
          : await client.range(target.expr, Math.floor(fromSec / step) * step, Math.floor(toSec / step) * step, step);
        return result.map((series) => seriesToFrame(target, series));
      })
  );
  return frames.flat();
}
