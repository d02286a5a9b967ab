import { createDataFrame, DataQueryRequest, DataSourceInstanceSettings, dateTime, FieldType, LoadingState } from '@grafana/data';
import { getBackendSrv, getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { lastValueFrom, NEVER, of, throwError } from 'rxjs';
import { KpiDataSource } from './datasource';
import { TIER_MARKS_REF_ID } from './tierMarksSource';
import type { KpiDataSourceOptions, KpiQuery } from './types';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: jest.fn(),
  getTemplateSrv: jest.fn(),
  getBackendSrv: jest.fn(),
}));

const TO = Date.UTC(2026, 9, 31);
const settings = {
  id: 1,
  uid: 'aispend-kpi',
  name: 'AI Spend KPI',
  type: 'aispend-kpi-datasource',
  access: 'proxy',
  readOnly: false,
  meta: { id: 'aispend-kpi-datasource' },
  jsonData: { prometheusUid: 'prom', ruleIntervalSeconds: 60 },
} as unknown as DataSourceInstanceSettings<KpiDataSourceOptions>;

function request(targets: Array<Partial<KpiQuery>>): DataQueryRequest<KpiQuery> {
  return {
    requestId: 'r1',
    interval: '1m',
    intervalMs: 60_000,
    range: { from: dateTime(TO - 86_400_000), to: dateTime(TO), raw: { from: 'now-1d', to: 'now' } },
    scopedVars: {},
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), ...t })),
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  } as unknown as DataQueryRequest<KpiQuery>;
}

/** How a failed `total_spend` query over the test's range is named in its panel error. */
const TOTAL_SPEND = '"Total spend" (sum(sum_over_time(aigateway:spend_usd:increase1m[59999ms])))';

const promFrame = createDataFrame({
  refId: 'A',
  fields: [
    { name: 'Time', type: FieldType.time, values: [TO] },
    { name: 'Value', type: FieldType.number, values: [0.0123], labels: { team: 'platform' } },
  ],
});

/** The KPI queries; the tier-marks query is answered apart (clockFrames) and cached by the datasource. */
let kpiQuery: jest.Mock;
let clockFrames: unknown[];
let prometheus: { query: jest.Mock };
let customKpis: unknown[];

beforeEach(() => {
  kpiQuery = jest.fn(() => of({ data: [promFrame] }));
  clockFrames = [];
  prometheus = {
    query: jest.fn((req: DataQueryRequest) => (req.targets[0].refId === TIER_MARKS_REF_ID ? of({ data: clockFrames }) : kpiQuery(req))),
  };
  customKpis = [];
  (getDataSourceSrv as jest.Mock).mockReturnValue({ get: jest.fn(async () => prometheus) });
  (getTemplateSrv as jest.Mock).mockReturnValue({
    getVariables: () => [],
    replace: (text: string, _vars: unknown, format?: (v: string) => string) => text.replace('$team', format ? format('a"b') : 'a"b'),
  });
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: jest.fn(() => of({ data: { jsonData: { customKpis } } })) });
});

test('a standard KPI grouped by team runs as one instant PromQL on the configured Prometheus, frames decorated', async () => {
  const ds = new KpiDataSource(settings);
  const response = await lastValueFrom(ds.query(request([{ kpiId: 'cost_per_inference', mode: 'instant', groupBy: 'team' }])));
  const promql =
    '(sum by (team) (sum_over_time(aigateway:spend_usd:increase1m[86399999ms])) / ignoring () sum by (team) (sum_over_time(aigateway:requests:increase1m[86399999ms])))';
  expect(getDataSourceSrv().get).toHaveBeenCalledWith({ uid: 'prom' });
  expect(kpiQuery).toHaveBeenCalledTimes(1);
  expect(kpiQuery.mock.calls[0][0].targets).toEqual([
    expect.objectContaining({ refId: 'A', expr: promql, instant: true, range: false, format: 'time_series' }),
  ]);
  expect(response.state).toBe(LoadingState.Done);
  expect(response.errors).toEqual([]);
  const value = response.data[0].fields[1];
  expect(value.config).toMatchObject({ unit: 'currency:financial:$', decimals: 4, noValue: '—', displayNameFromDS: 'platform' });
  expect(value.config.thresholds.steps.map((s: { color: string }) => s.color)).toEqual(['green', 'orange', 'red']);
  expect(response.data[0].meta.executedQueryString).toBe(promql);
});

test('a custom KPI from the app settings is found by id', async () => {
  customKpis = [{ id: 'double_cost', name: 'Double', formula: 'total_cost * 2', unit: 'USD', decimals: 2, direction: 'neutral', thresholds: [], description: '' }];
  const ds = new KpiDataSource(settings);
  const response = await lastValueFrom(ds.query(request([{ kpiId: 'double_cost', mode: 'range', step: '1h' }])));
  expect(response.errors).toEqual([]);
  expect(kpiQuery.mock.calls[0][0].targets[0].expr).toBe('(sum(sum_over_time(aigateway:spend_usd:increase1m[3599999ms])) * 2)');
  expect(kpiQuery.mock.calls[0][0].targets[0].range).toBe(true);
});

