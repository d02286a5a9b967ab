/**
 * @jest-environment jsdom
 *
 * The KPI datasource end to end on a real Prometheus: its query() compiles each KPI, hands the
 * PromQL to a stand-in for Grafana's Prometheus datasource that calls the real HTTP API, and
 * decorates the frames. Every standard KPI gives the same numbers as `aispend eval`.
 */
import { DataQueryRequest, DataSourceInstanceSettings, dateTime, FieldType } from '@grafana/data';
import { getBackendSrv, getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { lastValueFrom, of } from 'rxjs';
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import type { KpiOutput } from '../../src/cli/kpiQuery';
import { KpiDataSource } from '../../src/datasource/datasource';
import type { KpiDataSourceOptions, KpiQuery } from '../../src/datasource/types';
import { STANDARD_KPIS } from '../../src/engine/catalog';
import type { GroupByLabel } from '../../src/engine/conventions';
import { PrometheusAdapter } from './support/prometheusAdapter';
import { testbed } from './testbed';

// real Prometheus queries and CLI child processes, on a machine that may be busy
jest.setTimeout(60_000);

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: jest.fn(),
  getTemplateSrv: jest.fn(),
  getBackendSrv: jest.fn(),
}));

const DAYS = 7;
const AISPEND = path.resolve(__dirname, '../../bin/aispend.js');
const run = promisify(execFile);
const { url, endSec } = testbed('litellm');
const adapter = new PrometheusAdapter(url);

beforeAll(() => {
  (getDataSourceSrv as jest.Mock).mockReturnValue({ get: async () => adapter });
  (getTemplateSrv as jest.Mock).mockReturnValue({ getVariables: () => [], replace: (text: string) => text });
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: () => of({ data: { jsonData: { customKpis: [] } } }) });
});

// provisioned like provisioning/datasources/default.yaml
const datasource = new KpiDataSource({
  id: 2,
  uid: 'aispend-kpi',
  name: 'AI Spend KPI',
  type: 'aispend-kpi-datasource',
  meta: { id: 'aispend-kpi-datasource' },
  jsonData: { prometheusUid: 'aispend-prometheus', profile: 'litellm', ruleIntervalSeconds: 60 },
} as unknown as DataSourceInstanceSettings<KpiDataSourceOptions>);

function request(query: Partial<KpiQuery>): DataQueryRequest<KpiQuery> {
  return {
    requestId: 'it',
    interval: '1m',
    intervalMs: 60_000,
    range: { from: dateTime((endSec - DAYS * 86400) * 1000), to: dateTime(endSec * 1000), raw: { from: '', to: '' } },
    scopedVars: {},
    targets: [{ refId: 'A', ...query }],
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  } as unknown as DataQueryRequest<KpiQuery>;
}

/** label key → value, from the datasource's frames */
async function datasourceValues(kpiId: string, groupBy?: GroupByLabel): Promise<Map<string, number>> {
  const response = await lastValueFrom(datasource.query(request({ kpiId, mode: 'instant', groupBy })));
  expect(response.errors).toEqual([]);
  const values = new Map<string, number>();
  for (const frame of response.data) {
    const field = frame.fields.find((f: { type: FieldType }) => f.type === FieldType.number);
    if (!field) {
      // the "No data" notice frame of an empty result
      continue;
    }
    values.set(JSON.stringify(field.labels ?? {}), field.values[field.values.length - 1]);
  }
  return values;
}

/** The real CLI in a child process (jsdom, which the datasource needs, has no fetch for runKpi). */
async function evalValues(formula: string, groupBy?: GroupByLabel): Promise<Map<string, number>> {
  const args = [AISPEND, 'eval', formula, '--prometheus', url, '--from', String(endSec - DAYS * 86400), '--to', String(endSec), '--json'];
  const { stdout } = await run(process.execPath, groupBy ? [...args, '--by', groupBy] : args);
  const output = JSON.parse(stdout) as KpiOutput;
  const numeric = (v: unknown) => (v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : v === 'NaN' ? NaN : (v as number));
  return new Map((output.results ?? []).filter((r) => r.value !== null).map((r) => [JSON.stringify(r.labels), numeric(r.value)]));
}

test('cost_per_inference by team: the same numbers as aispend eval, decorated as a KPI', async () => {
  const fromDatasource = await datasourceValues('cost_per_inference', 'team');
  const fromEval = await evalValues('total_cost / total_inferences', 'team');
  expect(fromDatasource.size).toBeGreaterThanOrEqual(4);
  expect(fromDatasource).toEqual(fromEval);
  const response = await lastValueFrom(datasource.query(request({ kpiId: 'cost_per_inference', mode: 'instant', groupBy: 'team' })));
  expect(response.data[0].fields[1].config).toMatchObject({ unit: 'currency:financial:$', decimals: 4, noValue: '—' });
});

test.each(STANDARD_KPIS.map((k) => [k.id, k] as const))('%s: the same numbers as aispend eval', async (id, kpi) => {
  const fromDatasource = await datasourceValues(id, kpi.defaultGroupBy);
  expect(fromDatasource).toEqual(await evalValues(kpi.formula, kpi.defaultGroupBy));
  // LiteLLM exports no retry counter: that KPI alone is missing ("—") on this profile
  expect(fromDatasource.size > 0).toBe(id !== 'retry_rate');
});

test('range mode: one point per step over the panel range', async () => {
  const response = await lastValueFrom(datasource.query(request({ kpiId: 'total_spend', mode: 'range', step: '1d' })));
  expect(response.errors).toEqual([]);
  const time = response.data[0].fields.find((f: { type: FieldType }) => f.type === FieldType.time)!;
  expect(time.values.length).toBe(DAYS + 1);
  expect(adapter.requests[adapter.requests.length - 1].targets[0]).toMatchObject({ range: true, interval: '86400s' });
});
