/**
 * The KPI datasource: checks and compiles each KPI query to one PromQL expression and runs it
 * on the configured Prometheus-compatible datasource through Grafana's datasource service
 * (like Grafana's mixed datasource), so that datasource's own auth, proxy and caching apply.
 */
import {
  createDataFrame,
  dateTime,
  DataFrame,
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  LoadingState,
  MetricFindValue,
  ScopedVars,
  TestDataSourceResponse,
  TimeRange,
} from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { catchError, forkJoin, from, map, mergeMap, Observable, of, reduce, timeout } from 'rxjs';
import { FAMILIES, GROUP_BY_LABELS, RULE_INTERVAL_SECONDS } from '../engine/conventions';
import type { Filters } from '../engine/language';
import { getProfile, profileRulesPath } from '../rules/registry';
import { VARIABLES } from '../constants';
import { presentCanonicalSeries } from './canonicalSeries';
import { decorateFrame, NO_VALUE } from './frames';
import { KpiCatalogSource } from './kpiCatalogSource';
import { explainQueryError } from './queryErrors';
import { TierMarksSource } from './tierMarksSource';
import { PlanError, planKpiQuery, QueryPlan } from './queryPlan';
import { DEFAULT_QUERY, KpiDataSourceOptions, KpiQuery, VariableQueryKind } from './types';
import { filtersFromRequest } from './variables';

const QUERY_TIMEOUT_MS = 60_000;

const VARIABLE_LABELS: Record<VariableQueryKind, { label: string; series: string }> = {
  providers: { label: 'provider', series: FAMILIES.spend.series },
  models: { label: 'model', series: FAMILIES.spend.series },
  teams: { label: 'team', series: FAMILIES.spend.series },
  users: { label: 'user', series: FAMILIES.spend_by_user.series },
  api_keys: { label: 'api_key', series: FAMILIES.spend_by_user.series },
};

/** The request's range, or the shifted one the plan evaluates on (previous period, lookback). */
function planRange(plan: QueryPlan, request: DataQueryRequest<KpiQuery>): TimeRange {
  if (plan.fromMs === request.range.from.valueOf() && plan.toMs === request.range.to.valueOf()) {
    return request.range;
  }
  const from = dateTime(plan.fromMs);
  const to = dateTime(plan.toMs);
  return { from, to, raw: { from, to } };
}

export class KpiDataSource extends DataSourceApi<KpiQuery, KpiDataSourceOptions> {
  readonly catalog = new KpiCatalogSource();
  readonly tierMarks = new TierMarksSource();

  constructor(readonly instanceSettings: DataSourceInstanceSettings<KpiDataSourceOptions>) {
    super(instanceSettings);
  }

  get ruleIntervalSeconds(): number {
    return this.instanceSettings.jsonData.ruleIntervalSeconds ?? RULE_INTERVAL_SECONDS;
  }

