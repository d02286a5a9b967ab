/**
 * The generated budget alerting rules, evaluated by a real Prometheus rule manager on the LiteLLM
 * demo history: the team the generator put between 80 % and 95 % fires only the warning, the team
 * above 95 % fires warning and critical, the others fire neither, and the exhaustion alert fires
 * for exactly the teams whose budget lasts less than 15 days at the 7-day burn rate.
 *
 * The test bed's history ends in the past and a rule manager evaluates at "now", so a fresh
 * Prometheus gets the history's last state at the current time: it scrapes LiteLLM's raw budget
 * gauges (their values at the end of the history) from a small /metrics endpoint every second,
 * and holds the last 7 days of the canonical spend series, shifted to end now, by backfill. It
 * loads the generated rule groups unchanged but for an evaluation interval of 1 s. The `for:`
 * durations (5m to 1h) are kept, so an alert whose condition holds shows as pending: that is the
 * rule manager's verdict. Expectations come from budgetMath.ts on the same input values.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { parse, stringify } from 'yaml';
import { backfillOpenMetrics } from '../../scripts/testbed/backfill';
import { freePort, RunningPrometheus, startPrometheus } from '../../scripts/testbed/prometheus';
import { instantQuery, promNumber, rangeQuery } from '../../src/cli/prometheusHttp';
import { BUDGET_ALERT_POLICY } from '../../src/budgets/budgetAlertPolicy';
import { budgetPageQueries, BURN_WINDOW_DAYS, projectedPeriodEndSpend } from '../../src/budgets/budgetQueries';
import { BudgetSample, budgetRows } from '../../src/budgets/budgetRows';
import { formatLabels } from '../../src/demo/openmetrics';
import { FAMILIES } from '../../src/engine/conventions';
import { profileRulesPath } from '../../src/rules';
import { testbed } from './testbed';

jest.setTimeout(60_000);

const REPO = path.resolve(__dirname, '../..');
const GAUGES = ['litellm_team_max_budget_metric', 'litellm_remaining_team_budget_metric'];
const GROUPS = ['aispend-litellm-canonical', 'aispend-appendix-a', 'aispend-budget-alerts'];
const SPEND = FAMILIES.spend.series;

let dir: string;
let server: http.Server | undefined;
let prometheus: RunningPrometheus | undefined;
let gauges: Array<{ metric: Record<string, string>; value: number }>;
let spendByTeam: Array<{ team: string; samples: Array<[number, number]> }>;
let shiftedEnd: number;

const sampleText = (v: number) => (v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v));

/** The test bed's raw budget gauges at the end of the history, as a scrape target. */
async function serveGauges(): Promise<string> {
  const lines = GAUGES.flatMap((name) => [
    `# TYPE ${name} gauge`,
    ...gauges.filter((g) => g.metric.__name__ === name).map((g) => {
      const { __name__: _name, ...labels } = g.metric;
      return `${name}${formatLabels(labels)} ${sampleText(g.value)}`;
    }),
  ]);
  server = http.createServer((_req, res) => res.end(lines.join('\n') + '\n'));
  const port = await freePort();
  await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  return `127.0.0.1:${port}`;
}

/** The last 7 days of spend per team, shifted to end at `shiftedEnd`, as OpenMetrics for promtool. */
function spendOpenMetrics(endSec: number): string {
  const lines = [`# TYPE ${SPEND} gauge`];
  for (const { team, samples } of spendByTeam) {
    const labels = formatLabels(team ? { team } : {});
    lines.push(...samples.map(([t, v]) => `${SPEND}${labels} ${sampleText(v)} ${t - endSec + shiftedEnd}`));
  }
  return lines.join('\n') + '\n# EOF\n';
}

/** The generated rule groups the test needs, evaluated every second instead of every minute. */
function ruleFile(): string {
  const doc = parse(fs.readFileSync(path.join(REPO, profileRulesPath('litellm')), 'utf8')) as { groups: Array<{ name: string; interval: string }> };
  const groups = doc.groups.filter((g) => GROUPS.includes(g.name)).map((g) => ({ ...g, interval: '1s' }));
  expect(groups.map((g) => g.name)).toEqual(GROUPS);
  const file = path.join(dir, 'rules.yaml');
  fs.writeFileSync(file, stringify({ groups }, { lineWidth: 0 }));
  return file;
}

beforeAll(async () => {
  const bed = testbed('litellm');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-budget-alerts-'));
  const raw = await instantQuery(bed.url, `{__name__=~"${GAUGES.join('|')}"}`, bed.endSec);
  gauges = raw.map((s) => ({ metric: s.metric, value: promNumber(s.value![1]) }));
  // (end - 7d, end]: the samples a 7-day window sees, no more
  const spend = await rangeQuery(bed.url, `sum by (team) (${SPEND})`, bed.endSec - BURN_WINDOW_DAYS * 86400 + 60, bed.endSec, 60);
  spendByTeam = spend.map((s) => ({ team: s.metric.team ?? '', samples: s.values!.map(([t, v]) => [t, promNumber(v)] as [number, number]) }));
  shiftedEnd = Math.floor(Date.now() / 1000) - 1;
  const om = path.join(dir, 'spend.om');
  fs.writeFileSync(om, spendOpenMetrics(bed.endSec));
  await backfillOpenMetrics(om, path.join(dir, 'data'));
  const target = await serveGauges();
  prometheus = await startPrometheus({ dataDir: path.join(dir, 'data'), ruleFiles: [ruleFile()], interval: '1s', scrapeTargets: [target] });
});

