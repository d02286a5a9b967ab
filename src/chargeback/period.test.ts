import { daysOf, hasNextMonth, lastFullMonth, monthOf, monthSpan, nextMonth, previousMonth, resolvePeriod, spanLabel } from './period';

const t = (iso: string) => Date.parse(iso) / 1000;

describe('month navigation', () => {
  test.each([
    ['2026-11', '2026-10', '2026-12'],
    ['2026-01', '2025-12', '2026-02'],
    ['2026-12', '2026-11', '2027-01'],
    ['2024-03', '2024-02', '2024-04'],
  ])('%s: previous %s, next %s', (month, previous, next) => {
    expect(previousMonth(month)).toBe(previous);
    expect(nextMonth(month)).toBe(next);
  });

  test.each([
    ['2026-12-15T10:00:00Z', '2026-11'],
    ['2026-12-01T00:00:00Z', '2026-11'],
    ['2026-11-30T23:59:59Z', '2026-10'],
    ['2027-01-01T00:00:00Z', '2026-12'],
  ])('at %s the last full month is %s', (now, month) => {
    expect(lastFullMonth(t(now))).toBe(month);
  });

  test.each([
    ['2026-11', '2026-12-15T10:00:00Z', true],
    ['2026-12', '2026-12-15T10:00:00Z', false],
    ['2027-01', '2026-12-15T10:00:00Z', false],
  ])('next of %s at %s: %s', (month, now, allowed) => {
    expect(hasNextMonth(month, t(now))).toBe(allowed);
  });

  test.each([
    ['2026-02', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'],
    ['2024-02', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z'],
    ['2026-12', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'],
  ])('%s spans [%s, %s)', (month, start, end) => {
    expect(monthSpan(month)).toEqual({ startSec: t(start), endSec: t(end) });
    expect(monthOf(t(start))).toBe(month);
  });

  test.each(['2026-13', '2026-00', '2026-1', 'november', '2026-11-01', ''])('"%s" is no month', (text) => {
    expect(monthSpan(text)).toBeUndefined();
    expect(() => previousMonth(text)).toThrow('not a month');
  });
});

describe('resolvePeriod', () => {
  const now = t('2026-12-15T10:20:30Z');

  test('a full month compares with the previous calendar month', () => {
    expect(resolvePeriod({ kind: 'month', month: '2026-11' }, now)).toEqual({
      ok: true,
      period: {
        kind: 'month',
        startSec: t('2026-11-01T00:00:00Z'),
        endSec: t('2026-12-01T00:00:00Z'),
        nominalEndSec: t('2026-12-01T00:00:00Z'),
        partial: false,
        label: '2026-11',
        previous: { startSec: t('2026-10-01T00:00:00Z'), endSec: t('2026-11-01T00:00:00Z'), label: '2026-10' },
      },
    });
  });

  test('the current month ends now (whole minutes) and compares with the same elapsed part of the month before', () => {
    expect(resolvePeriod({ kind: 'month', month: '2026-12' }, now)).toEqual({
      ok: true,
      period: {
        kind: 'month',
        startSec: t('2026-12-01T00:00:00Z'),
        endSec: t('2026-12-15T10:20:00Z'),
        nominalEndSec: t('2027-01-01T00:00:00Z'),
        partial: true,
        label: '2026-12 (to 2026-12-15 10:20 UTC)',
        previous: {
          startSec: t('2026-11-01T00:00:00Z'),
          endSec: t('2026-11-15T10:20:00Z'),
          label: '2026-11-01 – 2026-11-15 10:20',
        },
      },
    });
  });

  test('a 31-day month running into its 31st day compares with all of a 30-day month', () => {
    const resolved = resolvePeriod({ kind: 'month', month: '2026-12' }, t('2026-12-31T12:00:00Z'));
    expect(resolved.ok && resolved.period.previous).toEqual({ startSec: t('2026-11-01T00:00:00Z'), endSec: t('2026-12-01T00:00:00Z'), label: '2026-11' });
  });

  test('a custom period compares with the span of equal length before it', () => {
    expect(resolvePeriod({ kind: 'custom', startSec: t('2026-11-03T00:00:00Z'), endSec: t('2026-11-17T00:00:00Z') }, now)).toEqual({
      ok: true,
      period: {
        kind: 'custom',
        startSec: t('2026-11-03T00:00:00Z'),
        endSec: t('2026-11-17T00:00:00Z'),
        nominalEndSec: t('2026-11-17T00:00:00Z'),
        partial: false,
        label: '2026-11-03 – 2026-11-16',
        previous: { startSec: t('2026-10-20T00:00:00Z'), endSec: t('2026-11-03T00:00:00Z'), label: '2026-10-20 – 2026-11-02' },
      },
    });
  });

  test('a custom period reaching past now ends now', () => {
    const resolved = resolvePeriod({ kind: 'custom', startSec: t('2026-12-10T00:00:00Z'), endSec: t('2026-12-20T00:00:00Z') }, now);
    expect(resolved.ok && [resolved.period.endSec, resolved.period.label]).toEqual([t('2026-12-15T10:20:00Z'), '2026-12-10 – 2026-12-15 10:20']);
  });

  test.each([
    [{ kind: 'month', month: '2027-01' }, 'future-period', '2027-01 is in the future: the last full month is 2026-11'],
    [{ kind: 'month', month: '2026-13' }, 'invalid-period', '"2026-13" is not a month: write it as YYYY-MM, for example 2026-11'],
    [{ kind: 'custom', startSec: t('2026-11-05T00:00:00Z'), endSec: t('2026-11-05T00:00:00Z') }, 'invalid-period', 'the period must start before it ends'],
    [
      { kind: 'custom', startSec: t('2026-11-05T06:00:00Z'), endSec: t('2026-11-06T00:00:00Z') },
      'invalid-period',
      'a custom period is whole UTC days: it starts and ends at 00:00 UTC',
    ],
    [{ kind: 'custom', startSec: t('2026-12-16T00:00:00Z'), endSec: t('2026-12-20T00:00:00Z') }, 'future-period', 'the period starts in the future (2026-12-16 UTC)'],
  ] as const)('%j: %s', (period, kind, message) => {
    expect(resolvePeriod(period, now)).toEqual({ ok: false, problem: { kind, message } });
  });
});

test.each([
  [t('2026-11-01T00:00:00Z'), t('2026-11-04T00:00:00Z'), ['2026-11-01', '2026-11-02', '2026-11-03']],
  [t('2026-12-01T00:00:00Z'), t('2026-12-02T10:20:00Z'), ['2026-12-01', '2026-12-02']],
])('days of [%i, %i)', (startSec, endSec, days) => {
  expect(daysOf({ startSec, endSec }).map((d) => new Date(d * 1000).toISOString().slice(0, 10))).toEqual(days);
});

test.each([
  [t('2026-11-01T00:00:00Z'), t('2026-12-01T00:00:00Z'), '2026-11-01 – 2026-11-30'],
  [t('2026-11-01T00:00:00Z'), t('2026-11-02T00:00:00Z'), '2026-11-01 – 2026-11-01'],
  [t('2026-11-01T00:00:00Z'), t('2026-11-01T12:30:00Z'), '2026-11-01 – 2026-11-01 12:30'],
])('span label of [%i, %i): %s', (startSec, endSec, label) => {
  expect(spanLabel(startSec, endSec)).toBe(label);
});
