/**
 * The tier marks (src/engine/tierMarks.ts) as the KPI datasource learns them: one range query
 * through the Prometheus datasource, shared by the panels of a dashboard refresh and kept for a
 * minute. If it fails, every window reads the one-minute tier: slower, never wrong.
 */
import { DataFrame, DataQueryRequest, DataQueryResponse, DataSourceApi, dateTime, FieldType } from '@grafana/data';
import { from, lastValueFrom, Observable } from 'rxjs';
import { NO_TIER_MARKS, TIER_MARKS_QUERY, TIER_MARKS_STEP_MS, tierMarksFromSeries, tierMarksRange } from '../engine/tierMarks';
import type { TierMarks } from '../engine/tiers';

export const TIER_MARKS_REF_ID = 'aispend_tier_marks';
/** Marks appear once an hour; a minute old is fresh enough for any window. */
const MAX_AGE_MS = 60_000;

export function tierMarksRequest(fromMs: number, toMs: number): DataQueryRequest {
  const range = { from: dateTime(fromMs), to: dateTime(toMs) };
  return {
    requestId: TIER_MARKS_REF_ID,
    app: 'aispend',
    timezone: 'utc',
    startTime: Date.now(),
    scopedVars: {},
    interval: `${TIER_MARKS_STEP_MS / 1000}s`,
    intervalMs: TIER_MARKS_STEP_MS,
    range: { ...range, raw: range },
    targets: [
      { refId: TIER_MARKS_REF_ID, expr: TIER_MARKS_QUERY, range: true, instant: false, interval: `${TIER_MARKS_STEP_MS / 1000}s`, format: 'time_series' },
    ],
  } as unknown as DataQueryRequest;
}

export function tierMarksFromFrames(frames: readonly DataFrame[]): TierMarks {
  return tierMarksFromSeries(
    frames.flatMap((frame) =>
      frame.fields
        .filter((f) => f.type === FieldType.number)
        .map((f) => ({ labels: f.labels ?? {}, values: Array.from(f.values as ArrayLike<number | null>) }))
    )
  );
}

interface Cached {
  fromMs: number;
  toMs: number;
  fetchedAtMs: number;
  marks: Promise<TierMarks>;
}

export class TierMarksSource {
  private cached?: Cached;

  /** The marks for windows within [fromMs, toMs] (and the periods before them). */
  marksFor(prom: DataSourceApi, fromMs: number, toMs: number, nowMs = Date.now()): Promise<TierMarks> {
    const wanted = tierMarksRange(fromMs, toMs);
    const c = this.cached;
    if (c && c.fromMs <= wanted.fromMs && c.toMs >= wanted.toMs && nowMs - c.fetchedAtMs < MAX_AGE_MS) {
      return c.marks;
    }
    const response = prom.query(tierMarksRequest(wanted.fromMs, wanted.toMs));
    const stream = response instanceof Observable ? response : from(response as Promise<DataQueryResponse>);
    const marks = lastValueFrom(stream).then(
      (res) => (res.errors?.length ? NO_TIER_MARKS : tierMarksFromFrames(res.data as DataFrame[])),
      () => NO_TIER_MARKS
    );
    this.cached = { ...wanted, fetchedAtMs: nowMs, marks };
    return marks;
  }
}
