/**
 * What the Chargeback page shows, as its URL holds it: a month (`month=2026-11`) or a custom
 * period of whole UTC days (`start=2026-11-03&end=2026-11-16`, both days included), and a scope
 * (`team=…` or `api_key=…`; neither: all teams). A URL without a period opens the last full month.
 * A malformed period is kept as typed, so the report says what is wrong with it instead of
 * silently showing another month.
 */
import type { SceneObjectUrlValue, SceneObjectUrlValues } from '@grafana/scenes';
import { lastFullMonth, monthOf, monthSpan, nextMonth, previousMonth } from '../../chargeback/period';
import type { ChargebackPeriod, ChargebackScope } from '../../chargeback/types';
import { CHARGEBACK_URL_KEYS as KEYS } from '../../constants';

const DAY = 86400;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportSelection {
  period: ChargebackPeriod;
  scope: ChargebackScope;
}

export function defaultSelection(nowSec: number): ReportSelection {
  return { period: { kind: 'month', month: lastFullMonth(nowSec) }, scope: { kind: 'all' } };
}

function text(value: SceneObjectUrlValue | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** Midnight UTC of a 'YYYY-MM-DD' day; NaN when it is no day. */
export function dayStartSec(day: string): number {
  if (!DAY_PATTERN.test(day)) {
    return NaN;
  }
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(day) ? ms / 1000 : NaN;
}

export function dayOf(timeSec: number): string {
  return new Date(timeSec * 1000).toISOString().slice(0, 10);
}

/** First and last day (included) of a custom period; NaN bounds come back as typed in the URL. */
export function customPeriod(firstDay: string, lastDay: string): ChargebackPeriod {
  return { kind: 'custom', startSec: dayStartSec(firstDay), endSec: dayStartSec(lastDay) + DAY };
}

export function customDays(period: Extract<ChargebackPeriod, { kind: 'custom' }>): { first: string; last: string } {
  const valid = (sec: number) => Number.isFinite(sec);
  return {
    first: valid(period.startSec) ? dayOf(period.startSec) : '',
    last: valid(period.endSec) ? dayOf(period.endSec - DAY) : '',
  };
}

function scopeFromUrl(values: SceneObjectUrlValues): ChargebackScope {
  const team = text(values[KEYS.team]);
  const apiKey = text(values[KEYS.apiKey]);
  return team !== undefined
    ? { kind: 'team', team }
    : apiKey !== undefined
      ? { kind: 'api_key', apiKey }
      : { kind: 'all' };
}

export function selectionFromUrl(values: SceneObjectUrlValues, nowSec: number): ReportSelection {
  const month = text(values[KEYS.month]);
  const [start, end] = [text(values[KEYS.start]), text(values[KEYS.end])];
  const period: ChargebackPeriod =
    month !== undefined
      ? { kind: 'month', month }
      : start !== undefined || end !== undefined
        ? customPeriod(start ?? '', end ?? start ?? '')
        : defaultSelection(nowSec).period;
  return { period, scope: scopeFromUrl(values) };
}

/** Every key of the page, null where unused (Scenes then removes it from the URL). */
export function selectionToUrl({ period, scope }: ReportSelection): SceneObjectUrlValues {
  const days = period.kind === 'custom' ? customDays(period) : undefined;
  return {
    [KEYS.month]: period.kind === 'month' ? period.month : null,
    [KEYS.start]: days ? days.first : null,
    [KEYS.end]: days ? days.last : null,
    [KEYS.team]: scope.kind === 'team' ? scope.team : null,
    [KEYS.apiKey]: scope.kind === 'api_key' ? scope.apiKey : null,
  };
}

/** The month the month navigation stands on: the period's month, or the last full month instead of a malformed one. */
export function navigationMonth(period: ChargebackPeriod, nowSec: number): string {
  if (period.kind === 'month') {
    return monthSpan(period.month) ? period.month : lastFullMonth(nowSec);
  }
  return Number.isFinite(period.startSec) ? monthOf(period.startSec) : lastFullMonth(nowSec);
}

export function monthStep(period: ChargebackPeriod, nowSec: number, by: -1 | 1): ChargebackPeriod {
  const month = navigationMonth(period, nowSec);
  return { kind: 'month', month: by < 0 ? previousMonth(month) : nextMonth(month) };
}

/** "November 2026" */
export function monthName(month: string): string {
  const span = monthSpan(month);
  return span
    ? new Date(span.startSec * 1000).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : month;
}

export function sameSelection(a: ReportSelection, b: ReportSelection): boolean {
  return JSON.stringify(selectionToUrl(a)) === JSON.stringify(selectionToUrl(b));
}
