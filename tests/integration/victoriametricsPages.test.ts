/**
 * The app's queries on VictoriaMetrics: the LiteLLM test bed's history (raw and recorded series,
 * imported with vmctl) answers every standard KPI as the KPI datasource plans it (Overview,
 * catalog, deep-dive: instant current and previous period, by team and provider, range by hour
 * and day) and the pages' own queries (coverage, top spenders and drill-down, forecasts,
 * anomalies, budgets, what changed, unpriced usage, recording health) with the values Prometheus
 * gives for the same PromQL, within 1 % (PRODUCT.md's bar); NaN and no value count alike.
 * (Chargeback's queries are not in the list yet.)
 */
import { PromSeries, instantQuery, rangeQuery } from '../../src/cli/prometheusHttp';
import { anomalyTableQueries } from '../../src/analysis/anomalies';
import { coverageQuery } from '../../src/analysis/coverage';
import { forecastQueries } from '../../src/analysis/forecast';
import { spenderQueries, SPENDER_DIMENSIONS, topSpendersQueries } from '../../src/analysis/topSpenders';
import { unpricedUsageQueries } from '../../src/analysis/unpriced';
import { whatChangedQueries } from '../../src/analysis/whatChanged';
import { budgetPageQueries } from '../../src/budgets/budgetQueries';
import { planKpiQuery, PlanContext } from '../../src/datasource/queryPlan';
import type { KpiQuery } from '../../src/datasource/types';
import { STANDARD_KPIS } from '../../src/engine/catalog';
import { HEALTH_STEP_SECONDS, pointsPerHourQuery, recentQuery } from '../../src/health/healthQueries';
import { profileRawMetrics } from '../../src/health/rawMetrics';
import { getProfile } from '../../src/rules';
import { buildHistory } from '../../scripts/testbed/history';
import {
  startVictoriaMetricsWithHistory,
  VictoriaMetricsWithHistory,
} from '../../scripts/testbed/victoriametricsHistory';
import { comparePoints, pointsOf } from './engineComparison';
import { inlineRecorded } from './inlineRecorded';
import { testbed, TEST_END_MS, testHistorySpec } from './testbed';

jest.setTimeout(120_000);

const HOUR = 3600;
const DAY = 86400;
const endSec = TEST_END_MS / 1000;
const PAGE_RANGE = 7 * DAY;
const ANOMALY_SEC = Date.UTC(2026, 9, 27, 13) / 1000;
/** page queries with nothing to show on the test bed, on either engine */
const EMPTY_ON_BOTH: Record<string, string> = {
  // (VictoriaMetrics answered one value per provider until the compiler spelled out `ignoring ()`)
  'KPI days_to_exhaustion, by provider': 'budgets carry no provider',
  'unpriced usage: tokens': 'every model of the test bed has a price',
  'unpriced usage: requests': 'every model of the test bed has a price',
};

type PageQuery =
  | { name: string; expr: string; timeSec: number }
  | { name: string; expr: string; startSec: number; endSec: number; stepSec: number };

const instant = (name: string, expr: string, timeSec = endSec): PageQuery => ({ name, expr, timeSec });
const range = (name: string, expr: string, stepSec: number, lengthSec = PAGE_RANGE): PageQuery => ({
  name,
  expr,
  startSec: endSec - lengthSec,
  endSec,
  stepSec,
});

const planContext: PlanContext = {
  fromMs: (endSec - PAGE_RANGE) * 1000,
  toMs: endSec * 1000,
  intervalMs: HOUR * 1000,
  ruleIntervalSeconds: 60,
  filters: {},
  findKpi: (id) => STANDARD_KPIS.find((k) => k.id === id),
};

/** A standard KPI as the Overview, the catalog and the deep-dive ask the KPI datasource for it. */
function kpiQueries(kpiId: string): PageQuery[] {
  const variants: Array<[string, Partial<KpiQuery>]> = [
    ['instant', { mode: 'instant' }],
    ['previous period', { mode: 'instant', period: 'previous' }],
    ['by team', { mode: 'instant', groupBy: 'team' }],
    ['by provider', { mode: 'instant', groupBy: 'provider' }],
    ['range by day', { mode: 'range', step: '1d' }],
    ['range by hour, last day', { mode: 'range', step: '1h', lookback: '1d' }],
  ];
  return variants.map(([variant, query]) => {
    const plan = planKpiQuery({ refId: 'A', kpiId, ...query }, planContext);
    if (!plan.ok) {
      throw new Error(`${kpiId} ${variant}: ${plan.message}`);
    }
    const name = `KPI ${kpiId}, ${variant}`;
    return plan.stepSeconds === null
      ? instant(name, plan.promql, plan.toMs / 1000)
      : { name, expr: plan.promql, startSec: plan.fromMs / 1000, endSec: plan.toMs / 1000, stepSec: plan.stepSeconds };
  });
}

