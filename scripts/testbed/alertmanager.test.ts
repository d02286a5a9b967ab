/** @jest-environment node */
/**
 * The shipped Alertmanager routing tree, checked by Debian's amtool: the config loads, alerts of
 * the generated rules reach the receiver their team and severity call for, and the inhibit rules
 * and routes name only alerts the rules produce.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import { parse } from 'yaml';
import { BUDGET_ALERTS, budgetAlertRules } from '../../src/rules/derived';
import { SPEND_ANOMALY_ALERT } from '../../src/rules/anomalyRules';
import { ALERTMANAGER_EXAMPLE_FILE, AMTOOL_BIN } from './alertmanager';

const amtool = (...args: string[]) => execFileSync(AMTOOL_BIN, args, { encoding: 'utf8', stdio: 'pipe' }).trim();
const { warning: WARNING, critical: CRITICAL, exhaustion: EXHAUSTION } = BUDGET_ALERTS;

test('amtool check-config passes', () => {
  expect(amtool('check-config', ALERTMANAGER_EXAMPLE_FILE)).toMatch(/SUCCESS/);
});

test.each([
  [CRITICAL, { team: 'data-science', severity: 'critical' }, 'data-science-oncall'],
  [WARNING, { team: 'data-science', severity: 'warning' }, 'data-science'],
  [EXHAUSTION, { team: 'platform', severity: 'warning' }, 'platform'],
  [CRITICAL, { team: 'platform', severity: 'critical' }, 'platform-oncall'],
  [SPEND_ANOMALY_ALERT, { team: 'platform', model: 'gpt-4o', provider: 'openai', severity: 'warning' }, 'platform'],
  [WARNING, { team: 'research', severity: 'warning' }, 'finops'],
  [CRITICAL, { team: 'research', severity: 'critical' }, 'finops-oncall'],
  // the global budget has no team label
  [CRITICAL, { severity: 'critical' }, 'finops-oncall'],
  [WARNING, { severity: 'warning' }, 'finops'],
  // not one of ours: the tree's default
  ['HighLatency', { team: 'platform', severity: 'critical' }, 'finops'],
])('%s %p goes to %s', (alertname, labels, receiver) => {
  const pairs = Object.entries({ alertname, ...labels }).map(([k, v]) => `${k}=${v}`);
  expect(amtool('config', 'routes', 'test', `--config.file=${ALERTMANAGER_EXAMPLE_FILE}`, ...pairs)).toBe(receiver);
});

test('the inhibit rules name the generated budget alerts, and every team guard is on both sides', () => {
  const config = parse(fs.readFileSync(ALERTMANAGER_EXAMPLE_FILE, 'utf8')) as {
    inhibit_rules: Array<{ source_matchers: string[]; target_matchers: string[]; equal: string[] }>;
  };
  const generated = new Set([...budgetAlertRules().map((r) => r.alert), SPEND_ANOMALY_ALERT]);
  for (const rule of config.inhibit_rules) {
    const alertnames = [...rule.source_matchers, ...rule.target_matchers].flatMap(
      (m) => /^alertname="(.+)"$/.exec(m)?.[1] ?? []
    );
    expect(alertnames).toEqual([CRITICAL, WARNING]);
    expect(alertnames.every((name) => generated.has(name))).toBe(true);
    const teamGuard = (matchers: string[]) => matchers.filter((m) => m.startsWith('team'));
    expect(teamGuard(rule.source_matchers)).toEqual(teamGuard(rule.target_matchers));
    expect(teamGuard(rule.source_matchers)).toHaveLength(1);
    expect(rule.equal).toEqual(['team']);
  }
});

test('the generated rules list the critical budget alert before the warning, so that Prometheus sends it first', () => {
  // a restarted Alertmanager notifies a long-firing warning at once: its critical must already be there
  const names = budgetAlertRules().map((r) => r.alert);
  expect(names.indexOf(CRITICAL)).toBeLessThan(names.indexOf(WARNING));
});
