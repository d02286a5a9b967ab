/** Numbers on the screen equal `aispend eval` of the same formula over the same range on the same Prometheus. */
import { findStandardKpi } from '../../../src/engine/catalog';
import { testIds } from '../../../src/components/testIds';
import { formatKpiValue, formatUsd } from '../../../src/format/numbers';
import { aispendEval, expect, openPage, PAGES, rangeParams, test } from './support';

const overview = PAGES.find((p) => p.name === 'overview')!;

const TILE_SHAPES: Array<[string, RegExp]> = [
  // in full with thousands separators: "$57,748.47", not "$57.7K"
  ['total_spend', /^\$\d{1,3}(,\d{3})*\.\d{2}$/],
  // three significant digits and an SI prefix: "3.07 M tokens/h", not "3066544 tokens/h"
  ['token_throughput', /^\d{1,3}(\.\d+)? [kMGT] tokens\/h$/],
];

for (const [id, shape] of TILE_SHAPES) {
  test(`Overview: the ${id} tile is aispend eval of its formula, formatted as the app formats it`, async ({ page, info }) => {
    const kpi = findStandardKpi(id)!;
    const expected = valueOf(aispendEval(info, kpi.formula).results[0]);
    await openPage(page, overview.path, rangeParams(info));
    const tile = page.getByTestId(testIds.overview.tileValue(kpi.id));
    await expect(tile).toHaveText(shape);
    await expect(tile).toHaveText(formatKpiValue(kpi, expected));
  });
}

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
  // in full with thousands separators ("$5,620.50"), never abbreviated
  await expect(page.getByTestId(testIds.topSpenders.spend(1))).toHaveText(formatUsd(valueOf(top)));
});
