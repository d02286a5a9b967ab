/**
 * The Chargeback page on the demo's last full month: the CSV it downloads adds up and carries the
 * numbers of `aispend report` on the same Prometheus, and the browser's print gives a clean PDF
 * (the report alone, a section per page, the period and scope on each), rendered as PNG pages.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { lastFullMonth } from '../../../src/chargeback/period';
import { parseCsv } from '../../../src/chargeback/testing/parseCsv';
import type { ChargebackReport } from '../../../src/chargeback/types';
import { testIds } from '../../../src/components/testIds';
import { CHARGEBACK_URL_KEYS, PLUGIN_BASE_URL, ROUTES } from '../../../src/constants';
import { formatUsd } from '../../../src/format/numbers';
import { expect, openPage, PreviewInfo, test } from './support';

const REPO = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.resolve(__dirname, '../screenshots');
const RESULTS = path.resolve(__dirname, '../.results');
/** `npm run docs:screenshots` also writes the team summary's printed page to docs/ for the README */
const DOCS_SCREENSHOTS = process.env.DOCS_SCREENSHOTS
  ? path.resolve(__dirname, '../../../docs/screenshots')
  : undefined;
const CENT = 0.01;
/** the sections whose rows add up to the period's total (teams: to what is charged, the same for all teams) */
const SUMMED = ['teams', 'api_keys', 'models', 'providers', 'daily'] as const;
/** where each section's rows are in the CLI's JSON report */
const JSON_SECTION = {
  teams: 'teams',
  api_keys: 'apiKeys',
  models: 'models',
  providers: 'providers',
  daily: 'daily',
} as const;
const SECTION_TITLES = [
  'Team summary',
  'API key summary',
  'Model summary',
  'Provider summary',
  'Daily breakdown',
  'Forecast',
  'Anomalies',
];

const chargebackPath = (month: string) =>
  `${PLUGIN_BASE_URL}/${ROUTES.Chargeback}?${CHARGEBACK_URL_KEYS.month}=${month}`;

/** `aispend report` for the month, through the CLI itself. */
function cliReport(info: PreviewInfo, month: string): ChargebackReport {
  const out = execFileSync(
    'node',
    ['bin/aispend.js', 'report', '--month', month, '--format', 'json', '--prometheus', info.prometheusUrl],
    { cwd: REPO, encoding: 'utf8' }
  );
  return JSON.parse(out) as ChargebackReport;
}

interface CsvRow {
  section: string;
  key: string;
  spend: number;
}

function csvRows(text: string): CsvRow[] {
  const [header, ...records] = parseCsv(text);
  const at = (name: string) => header.indexOf(name);
  return records.map((r) => ({ section: r[at('section')], key: r[at('key')], spend: Number(r[at('spend_usd')]) }));
}

const sum = (rows: CsvRow[]) => rows.reduce((s, r) => s + r.spend, 0);

async function openMonth(page: import('@playwright/test').Page, info: PreviewInfo, month: string) {
  await openPage(page, chargebackPath(month), 'role=Admin&theme=light');
  await expect(page.getByTestId(testIds.chargeback.heading)).toHaveText(`Chargeback report: ${month} · all teams`);
}

test('the CSV of the last full month adds up, section by section, and equals aispend report', async ({
  page,
  info,
  problems,
}) => {
  const month = lastFullMonth(info.endSec);
  await openMonth(page, info, month);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testIds.chargeback.downloadCsv).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`aispend-chargeback-${month}-all-teams.csv`);
  const rows = csvRows(fs.readFileSync((await download.path())!, 'utf8'));
  const total = rows.find((r) => r.section === 'summary' && r.key === 'total')!.spend;

  for (const section of SUMMED) {
    const own = rows.filter((r) => r.section === section);
    expect(own.length).toBeGreaterThan(0);
    expect(Math.abs(sum(own) - total)).toBeLessThanOrEqual(CENT);
  }

  const cli = cliReport(info, month);
  expect(Math.abs(cli.total - total)).toBeLessThanOrEqual(CENT);
  for (const section of SUMMED) {
    const fromCli = (cli[JSON_SECTION[section]] as Array<{ key?: string; day?: string; spend: number }>).map((r) => [
      r.key ?? r.day,
      r.spend,
    ]);
    const fromCsv = rows.filter((r) => r.section === section).map((r) => [r.key, r.spend]);
    expect(fromCsv.map(([key]) => key)).toEqual(fromCli.map(([key]) => key));
    fromCsv.forEach(([, spend], i) =>
      expect(Math.abs((spend as number) - (fromCli[i][1] as number))).toBeLessThanOrEqual(CENT)
    );
  }
  await expect(page.getByTestId(testIds.chargeback.total)).toHaveText(formatUsd(cli.total));
  expect(problems.errors).toEqual([]);
});

/** The PDF's pages as text (pdftotext) and as PNG images for people to look at (pdftoppm). */
function pdfPages(pdf: string, pngPrefix: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pngPrefix]);
  // pdftotext ends each page with a form feed
  return text.split('\f').slice(0, -1);
}

test('print: a clean PDF, the report alone, a page per section with the period and scope on top', async ({
  page,
  info,
  problems,
}) => {
  const month = lastFullMonth(info.endSec);
  await openMonth(page, info, month);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const pdf = path.join(RESULTS, 'chargeback.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  fs.readdirSync(SCREENSHOTS)
    .filter((f) => f.startsWith('chargeback-print-'))
    .forEach((f) => fs.rmSync(path.join(SCREENSHOTS, f)));
  const pages = pdfPages(pdf, path.join(SCREENSHOTS, 'chargeback-print'));

  expect(pages[0]).toContain(`Chargeback report: ${month} · all teams`);
  expect(pages[0]).toContain('Total spend');
  // the report alone: no navigation, page title or controls of the app
  for (const chrome of ['Top spenders', 'Download CSV', 'Refresh', 'Custom period', 'Save rule']) {
    expect(pages.join('\n')).not.toContain(chrome);
  }
  // every section starts a page, under the running header
  for (const title of SECTION_TITLES) {
    const at = pages.findIndex((p) => p.includes(title));
    expect(at).toBeGreaterThan(0);
    const lines = pages[at]
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines[0]).toBe(`Chargeback report · ${month} · all teams`);
    expect(lines[1]).toBe(title);
  }
  // a table's total once, at its end, not repeated on every page a long table spans
  const totals = pages
    .join('\n')
    .split('\n')
    .filter((line) => /^\s*Total\s+\$/.test(line));
  expect(totals).toHaveLength(SUMMED.length);
  if (DOCS_SCREENSHOTS) {
    const teamsPage = String(pages.findIndex((p) => p.includes('Team summary')) + 1);
    const docsPng = path.join(DOCS_SCREENSHOTS, 'chargeback-print');
    execFileSync('pdftoppm', ['-png', '-r', '72', '-f', teamsPage, '-l', teamsPage, '-singlefile', pdf, docsPng]);
  }
  expect(fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith('chargeback-print-'))).toHaveLength(pages.length);
  expect(problems.errors).toEqual([]);
});
