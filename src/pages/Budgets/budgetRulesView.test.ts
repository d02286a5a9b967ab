import type { BudgetRuleStatus } from '../../alerts/provisioningClient';
import { actionBlocker, ruleStateView, upsertOutcome } from './budgetRulesView';

const status = (uid: string, exists: boolean, more: Partial<BudgetRuleStatus> = {}): BudgetRuleStatus => ({
  uid,
  title: uid,
  exists,
  upToDate: exists,
  provenance: exists ? '' : null,
  folderUid: exists ? 'f' : null,
  ...more,
});

test.each<[string, BudgetRuleStatus, ReturnType<typeof ruleStateView>]>([
  ['missing', status('a', false), { state: 'missing' }],
  ['present as the button would write it', status('a', true), { state: 'present' }],
  [
    'present with other thresholds or queries',
    status('a', true, { upToDate: false }),
    { state: 'present', note: 'differs from the current settings: update it' },
  ],
  [
    'present from a provisioning file',
    status('a', true, { provenance: 'file' }),
    { state: 'present', note: 'provisioned from a file' },
  ],
])('%s', (_, s, view) => {
  expect(ruleStateView(s)).toEqual(view);
});

test.each<[string, BudgetRuleStatus[] | undefined, BudgetRuleStatus[], string]>([
  [
    'first run',
    [status('a', false), status('b', false)],
    [status('a', true), status('b', true)],
    'Created 2 alert rules in the folder "AI Spend".',
  ],
  [
    'second run',
    [status('a', true), status('b', true)],
    [status('a', true), status('b', true)],
    'Updated 2 alert rules in the folder "AI Spend".',
  ],
  [
    'one was deleted in between',
    [status('a', true), status('b', false)],
    [status('a', true), status('b', true)],
    'Created 1 alert rule and updated 1 alert rule in the folder "AI Spend".',
  ],
  ['listing unknown before', undefined, [status('a', true)], 'Created 1 alert rule in the folder "AI Spend".'],
  [
    'Grafana kept one out',
    [status('a', false), status('b', false)],
    [status('a', true), status('b', false)],
    'Created 1 alert rule in the folder "AI Spend". 1 alert rule still missing.',
  ],
])('outcome: %s', (_, before, after, text) => {
  expect(upsertOutcome(before, after, 'AI Spend')).toBe(text);
});

test.each<[string, string, BudgetRuleStatus[] | undefined, RegExp | null]>([
  ['an Admin', 'Admin', [status('a', false)], null],
  ['an Admin before the listing answered', 'Admin', undefined, null],
  [
    'an Editor',
    'Editor',
    [status('a', false)],
    /^Only organization Admins can .* \(you are Editor\)\. Ask an Admin to run it\.$/,
  ],
  ['a Viewer', 'Viewer', undefined, /\(you are Viewer\)/],
  ['no org role', '', undefined, /\(you are not in an org role\)/],
  [
    'an Admin, rules from a file',
    'Admin',
    [status('a', true, { provenance: 'file' }), status('b', false)],
    /^These rules are provisioned from a file \(provisioning\/alerting\/aispend-budgets\.yaml\)/,
  ],
])('the action for %s', (_, role, statuses, reason) => {
  const blocker = actionBlocker(role, statuses);
  if (reason === null) {
    expect(blocker).toBeNull();
  } else {
    expect(blocker).toMatch(reason);
  }
});
