import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ALERT_FOLDER_UID, ALERT_RULE_GROUP, APP_SETTINGS_URL, PLUGIN_BASE_URL, ROUTES } from '../src/constants';
import { testIds } from '../src/components/testIds';
import { BUDGET_ALERT_RULE_UIDS } from '../src/alerts/budgetAlertRules';
import { CREATE_RULES_LABEL } from '../src/pages/Budgets/budgetRulesView';
import { withDefaults } from '../src/settings/model';

const ids = testIds.budgets;
const RULE_UIDS = Object.values(BUDGET_ALERT_RULE_UIDS);
/** Grafana's alerting provisioning API: every alert rule of the org. */
const PROVISIONING_RULES_URL = '/api/v1/provisioning/alert-rules';
const RISK_ORDER = ['critical', 'warning', 'ok', 'none'];

type StoredRule = {
  uid: string;
  title: string;
  folderUID: string;
  ruleGroup: string;
  provenance?: string;
  data: Array<{ model: Record<string, unknown> }>;
};

async function budgetRules(request: APIRequestContext): Promise<StoredRule[]> {
  const response = await request.get(PROVISIONING_RULES_URL);
  expect(response.ok()).toBe(true);
  const all = (await response.json()) as StoredRule[];
  return all.filter((r) => (RULE_UIDS as string[]).includes(r.uid)).sort((a, b) => a.uid.localeCompare(b.uid));
}

/** What makes two stored versions the same rule (Grafana adds ids and timestamps of its own). */
const essence = (r: StoredRule) => [
  r.uid,
  r.title,
  r.folderUID,
  r.ruleGroup,
  r.data.map((q) => q.model.expr ?? q.model.expression),
];

async function expectRuleStates(page: Page, state: 'present' | 'missing') {
  for (const uid of RULE_UIDS) {
    await expect(page.getByTestId(ids.ruleState(uid))).toHaveAttribute('data-state', state);
  }
}

test.describe('Budgets page', () => {
  test('a gauge per budget in the colour of its utilization, riskiest first, teams without budget listed', async ({
    gotoPage,
    page,
  }) => {
    const settings = withDefaults((await (await page.request.get(APP_SETTINGS_URL)).json()).jsonData);
    await gotoPage(`/${ROUTES.Budgets}`);
    await expect(page.getByTestId(ids.table)).toBeVisible();
    const gauges = page.getByRole('meter');
    await expect(gauges.first()).toBeVisible();
    for (const gauge of await gauges.all()) {
      const value = Number(await gauge.getAttribute('aria-valuenow'));
      const colour =
        value >= settings.budgetCriticalPercent ? 'red' : value >= settings.budgetWarningPercent ? 'orange' : 'green';
      await expect(gauge).toHaveAttribute('data-colour', colour);
    }
    const rows = page.getByTestId(/^data-testid budgets-row-/);
    const risks = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-risk') ?? ''));
    expect(risks.map((r) => RISK_ORDER.indexOf(r))).toEqual(
      [...risks.map((r) => RISK_ORDER.indexOf(r))].sort((a, b) => a - b)
    );
    for (const row of await rows.all()) {
      const key = (await row.getAttribute('data-testid'))!.replace(ids.row(''), '');
      await expect(row.getByTestId(ids.team(key))).not.toBeEmpty();
      await expect(row.getByTestId(ids.utilization(key))).toHaveText(/^(\d{1,3}(,\d{3})*\.\d %|∞ %|no budget|—)$/);
    }
  });

  test('an Admin creates the alert rules, visible through the alerting API, and a second run updates the same rules', async ({
    gotoPage,
    page,
  }) => {
    const before = await budgetRules(page.request);
    test.skip(
      before.some((r) => r.provenance === 'file'),
      'the rules are file-provisioned here (npm run server); see the next test'
    );
    await gotoPage(`/${ROUTES.Budgets}`);
    const action = page.getByRole('button', { name: CREATE_RULES_LABEL });
    await action.click();
    await expect(page.getByText(/^(Created|Updated) .*alert rules? in the folder "AI Spend"\.$/)).toBeVisible();
    await expectRuleStates(page, 'present');
    const created = await budgetRules(page.request);
    expect(created.map((r) => [r.uid, r.folderUID, r.ruleGroup])).toEqual(
      [...RULE_UIDS].sort().map((uid) => [uid, ALERT_FOLDER_UID, ALERT_RULE_GROUP])
    );

    await action.click();
    await expect(page.getByText('Updated 3 alert rules in the folder "AI Spend".')).toBeVisible();
    expect((await budgetRules(page.request)).map(essence)).toEqual(created.map(essence));
  });

  test('file-provisioned rules are shown present and the action points to the file', async ({ gotoPage, page }) => {
    const rules = await budgetRules(page.request);
    test.skip(!rules.some((r) => r.provenance === 'file'), 'the rules are not file-provisioned here');
    await gotoPage(`/${ROUTES.Budgets}`);
    await expectRuleStates(page, 'present');
    await expect(page.getByRole('button', { name: CREATE_RULES_LABEL })).toBeDisabled();
    await expect(page.getByText(/^These rules are provisioned from a file/)).toBeVisible();
    expect(rules.map((r) => r.uid)).toEqual([...RULE_UIDS].sort());
  });
});

const VIEWER = { login: 'aispend-budgets-viewer', password: 'aispend-budgets-viewer' };

/** The Viewer of the last test, created with the admin session (Grafana answers 412 when it exists). */
async function ensureViewer(admin: APIRequestContext): Promise<void> {
  const created = await admin.post('/api/admin/users', { data: { name: VIEWER.login, ...VIEWER } });
  expect([200, 412]).toContain(created.status());
  const { id } = await (await admin.get(`/api/users/lookup?loginOrEmail=${VIEWER.login}`)).json();
  expect((await admin.patch(`/api/org/users/${id}`, { data: { role: 'Viewer' } })).ok()).toBe(true);
}

test('for a Viewer: the gauges, and the action disabled with the reason', async ({ browser, page }, testInfo) => {
  await ensureViewer(page.request);
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  expect((await context.request.post('/login', { data: { user: VIEWER.login, password: VIEWER.password } })).ok()).toBe(
    true
  );
  const viewer = await context.newPage();
  await viewer.goto(`${PLUGIN_BASE_URL}/${ROUTES.Budgets}`);
  await expect(viewer.getByRole('meter').first()).toBeVisible();
  await expect(viewer.getByRole('button', { name: CREATE_RULES_LABEL })).toBeDisabled();
  await expect(
    viewer.getByText(/^Only organization Admins can create or update these rules: .*\(you are Viewer\)/)
  ).toBeVisible();
  await context.close();
});
