/**
 * `npm run bench`: the figures the KPI engine issue asks for, printed as tables.
 *   1. parse + check + compile per formula (median µs) for the seed-000 formulas;
 *   2. the reference evaluator vs a handwritten loop for the same formula, ns per point, 1e5 points;
 *   3. the 8 Overview KPIs over 30 days of the demo history (`npm run demo`'s, cached): the compiled
 *      query over canonical series vs the equivalent query over LiteLLM's raw counters, same Prometheus;
 *   4. the KPI datasource's own work per query vs the Prometheus round trip it wraps.
 *   npm run bench [-- --skip-prometheus]
 */
import { performance } from 'perf_hooks';
import { parseArgs } from 'util';
import { findStandardKpi, OVERVIEW_KPI_IDS } from '../src/engine/catalog';
import { FAMILIES } from '../src/engine/conventions';
import { check, compileToPromQL, evaluateInstant, type CanonicalSeries } from '../src/engine/language';
import { planKpiQuery } from '../src/datasource/queryPlan';
import { SEED_000_FORMULAS } from '../src/engine/seedExamples';
import { demoHistorySpec } from './testbed/demoHistory';
import { buildHistory } from './testbed/history';
import { installBrowserGlobals } from './testbed/browserless';
import { overviewSpeedup } from './testbed/overviewSpeedup';
import { blockCount, startPrometheus, waitForCompaction } from './testbed/prometheus';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

function benchCompile(): void {
  const rows = [['formula', 'median µs', 'goal']];
  for (const formula of SEED_000_FORMULAS) {
    const times: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const started = performance.now();
      const result = compileToPromQL(formula, { mode: 'instant', windowSeconds: 30 * 86400, groupBy: ['team'] });
      times.push(performance.now() - started);
      if (!result.ok) {
        throw new Error(`seed formula does not compile: ${formula}`);
      }
    }
    rows.push([formula.length > 60 ? `${formula.slice(0, 57)}...` : formula, (median(times.slice(500)) * 1000).toFixed(1), '≤ 50']);
  }
  console.log(`\n1. parse + check + compile (compileToPromQL), by team, 30d\n${table(rows)}`);
}

function benchEvaluator(): void {
  const points = 100_000;
  const spend: CanonicalSeries = { name: FAMILIES.spend.series, labels: { provider: 'openai', model: 'm', team: 't' }, samples: [] };
  const requests: CanonicalSeries = { name: FAMILIES.requests.series, labels: { provider: 'openai', model: 'm', team: 't', status: 'success' }, samples: [] };
  for (let i = 1; i <= points / 2; i++) {
    spend.samples.push([i * 60_000, (i % 17) / 8]);
    requests.samples.push([i * 60_000, 1 + (i % 5)]);
  }
  const data = [spend, requests];
  const ir = check('total_cost / total_inferences').ir!;
  const options = { mode: 'instant' as const, windowSeconds: (points / 2) * 60, groupBy: [], atMs: (points / 2) * 60_000 };
  const handwritten = () => {
    let cost = 0;
    let count = 0;
    for (const [, v] of spend.samples) {
      cost += v;
    }
    for (const [, v] of requests.samples) {
      count += v;
    }
    return cost / count;
  };
  const reference = () => evaluateInstant(ir, data, options)[0].value;
  if (reference() !== handwritten()) {
    throw new Error(`evaluator ${reference()} and loop ${handwritten()} disagree`);
  }
  const time = (fn: () => number) => {
    const runs: number[] = [];
    for (let i = 0; i < 60; i++) {
      const started = performance.now();
      fn();
      runs.push(performance.now() - started);
    }
    return (median(runs.slice(10)) * 1e6) / points;
  };
  // interleaved so both see the same machine load
  const evaluator = time(reference);
  const loop = time(handwritten);
  console.log(
    `\n2. total_cost / total_inferences over ${points} points\n` +
      table([
        ['implementation', 'ns/point', 'ratio'],
        ['reference evaluator', evaluator.toFixed(2), (evaluator / loop).toFixed(2)],
        ['handwritten loop', loop.toFixed(2), '1.00'],
      ]) +
      '\n   goal: evaluator ≤ 3× the loop'
  );
}

