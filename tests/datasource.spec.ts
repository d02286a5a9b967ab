import { expect, test } from '@grafana/plugin-e2e';
import { KPI_DATASOURCE_PLUGIN_ID } from '../src/constants';

// The KPI datasource provisioned from provisioning/datasources/default.yaml.
const DATASOURCE_NAME = 'AI Spend KPI';

test('a panel with a KPI query from the provisioned KPI datasource returns data', async ({ panelEditPage, readProvisionedDataSource, page }) => {
  const ds = await readProvisionedDataSource({ fileName: 'default.yaml', name: DATASOURCE_NAME });
  expect(ds.type).toBe(KPI_DATASOURCE_PLUGIN_ID);
  await panelEditPage.datasource.set(ds.name);
  await page.getByLabel('Show PromQL').click();
  await expect(page.getByLabel('Compiled PromQL')).toContainText('aigateway:spend_usd:increase1m');
  await expect(panelEditPage.refreshPanel()).toBeOK();
});

test('a bad formula shows its problem at its column in the query editor', async ({ panelEditPage, readProvisionedDataSource, page }) => {
  const ds = await readProvisionedDataSource({ fileName: 'default.yaml', name: DATASOURCE_NAME });
  await panelEditPage.datasource.set(ds.name);
  await page.getByRole('combobox', { name: 'KPI' }).fill('Formula');
  await page.getByRole('option', { name: /Formula…/ }).click();
  await page.getByRole('combobox', { name: 'Formula' }).fill('total_cost / totl_cost');
  await expect(page.getByRole('list', { name: 'Formula problems' })).toContainText('column 14: unknown measure `totl_cost` — did you mean `total_cost`?');
});

test('Save & test of the provisioned KPI datasource checks the canonical series', async ({ gotoDataSourceConfigPage, readProvisionedDataSource }) => {
  const ds = await readProvisionedDataSource({ fileName: 'default.yaml', name: DATASOURCE_NAME });
  const configPage = await gotoDataSourceConfigPage(ds.uid);
  await expect(configPage.saveAndTest()).toBeOK();
});
