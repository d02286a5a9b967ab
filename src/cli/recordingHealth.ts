/** The recording-health check (src/health/) over the CLI's Prometheus HTTP client. */
import { fromPromInstant } from '../analysis/labeledValues';
import { HEALTH_STEP_SECONDS, healthAnswers, pointsPerHourQuery, recentQuery } from '../health/healthQueries';
import { profileRawMetrics } from '../health/rawMetrics';
import { HealthContext, HealthFinding, healthFindings } from '../health/recordingHealth';
import { instantQuery, promNumber, rangeQuery } from './prometheusHttp';

export async function runRecordingHealth(prometheus: string, ctx: HealthContext): Promise<HealthFinding[]> {
  const [hourly, recent] = await Promise.all([
    rangeQuery(
      prometheus,
      pointsPerHourQuery(),
      ctx.nowSec - ctx.lookbackSeconds + HEALTH_STEP_SECONDS,
      ctx.nowSec,
      HEALTH_STEP_SECONDS
    ),
    instantQuery(prometheus, recentQuery(profileRawMetrics(ctx.profile)), ctx.nowSec),
  ]);
  const series = hourly.map((s) => ({
    labels: s.metric,
    values: (s.values ?? []).map(([t, v]) => [t, promNumber(v)] as const),
  }));
  return healthFindings(
    healthAnswers(series, fromPromInstant(recent.map((s) => ({ metric: s.metric, value: s.value! })))),
    ctx
  );
}
