/**
 * `npm run bench:scale`: the app's pages at a mid-size company's scale (issue 15). For each test
 * bed size (scripts/testbed/scaleSizes.ts, built once and cached) it starts Prometheus on the
 * history and measures, for a 30-day range ending at the history's end:
 *   - each page's queries as the pages build and the planner compiles them (`stats=all`:
 *     Prometheus' time and samples, summed per page), and the same queries with every window
 *     read from the one-minute tier alone;
 *   - the Overview KPI values over LiteLLM's raw counters where the history has them;
 *   - the shipped rules' evaluation time per minute, and the planner's largest error;
 * then the canonical-vs-raw speed-up of the Overview KPIs on the demo history, the goals of the
 * issue (met or not, and why), a table, and with --json one JSON object on the last line.
 *   npm run bench:scale [-- --json] [--sizes small,medium,large] [--skip-demo]
 */
import { parseArgs } from 'util';
import { fetchTierMarks } from '../src/cli/tierMarksHttp';
import { OVERVIEW_KPI_IDS } from '../src/engine/catalog';
import { FAMILIES } from '../src/engine/conventions';
import { installBrowserGlobals, stubGrafanaRuntime } from './testbed/browserless';
import { demoHistorySpec } from './testbed/demoHistory';
import { buildHistory } from './testbed/history';
import { compiledOverviewQuery, overviewSpeedup, rawOverviewQuery } from './testbed/overviewSpeedup';
import type { PromRequest } from './testbed/pageQueries';
import { plannerErrors } from './testbed/plannerAccuracy';
import { measureQuery, queryValue } from './testbed/promStats';
import { startPrometheus, waitForCompaction, withPrometheus } from './testbed/prometheus';
import { ruleEvaluationCost } from './testbed/ruleCost';
import { buildScaleHistory, ScaleHistory } from './testbed/scaleHistory';
import {
  checkGoals,
  formatTable,
  largestQuery,
  pageFigure,
  pageFigures,
  QueryFigure,
  resultJson,
  seriesSlope,
  slowestQueries,
  SizeResult,
  WindowCost,
} from './testbed/scaleReport';
import { findSize, SCALE_SIZES, ScaleSize, sizeFigures } from './testbed/scaleSizes';

const DAYS = 30;
const DEEP_DIVE_KPI = 'cost_per_inference';
const SPENDER_DIMENSION = 'user';
const PANEL_WIDTH_PX = 1000;
/** High enough to measure what a default Prometheus (50 M) refuses; such queries are flagged. */
const BENCH_MAX_SAMPLES = 400_000_000;
/** Grafana's data proxy gives up on a datasource request after 30 s by default. */
const QUERY_TIMEOUT = '30s';
const WINDOW_DAYS = [1, 7, 30];
const TIER_SERIES = /:increase1[hd]\b/;

const log = (line: string) => process.stderr.write(`${line}\n`);

type PageRequests = (options: import('./testbed/pageQueries').PageQueryOptions) => PromRequest[];

async function measureAll(url: string, requests: PromRequest[]): Promise<QueryFigure[]> {
  const figures: QueryFigure[] = [];
  for (const r of requests) {
    const cost = await measureQuery(url, r);
    const shape = { ...(r.range ? { stepSec: r.range.stepSec } : {}), readsTiers: TIER_SERIES.test(r.expr) };
    figures.push({ page: r.page, name: r.name, ...cost, ...shape });
  }
  return figures;
}

async function seriesCount(url: string, series: string, atSec: number): Promise<number> {
  return (await queryValue(url, `count(last_over_time(${series}[1h]))`, atSec)) ?? 0;
}

