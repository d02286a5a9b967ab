/** @jest-environment node */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { alertRuleFileDocument, BUDGET_ALERT_FILE, DEV_PROMETHEUS_UID, renderBudgetAlertFile } from './alertRuleFile';
import { budgetAlertRuleGroup, ruleGroupRequestBody } from './budgetAlertRules';

const ROOT = path.resolve(__dirname, '../..');
const committed = () => fs.readFileSync(path.join(ROOT, BUDGET_ALERT_FILE), 'utf8');

test('the committed file-provisioned rules are exactly what the builder gives (regenerate with npm run rules:write)', () => {
  expect(committed()).toBe(renderBudgetAlertFile());
});

test('the file-provisioned rules and the rules the Budgets page posts are the same rules', () => {
  const group = budgetAlertRuleGroup({ prometheusUid: DEV_PROMETHEUS_UID });
  const posted = ruleGroupRequestBody(group);
  const [filed] = parse(committed()).groups;
  expect(filed).toMatchObject({ orgId: 1, name: posted.title, folder: group.folderTitle, interval: `${posted.interval}s` });
  // the API body carries each rule's folder and group; the file says them once for the group
  expect(filed.rules).toEqual(posted.rules.map(({ folderUID: _f, ruleGroup: _g, ...rule }) => rule));
  expect(posted.rules.every((r) => r.folderUID === posted.folderUid && r.ruleGroup === posted.title)).toBe(true);
});

test('the file has the shape of Grafana alerting provisioning (apiVersion 1, uid, title, condition, data per rule)', () => {
  const doc = alertRuleFileDocument(budgetAlertRuleGroup({ prometheusUid: 'x' }), 3);
  expect(Object.keys(doc)).toEqual(['apiVersion', 'groups']);
  expect(doc.groups[0].orgId).toBe(3);
  for (const rule of doc.groups[0].rules) {
    expect(Object.keys(rule)).toEqual(['uid', 'title', 'condition', 'data', 'noDataState', 'execErrState', 'for', 'labels', 'annotations', 'isPaused']);
  }
});
