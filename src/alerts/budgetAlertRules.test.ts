/** @jest-environment node */
import { ALERT_FOLDER_TITLE, ALERT_FOLDER_UID, ALERT_RULE_GROUP } from '../constants';
import { budgetLimit, budgetSpend, ofTightestBudget, teamDaysToExhaustion } from '../budgets/budgetQueries';
import { AlertRuleError, EXPRESSION_DATASOURCE_UID } from './alertRule';
import { budgetAlertRuleGroup, ruleGroupRequestBody } from './budgetAlertRules';

const group = budgetAlertRuleGroup({ prometheusUid: 'prom-uid' });
const DAYS = teamDaysToExhaustion();

test('one group in the app folder, evaluated every minute', () => {
  expect({ ...group, rules: group.rules.length }).toEqual({
    folderUid: ALERT_FOLDER_UID,
    folderTitle: ALERT_FOLDER_TITLE,
    name: ALERT_RULE_GROUP,
    intervalSeconds: 60,
    rules: 3,
  });
  expect(ruleGroupRequestBody(group)).toEqual({ title: ALERT_RULE_GROUP, folderUid: ALERT_FOLDER_UID, interval: 60, rules: group.rules });
});

test.each([
  ['aispend-budget-warning', 'AI Spend budget at 80 %', '100 * aigateway:budget_utilization:team', '$B >= 80 && $B < 95', '15m', 'warning'],
  ['aispend-budget-critical', 'AI Spend budget at 95 %', '100 * aigateway:budget_utilization:team', '$B >= 95', '5m', 'critical'],
  ['aispend-budget-exhaustion', 'AI Spend budget runs out within 15 days', DAYS, '$B < 15', '1h', 'warning'],
])('rule %s: %s', (uid, title, expr, condition, pendingFor, severity) => {
  const rule = group.rules.find((r) => r.uid === uid)!;
  expect(rule).toMatchObject({ title, ruleGroup: ALERT_RULE_GROUP, folderUID: ALERT_FOLDER_UID, condition: 'C', for: pendingFor, labels: { severity } });
  expect(rule).toMatchObject({ noDataState: 'OK', execErrState: 'Error', isPaused: false });
  expect(rule.data.map((q) => [q.refId, q.datasourceUid, q.model.expr ?? q.model.expression])).toEqual([
    ['A', 'prom-uid', expr],
    ['B', EXPRESSION_DATASOURCE_UID, 'A'],
    ['C', EXPRESSION_DATASOURCE_UID, condition],
    ['SPEND', 'prom-uid', ofTightestBudget(budgetSpend())],
    ['LIMIT', 'prom-uid', ofTightestBudget(budgetLimit())],
    ['DAYS', 'prom-uid', DAYS],
  ]);
  expect(rule.data.filter((q) => q.datasourceUid === 'prom-uid').every((q) => q.model.instant === true)).toBe(true);
});

test('annotations quote spend, limit and days to exhaustion and link to the Budgets page', () => {
  const { summary, description, budgets_page } = group.rules[0].annotations;
  expect(summary).toBe(
    'Budget of {{ if $labels.team }}team "{{ $labels.team }}"{{ else }}all teams (global budget){{ end }} is {{ printf "%.1f" $values.B.Value }} % used (warning at 80 %)'
  );
  const value = (ref: string, format: string) =>
    `{{ $v := "unknown" }}{{ range $k, $x := $values }}{{ if eq $k "${ref}" }}{{ $v = printf "${format}" $x.Value }}{{ end }}{{ end }}{{ $v }}`;
  expect(description).toBe(
    `Spend ${value('SPEND', '%.2f')} USD of a ${value('LIMIT', '%.2f')} USD limit in the current period; at the 7-day burn rate the budget runs out in ${value('DAYS', '%.1f')} days.`
  );
  expect(budgets_page).toBe('{{ reReplaceAll "/$" "" externalURL }}/a/aispend-finops-app/budgets');
});

test('thresholds from the app settings go into titles, conditions and summaries', () => {
  const custom = budgetAlertRuleGroup({ prometheusUid: 'p', warningPercent: 70, criticalPercent: 90 });
  expect(custom.rules.map((r) => [r.title, r.data[2].model.expression])).toEqual([
    ['AI Spend budget at 70 %', '$B >= 70 && $B < 90'],
    ['AI Spend budget at 90 %', '$B >= 90'],
    ['AI Spend budget runs out within 15 days', '$B < 15'],
  ]);
  expect(custom.rules[1].annotations.summary).toMatch(/\(critical at 90 %\)$/);
  // same uids whatever the thresholds: an update, never a second set of rules
  expect(custom.rules.map((r) => r.uid)).toEqual(group.rules.map((r) => r.uid));
});

test.each([
  [95, 80],
  [80, 80],
  [NaN, 95],
  [0, 95],
])('thresholds warning %p / critical %p are refused', (warningPercent, criticalPercent) => {
  expect(() => budgetAlertRuleGroup({ prometheusUid: 'p', warningPercent, criticalPercent })).toThrow(AlertRuleError);
});

test('every step reads only refIds defined before it, and the condition exists', () => {
  for (const rule of group.rules) {
    const seen = new Set<string>();
    for (const step of rule.data) {
      const reads = String(step.model.expression ?? '').match(/\$?[A-Z]+/g) ?? [];
      for (const ref of step.model.type ? reads.map((r) => r.replace('$', '')) : []) {
        expect([rule.uid, step.refId, ref, seen.has(ref)]).toEqual([rule.uid, step.refId, ref, true]);
      }
      seen.add(step.refId);
    }
    expect(seen.has(rule.condition)).toBe(true);
  }
});

/** Grafana's math condition of a rule (comparisons of $B joined by &&) at a value of $B. */
function holds(condition: string, b: number): boolean {
  return condition.split('&&').every((clause) => {
    const [, op, bound] = /^\s*\$B\s*(>=|<)\s*([\d.]+)\s*$/.exec(clause)!;
    return op === '>=' ? b >= Number(bound) : b < Number(bound);
  });
}

test.each([
  [79.99, []],
  [80, ['warning']],
  [94.99, ['warning']],
  [95, ['critical']],
  [130, ['critical']],
])('Grafana-managed rules are exclusive (no inhibition before Grafana 13): at %p %% fire %p', (utilization, firing) => {
  const levels = group.rules.filter((r) => r.uid !== 'aispend-budget-exhaustion');
  expect(levels.filter((r) => holds(String(r.data[2].model.expression), utilization)).map((r) => r.labels.severity)).toEqual(firing);
});
