/**
 * Honest comparisons (PRODUCT.md §6): a change vs the previous period is a percentage only when
 * both periods have data for at least 90 % of their span; otherwise the page says how much of the
 * period has data. This module builds the one query a page runs to learn that, reads its answer
 * and words the verdict. Pure, so every case is a table test.
 *
 * Per period (the range, the range before it, …) the query counts the resolution steps (hours;
 * 5 minutes in ranges under a day) in which the canonical request series has any sample:
 *   count_over_time(group(present_over_time(<requests>[1h]))[<window>:1h] offset <k × window>)
 * It is an instant query at the range's end, not a range query with a one-day step, because
 * Grafana's Prometheus datasource aligns a range query's start and end down to a multiple of its
 * step, which would drop the last partial day of the current period; an instant query runs at the
 * end exactly. Subqueries, present_over_time and group are PromQL that Mimir, Thanos and
 * VictoriaMetrics run as well.
 */
import { COVERAGE_PERIOD_LABEL, FAMILIES, RULE_INTERVAL_SECONDS } from '../engine/conventions';
import type { TierContext } from '../engine/tierPlan';
import { formatPromDuration } from '../engine/duration';
import { HOUR_MS, labelledTierParts, tierSeries } from '../engine/tiers';
import { alignStep } from '../datasource/queryPlan';
import type { LabeledValue } from './labeledValues';
import { readsPreviousPeriod } from './whatChanged';

/**
 * Requests, not spend: every profile records them (spend needs a cost metric that an OTel source
 * may lack), and their rule writes a sample at each evaluation while the gateway's counters exist,
 * traffic or not (a zero increase). A step without a sample is a step without data, not a quiet one.
 */
export const COVERAGE_SERIES = FAMILIES.requests.series;
/**
 * At an hourly resolution the hourly tier answers the same question (a bucket exists when its hour
 * has a one-minute sample) with one sample an hour, where it has been written for every hour of
 * the periods; otherwise (tier rules newer than the periods) the one-minute tier does.
 */
export const COVERAGE_SERIES_HOURLY = tierSeries('requests', 'hour');

/**
 * The first hour of the run of written hourly buckets that ends at the last closed hour, or null.
 * Before it the hourly tier may lack buckets the one-minute tier has data for (tier rules newer
 * than the history), so coverage reads the one-minute tier there: where it has no data either,
 * that costs nothing.
 */
function hourlyTierSince(tiers: TierContext): number | null {
  const has = (mark: number) => tiers.marks.hour.has(mark);
  let mark = Math.floor(tiers.firstEvalMs / HOUR_MS) * HOUR_MS - HOUR_MS;
  if (tiers.count !== 1 || !has(mark)) {
    return null;
  }
  while (has(mark - HOUR_MS)) {
    mark -= HOUR_MS;
  }
  return mark;
}

/** Share of a period's span that must have data for a comparison to be shown as a percentage. */
export const COVERAGE_THRESHOLD = 0.9;

/** Periods back from the end of the range: the range itself, the one before, the one before that. */
export const COVERAGE_PERIODS = ['current', 'previous', 'before_previous'] as const;
export type CoveragePeriod = (typeof COVERAGE_PERIODS)[number];

const PERIOD_NAMES: Record<CoveragePeriod, string> = {
  current: 'current period',
  previous: 'previous period',
  before_previous: 'period before the previous one',
};

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

export interface CoverageSpec {
  /** length of each period in seconds */
  windowSeconds: number;
  /** how many periods back from the end: 1 (the range), 2 (and the previous one) or 3 */
  periods: number;
}

/** Hours, or 5 minutes in ranges under a day; both longer than the rule interval. */
export function coverageResolutionSeconds(windowSeconds: number): number {
  return windowSeconds >= DAY ? HOUR : 5 * MINUTE;
}

