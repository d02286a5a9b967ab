import { CSV_COLUMNS, reportToCsv } from './csv';
import { buildChargebackReport } from './report';
import { instant, novemberAnswers, NOW } from './testing/answers';
import { csvRecords, parseCsv } from './testing/parseCsv';
import type { AllocationRule, ChargebackReport, ChargebackResults } from './types';

function report(allocation: AllocationRule = 'unallocated', answers: ChargebackResults = novemberAnswers()): ChargebackReport {
  const outcome = buildChargebackReport({ period: { kind: 'month', month: '2026-11' }, scope: { kind: 'all' }, allocation }, answers, NOW);
  if (!outcome.ok) {
    throw new Error(outcome.problems[0].message);
  }
  return outcome.report;
}

const sectionSum = (records: Array<Record<string, string>>, section: string) =>
  records.filter((r) => r.section === section).reduce((s, r) => s + Number(r.spend_usd), 0);

describe('reportToCsv', () => {
  const text = reportToCsv(report('proportional'));
  const records = csvRecords(text);

  test('one header, CRLF line ends, every record as wide as the header', () => {
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(parseCsv(text).every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  test.each([
    ['summary', 0, 'section,key,label,...', ['summary', 'period', '2026-11', '', '', '', '', '2026-11-01T00:00:00.000Z – 2026-12-01T00:00:00.000Z']],
    ['summary', 1, '', ['summary', 'scope', 'all teams']],
    ['summary', 2, '', ['summary', 'allocation', 'proportional to team spend', '10']],
    ['summary', 3, '', ['summary', 'total', 'total', '100', '', '80', '25', '', '', '', '100']],
    ['teams', 0, '', ['teams', 'a', 'a', String(60 + 20 / 3), String(60 + 20 / 3), '50', String(((60 + 20 / 3 - 50) / 50) * 100), '', '60', String(20 / 3)]],
    ['teams', 2, '', ['teams', '', 'Unallocated', '0', '0', '', '0', '', '10', '-10']],
    ['models', 1, '', ['models', 'm2', 'm2', '25', '25', '', '', 'new']],
    ['daily', 0, '', ['daily', '2026-11-01', '2026-11-01', '3', '3', '2.5', '20', '', '', '', '100']],
    [
      'anomalies',
      0,
      '',
      ['anomalies', 'openai/m1/a', '', '', '', '', '250', 'peak daily rate; change = deviation from the 30-day baseline', '', '', '', '', '', '14', '', 'openai', 'm1', 'a', '2026-11-20T13:00:00.000Z', '5'],
    ],
    ['forecast', 0, '', ['forecast', '', '', '', '', '', '', 'not available: a forecast is made for the current month only']],
    ['unpriced', 0, '', ['unpriced', 'self-hosted/llama-x', '', '', '', '', '', '', '', '', '', '', '', '', '', 'self-hosted', 'llama-x', '', '', '', '4200000', '900']],
  ])('%s row %i%s', (section, index, _, cells) => {
    const row = parseCsv(text).filter((r) => r[0] === section)[index];
    expect(row.slice(0, cells.length)).toEqual(cells);
    expect(row.slice(cells.length).every((c) => c === '')).toBe(true);
  });

  test.each(['teams', 'api_keys', 'models', 'providers', 'daily'])('the %s rows add up to the total', (section) => {
    expect(sectionSum(records, section)).toBeCloseTo(100, 9);
  });

  test('warnings are summary rows', () => {
    expect(records.filter((r) => r.key === 'warning').map((r) => r.note)).toEqual(['1 model used without a price: llama-x — 4.20 M tokens']);
  });
});

test('label values are quoted (RFC 4180) and cannot run as spreadsheet formulas', () => {
  const answers = { ...novemberAnswers(), teams: instant([{ team: '=HYPERLINK("x")' }, 60], [{ team: 'a, "b"' }, 40]) };
  const records = csvRecords(reportToCsv(report('unallocated', answers)));
  expect(records.filter((r) => r.section === 'teams').map((r) => r.key)).toEqual([`'=HYPERLINK("x")`, 'a, "b"']);
  expect(reportToCsv(report('unallocated', answers))).toContain('"\'=HYPERLINK(""x"")"');
});
