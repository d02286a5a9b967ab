/**
 * A query runner whose queries are PromQL built in code from the time range and the page's
 * provider / model / team variables (windows in seconds, escaped label values), which a query
 * with `$variables` cannot do: Grafana's Prometheus interpolation of "All" would drop the series
 * whose label is "", and window lengths are not variables.
 *
 * The runner is in manual mode; its behaviour rebuilds the queries and runs them when the time
 * range changes (refresh included), a filter variable changes, or the runner's owner (its parent)
 * changes state, e.g. a threshold it reads. Identical queries on the same range do not run twice.
 */
import {
  sceneGraph,
  MultiValueVariable,
  SceneDataQuery,
  SceneObject,
  SceneQueryRunner,
  SceneTimeRangeLike,
  SceneVariableValueChangedEvent,
  VariableValue,
} from '@grafana/scenes';
import { getDataSourceSrv } from '@grafana/runtime';
import type { DataSourceRef } from '@grafana/schema';
import type { Filters } from '../engine/language';
import type { TierContext } from '../engine/tierPlan';
import { NO_TIER_MARKS, TierMarks } from '../engine/tiers';
import { evaluationTimes } from '../datasource/queryPlan';
import { TierMarksSource } from '../datasource/tierMarksSource';
import { FILTER_LABELS, filtersFromVariableValues, FilterLabel } from './filterValues';

export interface QueryContext {
  fromMs: number;
  toMs: number;
  filters: Filters;
  /** the value of another variable of the page (a choice the queries depend on) */
  variable(name: string): VariableValue | null | undefined;
  /** the object that owns the runner (its parent), for builders that read its state */
  owner: SceneObject | undefined;
  /** instant queries at the range's end, with the tier buckets its Prometheus has written */
  tiers?: TierContext;
}

/** The queries for a context; none (an empty list) while something they need is not known yet. */
export type BuildQueries = (ctx: QueryContext) => SceneDataQuery[];

/** One per Prometheus datasource: the pages' runners share its clock reading. */
const tierMarksSources = new Map<string, TierMarksSource>();

async function tierMarksFor(datasource: DataSourceRef, fromMs: number, toMs: number): Promise<TierMarks> {
  try {
    const prom = await getDataSourceSrv().get(datasource);
    const key = datasource.uid ?? '';
    if (!tierMarksSources.has(key)) {
      tierMarksSources.set(key, new TierMarksSource());
    }
    // a previous period reaches back one more range
    return await tierMarksSources.get(key)!.marksFor(prom, fromMs - 2 * (toMs - fromMs), toMs);
  } catch {
    return NO_TIER_MARKS;
  }
}

export function queryContext(runner: SceneObject): QueryContext {
  const range = sceneGraph.getTimeRange(runner).state.value;
  const values: Partial<Record<FilterLabel, VariableValue | null | undefined>> = {};
  for (const label of FILTER_LABELS) {
    const variable = sceneGraph.lookupVariable(label, runner);
    values[label] = variable instanceof MultiValueVariable ? variable.state.value : variable?.getValue();
  }
  return {
    fromMs: range.from.valueOf(),
    toMs: range.to.valueOf(),
    filters: filtersFromVariableValues(values),
    variable: (name) => sceneGraph.lookupVariable(name, runner)?.getValue(),
    owner: runner.parent,
  };
}

function keepQueriesCurrent(runner: SceneQueryRunner, build: BuildQueries, last: { key?: string }, datasource: DataSourceRef) {
  // the latest run wins; a forced one (new range, refresh) stays forced when a later one supersedes it
  let sequence = 0;
  let forcePending = false;
  const run = async (force: boolean) => {
    const mine = ++sequence;
    forcePending ||= force;
    const base = queryContext(runner);
    const marks = await tierMarksFor(datasource, base.fromMs, base.toMs);
    if (mine !== sequence) {
      return;
    }
    force = forcePending;
    forcePending = false;
    const ctx: QueryContext = { ...base, tiers: { marks, ...evaluationTimes('instant', base.toMs, base.fromMs, null) } };
    const queries = build(ctx);
    const key = JSON.stringify([queries, ctx.fromMs, ctx.toMs]);
    if (!force && key === last.key) {
      return;
    }
    last.key = key;
    runner.setState({ queries });
    runner.runQueries();
  };
  run(false);
  const timeRange = sceneGraph.getTimeRange(runner);
  const subscriptions = [
    timeRange.subscribeToState((next, previous) => next.value !== previous.value && run(true)),
    sceneGraph.getVariables(runner).subscribeToEvent(SceneVariableValueChangedEvent, () => run(false)),
  ];
  if (runner.parent) {
    subscriptions.push(runner.parent.subscribeToState(() => run(false)));
  }
  return () => {
    sequence++;
    subscriptions.forEach((s) => s.unsubscribe());
  };
}

/** `timeRange`: the runner's own range (e.g. trailing days ending at the page's end), else the page's. */
export function builtQueryRunner(
  datasource: DataSourceRef,
  build: BuildQueries,
  timeRange?: SceneTimeRangeLike
): SceneQueryRunner {
  // kept across activations: returning to the page with the same range and filters runs nothing
  const last: { key?: string } = {};
  return new SceneQueryRunner({
    datasource,
    queries: [],
    runQueriesMode: 'manual',
    ...(timeRange ? { $timeRange: timeRange } : {}),
    $behaviors: [(runner) => keepQueriesCurrent(runner as SceneQueryRunner, build, last, datasource)],
  });
}