/** The range's length as the KPI datasource evaluates it (whole rule intervals): its periods' length. */
export function coverageSpecFor(range: { fromMs: number; toMs: number }, periods: number): CoverageSpec {
  return { windowSeconds: alignStep((range.toMs - range.fromMs) / 1000, RULE_INTERVAL_SECONDS), periods };
}

/** A fixed number of days ending at the range's end (e.g. the budgets' burn window). */
export function trailingDaysSpec(days: number): CoverageSpec {
  return { windowSeconds: days * DAY, periods: 1 };
}

function periodsOf(spec: CoverageSpec): CoveragePeriod[] {
  if (!Number.isInteger(spec.periods) || spec.periods < 1 || spec.periods > COVERAGE_PERIODS.length) {
    throw new RangeError(`coverage covers 1 to ${COVERAGE_PERIODS.length} periods (got ${spec.periods})`);
  }
  return COVERAGE_PERIODS.slice(0, spec.periods);
}

/**
 * One instant query, one series per period (labelled COVERAGE_PERIOD_LABEL) holding the number of
 * resolution steps with data; a period without any has no series. Ranges are 1 ms short of their
 * length: Prometheus 2 ranges include both ends.
 */
export function coverageQuery(spec: CoverageSpec, tiers?: TierContext): string {
  const step = coverageResolutionSeconds(spec.windowSeconds);
  const since = tiers && step * 1000 === HOUR_MS ? hourlyTierSince(tiers) : null;
  const present = (series: string) => `group(present_over_time(${series}[${step * 1000 - 1}ms]))`;
  return periodsOf(spec)
    .map((period, k) => {
      const windowMs = spec.windowSeconds * 1000;
      const steps = (series: string, fromMs: number, toMs: number) => {
        const offset = toMs === 0 ? '' : ` offset ${formatPromDuration(toMs)}`;
        return `count_over_time(${present(series)}[${fromMs - toMs - 1}ms:${step}s]${offset})`;
      };
      // the period is (e − (k + 1)·W, e − k·W], as offsets before the evaluation time e
      const [from, to] = [(k + 1) * windowMs, k * windowMs];
      const split = since === null ? to : Math.max(to, Math.min(from, tiers!.firstEvalMs - since));
      const parts = [
        ...(split < from ? [steps(COVERAGE_SERIES, from, split)] : []),
        ...(split > to ? [steps(COVERAGE_SERIES_HOURLY, split, to)] : []),
      ];
      const counted = parts.length === 1 ? parts[0] : `sum(${labelledTierParts(parts)})`;
      return `label_replace(${counted}, "${COVERAGE_PERIOD_LABEL}", "${period}", "", "")`;
    })
    .join(' or ');
}

export interface PeriodCoverage {
  period: CoveragePeriod;
  spanSeconds: number;
  /** seconds of the period with data, in whole resolution steps */
  coveredSeconds: number;
  /** coveredSeconds ÷ spanSeconds, 0 … 1 */
  ratio: number;
  /** at least COVERAGE_THRESHOLD of the span has data */
  complete: boolean;
}

/** The query's answer as the coverage of each period, current first; a period with no series has none. */
export function coverageFromValues(values: readonly LabeledValue[], spec: CoverageSpec): PeriodCoverage[] {
  const step = coverageResolutionSeconds(spec.windowSeconds);
  return periodsOf(spec).map((period) => {
    const steps = values.find((v) => v.labels[COVERAGE_PERIOD_LABEL] === period)?.value;
    const covered = Number.isFinite(steps) ? Math.min(spec.windowSeconds, Math.max(0, steps! * step)) : 0;
    const ratio = covered / spec.windowSeconds;
    return {
      period,
      spanSeconds: spec.windowSeconds,
      coveredSeconds: covered,
      ratio,
      complete: ratio >= COVERAGE_THRESHOLD,
    };
  });
}

/** What a page knows about its coverage: still asking, the answer, or why there is none. */
export type CoverageReading =
  { state: 'checking' } | { state: 'failed'; message: string } | { state: 'known'; periods: readonly PeriodCoverage[] };

