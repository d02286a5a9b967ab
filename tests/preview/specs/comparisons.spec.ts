/**
 * Honest comparisons (PRODUCT.md §6): a change vs the previous period is a percentage only when
 * both periods have data for 90 % of their span; otherwise the page says how much data there is.
 */
import { OVERVIEW_KPI_IDS } from '../../../src/engine/catalog';
import { testIds } from '../../../src/components/testIds';
import { expect, openPage, PAGES, RANGE_DAYS, test } from './support';

const DAY = 86400;
const overview = PAGES.find((p) => p.name === 'overview')!;

function params(fromSec: number, toSec: number): string {
  return `from=${fromSec * 1000}&to=${toSec * 1000}&role=Admin&theme=dark`;
}

test('Overview: a previous period mostly before the history shows how much of it has data, and no percentage', async ({
  page,
  info,
}) => {
  // the range ends at most 45 days into the history, so the 30 days before it start before the history
  const toSec = Math.min(info.endSec, info.startSec + 45 * DAY);
  await openPage(page, overview.path, params(toSec - RANGE_DAYS * DAY, toSec));
  await expect(page.getByTestId(testIds.overview.tileChange('total_spend'))).toHaveText(
    /^previous period has data for \d+(\.\d)? of 30 days$/
  );
  // MoM growth is itself the comparison: no value
  await expect(page.getByTestId(testIds.overview.tileValue('mom_growth'))).toHaveText('—');
  for (const id of OVERVIEW_KPI_IDS) {
    await expect(page.getByTestId(testIds.overview.tileChange(id))).not.toContainText('%');
  }
});

test('Overview: with 60 days of history, the last 30 days compare as a percentage', async ({ page, info, problems }) => {
  // the preview's history is the demo's 60 days: two full 30-day periods
  expect(info.endSec - info.startSec).toBeGreaterThanOrEqual(2 * RANGE_DAYS * DAY);
  await openPage(page, overview.path, params(info.endSec - RANGE_DAYS * DAY, info.endSec));
  await expect(page.getByTestId(testIds.overview.tileValue('total_spend'))).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByTestId(testIds.overview.tileChange('total_spend'))).toHaveText(/\d %.*vs previous period$/);
  expect(problems.errors).toEqual([]);
});