test('template variables in a formula are escaped into its string literals', async () => {
  const ds = new KpiDataSource(settings);
  await lastValueFrom(ds.query(request([{ formula: 'team["$team"].total_cost', mode: 'instant' }])));
  expect(kpiQuery.mock.calls[0][0].targets[0].expr).toBe('sum(sum_over_time(aigateway:spend_usd:increase1m{team="a\\"b"}[86399999ms]))');
});

test.each<[string, Partial<KpiQuery>, () => void, string]>([
  ['a bad formula', { formula: 'totl_cost * 2' }, () => undefined, 'unknown measure `totl_cost` — did you mean `total_cost`? (column 1)'],
  ['an unknown KPI id', { kpiId: 'gone' }, () => undefined, 'Unknown KPI "gone": it is neither a standard KPI nor a saved custom KPI'],
  [
    'Prometheus answering HTTP 500',
    { kpiId: 'total_spend' },
    () => kpiQuery.mockReturnValue(throwError(() => ({ status: 500, data: { message: 'query timed out in expression evaluation' } }))),
    `${TOTAL_SPEND} ran past the query timeout of Prometheus (--query.timeout, 2 minutes by default; VictoriaMetrics: -search.maxQueryDuration, 30 s). Narrow the time range or the filters, or raise the timeout.`,
  ],
  [
    'Prometheus unreachable',
    { kpiId: 'total_spend' },
    () => (getDataSourceSrv as jest.Mock).mockReturnValue({ get: jest.fn(async () => Promise.reject(new Error('Datasource prom was not found'))) }),
    'Datasource prom was not found',
  ],
])('%s gives a panel error, not an exception', async (_, query, arrange, message) => {
  arrange();
  const ds = new KpiDataSource(settings);
  const response = await lastValueFrom(ds.query(request([query])));
  expect(response.state).toBe(LoadingState.Error);
  expect(response.errors).toEqual([{ refId: 'A', message }]);
  expect(response.data).toEqual([]);
});

test('one failing query does not hide the others, and the next refresh recovers', async () => {
  const ds = new KpiDataSource(settings);
  kpiQuery.mockReturnValueOnce(throwError(() => ({ status: 503, statusText: 'Service Unavailable' })));
  const first = await lastValueFrom(ds.query(request([{ kpiId: 'total_spend' }, { kpiId: 'avg_daily_cost' }])));
  expect(first.errors).toEqual([{ refId: 'A', message: 'Prometheus returned HTTP 503: Service Unavailable' }]);
  expect(first.data).toHaveLength(1);
  const second = await lastValueFrom(ds.query(request([{ kpiId: 'total_spend' }])));
  expect(second.state).toBe(LoadingState.Done);
});

test('template variable values come from the canonical series, without the empty value', async () => {
  const metricFindQuery = jest.fn(async () => [{ text: 'openai' }, { text: '' }, { text: 'anthropic' }]);
  (getDataSourceSrv as jest.Mock).mockReturnValue({ get: jest.fn(async () => ({ metricFindQuery })) });
  const ds = new KpiDataSource(settings);
  expect(await ds.metricFindQuery('providers')).toEqual([{ text: 'openai' }, { text: 'anthropic' }]);
  expect(metricFindQuery).toHaveBeenCalledWith('label_values(aigateway:spend_usd:increase1m, provider)');
  await expect(ds.metricFindQuery('regions')).rejects.toThrow('Variable query must be one of providers, models, teams, users, api_keys');
});

test('Save & test names the missing canonical families and the rules file to load', async () => {
  const metricFindQuery = jest.fn(async () => [{ text: 'aigateway:spend_usd:increase1m' }, { text: 'up' }]);
  (getDataSourceSrv as jest.Mock).mockReturnValue({ get: jest.fn(async () => ({ metricFindQuery })) });
  const ds = new KpiDataSource({ ...settings, jsonData: { ...settings.jsonData, profile: 'litellm' } });
  const result = await ds.testDatasource();
  expect(result.status).toBe('error');
  expect(result.message).toContain('aigateway:requests:increase1m');
  expect(result.message).not.toContain('aigateway:spend_usd:increase1m,');
  expect(result.message).toContain('provisioning/prometheus/rules/litellm.rules.yaml');
});

test('an empty result says why there is no data', async () => {
  kpiQuery.mockReturnValue(of({ data: [] }));
  const ds = new KpiDataSource(settings);
  const response = await lastValueFrom(ds.query(request([{ formula: 'provider["nobody"].total_cost', mode: 'instant' }])));
  expect(response.state).toBe(LoadingState.Done);
  expect(response.data).toHaveLength(1);
  expect(response.data[0].fields).toEqual([]);
  expect(response.data[0].meta.notices).toEqual([
    { severity: 'info', text: 'No data: provider["nobody"].total_cost has a measure with no series in this range (missing, shown as —).' },
  ]);
});

