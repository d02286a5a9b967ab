/**
 * The generated alerting rules fire into a real Alertmanager loaded with the shipped routing tree
 * (provisioning/alertmanager/aispend.yml) and reach a webhook receiver run by the test.
 *
 * A real Prometheus scrapes a small /metrics endpoint every second: LiteLLM's raw budget gauges
 * (one team at 97 %, two between 80 and 95 %, one at 50 %), a spend counter for the 97 % team
 * (so that its 3 USD left run out within 15 days), and the recorded daily spend of one model and
 * team, whose 30 days before are backfilled around 110 USD while it now reads 400 (an anomaly).
 * It loads the generated rule groups unchanged but for an evaluation interval of 1 s and `for: 1s`.
 * The test's copy of the routing tree differs from the shipped one only in its receivers (a webhook
 * each, to `<receiver>/<name>`) and its timings: group_wait 1 s, group_interval 2 s, and a
 * repeat_interval of 1 h, longer than the test, so that a second notification of an unchanged
 * group would be a duplicate, not a reminder.
 *
 * Duplicate: a second notification to one receiver for one group (its group key) with the same
 * firing alerts within repeat_interval. Alertmanager decides this from its notification log, which
 * it keeps in --storage.path and writes on shutdown; the restart test keeps that directory, as a
 * volume would, so the alerts Prometheus re-sends after the restart must not be notified again.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parse, stringify } from 'yaml';
import { ALERTMANAGER_EXAMPLE_FILE, RunningAlertmanager, startAlertmanager } from '../../scripts/testbed/alertmanager';
import { backfillOpenMetrics } from '../../scripts/testbed/backfill';
import { RunningPrometheus, startPrometheus } from '../../scripts/testbed/prometheus';
import { formatLabels } from '../../src/demo/openmetrics';
import { ANALYSIS_SERIES } from '../../src/engine/conventions';
import { profileRulesPath } from '../../src/rules';
import { SPEND_ANOMALY_ALERT } from '../../src/rules/anomalyRules';
import { BUDGET_ALERTS } from '../../src/rules/derived';
import { Notification, startWebhookReceiver, WebhookReceiver } from './support/webhookReceiver';
import { MetricsEndpoint, startMetricsEndpoint } from './support/alertMetrics';

jest.setTimeout(180_000);

const REPO = path.resolve(__dirname, '../..');
const GROUPS = [
  'aispend-litellm-canonical',
  'aispend-appendix-a',
  'aispend-analysis-baselines',
  'aispend-budget-alerts',
];
const { warning: WARNING, critical: CRITICAL, exhaustion: EXHAUSTION } = BUDGET_ALERTS;
const ANOMALY_SERIES = { provider: 'openai', model: 'gpt-4o', team: 'platform' };

let dir: string;
let metrics: MetricsEndpoint;
let webhook: WebhookReceiver;
let alertmanager: RunningAlertmanager;
let prometheus: RunningPrometheus;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns true or `timeoutMs` passes; returns its last answer. */
async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) {
    await sleep(250);
  }
  return check();
}

/** The generated rule groups the alerts need, evaluated every second, firing after a second. */
function ruleFile(): string {
  const doc = parse(fs.readFileSync(path.join(REPO, profileRulesPath('litellm')), 'utf8')) as {
    groups: Array<{ name: string; rules: Array<{ alert?: string; for?: string }> }>;
  };
  const groups = doc.groups
    .filter((g) => GROUPS.includes(g.name))
    .map((g) => ({ ...g, interval: '1s', rules: g.rules.map((r) => (r.alert ? { ...r, for: '1s' } : r)) }));
  expect(groups.map((g) => g.name)).toEqual(GROUPS);
  const file = path.join(dir, 'rules.yaml');
  fs.writeFileSync(file, stringify({ groups }, { lineWidth: 0 }));
  return file;
}

interface Route {
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  routes?: Route[];
}

function withoutTimings(route: Route): Route {
  const { group_wait: _w, group_interval: _i, repeat_interval: _r, routes, ...rest } = route;
  return { ...rest, ...(routes ? { routes: routes.map(withoutTimings) } : {}) };
}

