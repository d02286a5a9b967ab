/** The tier marks (src/engine/tierMarks.ts) read over Prometheus' HTTP API, for the CLI and the test beds. */
import { NO_TIER_MARKS, TIER_MARKS_QUERY, TIER_MARKS_STEP_MS, tierMarksFromSeries, tierMarksRange } from '../engine/tierMarks';
import type { TierMarks } from '../engine/tiers';
import { promNumber, rangeQuery } from './prometheusHttp';

/** The marks for windows within [fromMs, toMs]; none (the one-minute tier everywhere) if the query fails. */
export async function fetchTierMarks(prometheus: string, fromMs: number, toMs: number): Promise<TierMarks> {
  const range = tierMarksRange(fromMs, toMs);
  const step = TIER_MARKS_STEP_MS / 1000;
  try {
    // aligned down to the step, as Grafana's datasource does
    const series = await rangeQuery(prometheus, TIER_MARKS_QUERY, Math.floor(range.fromMs / 1000 / step) * step, Math.floor(range.toMs / 1000 / step) * step, step);
    return tierMarksFromSeries(series.map((s) => ({ labels: s.metric, values: (s.values ?? []).map(([, v]) => promNumber(v)) })));
  } catch {
    return NO_TIER_MARKS;
  }
}
