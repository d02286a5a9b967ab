/**
 * Every page, as Admin and as Viewer, in dark and light theme: it shows data, nothing fails
 * (uncaught error, console error, failed request), no serious or critical accessibility
 * violation; and a 1440×900 screenshot of each in dark theme for people to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import path from 'path';
import { expect, openPage, PAGES, rangeParams, test } from './support';

const SCREENSHOTS = path.resolve(__dirname, '../screenshots');
/** `npm run docs:screenshots` also writes these, small, to docs/ for the README */
const DOCS_SCREENSHOTS = process.env.DOCS_SCREENSHOTS ? path.resolve(__dirname, '../../../docs/screenshots') : undefined;
const DOCS_PAGES = ['overview', 'kpi-deep-dive', 'budgets', 'top-spenders', 'chargeback'];

for (const target of PAGES) {
  for (const role of ['Admin', 'Viewer']) {
    for (const theme of ['dark', 'light']) {
      test(`${target.name} as ${role}, ${theme}: loads without errors`, async ({ page, problems, info }) => {
        await openPage(page, target.path, rangeParams(info, role, theme));
        await expect(page.locator('main')).toBeVisible();
        expect(problems.errors).toEqual([]);
        if (role === 'Admin' && theme === 'dark') {
          await page.screenshot({ path: path.join(SCREENSHOTS, `${target.name}.png`) });
          if (DOCS_SCREENSHOTS && DOCS_PAGES.includes(target.name)) {
            await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${target.name}.jpg`), type: 'jpeg', quality: 55 });
          }
        }
      });
    }
  }
  test(`${target.name}: no serious or critical accessibility violations`, async ({ page, info }) => {
    await openPage(page, target.path, rangeParams(info));
    // @grafana/ui 12.4's RefreshPicker run button (Grafana's own time controls) has a tooltip but no
    // accessible name; everything else on the page is checked
    const results = await new AxeBuilder({ page }).exclude('[data-testid="data-testid RefreshPicker run button"]').analyze();
    const severe = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(severe).toEqual([]);
  });
}
