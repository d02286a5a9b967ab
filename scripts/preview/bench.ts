/**
 * `npm run bench:preview`: for Overview, Budgets and Top spenders in the preview (Debian's
 * Chromium, the integration tests' LiteLLM history): time from navigation until every query has
 * answered and nothing is loading (median of 5 loads), Prometheus requests fired (counted at the
 * preview's proxy) and console errors.
 */
import { chromium, Page } from 'playwright';
import { PLUGIN_BASE_URL, ROUTES } from '../../src/constants';
import { testHistorySpec } from '../../tests/integration/testbed';
import { startPreview } from './start';

const RUNS = 5;
const PAGES = [ROUTES.Overview, ROUTES.Budgets, ROUTES.TopSpenders];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function loadOnce(page: Page, url: string): Promise<number> {
  const started = Date.now();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.locator('[aria-label="Loading"], [data-testid="Spinner"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
  // networkidle waits 500 ms without requests: that quiet time is not part of loading
  return Date.now() - started - 500;
}

async function main() {
  const preview = await startPreview({ spec: testHistorySpec('litellm'), watch: false, log: (l) => console.log(l) });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const to = preview.history.endSec * 1000;
    const range = `from=${to - 30 * 86_400_000}&to=${to}&role=Admin`;
    console.log('\n| page | load to data (median of 5) | Prometheus requests per load | console errors |\n| --- | --- | --- | --- |');
    for (const route of PAGES) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      let errors = 0;
      page.on('console', (m) => m.type() === 'error' && errors++);
      page.on('pageerror', () => errors++);
      const times: number[] = [];
      const requests: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await fetch(`${preview.url}/__preview/stats/reset`, { method: 'POST' });
        times.push(await loadOnce(page, `${preview.url}${PLUGIN_BASE_URL}/${route}?${range}`));
        requests.push((await (await fetch(`${preview.url}/__preview/stats`)).json()).prometheusRequests);
      }
      console.log(`| ${route} | ${median(times)} ms (${times.join(', ')}) | ${median(requests)} | ${errors} |`);
      await page.close();
    }
  } finally {
    await browser.close();
    await preview.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  }
);
