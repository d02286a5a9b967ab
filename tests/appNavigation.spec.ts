import { test, expect } from './fixtures';
import { ROUTES } from '../src/constants';
import { OVERVIEW_KPI_IDS, findStandardKpi } from '../src/engine/catalog';

test.describe('Overview page', () => {
  test('shows the eight Overview KPIs as tiles with the provider, model and team filters', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Overview}`);
    for (const id of OVERVIEW_KPI_IDS) {
      await expect(page.getByText(findStandardKpi(id)!.name, { exact: true }).first()).toBeVisible();
    }
    for (const label of ['Provider', 'Model', 'Team']) {
      await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
    }
  });
});
