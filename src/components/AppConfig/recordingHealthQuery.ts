/** The recording-health check (src/health/) on a Prometheus datasource of Grafana. */
import { lastValueFrom, Observable, toArray } from 'rxjs';
import { DataFrame, DataQueryRequest, DataQueryResponse, dateTime, FieldType } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { labeledValuesFromFrames } from '../../analysis/frameValues';
import {
  HEALTH_STEP_SECONDS,
  healthAnswers,
  pointsPerHourQuery,
  RangeSeries,
  recentQuery,
} from '../../health/healthQueries';
import { profileRawMetrics } from '../../health/rawMetrics';
import { HealthContext, HealthFinding, healthFindings } from '../../health/recordingHealth';
import { instantTarget, PrometheusTarget, rangeTarget } from '../../scenes/prometheusTargets';

const HOURLY_REF = 'hourly';
const RECENT_REF = 'recent';

/** Range query frames (a time field and value fields with labels) as series of [unix seconds, value]. */
export function rangeSeriesFromFrames(frames: readonly DataFrame[]): RangeSeries[] {
  return frames.flatMap((frame) => {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      return [];
    }
    return frame.fields
      .filter((f) => f.type === FieldType.number)
      .map((field) => ({
        labels: { ...field.labels },
        values: field.values.flatMap((v, i) =>
          v === null || v === undefined ? [] : [[time.values[i] / 1000, Number(v)] as const]
        ),
      }));
  });
}

/** The two health queries as one request of Grafana's Prometheus query model over the lookback. */
export function recordingHealthRequest(ctx: HealthContext): DataQueryRequest<PrometheusTarget> {
  const from = dateTime((ctx.nowSec - ctx.lookbackSeconds) * 1000);
  const to = dateTime(ctx.nowSec * 1000);
  return {
    requestId: 'aispend-recording-health',
    app: 'aispend-recording-health',
    timezone: 'utc',
    range: { from, to, raw: { from, to } },
    interval: `${HEALTH_STEP_SECONDS}s`,
    intervalMs: HEALTH_STEP_SECONDS * 1000,
    maxDataPoints: Math.ceil(ctx.lookbackSeconds / HEALTH_STEP_SECONDS),
    scopedVars: {},
    startTime: Date.now(),
    targets: [
      rangeTarget(HOURLY_REF, pointsPerHourQuery(), HEALTH_STEP_SECONDS),
      instantTarget(RECENT_REF, recentQuery(profileRawMetrics(ctx.profile))),
    ],
  };
}

/**
 * Runs the check through the datasource itself, as the pages do: Grafana's Prometheus
 * datasource sends it through Grafana's backend (/api/ds/query), so its auth and proxy apply.
 */
export async function runRecordingHealth(prometheusUid: string, ctx: HealthContext): Promise<HealthFinding[]> {
  const prometheus = await getDataSourceSrv().get({ uid: prometheusUid });
  const response = await lastValueFrom(
    (prometheus.query(recordingHealthRequest(ctx) as DataQueryRequest) as Observable<DataQueryResponse>).pipe(toArray())
  );
  const errors = response.flatMap((r) => r.errors ?? []);
  if (errors.length) {
    throw new Error(errors[0].message ?? 'the recording-health queries failed');
  }
  const frames = response.flatMap((r) => r.data as DataFrame[]);
  const answers = healthAnswers(
    rangeSeriesFromFrames(frames.filter((f) => f.refId === HOURLY_REF)),
    labeledValuesFromFrames(frames.filter((f) => f.refId === RECENT_REF))
  );
  return healthFindings(answers, ctx);
}
