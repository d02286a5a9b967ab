/** Coverage readings for tests: `covered('previous', 1)` is a 30-day period of which one day has data. */
import { COVERAGE_THRESHOLD, CoverageReading, PeriodCoverage } from '../coverage';

const DAY = 86400;

export function covered(period: PeriodCoverage['period'], days: number, spanDays = 30): PeriodCoverage {
  return {
    period,
    spanSeconds: spanDays * DAY,
    coveredSeconds: days * DAY,
    ratio: days / spanDays,
    complete: days / spanDays >= COVERAGE_THRESHOLD,
  };
}

/** Both 30-day periods fully recorded: changes are percentages. */
export const FULL_COVERAGE: CoverageReading = { state: 'known', periods: [covered('current', 30), covered('previous', 30)] };
/** A history that starts one day before the range: the previous period has data for 1 of 30 days. */
export const ONE_DAY_BEFORE: CoverageReading = { state: 'known', periods: [covered('current', 30), covered('previous', 1)] };
