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
  const shown = await page.getByTestId(testIds.overview.tileValue(kpi.id)).innerText();
  // the tile abbreviates thousands ("$11.25K"): compare at the shown precision
  const match = /\$([\d.]+)(K?)/.exec(shown);
  expect(match).not.toBeNull();
  const scale = match![2] === 'K' ? 1000 : 1;
  const decimals = match![1].split('.')[1]?.length ?? 0;
  expect(match![1]).toBe(usd(expected / scale, decimals));
});
