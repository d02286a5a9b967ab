/** CSV export of a deep-dive breakdown downloads exactly the rows the page shows, with their values. */
import fs from 'fs';
import { testIds } from '../../../src/components/testIds';
import { expect, openPage, PAGES, rangeParams, test } from './support';

const deepDive = PAGES.find((p) => p.name === 'kpi-deep-dive')!;

/** RFC 4180 lines without quoted newlines (provider names have none). */
function csvRows(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.filter((c) => c !== '').map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

test('Export CSV "By provider" holds the rows of the By provider table', async ({ page, info, problems }) => {
  await openPage(page, deepDive.path, rangeParams(info));
  const table = page.locator('section[aria-label="By provider"] table tbody tr');
  await expect(table.first()).toBeVisible();
  const shown = await table.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim())));

  await page.getByTestId(testIds.kpis.exportCsv).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'By provider' }).click()]);
  const rows = csvRows(fs.readFileSync((await download.path())!, 'utf8'));
  const [, ...data] = rows;

  expect(data.map((r) => r[0])).toEqual(shown.map((r) => r[0]));
  data.forEach((row, i) => {
    const shownValue = shown[i][1];
    const decimals = /\.(\d+)/.exec(shownValue)?.[1].length ?? 0;
    expect(`$${Number(row[1]).toFixed(decimals)}`).toBe(shownValue);
  });
  expect(problems.errors).toEqual([]);
});
