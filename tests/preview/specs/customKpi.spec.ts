/**
 * Custom KPIs end to end in the preview: create, edit and delete as Admin; a bad formula shows its
 * diagnostic at the column `aispend check` reports and cannot be saved; a save that meets someone
 * else's newer save shows the conflict and loses neither change; a Viewer sees no edit controls and
 * the settings API refuses a Viewer's save.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import type { APIRequestContext, Page } from '@playwright/test';
import { APP_SETTINGS_URL } from '../../../src/constants';
import { testIds } from '../../../src/components/testIds';
import { ROLE_HEADER } from '../grafana/ids';
import { expect, openPage, PAGES, rangeParams, test } from './support';

const kpis = PAGES.find((p) => p.name === 'kpis')!;
const NAME = 'Anthropic share (e2e)';
const BAD_FORMULA = 'anthropic.total_cost / totl_cost * 100';

function checkColumn(formula: string): number {
  try {
    execFileSync('node', ['bin/aispend.js', 'check', formula], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    return Number(/\(column (\d+)\)/.exec(String((e as { stderr: string }).stderr))![1]);
  }
  throw new Error(`aispend check accepted ${formula}`);
}

async function settings(request: APIRequestContext) {
  return (await (await request.get(APP_SETTINGS_URL)).json()).jsonData as { version: number; customKpis: Array<{ id: string; name: string; formula: string }>; anomalySigma: number };
}

async function typeFormula(page: Page, formula: string) {
  const input = page.getByRole('combobox', { name: 'Formula' });
  await input.fill(formula);
}

test.describe.serial('custom KPIs', () => {
  test('create: a bad formula shows its diagnostic and cannot be saved; a good one saves', async ({ page, info, problems, request }) => {
    await openPage(page, kpis.path, rangeParams(info));
    await page.getByTestId(testIds.kpis.newKpi).click();
    const editor = page.getByTestId(testIds.kpis.editor);
    await editor.locator('#kpi-name').fill(NAME);
    await typeFormula(page, BAD_FORMULA);
    const column = checkColumn(BAD_FORMULA);
    await expect(editor.locator(`li[data-column="${column}"]`)).toContainText('totl_cost');
    await expect(page.getByTestId(testIds.kpis.save)).toBeDisabled();
    await typeFormula(page, 'anthropic.total_cost / total_cost * 100');
    await expect(page.getByTestId(testIds.kpis.previewValue)).toContainText(/\d/);
    await page.getByTestId(testIds.kpis.save).click();
    await expect(page.getByTestId(testIds.kpis.catalog)).toContainText(NAME);
    expect((await settings(request)).customKpis.map((k) => k.name)).toContain(NAME);
    expect(problems.errors).toEqual([]);
  });

  test('edit with the gear; a conflicting save keeps both changes', async ({ page, info, request }) => {
    await openPage(page, kpis.path, rangeParams(info));
    await page.getByRole('button', { name: `Edit ${NAME}` }).click();
    const editor = page.getByTestId(testIds.kpis.editor);
    await editor.locator('#kpi-description').fill('edited in the e2e test');
    // another admin saves in the meantime
    const theirs = await settings(request);
    const response = await request.post(APP_SETTINGS_URL, {
      headers: { [ROLE_HEADER]: 'Admin' },
      data: { enabled: true, pinned: true, jsonData: { ...theirs, anomalySigma: 2.5, version: theirs.version + 1 } },
    });
    expect(response.ok()).toBe(true);
    await page.getByTestId(testIds.kpis.save).click();
    await expect(editor.getByText('Not saved: the settings changed')).toBeVisible();
    await expect(editor.locator('#kpi-description')).toHaveValue('edited in the e2e test');
    expect((await settings(request)).anomalySigma).toBe(2.5);
  });

  test('delete with the trash, after confirmation', async ({ page, info, request }) => {
    await openPage(page, kpis.path, rangeParams(info));
    await page.getByRole('button', { name: `Delete ${NAME}` }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByTestId(testIds.kpis.catalog)).not.toContainText(NAME);
    expect((await settings(request)).customKpis.map((k) => k.name)).not.toContain(NAME);
  });

  test('a Viewer sees no edit controls and cannot save through the API', async ({ page, info, request }) => {
    await openPage(page, kpis.path, rangeParams(info, 'Viewer'));
    await expect(page.getByTestId(testIds.kpis.catalog)).toBeVisible();
    await expect(page.getByTestId(testIds.kpis.newKpi)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Edit|Delete) / })).toHaveCount(0);
    const current = await settings(request);
    const refused = await request.post(APP_SETTINGS_URL, { headers: { [ROLE_HEADER]: 'Viewer' }, data: { jsonData: { ...current, customKpis: [] } } });
    expect(refused.status()).toBe(403);
  });
});