/** The shipped routing tree with webhook receivers and test timings (see the header). */
function testConfig(): string {
  const config = parse(fs.readFileSync(ALERTMANAGER_EXAMPLE_FILE, 'utf8'));
  config.receivers = config.receivers.map((r: { name: string }) => ({
    name: r.name,
    webhook_configs: [{ url: `${webhook.url}/${r.name}`, send_resolved: true }],
  }));
  config.route = { ...withoutTimings(config.route), group_wait: '1s', group_interval: '2s', repeat_interval: '1h' };
  const file = path.join(dir, 'alertmanager.yml');
  fs.writeFileSync(file, stringify(config));
  return file;
}

/** 32 UTC midnights of daily spend before today, 100-120 USD: the anomaly alert's baseline. */
function baselineOpenMetrics(labels: Record<string, string>): string {
  const today = Math.floor(Date.now() / 86_400_000) * 86_400;
  const lines = [`# TYPE ${ANALYSIS_SERIES.spendDaily} gauge`];
  for (let day = 32; day >= 1; day--) {
    lines.push(`${ANALYSIS_SERIES.spendDaily}${formatLabels(labels)} ${100 + 10 * (day % 3)} ${today - day * 86_400}`);
  }
  return lines.join('\n') + '\n# EOF\n';
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-alertmanager-'));
  webhook = await startWebhookReceiver();
  metrics = await startMetricsEndpoint({
    budgets: {
      'data-science': { limit: 100, remaining: 3 },
      platform: { limit: 200, remaining: 30 },
      research: { limit: 100, remaining: 10 },
      marketing: { limit: 100, remaining: 50 },
    },
    spendPerSecond: { provider: 'anthropic', model: 'claude-sonnet', team: 'data-science', usd: 0.01 },
    dailySpend: { ...ANOMALY_SERIES, usd: 400 },
  });
  // the scraped series gets job and instance: its history must carry them too
  const om = path.join(dir, 'baseline.om');
  fs.writeFileSync(om, baselineOpenMetrics({ ...ANOMALY_SERIES, job: 'aispend', instance: metrics.target }));
  await backfillOpenMetrics(om, path.join(dir, 'prometheus'));
  alertmanager = await startAlertmanager({ configFile: testConfig(), storageDir: path.join(dir, 'alertmanager') });
  prometheus = await startPrometheus({
    dataDir: path.join(dir, 'prometheus'),
    ruleFiles: [ruleFile()],
    interval: '1s',
    scrapeTargets: [metrics.target],
    alertmanagers: [alertmanager.address],
    alertResendDelay: '2s',
  });
});