  getDefaultQuery(): Partial<KpiQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: KpiQuery): boolean {
    return !query.hide && Boolean(query.kpiId || query.formula?.trim());
  }

  private async prometheus(): Promise<DataSourceApi> {
    const uid = this.instanceSettings.jsonData.prometheusUid;
    if (!uid) {
      throw new Error('No Prometheus datasource configured: pick one in the KPI datasource settings');
    }
    return getDataSourceSrv().get({ uid });
  }

  /** Formula text with variables replaced; values are escaped for the formula's string literals. */
  interpolateFormula(formula: string, scopedVars: ScopedVars): string {
    return getTemplateSrv().replace(formula, scopedVars, (value: string | string[]) =>
      (Array.isArray(value) ? value[0] ?? '' : value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')
    );
  }

  /** `prom` given: windows read the tiers whose buckets its clock shows; without it, the one-minute tier. */
  async plan(query: KpiQuery, request: DataQueryRequest<KpiQuery>, prom?: DataSourceApi): Promise<QueryPlan | PlanError> {
    const kpi = query.kpiId ? await this.catalog.find(query.kpiId) : undefined;
    const rangeMs = request.range.to.valueOf() - request.range.from.valueOf();
    // a previous period reaches back one more range
    const tierMarks = prom ? await this.tierMarks.marksFor(prom, request.range.from.valueOf() - 2 * rangeMs, request.range.to.valueOf()) : undefined;
    const formula = query.formula ? this.interpolateFormula(query.formula, request.scopedVars) : query.formula;
    const filters: Filters = filtersFromRequest(request, Object.values(VARIABLES));
    return planKpiQuery(
      { ...query, formula },
      {
        fromMs: request.range.from.valueOf(),
        toMs: request.range.to.valueOf(),
        intervalMs: request.intervalMs,
        ruleIntervalSeconds: this.ruleIntervalSeconds,
        filters,
        findKpi: (id) => (id === kpi?.id ? kpi : this.catalog.all().find((k) => k.id === id)),
        tierMarks,
      }
    );
  }

  private runPlan(query: KpiQuery, plan: QueryPlan, prom: DataSourceApi, request: DataQueryRequest<KpiQuery>) {
    const promTarget = {
      refId: query.refId,
      expr: plan.promql,
      instant: plan.mode === 'instant',
      range: plan.mode === 'range',
      interval: plan.stepSeconds ? `${plan.stepSeconds}s` : undefined,
      legendFormat: query.legendFormat || (plan.groupBy ? `{{${plan.groupBy}}}` : plan.title),
      // one frame per series with its labels, in both modes: panels reshape with transformations
      format: 'time_series',
    };
    const promRequest = {
      ...request,
      range: planRange(plan, request),
      targets: [promTarget],
      intervalMs: (plan.stepSeconds ?? this.ruleIntervalSeconds) * 1000,
      interval: `${plan.stepSeconds ?? this.ruleIntervalSeconds}s`,
    } as unknown as DataQueryRequest;
    const response = prom.query(promRequest);
    const failed = { title: plan.title, promql: plan.promql };
    return (response instanceof Observable ? response : from(response)).pipe(
      timeout(QUERY_TIMEOUT_MS),
      reduce((_, last) => last as DataQueryResponse),
      map((res) => {
        const errors: DataQueryError[] = (res.errors ?? []).map((e) => ({ ...e, message: explainQueryError(e.message ?? '', failed) }));
        // a failed query shows its error, never frames that could read as 0 or "no data"
        if (errors.length) {
          return { data: [], errors };
        }
        return { data: res.data.length ? res.data.map((frame) => decorateFrame(frame, plan, query.legendFormat)) : [noDataFrame(query.refId, plan)], errors };
      }),
      catchError((e) => of({ data: [], errors: [{ refId: query.refId, message: explainQueryError(describeError(e), failed) }] }))
    );
  }

  private runTarget(query: KpiQuery, request: DataQueryRequest<KpiQuery>) {
    const planned = this.prometheus().then(async (prom) => [await this.plan(query, request, prom), prom] as const);
    return from(planned).pipe(
      mergeMap(([plan, prom]) => {
        if (!plan.ok) {
          return of({ data: [], errors: [{ refId: query.refId, message: plan.message }] });
        }
        return this.runPlan(query, plan, prom, request);
      }),
      catchError((e) => of({ data: [], errors: [{ refId: query.refId, message: describeError(e) }] }))
    );
  }

  query(request: DataQueryRequest<KpiQuery>): Observable<DataQueryResponse> {
    const targets = request.targets.filter((t) => this.filterQuery(t));
    if (!targets.length) {
      return of({ data: [], state: LoadingState.Done });
    }
    return forkJoin(targets.map((t) => this.runTarget(t, request))).pipe(
      map((results) => {
        const errors = results.flatMap((r) => r.errors);
        return {
          data: results.flatMap((r) => r.data),
          errors,
          error: errors[0],
          state: errors.length ? LoadingState.Error : LoadingState.Done,
        };
      })
    );
  }

  async metricFindQuery(query: string | { kind?: VariableQueryKind }): Promise<MetricFindValue[]> {
    const kind = (typeof query === 'string' ? query : query.kind) as VariableQueryKind;
    const target = VARIABLE_LABELS[kind];
    if (!target) {
      throw new Error(`Variable query must be one of ${Object.keys(VARIABLE_LABELS).join(', ')}`);
    }
    const prom = await this.prometheus();
    const values = await prom.metricFindQuery!(`label_values(${target.series}, ${target.label})`);
    return values.filter((v) => v.text !== '');
  }

  async getTagKeys(): Promise<MetricFindValue[]> {
    return GROUP_BY_LABELS.slice(0, 3).map((text) => ({ text }));
  }

  async getTagValues(options: { key: string }): Promise<MetricFindValue[]> {
    return this.metricFindQuery(`${options.key}s`);
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    try {
      const prom = await this.prometheus();
      const found = await presentCanonicalSeries(prom);
      const profile = getProfile(this.instanceSettings.jsonData.profile ?? 'litellm');
      const expected = Object.values(FAMILIES).filter((f) => !profile.missing.includes(f.id));
      const absent = expected.filter((f) => !found.has(f.series));
      if (absent.length) {
        return {
          status: 'error',
          message:
            `Prometheus answers, but these canonical series are missing: ${absent.map((f) => f.series).join(', ')}. ` +
            `Load ${profileRulesPath(profile.id)} into Prometheus (aispend rules --profile ${profile.id}).`,
        };
      }
      return { status: 'success', message: `Prometheus answers and all ${expected.length} canonical families exist.` };
    } catch (e) {
      return { status: 'error', message: describeError(e) };
    }
  }
}

/**
 * No series means a measure of the formula has no data in the range (missing, not zero):
 * an empty frame carries the reason as a notice, so the panel says why it shows "No data".
 */
export function noDataFrame(refId: string, plan: QueryPlan): DataFrame {
  const frame = createDataFrame({ refId, fields: [] });
  frame.meta = {
    executedQueryString: plan.promql,
    notices: [{ severity: 'info', text: `No data: ${plan.title} has a measure with no series in this range (missing, shown as ${NO_VALUE}).` }],
  };
  return frame;
}

/** Prometheus / fetch errors come in several shapes; the panel gets one readable sentence. */
export function describeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const err = e as { name?: string; message?: string; status?: number; statusText?: string; data?: { message?: string; error?: string } };
    if (err.name === 'TimeoutError') {
      return `Prometheus did not answer within ${QUERY_TIMEOUT_MS / 1000} s`;
    }
    const detail = err.data?.message ?? err.data?.error ?? err.message ?? err.statusText;
    if (err.status) {
      return `Prometheus returned HTTP ${err.status}${detail ? `: ${detail}` : ''}`;
    }
    if (detail) {
      return detail;
    }
  }
  return String(e);
}

