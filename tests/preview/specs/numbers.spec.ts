/** Numbers on the screen equal `aispend eval` of the same formula over the same range on the same Prometheus. */
import { findStandardKpi } from '../../../src/engine/catalog';
import { testIds } from '../../../src/components/testIds';
import { aispendEval, expect, openPage, PAGES, rangeParams, test } from './support';

const overview = PAGES.find((p) => p.name === 'overview')!;

function usd(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

test('Overview: the total-spend tile equals aispend eval of total_cost', async ({ page, info }) => {
  const kpi = findStandardKpi('total_spend')!;
  const expected = aispendEval(info, kpi.formula).results[0].value as number;
  await openPage(page, overview.path, rangeParams(info));
  const tile = page.getByTestId(testIds.overview.tileValue(kpi.id));
  await expect(tile).toHaveText(/\$\d/);
  const shown = await tile.innerText();
  // the tile abbreviates thousands ("$11.25K"): compare at the shown precision
  const match = /\$([\d.]+)(K?)/.exec(shown);
  expect(match).not.toBeNull();
  const scale = match![2] === 'K' ? 1000 : 1;
  const decimals = match![1].split('.')[1]?.length ?? 0;
  expect(match![1]).toBe(usd(expected / scale, decimals));
});

function shownNumber(text: string): { value: number; decimals: number } {
  const match = /-?[\d,]*\.?\d+/.exec(text.replace(/,/g, ''));
  if (!match) {
    throw new Error(`no number in "${text}"`);
  }
  return { value: Number(match[0]), decimals: match[0].split('.')[1]?.length ?? 0 };
}

function valueOf(result: { value: number | string | null } | undefined): number {
  if (typeof result?.value !== 'number') {
    throw new Error(`aispend eval returned no number: ${JSON.stringify(result)}`);
  }
  return result.value;
}

test("Budgets: a team's utilization equals aispend eval of budget_spend / budget_limit * 100", async ({ page, info }) => {
  const byTeam = aispendEval(info, findStandardKpi('budget_utilization')!.formula, ['--by', 'team']).results;
  // the team the demo generator put between 80 % and 95 %
  const warning = byTeam.find((r) => typeof r.value === 'number' && r.value >= 80 && r.value < 95)!;
  expect(warning).toBeDefined();
  await openPage(page, PAGES.find((p) => p.name === 'budgets')!.path, rangeParams(info));
  const shown = shownNumber(await page.getByTestId(testIds.budgets.utilization(warning.labels.team)).innerText());
  expect(shown.value.toFixed(shown.decimals)).toBe(valueOf(warning).toFixed(shown.decimals));
});

test('Top spenders: the first row is the top team by total_cost, with its spend', async ({ page, info }) => {
  const byTeam = aispendEval(info, 'total_cost', ['--by', 'team']).results.filter((r) => typeof r.value === 'number');
  const top = byTeam.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
  await openPage(page, PAGES.find((p) => p.name === 'top-spenders')!.path, rangeParams(info));
  await expect(page.getByTestId(testIds.topSpenders.spender(1))).toHaveText(top.labels.team || '(no team)');
  const shown = shownNumber(await page.getByTestId(testIds.topSpenders.spend(1)).innerText());
  const expected = valueOf(top) / (/K\b/.test(await page.getByTestId(testIds.topSpenders.spend(1)).innerText()) ? 1000 : 1);
  expect(shown.value.toFixed(shown.decimals)).toBe(expected.toFixed(shown.decimals));
});