afterAll(async () => {
  await prometheus?.stop();
  await alertmanager?.stop();
  await metrics?.close();
  await webhook?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const describeAlert = (labels: Record<string, string>) => `${labels.alertname} ${labels.team ?? '(global)'}`;
const summary = (n: Notification) =>
  `${n.receiver}: ${n.status} ${n.alerts.map((a) => describeAlert(a.labels)).join(', ')}`;
const summaries = (list: Notification[]) => list.map(summary).sort();

async function firingInPrometheus(): Promise<string[]> {
  const body = await (await fetch(`${prometheus.url}/api/v1/alerts`)).json();
  return (body.data.alerts as Array<{ labels: Record<string, string>; state: string }>)
    .filter((a) => a.state === 'firing')
    .map((a) => describeAlert(a.labels))
    .sort();
}

/** Prometheus' failed sends to this Alertmanager, from its own /metrics. */
async function notificationErrors(): Promise<number> {
  const text = await (await fetch(`${prometheus.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('prometheus_notifications_errors_total{') && l.includes(alertmanager.address));
  return line ? Number(line.split(' ').pop()) : 0;
}

const DELIVERED = [
  `data-science-oncall: firing ${CRITICAL} data-science`,
  `data-science: firing ${EXHAUSTION} data-science`,
  `finops: firing ${WARNING} research`,
  `platform: firing ${SPEND_ANOMALY_ALERT} platform`,
  `platform: firing ${WARNING} platform`,
].sort();

test("each alert reaches the receiver of its team and severity; the critical mutes only its own team's warning", async () => {
  const firing = [
    `${CRITICAL} data-science`,
    `${EXHAUSTION} data-science`,
    `${SPEND_ANOMALY_ALERT} platform`,
    `${WARNING} data-science`,
    `${WARNING} platform`,
    `${WARNING} research`,
  ].sort();
  await waitFor(async () => (await firingInPrometheus()).join() === firing.join(), 60_000);
  expect(await firingInPrometheus()).toEqual(firing);
  await waitFor(() => summaries(webhook.notifications).join() === DELIVERED.join(), 30_000);
  expect(summaries(webhook.notifications)).toEqual(DELIVERED);
  // a few group intervals more: nothing else arrives (no muted warning, no repeat, no resolve)
  await sleep(6000);
  expect(summaries(webhook.notifications)).toEqual(DELIVERED);
  const muted = (await alertmanager.alerts()).filter((a) => a.status.state === 'suppressed');
  expect(muted.map((a) => [describeAlert(a.labels), a.status.inhibitedBy.length])).toEqual([
    [`${WARNING} data-science`, 1],
  ]);
});

test('Alertmanager down: Prometheus keeps its alerts and counts failed sends; after a restart nothing is lost or sent twice', async () => {
  const before = webhook.notifications.length;
  const errorsBefore = await notificationErrors();
  await alertmanager.stop();
  await expect(alertmanager.alerts()).rejects.toThrow(`Alertmanager on ${alertmanager.address} does not answer`);
  // a team crosses 80 % while no Alertmanager listens
  metrics.setRemaining('marketing', 12);
  expect(await waitFor(async () => (await firingInPrometheus()).includes(`${WARNING} marketing`), 30_000)).toBe(true);
  expect(await waitFor(async () => (await notificationErrors()) > errorsBefore, 30_000)).toBe(true);
  expect(await firingInPrometheus()).toContain(`${CRITICAL} data-science`);
  expect(webhook.notifications.length).toBe(before);

  // same port and storage: the notification log written on shutdown is read back
  await alertmanager.restart();
  const expected = [`finops: firing ${WARNING} marketing`];
  await waitFor(() => summaries(webhook.notifications.slice(before)).join() === expected.join(), 30_000);
  await sleep(8000);
  expect(summaries(webhook.notifications.slice(before))).toEqual(expected);
  expect(summaries(webhook.notifications)).toEqual([...DELIVERED, ...expected].sort());
  // Prometheus re-sent everything, the muted warning is muted again
  expect((await alertmanager.alerts()).length).toBe(7);
  const muted = (await alertmanager.alerts()).filter((a) => a.status.state === 'suppressed');
  expect(muted.map((a) => describeAlert(a.labels))).toEqual([`${WARNING} data-science`]);
});

/** Alerts posted straight to Alertmanager's API: which ones its inhibit rules mute. */
async function mutedOf(am: RunningAlertmanager, alerts: Array<Record<string, string>>): Promise<string[]> {
  const res = await fetch(`${am.url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(alerts.map((labels) => ({ labels }))),
  });
  expect(res.status).toBe(200);
  const held = () => am.alerts();
  await waitFor(async () => (await held()).length === alerts.length, 10_000);
  // the inhibitor learns of a new source alert asynchronously: wait until the answer is stable
  let muted: string[] = [];
  for (let settled = 0; settled < 4;) {
    await sleep(250);
    const now = (await held())
      .filter((a) => a.status.state === 'suppressed')
      .map((a) => describeAlert(a.labels))
      .sort();
    settled = now.join() === muted.join() ? settled + 1 : 0;
    muted = now;
  }
  return muted;
}

const budgetAlert = (alertname: string, team?: string) => ({
  alertname,
  severity: alertname === CRITICAL ? 'critical' : 'warning',
  ...(team ? { team } : {}),
});

test.each([
  {
    name: "a team critical mutes its own warning only (not another team's, not the global one, not its exhaustion alert)",
    alerts: [
      budgetAlert(CRITICAL, 'data-science'),
      budgetAlert(WARNING, 'data-science'),
      budgetAlert(WARNING, 'platform'),
      budgetAlert(WARNING),
      budgetAlert(EXHAUSTION, 'data-science'),
    ],
    muted: [`${WARNING} data-science`],
  },
  {
    name: "the global critical (no team label) mutes the global warning only, no team's",
    alerts: [
      budgetAlert(CRITICAL),
      budgetAlert(WARNING),
      budgetAlert(WARNING, 'platform'),
      budgetAlert(WARNING, 'research'),
    ],
    muted: [`${WARNING} (global)`],
  },
])('shipped routing tree: $name', async ({ alerts, muted }) => {
  const storageDir = fs.mkdtempSync(path.join(dir, 'shipped-'));
  const am = await startAlertmanager({ configFile: ALERTMANAGER_EXAMPLE_FILE, storageDir });
  try {
    expect(await mutedOf(am, alerts)).toEqual(muted);
  } finally {
    await am.stop();
  }
});
