/** What every preview test needs: the data range, page URLs, and a page that records every error. */
import { execFileSync } from 'child_process';
import path from 'path';
import { expect, Page, test as base } from '@playwright/test';
import { APP_CONFIG_URL, PLUGIN_BASE_URL, ROUTES } from '../../../src/constants';

export interface PreviewInfo {
  prometheusUrl: string;
  startSec: number;
  endSec: number;
  profile: string;
}

export const RANGE_DAYS = 30;

/** Every page of the app, as a user reaches it. */
export const PAGES = [
  { name: 'overview', path: `${PLUGIN_BASE_URL}/${ROUTES.Overview}` },
  { name: 'kpis', path: `${PLUGIN_BASE_URL}/${ROUTES.Kpis}` },
  { name: 'kpi-deep-dive', path: `${PLUGIN_BASE_URL}/${ROUTES.Kpis}/cost_per_1k_tokens` },
  { name: 'budgets', path: `${PLUGIN_BASE_URL}/${ROUTES.Budgets}` },
  { name: 'top-spenders', path: `${PLUGIN_BASE_URL}/${ROUTES.TopSpenders}` },
  { name: 'forecasts', path: `${PLUGIN_BASE_URL}/${ROUTES.Forecasts}` },
  // the last full month (the page's default period)
  { name: 'chargeback', path: `${PLUGIN_BASE_URL}/${ROUTES.Chargeback}` },
  { name: 'configuration', path: APP_CONFIG_URL },
] as const;

export interface PageProblems {
  errors: string[];
}

export const test = base.extend<{ problems: PageProblems; info: PreviewInfo }>({
  info: async ({ request }, use) => {
    await use(await (await request.get('/__preview/info')).json());
  },
  problems: async ({ page }, use) => {
    const problems: PageProblems = { errors: [] };
    page.on('console', (m) => m.type() === 'error' && problems.errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.errors.push(`uncaught: ${e.message}`));
    page.on('requestfailed', (r) => problems.errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && problems.errors.push(`HTTP ${r.status()}: ${r.url()}`));
    await use(problems);
  },
});
export { expect };

/** The last RANGE_DAYS of the history, as the time picker's URL parameters. */
export function rangeParams(info: PreviewInfo, role = 'Admin', theme = 'dark'): string {
  const to = info.endSec * 1000;
  return `from=${to - RANGE_DAYS * 86_400_000}&to=${to}&role=${role}&theme=${theme}`;
}

export function withParams(pagePath: string, params: string): string {
  return `${pagePath}${pagePath.includes('?') ? '&' : '?'}${params}`;
}

/** Opens a page and waits until its queries have answered and nothing is loading. */
export async function openPage(page: Page, pagePath: string, params: string): Promise<void> {
  await page.goto(withParams(pagePath, params));
  await page.waitForLoadState('networkidle');
  // "Loading indicator": Scenes' variable label while a filter's values load. On a busy machine a
  // request can start after the network was idle for 500 ms; the page is loaded when none is left.
  await expect(
    page.locator('[aria-label="Loading"], [data-testid="Spinner"], .panel-loading, [aria-label="data-testid Loading indicator"]')
  ).toHaveCount(0);
}

/** `aispend eval` of a formula over the shown range, through the CLI itself (its --json output). */
export function aispendEval(info: PreviewInfo, formula: string, extra: string[] = []) {
  const repo = path.resolve(__dirname, '../../..');
  const toSec = info.endSec;
  const out = execFileSync(
    'node',
    ['bin/aispend.js', 'eval', formula, '--prometheus', info.prometheusUrl, '--from', String(toSec - RANGE_DAYS * 86400), '--to', String(toSec), '--json', ...extra],
    { cwd: repo, encoding: 'utf8' }
  );
  return JSON.parse(out) as { promql: string; results: Array<{ labels: Record<string, string>; value: number | string | null }> };
}
