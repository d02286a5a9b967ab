/**
 * The Chargeback page in a real Grafana (@grafana/plugin-e2e): the last full month by default,
 * month navigation in the URL, the seven sections, a CSV whose sections add up, and the allocation
 * rule saved in the app settings.
 */
import { test, expect } from './fixtures';
import { lastFullMonth, previousMonth } from '../src/chargeback/period';
import { parseCsv } from '../src/chargeback/testing/parseCsv';
import { testIds } from '../src/components/testIds';
import { APP_SETTINGS_URL, CHARGEBACK_URL_KEYS, ROUTES } from '../src/constants';
import { withDefaults } from '../src/settings/model';

const ids = testIds.chargeback;
const SECTIONS = ['teams', 'api_keys', 'models', 'providers', 'daily', 'forecast', 'anomalies'];
const nowSec = () => Math.floor(Date.now() / 1000);

test.describe('Chargeback page', () => {
  test('opens the last full month for all teams, with its seven sections or the reason there is no report', async ({
    gotoPage,
    page,
  }) => {
    await gotoPage(`/${ROUTES.Chargeback}`);
    const month = lastFullMonth(nowSec());
    await expect(page).toHaveURL(new RegExp(`${CHARGEBACK_URL_KEYS.month}=${month}`));
    await expect(page.getByTestId(ids.heading).or(page.getByTestId(ids.problems))).toBeVisible();
    if (await page.getByTestId(ids.heading).isVisible()) {
      await expect(page.getByTestId(ids.heading)).toHaveText(`Chargeback report: ${month} · all teams`);
      for (const section of SECTIONS) {
        await expect(page.getByTestId(ids.section(section))).toBeVisible();
      }
    }
  });

  test('the previous-month button moves the report and the URL one month back; no next month past the current one', async ({
    gotoPage,
    page,
  }) => {
    const month = lastFullMonth(nowSec());
    await gotoPage(`/${ROUTES.Chargeback}?${CHARGEBACK_URL_KEYS.month}=${month}`);
    await page.getByTestId(ids.previousMonth).click();
    await expect(page).toHaveURL(new RegExp(`${CHARGEBACK_URL_KEYS.month}=${previousMonth(month)}`));
    await gotoPage(`/${ROUTES.Chargeback}?${CHARGEBACK_URL_KEYS.month}=${new Date().toISOString().slice(0, 7)}`);
    await expect(page.getByTestId(ids.nextMonth)).toBeDisabled();
  });

  test('Download CSV: one file with a section column; the summaries and days add up to the total', async ({
    gotoPage,
    page,
  }) => {
    await gotoPage(`/${ROUTES.Chargeback}`);
    await expect(page.getByTestId(ids.heading)).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(ids.downloadCsv).click()]);
    const [header, ...rows] = parseCsv(
      await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
    );
    const [section, key, spend] = ['section', 'key', 'spend_usd'].map((c) => header.indexOf(c));
    const total = Number(rows.find((r) => r[section] === 'summary' && r[key] === 'total')![spend]);
    for (const name of ['teams', 'api_keys', 'models', 'providers', 'daily']) {
      const sum = rows.filter((r) => r[section] === name).reduce((s, r) => s + Number(r[spend]), 0);
      expect(Math.abs(sum - total)).toBeLessThanOrEqual(0.01);
    }
  });

  test('an Admin saves the allocation rule in the app settings', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Chargeback}`);
    const box = page.getByTestId(ids.allocation);
    const before = withDefaults((await (await page.request.get(APP_SETTINGS_URL)).json()).jsonData);
    const target = before.chargebackAllocation === 'proportional' ? 'Keep as Unallocated' : 'Spread proportionally';
    await box.getByRole('radio', { name: target }).check();
    await page.getByTestId(ids.saveAllocation).click();
    await expect(box.getByText('Allocation rule saved.')).toBeVisible();
    const after = withDefaults((await (await page.request.get(APP_SETTINGS_URL)).json()).jsonData);
    expect(after.chargebackAllocation).toBe(target === 'Keep as Unallocated' ? 'unallocated' : 'proportional');
    expect(after.version).toBe(before.version + 1);
  });
});
