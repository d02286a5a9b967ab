/**
 * Chargeback periods in UTC: calendar months ('YYYY-MM') with month navigation, and custom spans.
 * A month still running ends now (aligned down to the rule interval, so its window holds whole
 * recorded minutes); a month that has not started, or a custom span that starts in the future, is
 * a problem, not an empty report.
 */
import { RULE_INTERVAL_SECONDS } from '../engine/conventions';
import type { ChargebackPeriod, ChargebackProblem, PeriodSpan, ResolvedPeriod } from './types';

const DAY = 86400;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export type PeriodResolution = { ok: true; period: ResolvedPeriod } | { ok: false; problem: ChargebackProblem };

/** [start, end) of a 'YYYY-MM' month, or undefined when the text is no month. */
export function monthSpan(month: string): { startSec: number; endSec: number } | undefined {
  const match = MONTH_PATTERN.exec(month);
  if (!match) {
    return undefined;
  }
  const [year, index] = [Number(match[1]), Number(match[2]) - 1];
  return { startSec: Date.UTC(year, index, 1) / 1000, endSec: Date.UTC(year, index + 1, 1) / 1000 };
}

/** 'YYYY-MM' of the month holding `timeSec`. */
export function monthOf(timeSec: number): string {
  return new Date(timeSec * 1000).toISOString().slice(0, 7);
}

function shiftMonth(month: string, by: number): string {
  const span = monthSpan(month);
  if (!span) {
    throw new RangeError(`not a month (YYYY-MM): "${month}"`);
  }
  const start = new Date(span.startSec * 1000);
  return monthOf(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + by, 1) / 1000);
}

export const previousMonth = (month: string): string => shiftMonth(month, -1);
export const nextMonth = (month: string): string => shiftMonth(month, 1);

/** The default period: the last month that has ended. */
export function lastFullMonth(nowSec: number): string {
  return previousMonth(monthOf(nowSec));
}

/** May the user step to the next month? Not past the current one. */
export function hasNextMonth(month: string, nowSec: number): boolean {
  return nextMonth(month) <= monthOf(nowSec);
}

/** 'YYYY-MM-DD', and ' HH:MM' when the time is not midnight. */
function dayText(timeSec: number): string {
  const iso = new Date(timeSec * 1000).toISOString();
  return timeSec % DAY === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Inclusive days when the span is whole days ('2026-11-03 – 2026-11-16'), else its start and end times. */
export function spanLabel(startSec: number, endSec: number): string {
  const wholeDays = startSec % DAY === 0 && endSec % DAY === 0;
  return `${dayText(startSec)} – ${wholeDays ? dayText(endSec - DAY) : dayText(endSec)}`;
}

const alignDown = (timeSec: number) => Math.floor(timeSec / RULE_INTERVAL_SECONDS) * RULE_INTERVAL_SECONDS;

function problem(kind: ChargebackProblem['kind'], message: string): PeriodResolution {
  return { ok: false, problem: { kind, message } };
}

function resolveMonth(month: string, nowSec: number): PeriodResolution {
  const span = monthSpan(month);
  if (!span) {
    return problem('invalid-period', `"${month}" is not a month: write it as YYYY-MM, for example 2026-11`);
  }
  const now = alignDown(nowSec);
  if (span.startSec >= now) {
    return problem('future-period', `${month} is in the future: the last full month is ${lastFullMonth(nowSec)}`);
  }
  const partial = span.endSec > now;
  const endSec = partial ? now : span.endSec;
  const before = monthSpan(previousMonth(month))!;
  // a running month compares with the same elapsed part of the month before
  const previousEnd = partial ? Math.min(before.endSec, before.startSec + (endSec - span.startSec)) : before.endSec;
  const previousLabel = previousEnd === before.endSec ? previousMonth(month) : spanLabel(before.startSec, previousEnd);
  return {
    ok: true,
    period: {
      kind: 'month',
      startSec: span.startSec,
      endSec,
      nominalEndSec: span.endSec,
      partial,
      label: partial ? `${month} (to ${dayText(endSec)} UTC)` : month,
      previous: { startSec: before.startSec, endSec: previousEnd, label: previousLabel },
    },
  };
}

function resolveCustom(startSec: number, endSec: number, nowSec: number): PeriodResolution {
  if (!Number.isFinite(startSec) || !Number.isFinite(endSec) || startSec >= endSec) {
    return problem('invalid-period', 'the period must start before it ends');
  }
  if (startSec % DAY !== 0 || endSec % DAY !== 0) {
    // the daily breakdown is by UTC day: a period of whole days adds up to it exactly
    return problem('invalid-period', 'a custom period is whole UTC days: it starts and ends at 00:00 UTC');
  }
  const now = alignDown(nowSec);
  if (startSec >= now) {
    return problem('future-period', `the period starts in the future (${dayText(startSec)} UTC)`);
  }
  const end = Math.min(endSec, now);
  const previous: PeriodSpan = { startSec: startSec - (end - startSec), endSec: startSec, label: spanLabel(startSec - (end - startSec), startSec) };
  return {
    ok: true,
    period: { kind: 'custom', startSec, endSec: end, nominalEndSec: endSec, partial: false, label: spanLabel(startSec, end), previous },
  };
}

/** The period's span, its previous period, and whether it is still running. */
export function resolvePeriod(period: ChargebackPeriod, nowSec: number): PeriodResolution {
  return period.kind === 'month' ? resolveMonth(period.month, nowSec) : resolveCustom(period.startSec, period.endSec, nowSec);
}

/** Start of each UTC day that overlaps [start, end). */
export function daysOf(span: { startSec: number; endSec: number }): number[] {
  const days: number[] = [];
  for (let day = Math.floor(span.startSec / DAY) * DAY; day < span.endSec; day += DAY) {
    days.push(day);
  }
  return days;
}
