import type { PercentChange } from '../../analysis/coverage';
import type { ChargebackReport } from '../../chargeback/types';
import {
  changePercentText,
  changeUsd,
  comparisonLine,
  comparisonNote,
  csvFileName,
  isUnavailable,
  periodAndScope,
  utcMinute,
} from './reportView';

test.each<[PercentChange, string]>([
  [{ kind: 'percent', percent: 12.345 }, '+12.3 %'],
  [{ kind: 'percent', percent: -4 }, '−4.0 %'],
  [{ kind: 'new' }, 'new'],
  [{ kind: 'withheld', note: 'previous period has data for 1 of 30 days' }, '—'],
  [{ kind: 'none' }, '—'],
])('changePercentText(%j) = %s', (change, text) => {
  expect(changePercentText(change)).toBe(text);
});

test.each<[number, number | null, number | null]>([
  [120, 100, 20],
  [80, 100, -20],
  [5, null, null],
])('changeUsd: %s now, %s before', (spend, previous, change) => {
  expect(changeUsd({ spend, previous, change: { kind: 'none' } })).toBe(change);
});

const report = (over: Partial<ChargebackReport> = {}) =>
  ({
    period: { label: '2026-11', previous: { label: '2026-10' } },
    scopeLabel: 'team data-science',
    allocation: { rule: 'proportional', unallocated: 10, allocatedToScope: 2 },
    totalChange: { kind: 'percent', percent: 3 },
    ...over,
  }) as unknown as ChargebackReport;

test('the heading and the comparison line', () => {
  expect(periodAndScope(report())).toBe('2026-11 · team data-science');
  expect(comparisonLine(report())).toBe('Compared with 2026-10; spend without a team proportional to team spend.');
});

test.each<[string, Partial<ChargebackReport>, string | null]>([
  ['both periods covered: no note', {}, null],
  [
    'the previous month short of data: why there are no percentages',
    { totalChange: { kind: 'withheld', note: 'previous period has data for 1 of 30 days' } },
    'previous period has data for 1 of 30 days: changes in USD only, no percentages.',
  ],
])('comparisonNote: %s', (_name, over, note) => {
  expect(comparisonNote(report(over))).toBe(note);
});

test.each<[string, string, string]>([
  ['2026-11', 'all teams', 'aispend-chargeback-2026-11-all-teams.csv'],
  ['2026-11-03 – 2026-11-16', 'API key sk-…Ab/9', 'aispend-chargeback-2026-11-03-2026-11-16-api-key-sk-ab-9.csv'],
  [
    '2026-12 (to 2026-12-05 12:00 UTC)',
    'team "" (Unallocated)',
    'aispend-chargeback-2026-12-to-2026-12-05-12-00-utc-team-unallocated.csv',
  ],
])('csvFileName(%s, %s)', (label, scopeLabel, name) => {
  expect(csvFileName(report({ period: { label } as ChargebackReport['period'], scopeLabel }))).toBe(name);
});

test.each<[number, string]>([
  [Date.UTC(2026, 10, 12, 14, 5) / 1000, '2026-11-12 14:05 UTC'],
  [NaN, '—'],
])('utcMinute(%s)', (sec, text) => {
  expect(utcMinute(sec)).toBe(text);
});

test.each<[object, boolean]>([
  [{ unavailable: 'a forecast is made for the current month only' }, true],
  [{ rows: [], projectedTotal: 0 }, false],
  [[], false],
])('isUnavailable(%j)', (section, expected) => {
  expect(isUnavailable(section)).toBe(expected);
});