afterAll(async () => {
  await prometheus?.stop();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** budgetMath on the served values: the LiteLLM profile's spend = limit - remaining, per team. */
function expectedRows(nowMs: number) {
  const byTeam = (name: string, keep: (v: number) => boolean) => {
    const max = new Map<string, number>();
    for (const g of gauges.filter((x) => x.metric.__name__ === name && x.metric.team !== 'None' && keep(x.value))) {
      max.set(g.metric.team, Math.max(max.get(g.metric.team) ?? -Infinity, g.value));
    }
    return max;
  };
  const limits = byTeam(GAUGES[0], () => true);
  const remaining = byTeam(GAUGES[1], (v) => v < Infinity);
  const sample = (team: string, value: number): BudgetSample => ({ labels: { team }, value });
  return budgetRows(
    {
      limit: [...limits].map(([team, v]) => sample(team, v)),
      spend: [...limits].filter(([team]) => remaining.has(team)).map(([team, v]) => sample(team, v - remaining.get(team)!)),
      burnRate: spendByTeam.map(({ team, samples }) => sample(team, samples.reduce((sum, [, v]) => sum + v, 0) / BURN_WINDOW_DAYS)),
    },
    { nowMs }
  );
}

interface ActiveAlert {
  labels: Record<string, string>;
  state: string;
  value: string;
}

async function activeAlerts(): Promise<ActiveAlert[]> {
  const body = await (await fetch(`${prometheus!.url}/api/v1/alerts`)).json();
  return body.data.alerts;
}

const alertSet = (alerts: ActiveAlert[]) => alerts.map((a) => `${a.labels.alertname} ${a.labels.team ?? ''}`).sort();

test('warning only between 80 and 95 %, warning and critical above 95 %, nothing for the others', async () => {
  const rows = expectedRows(Date.now());
  // the demo's design: one team at 80–95 %, one above 95 %, one whose +Inf remaining budget means none
  expect(rows.filter((r) => r.risk === 'warning')).toHaveLength(1);
  expect(rows.filter((r) => r.risk === 'critical')).toHaveLength(1);
  expect(rows.filter((r) => !r.hasBudget && gauges.some((g) => g.metric.team === r.team && g.value === Infinity))).toHaveLength(1);
  const { warning, critical, exhaustion } = BUDGET_ALERT_POLICY;
  const expected = rows.flatMap((r) => [
    ...(r.utilizationPercent !== null && r.utilizationPercent >= warning.percent ? [`AISpendBudgetWarning ${r.team}`] : []),
    ...(r.utilizationPercent !== null && r.utilizationPercent >= critical.percent ? [`AISpendBudgetCritical ${r.team}`] : []),
    ...(r.daysToExhaustion !== null && r.daysToExhaustion < exhaustion.days ? [`AISpendBudgetExhaustionSoon ${r.team}`] : []),
  ]);
  let alerts: ActiveAlert[] = [];
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && alertSet(alerts).join() !== [...expected].sort().join()) {
    await new Promise((r) => setTimeout(r, 500));
    alerts = await activeAlerts();
  }
  // a few more evaluations: nothing else turns up
  await new Promise((r) => setTimeout(r, 3000));
  alerts = await activeAlerts();
  expect(alertSet(alerts)).toEqual([...expected].sort());
  // a minute after the shifted end, the oldest backfilled minute leaves the 7-day window
  expect(Date.now() / 1000).toBeLessThan(shiftedEnd + 60);
  for (const a of alerts) {
    const row = rows.find((r) => r.team === a.labels.team)!;
    expect(a.state).toBe('pending');
    const want = a.labels.alertname === 'AISpendBudgetExhaustionSoon' ? row.daysToExhaustion! : row.utilizationPercent! / 100;
    expect(Math.abs(Number(a.value) - want) / want).toBeLessThan(1e-9);
  }
  const rules = await (await fetch(`${prometheus!.url}/api/v1/rules`)).json();
  const unhealthy = rules.data.groups.flatMap((g: { rules: Array<{ name: string; health: string; lastError?: string }> }) => g.rules.filter((r) => r.health !== 'ok'));
  expect(unhealthy).toEqual([]);
});

test('the Budgets page queries and the PromQL projection agree with budgetMath on the same data', async () => {
  const at = Math.floor(Date.now() / 1000);
  expect(at).toBeLessThan(shiftedEnd + 60);
  const queries = budgetPageQueries();
  const samples = async (expr: string) =>
    (await instantQuery(prometheus!.url, expr, at)).map((s) => ({ labels: s.metric, value: promNumber(s.value![1]) }));
  const fromPromQL = budgetRows({ limit: await samples(queries.limit), spend: await samples(queries.spend), burnRate: await samples(queries.burnRate) }, { nowMs: at * 1000 });
  const expected = expectedRows(at * 1000);
  expect(fromPromQL.map((r) => [r.team, r.risk, r.hasBudget])).toEqual(expected.map((r) => [r.team, r.risk, r.hasBudget]));
  const projected = await samples(projectedPeriodEndSpend());
  expect(projected.length).toBe(expected.filter((r) => r.hasBudget).length);
  for (const p of projected) {
    const row = expected.find((r) => r.team === p.labels.team)!;
    expect(Math.abs(p.value - row.projectedSpend!) / row.projectedSpend!).toBeLessThan(1e-9);
  }
});
