/**
 * Why a chargeback report cannot be made from its answers: a period without data, a period that
 * starts before the oldest data Prometheus keeps, a team or API key that has no spend. One sentence
 * each, for a page's message or the CLI's one line; never an empty report in their place.
 */
import type { PeriodCoverage } from '../analysis/coverage';
import { compareKeys } from '../analysis/order';
import { DAY_SECONDS } from './queries';
import type { ChargebackProblem, ChargebackScope, ResolvedPeriod } from './types';

/** Known values named in an "unknown team / key" message; more are counted. */
export const KNOWN_NAMES_SHOWN = 5;

const dayText = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);

export interface DataPresence {
  current: PeriodCoverage;
  previous: PeriodCoverage;
  /** start of the first UTC day of the period with any data */
  firstDayWithData?: number;
}

/**
 * No data at all, or data that begins days into the period with none in the period before: the
 * period reaches back past the oldest data (retention, or the gateway's first day), and a report
 * for it would pass a part of the period off as the whole.
 */
export function dataProblem(period: ResolvedPeriod, presence: DataPresence): ChargebackProblem | undefined {
  if (presence.current.coveredSeconds === 0 || presence.firstDayWithData === undefined) {
    return { kind: 'empty-period', message: `no data for ${period.label}: Prometheus has no recorded gateway series in that period` };
  }
  const firstDay = Math.floor(period.startSec / DAY_SECONDS) * DAY_SECONDS;
  if (presence.previous.coveredSeconds === 0 && presence.firstDayWithData > firstDay) {
    const days = Math.round((presence.firstDayWithData - period.startSec) / DAY_SECONDS);
    return {
      kind: 'before-retention',
      message:
        `${period.label} starts before the oldest data in Prometheus (${dayText(presence.firstDayWithData)}): ` +
        `its first ${days} ${days === 1 ? 'day has' : 'days have'} no data; choose a period from ${dayText(presence.firstDayWithData)} on`,
    };
  }
  return undefined;
}

function known(values: Iterable<string>): string {
  const names = [...values].filter((v) => v !== '').sort(compareKeys);
  if (!names.length) {
    return 'none';
  }
  const shown = names.slice(0, KNOWN_NAMES_SHOWN).join(', ');
  return names.length > KNOWN_NAMES_SHOWN ? `${shown} and ${names.length - KNOWN_NAMES_SHOWN} more` : shown;
}

/**
 * A team or API key scope without spend in the period: unknown when it had none in the period
 * before either (with the names that do have spend), else an empty period for it.
 */
export function scopeProblem(
  scope: ChargebackScope,
  period: ResolvedPeriod,
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>
): ChargebackProblem | undefined {
  if (scope.kind === 'all') {
    return undefined;
  }
  const [key, what, kind] =
    scope.kind === 'team' ? [scope.team, 'team', 'unknown-team' as const] : [scope.apiKey, 'API key', 'unknown-api-key' as const];
  if (current.has(key)) {
    return undefined;
  }
  if (previous.has(key)) {
    return { kind: 'empty-period', message: `${what} "${key}" has no spend in ${period.label} (it had in ${period.previous.label})` };
  }
  return {
    kind,
    message: `unknown ${what} "${key}": no spend recorded for it in ${period.label} or ${period.previous.label} (${what}s with spend: ${known(current.keys())})`,
  };
}

/** A scope with a known name but nothing spent: no report of zeros. */
export function noSpendProblem(period: ResolvedPeriod, scopeLabel: string, total: number | null, unpriced: string | null): ChargebackProblem | undefined {
  if (total !== null && total !== 0) {
    return undefined;
  }
  return { kind: 'empty-period', message: `no spend recorded for ${scopeLabel} in ${period.label}${unpriced ? ` (${unpriced})` : ''}` };
}