/**
 * Periods back from the end that a KPI's change vs the previous period reads: 2, or 3 for a KPI
 * that is itself a comparison (growth reads `previous.`, so its previous value reads the period
 * before that).
 */
export function comparisonPeriods(formula: string): number {
  return readsPreviousPeriod(formula) ? 3 : 2;
}

/** Either the comparison may be a percentage, or the sentence that says why it is not. */
export type CoverageVerdict = { comparable: true } | { comparable: false; note: string };

const UNITS = [
  { seconds: DAY, one: 'day', many: 'days' },
  { seconds: HOUR, one: 'hour', many: 'hours' },
  { seconds: MINUTE, one: 'minute', many: 'minutes' },
] as const;

/** 30 · 1.5 · 0.2: one decimal at most, none when whole. */
function amount(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * "1 of 30 days": in days from two days up, hours from two hours up, else minutes; less than one
 * unit of data is said in the next smaller unit ("5 hours of 30 days").
 */
export function coveredPart(coverage: PeriodCoverage): string {
  const unitIndex = UNITS.findIndex((u) => coverage.spanSeconds >= 2 * u.seconds);
  const unit = UNITS[unitIndex === -1 ? UNITS.length - 1 : unitIndex];
  const smaller = UNITS[UNITS.indexOf(unit) + 1];
  const total = `${amount(coverage.spanSeconds / unit.seconds)} ${unit.many}`;
  const covered = coverage.coveredSeconds;
  return covered > 0 && covered < unit.seconds && smaller
    ? `${amount(covered / smaller.seconds)} ${covered === smaller.seconds ? smaller.one : smaller.many} of ${total}`
    : `${amount(covered / unit.seconds)} of ${total}`;
}

/** "previous period has data for 1 of 30 days" */
export function coverageSentence(coverage: PeriodCoverage): string {
  return `${PERIOD_NAMES[coverage.period]} has data for ${coveredPart(coverage)}`;
}

/**
 * May a comparison that reads the last `periods` periods (2: current vs previous; 3 for the change
 * of a KPI that is itself a comparison) be a percentage? Not while the coverage is unknown.
 */
export function coverageVerdict(reading: CoverageReading, periods = 2): CoverageVerdict {
  if (reading.state === 'checking') {
    return { comparable: false, note: 'checking how much of each period has data' };
  }
  if (reading.state === 'failed') {
    return {
      comparable: false,
      note: `no comparison: how much of each period has data is unknown (${reading.message})`,
    };
  }
  if (reading.periods.length < periods) {
    return { comparable: false, note: 'no comparison: the coverage of the earlier periods was not checked' };
  }
  const short = reading.periods.slice(0, periods).filter((p) => !p.complete);
  return short.length ? { comparable: false, note: short.map(coverageSentence).join('; ') } : { comparable: true };
}

/** A change as a percentage, or what stands in its place. */
export type PercentChange =
  | { kind: 'percent'; percent: number }
  /** nothing before, something now, and the previous period has data: not a percentage of 0 */
  | { kind: 'new' }
  /** a period has too little data: the verdict's note says how much */
  | { kind: 'withheld'; note: string }
  /** no value to compare */
  | { kind: 'none' };

/** current vs previous under the verdict; a negative base compares by its size. */
export function percentChange(
  current: number | null,
  previous: number | null,
  verdict: CoverageVerdict
): PercentChange {
  if (current === null || previous === null || Number.isNaN(current) || Number.isNaN(previous)) {
    return { kind: 'none' };
  }
  if (!verdict.comparable) {
    return { kind: 'withheld', note: verdict.note };
  }
  if (previous === 0) {
    return current === 0 ? { kind: 'percent', percent: 0 } : { kind: 'new' };
  }
  return { kind: 'percent', percent: ((current - previous) / Math.abs(previous)) * 100 };
}