/** Samples per spend series of the 'Total spend' value through the planner, by window. */
async function windowCosts(url: string, endSec: number, spendSeries: number): Promise<WindowCost[]> {
  const costs: WindowCost[] = [];
  const marks = await fetchTierMarks(url, (endSec - 100 * 86400) * 1000, endSec * 1000);
  for (const windowDays of WINDOW_DAYS) {
    const cost = await measureQuery(url, { expr: compiledOverviewQuery('total_spend', windowDays, endSec, marks), timeSec: endSec }, 1);
    costs.push({ windowDays, samplesPerSeries: Math.round(((cost.samples ?? 0) / spendSeries) * 10) / 10 });
  }
  return costs;
}

/** The Overview KPI values over the raw counters, with Prometheus' stats. */
async function rawOverview(url: string, endSec: number): Promise<{ ms: number; samples: number }> {
  const figures = await measureAll(
    url,
    OVERVIEW_KPI_IDS.map((id): PromRequest => ({ page: 'overview', name: id, expr: rawOverviewQuery(id, DAYS), timeSec: endSec }))
  );
  const page = pageFigure(figures);
  return { ms: page.ms, samples: page.samples };
}

async function measureSize(history: ScaleHistory, url: string, pageRequests: PageRequests): Promise<SizeResult> {
  const { size, endSec } = history;
  const options = { fromMs: (endSec - DAYS * 86400) * 1000, toMs: endSec * 1000, deepDiveKpiId: DEEP_DIVE_KPI, spenderDimension: SPENDER_DIMENSION, panelWidthPx: PANEL_WIDTH_PX } as const;
  const spenderSeries = await seriesCount(url, FAMILIES.spend_by_user.series, endSec);
  const spendSeries = await seriesCount(url, FAMILIES.spend.series, endSec);
  const expected = sizeFigures(size);
  if (spenderSeries !== expected.spenderSeries || spendSeries !== expected.spendSeries) {
    log(`${size.id}: ${spenderSeries} spender and ${spendSeries} spend series recorded, ${expected.spenderSeries} and ${expected.spendSeries} by construction`);
  }
  log(`${size.id}: page queries (planner, with the marks the tier clock shows)`);
  // as the pages ask: previous periods reach back two ranges
  const tierMarks = await fetchTierMarks(url, options.fromMs - 2 * (options.toMs - options.fromMs), options.toMs);
  const planned = await measureAll(url, pageRequests({ ...options, tierMarks }));
  log(`${size.id}: page queries (one-minute tier only: no marks)`);
  const minuteRequests = pageRequests(options);
  const readsTiers = minuteRequests.filter((r) => TIER_SERIES.test(r.expr));
  if (readsTiers.length) {
    throw new Error(`without marks these still read a coarser tier: ${readsTiers.map((r) => r.name).join(', ')}`);
  }
  const minute = await measureAll(url, minuteRequests);
  log(`${size.id}: rule evaluation, planner accuracy`);
  const rules = await ruleEvaluationCost(url, history.rulesFile, endSec);
  const baseline = history.rawHistory === 'full' ? 'raw counters' : 'one-minute tier';
  const errors = await plannerErrors(url, endSec, baseline);
  const overviewValues = planned.filter((q) => q.page === 'overview' && q.name.endsWith(' value'));
  return {
    id: size.id,
    spenderSeries,
    spendSeries,
    pages: pageFigures(planned),
    ruleEvalMsPerMin: rules.msPerMinute,
    maxErrorPct: Number(Math.max(0, ...errors.map((e) => e.errorPct)).toPrecision(3)),
    errorBaseline: baseline,
    errorCases: errors.length,
    worstError: [...errors].sort((a, b) => b.errorPct - a.errorPct)[0] ?? null,
    tiersFrom: history.tiersFrom,
    buildSeconds: Math.round(history.buildSeconds),
    models: expected.models,
    providers: expected.providers,
    teams: expected.teams,
    minuteTierOnly: pageFigures(minute),
    ...(history.rawHistory === 'full' ? { rawOverview: await rawOverview(url, endSec) } : {}),
    plannedOverviewValues: { ms: pageFigure(overviewValues).ms, samples: pageFigure(overviewValues).samples },
    windowCosts: await windowCosts(url, endSec, spendSeries),
    largestQuery: largestQuery(planned),
    queries: { planned, minuteTierOnly: minute },
  };
}

