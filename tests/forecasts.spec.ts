import { test, expect } from './fixtures';
import { APP_SETTINGS_URL, ROUTES } from '../src/constants';
import { testIds } from '../src/components/testIds';
import { withDefaults } from '../src/settings/model';

const ids = testIds.forecasts;

/** "$5,620.50" → 5620.5 */
function usd(text: string): number {
  return Number(text.replace('−', '-').replace(/[$,+\s]/g, ''));
}

test.describe('Forecasts & anomalies page', () => {
  test('per model: a trend and a projected month-end at least the spend so far; the daily chart', async ({
    gotoPage,
    page,
  }) => {
    await gotoPage(`/${ROUTES.Forecasts}`);
    const table = page.getByTestId(ids.table);
    await expect(table).toBeVisible();
    const rows = table.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      const cells = row.locator('td');
      const model = await cells.nth(0).innerText();
      const soFar = usd(await cells.nth(1).innerText());
      await expect(page.getByTestId(ids.trend(model))).toHaveText(
        /^[↗↘→] (increasing|decreasing|stable) \([+−]?\d+\.\d %\/day\)$/
      );
      const projected = usd(await page.getByTestId(ids.projected(model)).innerText());
      expect(projected).toBeGreaterThanOrEqual(soFar);
    }
    await expect(table).toContainText('Stable: a slope within ±5 %/day of the mean daily spend.');
    await expect(page.getByText('Daily spend and forecast', { exact: true })).toBeVisible();
  });

  test('anomalies: the threshold of the app settings, and rows, "no anomalies" or which rules to load', async ({
    gotoPage,
    page,
  }) => {
    const settings = withDefaults((await (await page.request.get(APP_SETTINGS_URL)).json()).jsonData);
    await gotoPage(`/${ROUTES.Forecasts}`);
    await expect(page.getByTestId(ids.sigma)).toHaveText(`Threshold: ${settings.anomalySigma} σ (app settings)`);
    const outcome = page
      .getByTestId(ids.anomalies)
      .or(page.getByTestId(ids.noAnomalies))
      .or(page.getByTestId(ids.anomalyRulesMissing));
    await expect(outcome).toBeVisible();
    if (await page.getByTestId(ids.anomalyRulesMissing).isVisible()) {
      await expect(page.getByTestId(ids.anomalyRulesMissing)).toContainText(
        `provisioning/prometheus/rules/${settings.profile}.rules.yaml`
      );
    }
    // an Admin can go and change the threshold
    await expect(page.getByRole('link', { name: /change threshold/i })).toBeVisible();
  });
});

test.describe('as a Viewer', () => {
  const viewer = { user: 'aispend-e2e-viewer', password: 'aispend-e2e-viewer', role: 'Viewer' as const };
  test.use({ storageState: { cookies: [], origins: [] }, user: viewer });

  test('the forecasts and the threshold, without the link to change it', async ({ createUser, page, gotoPage }) => {
    await createUser();
    const login = await page.request.post('/login', { data: { user: viewer.user, password: viewer.password } });
    expect(login.ok()).toBe(true);
    await gotoPage(`/${ROUTES.Forecasts}`);
    await expect(page.getByTestId(ids.table)).toBeVisible();
    await expect(page.getByTestId(ids.sigma)).toBeVisible();
    await expect(page.getByText('an org admin can change it')).toBeVisible();
    await expect(page.getByRole('link', { name: /change threshold/i })).toHaveCount(0);
  });
});
