import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { ROUTES } from '../src/constants';
import { testIds } from '../src/components/testIds';
import { SPENDER_DIMENSIONS } from '../src/analysis/topSpenders';
import { DIMENSION_NAMES } from '../src/pages/TopSpenders/spenderNames';

const ids = testIds.topSpenders;

/** "$5,620.50" / "−$3.10" → 5620.5 / -3.1 */
function usd(text: string): number {
  return Number(text.replace('−', '-').replace(/[$,+\s]/g, ''));
}

/** A stat's abbreviated "$5.62K" against an exact amount, at the precision shown. */
function expectShownAmount(shown: string, exact: number) {
  const match = /\$([\d.,]+)\s*(K|Mil|M)?/.exec(shown);
  expect(match).not.toBeNull();
  const scale = match![2] === 'K' ? 1e3 : match![2] ? 1e6 : 1;
  const digits = match![1].replace(/,/g, '');
  const decimals = digits.split('.')[1]?.length ?? 0;
  expect(digits).toBe((exact / scale).toFixed(decimals));
}

async function rankedSpends(page: { getByTestId(id: string): Locator }): Promise<number[]> {
  const spends: number[] = [];
  for (let rank = 1; rank <= 10; rank++) {
    const cell = page.getByTestId(ids.spend(rank));
    if ((await cell.count()) === 0) {
      break;
    }
    spends.push(usd(await cell.innerText()));
  }
  return spends;
}

test.describe('Top spenders page', () => {
  for (const dimension of SPENDER_DIMENSIONS) {
    test(`by ${dimension}: the choice is in the URL, at most 10 spenders ranked by spend, the total below`, async ({
      gotoPage,
      page,
    }) => {
      await gotoPage(`/${ROUTES.TopSpenders}?var-dimension=${dimension}`);
      const table = page.getByTestId(ids.table);
      await expect(table).toBeVisible();
      await expect(
        table.getByRole('columnheader', { name: DIMENSION_NAMES[dimension].one, exact: true })
      ).toBeVisible();
      expect(page.url()).toContain(`var-dimension=${dimension}`);
      const spends = await rankedSpends(page);
      expect(spends.length).toBeGreaterThan(0);
      expect(spends.length).toBeLessThanOrEqual(10);
      expect(spends).toEqual([...spends].sort((a, b) => b - a));
      const total = usd(await page.getByTestId(ids.total).innerText());
      expect(total).toBeGreaterThanOrEqual(spends.reduce((s, v) => s + v, 0) - 0.01 * spends.length);
    });
  }

  test('the top spender opens its drilldown, whose spend equals the table row', async ({
    gotoPage,
    page,
    selectors,
  }) => {
    await gotoPage(`/${ROUTES.TopSpenders}?var-dimension=team`);
    const first = page.getByTestId(ids.spender(1));
    await expect(first).toBeVisible();
    const name = await first.innerText();
    const spend = usd(await page.getByTestId(ids.spend(1)).innerText());
    await first.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/${ROUTES.TopSpenders}/team/`));
    await expect(page.getByRole('heading', { name: `Team: ${name}` })).toBeVisible();
    for (const title of ['Spend', 'Cost per request', 'Spend over time', 'Model mix']) {
      await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
    }
    const stat = page.getByTestId(selectors.components.Panels.Panel.title('Spend'));
    await expect(stat).toContainText('$');
    expectShownAmount(await stat.innerText(), spend);
  });

  test('a user drilldown says that cost per request is not recorded per user', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.TopSpenders}?var-dimension=user`);
    const first = page.getByTestId(ids.spender(1));
    await expect(first).toBeVisible();
    await first.getByRole('link').click();
    await expect(page.getByText('Cost per request (not recorded per user)')).toBeVisible();
  });
});
