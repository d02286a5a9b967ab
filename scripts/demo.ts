/**
 * `npm run demo`: the product without Docker. Builds (once, then cached) 60 days of demo
 * history for the LiteLLM profile, starts Debian's Prometheus on it with the AI Spend rules,
 * and prints the eight Overview KPIs for the last 30 days of the history through the same
 * compile path as the KPI datasource. Where a Grafana binary is on the PATH it also starts
 * Grafana with this plugin (from dist/) and the provisioning, and prints its URL.
 *   npm run demo [-- --once] [--days 60] [--profile litellm] [--users 30]
 */
import path from 'path';
import { parseArgs } from 'util';
import { formatKpiTable, KpiRow } from '../src/cli/kpiTable';
import { runKpi } from '../src/cli/kpiQuery';
import { runCoverage } from '../src/cli/coverage';
import { APP_PLUGIN_ID } from '../src/constants';
import { findStandardKpi, OVERVIEW_KPI_IDS } from '../src/engine/catalog';
import { isProfileId } from '../src/rules';
import { DEMO_HISTORY_DEFAULTS, demoHistorySpec } from './testbed/demoHistory';
import { startGrafana } from './testbed/grafana';
import { buildHistory } from './testbed/history';
import { ensurePrometheusInstalled, startPrometheus } from './testbed/prometheus';
import { formatDuration } from './testbed/progress';

const TABLE_DAYS = 30;

async function main() {
  const { values } = parseArgs({
    options: {
      once: { type: 'boolean', default: !process.stdout.isTTY },
      days: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.days) },
      profile: { type: 'string', default: DEMO_HISTORY_DEFAULTS.profile },
      users: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.users) },
      seed: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.seed) },
    },
  });
  if (!isProfileId(values.profile!)) {
    throw new Error(`--profile must be seed, litellm or otel, not ${values.profile}`);
  }
  const spec = demoHistorySpec({ profile: values.profile, days: Number(values.days), seed: Number(values.seed), users: Number(values.users) });
  console.log(`demo history: ${spec.days} days of the ${spec.profile} profile ending ${new Date(spec.endMs).toISOString()} (built once, then cached)`);
  // before the history: building it needs promtool
  ensurePrometheusInstalled();
  const history = await buildHistory(spec);
  if (!history.fromCache) {
    const { rawMs, rulesMs } = history.timings;
    console.log(`history built in ${formatDuration(rawMs + rulesMs)} (raw ${formatDuration(rawMs)}, recording rules ${formatDuration(rulesMs)}), cached in ${path.dirname(history.dataDir)}`);
  }
  const prometheus = await startPrometheus({ dataDir: history.dataDir, ruleFiles: [history.rulesFile] });
  const stops = [prometheus.stop];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      await stop();
    }
  };
  try {
    console.log(`Prometheus: ${prometheus.url}`);
    const toSec = history.endSec;
    const rows: KpiRow[] = [];
    for (const id of OVERVIEW_KPI_IDS) {
      const kpi = findStandardKpi(id)!;
      const output = await runKpi(prometheus.url, {
        formula: kpi.formula,
        mode: 'instant',
        fromSec: toSec - TABLE_DAYS * 86400,
        toSec,
        stepSec: null,
        groupBy: kpi.defaultGroupBy ? [kpi.defaultGroupBy] : [],
      });
      rows.push({ kpi, output });
    }
    console.log(`\nThe ${TABLE_DAYS} days ending ${new Date(toSec * 1000).toISOString()}:\n`);
    const coverage = await runCoverage(prometheus.url, { fromSec: toSec - TABLE_DAYS * 86400, toSec });
    console.log(formatKpiTable(rows, coverage));
    if (values.once) {
      return;
    }
    const grafana = await startGrafana({ prometheusUrl: prometheus.url, profile: spec.profile });
    if (grafana) {
      stops.push(grafana.stop);
      console.log(`\nGrafana with AI Spend: ${grafana.url}/a/${APP_PLUGIN_ID} (anonymous admin)`);
    } else {
      console.log('\nNo grafana / grafana-server binary on the PATH: Prometheus only. `npm run server` runs Grafana in Docker.');
    }
    console.log('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`error: ${(e as Error).message}`);
    process.exit(1);
  }
);
