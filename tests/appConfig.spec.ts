import { test, expect } from './fixtures';
import { testIds } from '../src/components/testIds';

test('the app configuration saves the metric profile and anomaly threshold', async ({ appConfigPage, page }) => {
  await expect(page.getByTestId(testIds.appConfig.container)).toBeVisible();
  await page.getByTestId(testIds.appConfig.anomalySigma).fill('2.5');
  const saveResponse = appConfigPage.waitForSettingsResponse();
  await page.getByTestId(testIds.appConfig.submit).click();
  await expect(saveResponse).toBeOK();
});
