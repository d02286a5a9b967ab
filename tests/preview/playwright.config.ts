/**
 * Browser tests of the preview (`npm run test:preview`): Debian's Chromium on the app's real pages,
 * real Prometheus with `npm run demo`'s 60-day LiteLLM history (two 30-day periods, so comparisons are
 * real), started by the preview script.
 */
import { defineConfig } from '@playwright/test';

export const PREVIEW_TEST_PORT = Number(process.env.PREVIEW_TEST_PORT ?? 3311);

export default defineConfig({
  testDir: './specs',
  // 2 cores: the preview, Prometheus and one browser at a time
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: './.results',
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_TEST_PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx tsx scripts/preview.ts --static --port ${PREVIEW_TEST_PORT}`,
    cwd: '../..',
    url: `http://127.0.0.1:${PREVIEW_TEST_PORT}/__preview/info`,
    // a fresh machine builds the history first (about two and a half minutes)
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