/** @grafana/data is browser code: a DOM from jsdom (a jest dependency) lets it load in Node. */
async function loadFrameCode() {
  await installBrowserGlobals();
  // CommonJS builds: Node's ESM loader trips over @grafana/data's ESM imports of moment-timezone
  const data = require('@grafana/data') as typeof import('@grafana/data');
  const frames = require('../src/datasource/frames') as typeof import('../src/datasource/frames');
  return { createDataFrame: data.createDataFrame, FieldType: data.FieldType, decorateFrame: frames.decorateFrame };
}

/** The KPI datasource's own work per query: plan (check + compile) and frame decoration. */
async function datasourceOverheadMs(
  frameCode: Awaited<ReturnType<typeof loadFrameCode>>,
  url: string,
  kpiId: string,
  atSec: number,
  days: number
): Promise<number> {
  const { createDataFrame, FieldType, decorateFrame } = frameCode;
  const kpi = findStandardKpi(kpiId)!;
  const query = { refId: 'A', kpiId, mode: 'instant' as const, groupBy: kpi.defaultGroupBy };
  const context = {
    fromMs: (atSec - days * 86400) * 1000,
    toMs: atSec * 1000,
    intervalMs: 60_000,
    ruleIntervalSeconds: 60,
    filters: {},
    findKpi: findStandardKpi,
  };
  const plan = planKpiQuery(query, context);
  if (!plan.ok) {
    throw new Error(plan.message);
  }
  const response = await fetch(`${url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: plan.promql, time: String(atSec) }) });
  const result = ((await response.json()) as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } }).data.result;
  const frames = result.map((r) =>
    createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [r.value[0] * 1000] },
        { name: 'Value', type: FieldType.number, values: [Number(r.value[1])], labels: r.metric },
      ],
    })
  );
  const runs: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const started = performance.now();
    const planned = planKpiQuery(query, context);
    if (planned.ok) {
      frames.forEach((frame) => decorateFrame(frame, planned));
    }
    runs.push(performance.now() - started);
  }
  return median(runs.slice(200));
}

async function benchPrometheus(): Promise<void> {
  const days = 30;
  const history = await buildHistory(demoHistorySpec());
  const prometheus = await startPrometheus({ dataDir: history.dataDir });
  try {
    const before = blockCount(history.dataDir);
    const after = await waitForCompaction(history.dataDir);
    console.log(`\n(TSDB blocks: ${before} after backfill, ${after} once Prometheus compacted them)`);
    const speedup = await overviewSpeedup(prometheus.url, history.endSec, days);
    const rows = [
      ['KPI', 'canonical ms', 'raw ms', 'speed-up'],
      ...speedup.rows.map((r) => [r.kpi, r.canonicalMs.toFixed(1), r.rawMs.toFixed(1), `${(r.rawMs / r.canonicalMs).toFixed(1)}×`]),
    ];
    const overheadRows = [['KPI', 'datasource µs', 'round trip ms', 'overhead']];
    const shares: number[] = [];
    const frameCode = await loadFrameCode();
    for (const [i, id] of OVERVIEW_KPI_IDS.entries()) {
      const overhead = await datasourceOverheadMs(frameCode, prometheus.url, id, history.endSec, days);
      const roundTrip = Number(rows[i + 1][1]);
      shares.push(overhead / roundTrip);
      overheadRows.push([id, (overhead * 1000).toFixed(1), roundTrip.toFixed(1), `${((overhead / roundTrip) * 100).toFixed(3)} %`]);
    }
    console.log(
      `\n3. the 8 Overview KPIs over ${days} days, demo history (${history.summary.series} raw series, 50 users), median of 5\n` +
        table(rows) +
        `\n   median speed-up ${speedup.medianSpeedup.toFixed(1)}× (goal: canonical ≥ 5× faster)`
    );
    console.log(
      `\n4. the KPI datasource's own work (plan: check + compile; frame decoration) vs the Prometheus round trip it wraps\n` +
        table(overheadRows) +
        `\n   largest ${(Math.max(...shares) * 100).toFixed(3)} % (goal ≤ 5 %)`
    );
  } finally {
    await prometheus.stop();
  }
}

async function main() {
  const { values } = parseArgs({ options: { 'skip-prometheus': { type: 'boolean', default: false } } });
  benchCompile();
  benchEvaluator();
  if (!values['skip-prometheus']) {
    await benchPrometheus();
  }
}

main().catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
