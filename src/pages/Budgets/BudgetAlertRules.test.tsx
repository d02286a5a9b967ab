import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRootProps, OrgRole } from '@grafana/data';
import { BackendSrvRequest, config, getBackendSrv } from '@grafana/runtime';
import { of, throwError } from 'rxjs';
import { testIds } from '../../components/testIds';
import { budgetAlertRuleGroup, BUDGET_ALERT_RULE_UIDS } from '../../alerts/budgetAlertRules';
import { ALERT_FOLDER_UID, ALERT_RULE_GROUP } from '../../constants';
import { PluginPropsContext } from '../../utils/utils.plugin';
import { BudgetAlertRules } from './BudgetAlertRules';
import { CREATE_RULES_LABEL } from './budgetRulesView';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

type Rule = { uid: string; title: string; folderUID: string; ruleGroup: string };

/** Grafana's folder list, rule list and rule-group PUT; writes can be refused with a 403. */
class Backend {
  folders: Array<{ uid: string; title: string }> = [];
  rules: Rule[] = [];
  writes: string[] = [];
  refuseWrites = false;

  fetch = jest.fn((req: BackendSrvRequest) => {
    if (req.method !== 'GET') {
      this.writes.push(`${req.method} ${req.url}`);
      if (this.refuseWrites) {
        return throwError(() => ({ status: 403, data: { message: 'Permissions needed: alert.provisioning:write' } }));
      }
    }
    return of({ data: this.answer(req) });
  });

  private answer(req: BackendSrvRequest): unknown {
    if (req.url === '/api/v1/provisioning/alert-rules') {
      return this.rules;
    }
    if (req.url === '/api/folders') {
      return req.method === 'GET' ? this.folders : this.folders.push(req.data);
    }
    const rules = req.data.rules as Rule[];
    this.rules = rules.map((r) => ({ ...r, folderUID: ALERT_FOLDER_UID, ruleGroup: ALERT_RULE_GROUP }));
    return req.data;
  }
}

let backend: Backend;

beforeEach(() => {
  backend = new Backend();
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: backend.fetch });
});

function renderBox(role: OrgRole, jsonData: object = {}) {
  config.bootData.user = { ...config.bootData.user, orgRole: role };
  const model = new BudgetAlertRules({ prometheusUid: 'prom' });
  const props = { meta: { jsonData } } as unknown as AppRootProps;
  render(
    <PluginPropsContext.Provider value={props}>
      <model.Component model={model} />
    </PluginPropsContext.Provider>
  );
}

const UIDS = Object.values(BUDGET_ALERT_RULE_UIDS);
const states = () => UIDS.map((uid) => screen.getByTestId(testIds.budgets.ruleState(uid)).getAttribute('data-state'));
const button = () => screen.getByRole('button', { name: CREATE_RULES_LABEL });

test('an Admin creates the rules, then updates the same rules, then is refused with a 403 message', async () => {
  renderBox(OrgRole.Admin);
  await waitFor(() => expect(states()).toEqual(['missing', 'missing', 'missing']));

  await userEvent.click(button());
  expect(await screen.findByText('Created 3 alert rules in the folder "AI Spend".')).toBeInTheDocument();
  expect(states()).toEqual(['present', 'present', 'present']);
  expect(backend.writes).toEqual([
    'POST /api/folders',
    `PUT /api/v1/provisioning/folder/${ALERT_FOLDER_UID}/rule-groups/${ALERT_RULE_GROUP}`,
  ]);
  const created = backend.rules;

  await userEvent.click(button());
  expect(await screen.findByText('Updated 3 alert rules in the folder "AI Spend".')).toBeInTheDocument();
  expect(backend.rules).toEqual(created);
  expect(backend.writes.filter((w) => w === 'POST /api/folders')).toHaveLength(1);

  backend.refuseWrites = true;
  await userEvent.click(button());
  expect(
    await screen.findByText(
      'Only Admins, or Editors with alerting write permission, can create or update the AI Spend budget alert rules ' +
        '(Grafana: Permissions needed: alert.provisioning:write).'
    )
  ).toBeInTheDocument();
  expect(states()).toEqual(['present', 'present', 'present']);
});

test('the rules carry the thresholds of the app settings', async () => {
  renderBox(OrgRole.Admin, { budgetWarningPercent: 70, budgetCriticalPercent: 90 });
  await waitFor(() => expect(states()).toEqual(['missing', 'missing', 'missing']));
  await userEvent.click(button());
  await screen.findByText(/^Created 3 alert rules/);
  expect(backend.rules.map((r) => r.title)).toEqual([
    'AI Spend budget at 70 %',
    'AI Spend budget at 90 %',
    'AI Spend budget runs out within 15 days',
  ]);
});

test.each([OrgRole.Viewer, OrgRole.Editor])(
  'a %s sees which rules exist, a disabled action and why; nothing is written',
  async (role) => {
    backend.rules = [budgetAlertRuleGroup({ prometheusUid: 'prom' }).rules[0]];
    renderBox(role);
    await waitFor(() => expect(states()).toEqual(['present', 'missing', 'missing']));
    // with a tooltip (the reason on hover) Grafana's Button is aria-disabled and drops its onClick
    expect(button()).toHaveAttribute('aria-disabled', 'true');
    const box = screen.getByTestId(testIds.budgets.alertRules);
    expect(
      within(box).getByText(
        new RegExp(`^Only organization Admins can create or update these rules: .*\\(you are ${role}\\)`)
      )
    ).toBeInTheDocument();
    await userEvent.click(button(), { pointerEventsCheck: 0 });
    expect(backend.writes).toEqual([]);
  }
);

test('a listing Grafana refuses says so instead of showing states', async () => {
  backend.fetch.mockImplementation(() =>
    throwError(() => ({ status: 403, data: { message: 'Permissions needed: alert.provisioning:read' } }))
  );
  renderBox(OrgRole.Viewer);
  expect(await screen.findByText('Cannot show which rules exist')).toBeInTheDocument();
  expect(
    screen.getByText(
      /^Only Admins, or Editors with alerting read permission, can see which AI Spend budget alert rules exist/
    )
  ).toBeInTheDocument();
});

test('rules provisioned from a file are shown present and the action points to the file', async () => {
  backend.rules = budgetAlertRuleGroup({ prometheusUid: 'prom' }).rules.map((r) => ({
    ...r,
    folderUID: 'generated',
    provenance: 'file',
  }));
  renderBox(OrgRole.Admin);
  await waitFor(() => expect(states()).toEqual(['present', 'present', 'present']));
  expect(screen.getAllByText('(provisioned from a file)')).toHaveLength(3);
  expect(button()).toHaveAttribute('aria-disabled', 'true');
  expect(
    screen.getByText(/^These rules are provisioned from a file \(provisioning\/alerting\/aispend-budgets\.yaml\)/)
  ).toBeInTheDocument();
  await userEvent.click(button(), { pointerEventsCheck: 0 });
  expect(backend.writes).toEqual([]);
});
