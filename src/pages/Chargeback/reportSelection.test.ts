import type { SceneObjectUrlValues } from '@grafana/scenes';
import type { ChargebackPeriod } from '../../chargeback/types';
import {
  customPeriod,
  dayStartSec,
  monthName,
  monthStep,
  navigationMonth,
  ReportSelection,
  selectionFromUrl,
  selectionToUrl,
} from './reportSelection';

/** 2026-12-05 12:00 UTC: the last full month is November */
const NOW = Date.UTC(2026, 11, 5, 12) / 1000;
const NOV_3 = Date.UTC(2026, 10, 3) / 1000;
const NOV_17 = Date.UTC(2026, 10, 17) / 1000;

test.each<[string, SceneObjectUrlValues, ReportSelection]>([
  [
    'nothing: the last full month, all teams',
    {},
    { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'all' } },
  ],
  [
    'a month and a team',
    { month: '2026-10', team: 'research' },
    { period: { kind: 'month', month: '2026-10' }, scope: { kind: 'team', team: 'research' } },
  ],
  [
    'an API key',
    { api_key: 'sk-1' },
    { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'api_key', apiKey: 'sk-1' } },
  ],
  [
    'a team wins over a key',
    { team: 'a', api_key: 'k' },
    { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'team', team: 'a' } },
  ],
  ['an empty team: all teams', { team: '' }, { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'all' } }],
  [
    'custom days, both included',
    { start: '2026-11-03', end: '2026-11-16' },
    { period: { kind: 'custom', startSec: NOV_3, endSec: NOV_17 }, scope: { kind: 'all' } },
  ],
  [
    'a custom start alone: that one day',
    { start: '2026-11-03' },
    { period: { kind: 'custom', startSec: NOV_3, endSec: NOV_3 + 86400 }, scope: { kind: 'all' } },
  ],
  [
    'a malformed month is kept for the report to name',
    { month: '2026-13' },
    { period: { kind: 'month', month: '2026-13' }, scope: { kind: 'all' } },
  ],
  [
    'an array value: its first',
    { month: ['2026-09', '2026-08'] },
    { period: { kind: 'month', month: '2026-09' }, scope: { kind: 'all' } },
  ],
])('selectionFromUrl: %s', (_name, url, expected) => {
  expect(selectionFromUrl(url, NOW)).toEqual(expected);
});

test.each<[string, ReportSelection]>([
  ['a month, all teams', { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'all' } }],
  [
    'custom days, one key',
    { period: { kind: 'custom', startSec: NOV_3, endSec: NOV_17 }, scope: { kind: 'api_key', apiKey: 'sk-1' } },
  ],
  ['a month, one team', { period: { kind: 'month', month: '2025-02' }, scope: { kind: 'team', team: 'data science' } }],
])('the URL round trip: %s', (_name, selection) => {
  expect(selectionFromUrl(selectionToUrl(selection), NOW)).toEqual(selection);
});

test('unused keys are null, so that Scenes removes them from the URL', () => {
  expect(selectionToUrl({ period: { kind: 'month', month: '2026-11' }, scope: { kind: 'all' } })).toEqual({
    month: '2026-11',
    start: null,
    end: null,
    team: null,
    api_key: null,
  });
});

test.each<[string, string, number]>([
  ['a day', '2026-11-03', NOV_3],
  ['no such day', '2026-02-30', NaN],
  ['not a day', 'yesterday', NaN],
])('dayStartSec: %s', (_name, day, expected) => {
  expect(dayStartSec(day)).toBe(expected);
});

test('a custom period with a malformed day stays malformed (the report names the problem)', () => {
  const period = customPeriod('2026-11-03', 'soon');
  expect(period).toEqual({ kind: 'custom', startSec: NOV_3, endSec: NaN });
});

test.each<[string, ChargebackPeriod, -1 | 1, string]>([
  ['back from a month', { kind: 'month', month: '2026-01' }, -1, '2025-12'],
  ['forward from a month', { kind: 'month', month: '2026-11' }, 1, '2026-12'],
  ['from a malformed month: around the last full month', { kind: 'month', month: 'nope' }, -1, '2026-10'],
  [
    'from a custom period: around the month it starts in',
    { kind: 'custom', startSec: NOV_3, endSec: NOV_17 },
    1,
    '2026-12',
  ],
])('monthStep: %s', (_name, period, by, month) => {
  expect(monthStep(period, NOW, by)).toEqual({ kind: 'month', month });
});

test.each<[ChargebackPeriod, string]>([
  [{ kind: 'month', month: '2026-11' }, '2026-11'],
  [{ kind: 'custom', startSec: NaN, endSec: NaN }, '2026-11'],
])('navigationMonth of %j', (period, month) => {
  expect(navigationMonth(period, NOW)).toBe(month);
});

test.each([
  ['2026-11', 'November 2026'],
  ['2026-01', 'January 2026'],
  ['2026-13', '2026-13'],
])('monthName(%s) = %s', (month, name) => {
  expect(monthName(month)).toBe(name);
});