async function benchSize(size: ScaleSize, pageRequests: PageRequests): Promise<SizeResult> {
  const history = await buildScaleHistory(size);
  log(`${size.id}: ${history.fromCache ? 'cached' : 'built'} history (${Math.round(history.buildSeconds)} s to build): ${history.tiersFrom}`);
  const prometheus = await startPrometheus({ dataDir: history.dataDir, queryMaxSamples: BENCH_MAX_SAMPLES, queryTimeout: QUERY_TIMEOUT });
  try {
    await waitForCompaction(history.dataDir);
    return await measureSize(history, prometheus.url, pageRequests);
  } finally {
    await prometheus.stop();
  }
}

async function demoSpeedup() {
  const history = await buildHistory(demoHistorySpec());
  return withPrometheus({ dataDir: history.dataDir }, async (p) => {
    await waitForCompaction(history.dataDir);
    return overviewSpeedup(p.url, history.endSec, DAYS);
  });
}

function printReport(sizes: SizeResult[], speedup: Awaited<ReturnType<typeof demoSpeedup>> | null): Record<string, unknown> {
  const goals = checkGoals(sizes);
  const slope = seriesSlope(sizes);
  console.log(`\nPages over ${DAYS} days: Prometheus ms / samples (stats=all), planner vs the one-minute tier alone\n${formatTable(sizes)}`);
  for (const s of sizes) {
    const raw = s.rawOverview ? `; over raw counters ${s.rawOverview.ms} ms / ${s.rawOverview.samples} samples` : '';
    console.log(`\n${s.id}: built in ${s.buildSeconds} s: ${s.tiersFrom}`);
    console.log(`  Overview KPI values through the planner ${s.plannedOverviewValues.ms} ms / ${s.plannedOverviewValues.samples} samples${raw}`);
    console.log(`  'Total spend' samples per spend series: ${s.windowCosts.map((c) => `${c.windowDays} d ${c.samplesPerSeries}`).join(', ')}`);
    console.log(`  slowest planned queries:\n${slowestQueries(s.queries.planned, 5)}`);
  }
  console.log(
    slope
      ? `\nSamples of the 30-day 'Total spend' value grow by ${slope.samplesPerSeries} per spend series (one-minute tier: 43,200)`
      : `\nThe growth of the 30-day 'Total spend' samples per spend series needs two sizes`
  );
  if (speedup) {
    console.log(`Demo history, 8 Overview KPIs over ${DAYS} days: canonical ${speedup.medianSpeedup.toFixed(1)}× faster than raw (median; goal ≥ 5×)`);
  }
  const allGoals = speedup
    ? [...goals, { goal: 'canonical-vs-raw speed-up ≥ 5× at the demo size', met: speedup.medianSpeedup >= 5, detail: `${speedup.medianSpeedup.toFixed(1)}×` }]
    : goals;
  console.log(`\nGoals (largest size):\n${allGoals.map((g) => `  [${g.met ? 'met' : 'NOT met'}] ${g.goal}: ${g.detail}`).join('\n')}`);
  return { goals: allGoals, slope, demoSpeedup: speedup };
}

async function main() {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, sizes: { type: 'string' }, 'skip-demo': { type: 'boolean', default: false } },
  });
  const sizes = values.sizes ? values.sizes.split(',').map((id) => findSize(id) ?? fail(`unknown size ${id}`)) : [...SCALE_SIZES];
  await installBrowserGlobals();
  stubGrafanaRuntime();
  const { pageRequests } = await import('./testbed/pageQueries');
  const results: SizeResult[] = [];
  for (const size of sizes) {
    results.push(await benchSize(size, pageRequests));
  }
  const speedup = values['skip-demo'] ? null : await demoSpeedup();
  const extra = printReport(results, speedup);
  if (values.json) {
    console.log(resultJson(results, extra));
  }
}

function fail(message: string): never {
  throw new Error(message);
}

main().catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
