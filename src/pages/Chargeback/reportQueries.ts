/**
 * The report's queries (src/chargeback/queries.ts) run through Grafana's Prometheus datasource,
 * and its frames back as the report's answers. A query carries its own time (instant at the end
 * of its period, range over the period's days), and a Grafana request has one time range for all
 * its targets, so the queries go in one request per distinct time: a month report sends about six.
 */
import {
  DataFrame,
  DataQueryRequest,
  dateTime,
  FieldType,
  LoadingState,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import { getDataSourceSrv, getRunRequest } from '@grafana/runtime';
import type { DataSourceRef } from '@grafana/schema';
import { combineLatest, from, map, Observable, of, switchMap } from 'rxjs';
import { labeledValuesFromFrames } from '../../analysis/frameValues';
import type { ChargebackQuery, ChargebackResults, QueryAnswer, RangeSeries } from '../../chargeback/types';
import { explainedPanelErrors } from '../../datasource/queryErrors';
import { instantTarget, PrometheusTarget, rangeTarget } from '../../scenes/prometheusTargets';

export interface QueryGroup {
  /** unix s; an instant group's range ends at its time */
  fromSec: number;
  toSec: number;
  queries: ChargebackQuery[];
}

/** Queries that share a time, in order of first appearance. */
export function queryGroups(queries: readonly ChargebackQuery[]): QueryGroup[] {
  const groups = new Map<string, QueryGroup>();
  for (const query of queries) {
    const [key, fromSec, toSec] =
      query.kind === 'instant'
        ? [`instant@${query.timeSec}`, query.timeSec, query.timeSec]
        : [`range@${query.startSec}-${query.endSec}/${query.stepSec}`, query.startSec, query.endSec];
    const group = groups.get(key) ?? { fromSec, toSec, queries: [] };
    group.queries.push(query);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function targetOf(query: ChargebackQuery): PrometheusTarget {
  return query.kind === 'instant'
    ? instantTarget(query.id, query.expr)
    : rangeTarget(query.id, query.expr, query.stepSec);
}

function rangeOf(group: QueryGroup): TimeRange {
  // an instant query runs at the range's end; its start only has to precede it
  const fromMs = (group.fromSec === group.toSec ? group.toSec - 1 : group.fromSec) * 1000;
  const [start, end] = [dateTime(fromMs), dateTime(group.toSec * 1000)];
  return { from: start, to: end, raw: { from: start, to: end } };
}

let requestCount = 0;

/** A Grafana query request of a group, as a query runner would send it (UTC, the step as the minimum interval). */
export function requestOf(group: QueryGroup, datasource: DataSourceRef): DataQueryRequest<PrometheusTarget> {
  const steps = group.queries.flatMap((q) => (q.kind === 'range' ? [q.stepSec] : []));
  const intervalMs = (steps.length ? Math.min(...steps) : 60) * 1000;
  return {
    requestId: `chargeback-${++requestCount}`,
    app: 'aispend-chargeback',
    interval: `${intervalMs / 1000}s`,
    intervalMs,
    maxDataPoints: 11_000,
    range: rangeOf(group),
    scopedVars: {},
    targets: group.queries.map((q) => ({ ...targetOf(q), datasource })),
    timezone: 'utc',
    startTime: Date.now(),
  };
}

function rangeSeries(frames: readonly DataFrame[]): RangeSeries[] {
  return frames.flatMap((frame) => {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    return frame.fields
      .filter((f) => f.type === FieldType.number)
      .map((field) => ({
        labels: { ...field.labels },
        points: field.values.flatMap((value, i) =>
          value === null || value === undefined || !time
            ? []
            : [{ timeSec: Number(time.values[i]) / 1000, value: Number(value) }]
        ),
      }));
  });
}

export function answerOf(query: ChargebackQuery, frames: readonly DataFrame[]): QueryAnswer {
  const own = frames.filter((f) => f.refId === query.id);
  return query.kind === 'instant'
    ? { kind: 'instant', values: labeledValuesFromFrames(own) }
    : { kind: 'range', series: rangeSeries(own) };
}

export function resultsFromFrames(
  queries: readonly ChargebackQuery[],
  frames: readonly DataFrame[]
): ChargebackResults {
  return Object.fromEntries(queries.map((q) => [q.id, answerOf(q, frames)]));
}

/** Where the report's data stands: loading, the answers, or the errors of the requests that failed. */
export type ReportData =
  | { state: LoadingState.Loading }
  | { state: LoadingState.Done; results: ChargebackResults }
  | { state: LoadingState.Error; errors: string[] };

/** The state of all the requests together, from their latest PanelData each. */
export function reportDataOf(queries: readonly ChargebackQuery[], panels: readonly PanelData[]): ReportData {
  const titles = Object.fromEntries(queries.map((q) => [q.id, `Chargeback report: ${q.id}`]));
  const errors = panels.flatMap((p) => explainedPanelErrors(p, titles).map((e) => e.message || 'query failed'));
  if (errors.length) {
    return { state: LoadingState.Error, errors: [...new Set(errors)] };
  }
  if (panels.some((p) => p.state !== LoadingState.Done)) {
    return { state: LoadingState.Loading };
  }
  return {
    state: LoadingState.Done,
    results: resultsFromFrames(
      queries,
      panels.flatMap((p) => p.series)
    ),
  };
}

/** Runs every query on the datasource; emits as the requests answer. */
export function runReportQueries(
  datasource: DataSourceRef,
  queries: readonly ChargebackQuery[]
): Observable<ReportData> {
  const groups = queryGroups(queries);
  if (groups.length === 0) {
    return of({ state: LoadingState.Done, results: {} });
  }
  return from(getDataSourceSrv().get(datasource)).pipe(
    switchMap((ds) => combineLatest(groups.map((group) => getRunRequest()(ds, requestOf(group, datasource))))),
    map((panels) => reportDataOf(queries, panels))
  );
}