function pageQueries(): PageQuery[] {
  const forecast = forecastQueries(endSec * 1000);
  const budgets = budgetPageQueries();
  const unpriced = unpricedUsageQueries(PAGE_RANGE);
  const whatChanged = whatChangedQueries('total_cost', { label: 'model', windowSeconds: PAGE_RANGE });
  if (!whatChanged.ok) {
    throw new Error(whatChanged.message);
  }
  return [
    instant('coverage of the range and the two before it', coverageQuery({ windowSeconds: PAGE_RANGE, periods: 3 })),
    ...SPENDER_DIMENSIONS.flatMap((dimension) => {
      const top = topSpendersQueries(dimension, { windowSeconds: PAGE_RANGE });
      return [
        instant(`top spenders by ${dimension}`, top.current),
        instant(`top spenders by ${dimension}, previous period`, top.previous),
      ];
    }),
    ...Object.entries(spenderQueries('team', 'platform', { windowSeconds: PAGE_RANGE, stepSeconds: DAY })).map(
      ([name, expr]) =>
        name === 'spendOverTime'
          ? range(`spender drill-down ${name}`, expr!, DAY)
          : instant(`spender drill-down ${name}`, expr!)
    ),
    { name: 'forecast daily spend', ...forecast.daily },
    { name: 'forecast month to date', ...forecast.monthToDate },
    // the page's one combined query is these five (analysisPages.test.ts), at the injected anomaly
    ...Object.entries(anomalyTableQueries(3)).map(([name, expr]) =>
      instant(`anomalies: ${name}`, inlineRecorded(expr), ANOMALY_SEC)
    ),
    instant('budgets: limit', budgets.limit),
    instant('budgets: spend', budgets.spend),
    instant('budgets: burn rate', budgets.burnRate),
    instant('what changed by model', whatChanged.current),
    instant('what changed by model, previous period', whatChanged.previous),
    instant('unpriced usage: tokens', unpriced.tokens),
    instant('unpriced usage: requests', unpriced.requests),
    range('recording health: points per hour', pointsPerHourQuery(), HEALTH_STEP_SECONDS),
    instant('recording health: recent', recentQuery(profileRawMetrics(getProfile('litellm')))),
  ];
}

const QUERIES = [...STANDARD_KPIS.flatMap((k) => kpiQueries(k.id)), ...pageQueries()];

let vm: VictoriaMetricsWithHistory;

beforeAll(async () => {
  vm = await startVictoriaMetricsWithHistory(await buildHistory(testHistorySpec('litellm')));
}, 600_000);

afterAll(() => vm?.stop());

function run(url: string, q: PageQuery): Promise<PromSeries[]> {
  return 'timeSec' in q
    ? instantQuery(url, q.expr, q.timeSec)
    : rangeQuery(url, q.expr, q.startSec, q.endSec, q.stepSec);
}

const covered = { queries: 0, points: 0, empty: [] as string[] };

test('VictoriaMetrics holds every imported sample of the history', () => {
  expect(vm.imported.samples).toBeGreaterThan(10_000_000);
});

test.each(QUERIES.map((q) => [q.name, q] as const))(
  '%s: VictoriaMetrics gives Prometheus’ values within 1 %',
  async (_, q) => {
    const [prometheus, victoria] = await Promise.all([run(testbed('litellm').url, q), run(vm.url, q)]);
    const { points, differences } = comparePoints(pointsOf(prometheus), pointsOf(victoria), 0.01);
    covered.queries++;
    covered.points += points;
    if (points === 0) {
      covered.empty.push(q.name);
    }
    expect(differences.slice(0, 5)).toEqual([]);
  }
);

test('the comparisons covered values: every page query answered something but those with nothing to show', () => {
  expect(covered.queries).toBe(QUERIES.length);
  expect(covered.points).toBeGreaterThan(2000);
  // KPIs of families LiteLLM does not export (retries) answer nothing on either engine
  expect(covered.empty.filter((name) => !/retry/.test(name)).sort()).toEqual(Object.keys(EMPTY_ON_BOTH).sort());
  process.stderr.write(
    `[victoriametrics pages] ${covered.queries} queries, ${covered.points} points; empty: ${covered.empty.join(', ') || 'none'}\n`
  );
});