test('a Prometheus that never answers times out with a panel error after 60 s', async () => {
  jest.useFakeTimers();
  try {
    kpiQuery.mockReturnValue(NEVER);
    const ds = new KpiDataSource(settings);
    const pending = lastValueFrom(ds.query(request([{ kpiId: 'total_spend' }])));
    await jest.advanceTimersByTimeAsync(60_001);
    const response = await pending;
    expect(response.errors).toEqual([
      {
        refId: 'A',
        message: `${TOTAL_SPEND} got no answer in time: Grafana's data proxy waits 30 s by default (dataproxy.timeout in grafana.ini), the KPI datasource 60 s. Narrow the time range or the filters, or raise dataproxy.timeout.`,
      },
    ]);
    expect(response.data).toEqual([]);
  } finally {
    jest.useRealTimers();
  }
});

test('dashboard variables and ad hoc filters restrict every measure, escaped', async () => {
  (getTemplateSrv as jest.Mock).mockReturnValue({
    getVariables: () => [{ name: 'provider' }, { name: 'team' }],
    replace: (text: string) => (text === '${provider:json}' ? '["openai","we\\"ird"]' : text === '${team:json}' ? '"$__all"' : text),
  });
  const ds = new KpiDataSource(settings);
  const withFilters = { ...request([{ kpiId: 'total_spend', mode: 'instant' }]), filters: [{ key: 'model', operator: '=', value: 'gpt-4o"}' }] };
  await lastValueFrom(ds.query(withFilters as DataQueryRequest<KpiQuery>));
  expect(kpiQuery.mock.calls[0][0].targets[0].expr).toBe(
    'sum(sum_over_time(aigateway:spend_usd:increase1m{provider=~"openai|we\\"ird", model="gpt-4o\\"}"}[86399999ms]))'
  );
});

test('with the tier clock in Prometheus, a 30-day KPI reads daily and hourly buckets; the clock is asked once per minute', async () => {
  const now = Date.UTC(2026, 10, 30, 12, 34, 56);
  const hours = Array.from({ length: 24 * 40 }, (_, i) => Math.floor(now / 3_600_000) * 3600 - i * 3600);
  clockFrames = [
    createDataFrame({ fields: [{ name: 'Value', type: FieldType.number, values: hours, labels: { tier: '1h' } }] }),
    createDataFrame({ fields: [{ name: 'Value', type: FieldType.number, values: hours.filter((h) => h % 86400 === 0), labels: { tier: '1d' } }] }),
  ];
  const ds = new KpiDataSource(settings);
  const thirtyDays = { ...request([{ kpiId: 'total_spend', mode: 'instant' }]), range: { from: dateTime(now - 30 * 86_400_000), to: dateTime(now), raw: { from: 'now-30d', to: 'now' } } };
  await lastValueFrom(ds.query(thirtyDays as DataQueryRequest<KpiQuery>));
  await lastValueFrom(ds.query(thirtyDays as DataQueryRequest<KpiQuery>));
  const clockRequests = prometheus.query.mock.calls.filter((c) => c[0].targets[0].refId === TIER_MARKS_REF_ID);
  expect(clockRequests).toHaveLength(1);
  expect(clockRequests[0][0].targets[0]).toMatchObject({ expr: 'max_over_time(aigateway:tier_clock[1h])', range: true, interval: '3600s' });
  const expr: string = kpiQuery.mock.calls[0][0].targets[0].expr;
  expect(expr.match(/aigateway:spend_usd:increase1(m|h|d)/g)).toEqual([
    'aigateway:spend_usd:increase1m',
    'aigateway:spend_usd:increase1h',
    'aigateway:spend_usd:increase1d',
    'aigateway:spend_usd:increase1h',
    'aigateway:spend_usd:increase1m',
  ]);
  // the instant query runs at the whole second the plan was made for
  expect(kpiQuery.mock.calls[0][0].range.to.valueOf()).toBe(now);
});

test('a refused query is a panel error naming the query and the limit, with no frames that could read as 0', async () => {
  kpiQuery.mockReturnValue(
    of({ data: [promFrame], errors: [{ refId: 'A', message: 'query processing would load too many samples into memory in query execution' }] })
  );
  const ds = new KpiDataSource(settings);
  const response = await lastValueFrom(ds.query(request([{ kpiId: 'total_spend' }])));
  expect(response.state).toBe(LoadingState.Error);
  expect(response.data).toEqual([]);
  expect(response.errors).toEqual([
    expect.objectContaining({
      refId: 'A',
      message: `Prometheus refused ${TOTAL_SPEND}: it would load more samples than --query.max-samples allows (50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.`,
    }),
  ]);
});
