import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { APP_CONFIG_URL, APP_SETTINGS_URL, KPI_DATASOURCE_NAME } from '../src/constants';
import { testIds } from '../src/components/testIds';

// Tests in this file save the app settings: run them one after the other, or the second save
// meets the version of the first and is refused as a conflict (as it should be).
test.describe.configure({ mode: 'serial' });

const ids = testIds.appConfig;

async function fillThresholds(page: Page, warning: string, critical: string, sigma: string) {
  await page.getByTestId(ids.budgetWarning).fill(warning);
  await page.getByTestId(ids.budgetCritical).fill(critical);
  await page.getByTestId(ids.anomalySigma).fill(sigma);
}

/** Clicks Save and waits for the settings write (the save reads the settings first: a GET). */
async function save(page: Page) {
  const written = page.waitForResponse((r) => r.url().includes(APP_SETTINGS_URL) && r.request().method() === 'POST');
  // the page reloads after a save so that Grafana reads the new settings
  const reloaded = page.waitForEvent('load');
  await page.getByTestId(ids.submit).click();
  expect((await written).ok()).toBe(true);
  await reloaded;
}

test('an Admin saves the budget thresholds and the anomaly threshold; they survive a reload', async ({ appConfigPage, page }) => {
  await expect(page.getByTestId(ids.container)).toBeVisible();
  await fillThresholds(page, '85', '97.5', '2.5');
  await save(page);

  await appConfigPage.goto();
  await expect(page.getByTestId(ids.budgetWarning)).toHaveValue('85');
  await expect(page.getByTestId(ids.budgetCritical)).toHaveValue('97.5');
  await expect(page.getByTestId(ids.anomalySigma)).toHaveValue('2.5');

  // back to the defaults for the other specs (80 / 95 %, 3 sigma)
  await fillThresholds(page, '80', '95', '3');
  await save(page);
  await appConfigPage.goto();
  await expect(page.getByTestId(ids.budgetWarning)).toHaveValue('80');
});

test('invalid thresholds say what is wrong and cannot be saved', async ({ appConfigPage, page }) => {
  await expect(page.getByTestId(ids.container)).toBeVisible();
  await page.getByTestId(ids.budgetWarning).fill('96');
  await expect(page.getByText('Must be below the critical threshold (95 %)')).toBeVisible();
  await page.getByTestId(ids.budgetCritical).fill('101');
  await expect(page.getByText('Must be at most 100 %')).toBeVisible();
  await page.getByTestId(ids.anomalySigma).fill('0');
  await expect(page.getByText('Must be above 0', { exact: true })).toBeVisible();
  await expect(page.getByTestId(ids.submit)).toBeDisabled();
});

test('the metric profile names the rules file to load', async ({ appConfigPage, page }) => {
  const profile = page.getByTestId(ids.profile);
  await expect(profile).toContainText('provisioning/prometheus/rules/litellm.rules.yaml');
  await profile.getByText('otel', { exact: true }).click();
  await expect(profile).toContainText('provisioning/prometheus/rules/otel.rules.yaml');
  await expect(profile).toContainText('aispend rules --profile otel');
});

test('the provisioned KPI datasource is found and agrees with the settings', async ({ appConfigPage, page }) => {
  await expect(page.getByTestId(ids.kpiDatasource)).toContainText(
    `${KPI_DATASOURCE_NAME} exists and queries the Prometheus datasource of these settings.`
  );
  await expect(page.getByTestId(ids.createKpiDatasource)).toHaveCount(0);
});

test('the canonical families of the demo Prometheus are checked off, retries absent as LiteLLM expects', async ({ appConfigPage, page }) => {
  const families = page.getByTestId(ids.families);
  await expect(families).toContainText('8 of 9 families present, 1 absent as the profile expects.');
  await expect(page.getByTestId(ids.family('spend'))).toHaveAttribute('aria-label', 'spend: present');
  await expect(page.getByTestId(ids.family('retries'))).toHaveAttribute('aria-label', 'retries: absent, as the profile expects');
  await expect(page.getByTestId(ids.family('retries'))).toContainText('Expected for the litellm profile');
});

test.describe('as a Viewer', () => {
  const viewer = { user: 'aispend-e2e-viewer', password: 'aispend-e2e-viewer', role: 'Viewer' as const };
  test.use({ storageState: { cookies: [], origins: [] }, user: viewer });

  // Grafana shows the Configuration tab to org Admins only; opened by its URL the page must
  // still offer no way to save, and say why the values are read-only.
  test('there is no Save button, and the values are read-only with the reason', async ({ createUser, page }) => {
    await createUser();
    const login = await page.request.post('/login', { data: { user: viewer.user, password: viewer.password } });
    expect(login.ok()).toBe(true);
    await page.goto(APP_CONFIG_URL);
    await page.waitForLoadState('networkidle');
    const container = page.getByTestId(ids.container);
    if (await container.isVisible()) {
      await expect(page.getByTestId(ids.readOnlyNote)).toContainText('Only organization Admins can change these settings');
      await expect(page.getByTestId(ids.budgetWarning)).toBeDisabled();
    }
    await expect(page.getByTestId(ids.submit)).toHaveCount(0);
    await expect(page.getByTestId(ids.createKpiDatasource)).toHaveCount(0);
  });
});
