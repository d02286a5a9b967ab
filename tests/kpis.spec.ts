import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { ROUTES } from '../src/constants';
import { STANDARD_KPIS } from '../src/engine/catalog';
import { testIds } from '../src/components/testIds';

const row = (page: import('@playwright/test').Page, kpiId: string) => page.locator(`tr[data-kpi-id="${kpiId}"]`);

test.describe('KPIs catalog', () => {
  test('lists every standard KPI with a value and links to its deep-dive', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Kpis}`);
    await expect(page.getByTestId(testIds.kpis.catalog)).toBeVisible();
    for (const kpi of STANDARD_KPIS) {
      await expect(row(page, kpi.id).getByRole('link', { name: kpi.name, exact: true })).toBeVisible();
    }
    // the demo history has spend: the total is a dollar amount, not "—"
    await expect(row(page, 'total_spend')).toContainText('$');
    await row(page, 'cost_per_inference').getByRole('link', { name: 'Cost per inference' }).click();
    await expect(page).toHaveURL(new RegExp(`/${ROUTES.Kpis}/cost_per_inference`));
    await expect(page.getByTestId(testIds.kpis.deepDive)).toBeVisible();
  });

  test('an Admin creates, edits and deletes a custom KPI', async ({ gotoPage, page }) => {
    // unique per run: retries and parallel workers must not meet each other's KPI
    const name = `E2E share ${Date.now()}`;
    const id = name.toLowerCase().replace(/ /g, '_');
    await gotoPage(`/${ROUTES.Kpis}`);

    await page.getByTestId(testIds.kpis.newKpi).click();
    const editor = page.getByTestId(testIds.kpis.editor);
    await editor.getByRole('textbox', { name: /^Name/ }).fill(name);
    await expect(editor.getByRole('textbox', { name: /^Id/ })).toHaveValue(id);
    const formula = editor.getByRole('combobox', { name: 'Formula' });
    await formula.fill('total_cost / totl_cost');
    await expect(editor.getByRole('list', { name: 'Formula problems' })).toContainText('column 14');
    await expect(page.getByTestId(testIds.kpis.save)).toBeDisabled();
    await formula.fill('total_cost / total_inferences * 1000');
    await expect(page.getByTestId(testIds.kpis.previewValue)).toContainText('$');
    await page.getByTestId(testIds.kpis.save).click();
    await expect(row(page, id)).toContainText('custom');

    await row(page, id).getByRole('button', { name: `Edit ${name}` }).click();
    await expect(editor.getByRole('textbox', { name: /^Id/ })).toBeDisabled();
    await editor.getByRole('combobox', { name: 'Formula' }).fill('total_cost / total_inferences * 100');
    await page.getByTestId(testIds.kpis.save).click();
    await expect(row(page, id)).toContainText('total_cost / total_inferences * 100');

    await row(page, id).getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(row(page, id)).toHaveCount(0);
  });
});

test.describe('KPI deep-dive', () => {
  test('shows the series, breakdowns and what changed, and exports the shown rows as CSV', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Kpis}/total_spend`);
    await expect(page.getByTestId(testIds.kpis.deepDive)).toBeVisible();
    await expect(page.getByText('Total spend over time', { exact: true })).toBeVisible();
    // ("By provider" is also an option of "what changed": the panels are regions named by their title)
    for (const title of ['By provider', 'By model', 'By team']) {
      await expect(page.getByRole('region', { name: title })).toBeVisible();
    }
    await expect(page.getByTestId(testIds.kpis.whatChanged)).toContainText('Total change');

    await page.getByTestId(testIds.kpis.exportCsv).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'By model' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^total_spend-by-model-\d{8}-\d{4}-\d{8}-\d{4}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe('Model,Total spend (USD),Share (%)');
    const shown = page.getByRole('region', { name: 'By model' }).locator('tbody tr');
    await expect(shown).toHaveCount(rows.length);
  });

  test('copies the compiled PromQL and offers a panel JSON and an alert rule', async ({ gotoPage, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoPage(`/${ROUTES.Kpis}/cost_per_inference`);
    await expect(page.getByTestId(testIds.kpis.deepDive)).toBeVisible();
    await page.getByTestId(testIds.kpis.copyPromql).click();
    await expect(page.getByRole('status')).toContainText('PromQL copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('aigateway:requests:increase1m');

    await page.getByTestId(testIds.kpis.addToDashboard).click();
    await expect(page.getByRole('textbox', { name: 'Panel JSON' })).toContainText('"kpiId": "cost_per_inference"');
    await page.keyboard.press('Escape');

    await page.getByTestId(testIds.kpis.createAlert).click();
    await expect(page.getByRole('spinbutton', { name: 'Threshold' })).toHaveValue('0.01');
    await expect(page.getByText('Cost per inference above 0.01 USD')).toBeVisible();
  });
});
