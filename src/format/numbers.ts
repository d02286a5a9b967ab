/**
 * Numbers as the app's own tables and the CLI print them, one format per unit: money with
 * thousands separators ($57,748.47), token throughput with an SI prefix (3.07 M tokens/h),
 * everything else with thousands separators at its decimals (2,537.9 %, 12.5 days). Panels print
 * the same through the Grafana unit datasource/frames.ts picks for each KPI unit.
 *
 * US English like the rest of the app's text, so a number reads the same in the browser, in a
 * terminal and in a test. "—" for a missing value (null, undefined, NaN); "−" (the minus sign,
 * not a hyphen) before a negative value and before its "$".
 */

export const NO_VALUE = '—';

const MINUS = '\u2212';

/** A KPI's display: its unit and decimals as KpiDefinition has them. */
export interface UnitDisplay {
  unit: string;
  decimals: number;
}

interface Affixes {
  prefix?: string;
  suffix?: string;
  /** scale by 1000s with an SI prefix at three significant digits; the unit's decimals do not apply */
  si?: boolean;
}

/** How each unit of the standard KPIs prints; any other unit is a suffix after a space. */
const UNIT_AFFIXES: Record<string, Affixes> = {
  USD: { prefix: '$' },
  'USD/day': { prefix: '$', suffix: '/day' },
  '%': { suffix: ' %' },
  'tokens/h': { suffix: ' tokens/h', si: true },
  ratio: {},
  count: {},
  days: { suffix: ' days' },
};

export function unitAffixes(unit: string): Affixes {
  return UNIT_AFFIXES[unit] ?? (unit ? { suffix: ` ${unit}` } : {});
}

const SI_PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

const formatters = new Map<number, Intl.NumberFormat>();

function grouped(decimals: number): Intl.NumberFormat {
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, formatter);
  }
  return formatter;
}

function missing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/**
 * The sign before a value whose magnitude reads `text`: none when it rounds to zero ("0.0 %", not
 * "−0.0 %"); "+" before a positive one when `signed`.
 */
function signOf(value: number, text: string, signed: boolean): string {
  const zero = Number.isFinite(value) && !/[1-9]/.test(text);
  return value < 0 && !zero ? MINUS : signed && value > 0 && !zero ? '+' : '';
}

function affixed(value: number, text: string, affixes: Affixes, signed: boolean): string {
  return `${signOf(value, text, signed)}${affixes.prefix ?? ''}${text}${affixes.suffix ?? ''}`;
}

/**
 * |value| scaled by 1000s with its SI prefix, at three significant digits (a whole number
 * without decimals): 3.07 M, 12.4 k, 950. Grafana's SI units print the same for values ≥ 1.
 */
export function siMagnitude(value: number): string {
  const absolute = Math.abs(value);
  if (!Number.isFinite(absolute)) {
    return '∞';
  }
  const step = absolute < 1 ? 0 : Math.min(Math.floor(Math.log10(absolute) / 3), SI_PREFIXES.length - 1);
  const scaled = absolute / 1000 ** step;
  const decimals = Number.isInteger(scaled) || scaled === 0 ? 0 : Math.max(0, 2 - Math.floor(Math.log10(scaled)));
  const text = grouped(decimals).format(scaled);
  return step ? `${text} ${SI_PREFIXES[step]}` : text;
}

function magnitude(value: number, decimals: number): string {
  return Number.isFinite(value) ? grouped(decimals).format(Math.abs(value)) : '∞';
}

/** 1,234.57 at `decimals` places; signed: +1,234.57. */
export function formatNumber(
  value: number | null | undefined,
  decimals: number,
  options: { signed?: boolean } = {}
): string {
  return missing(value) ? NO_VALUE : affixed(value, magnitude(value, decimals), {}, options.signed ?? false);
}

/** $1,234.56 at two decimals; below one cent, four ($0.0042) so that small costs do not read $0.00. */
export function formatUsd(value: number | null | undefined, options: { signed?: boolean } = {}): string {
  if (missing(value)) {
    return NO_VALUE;
  }
  const decimals = value !== 0 && Math.abs(value) < 0.01 ? 4 : 2;
  return affixed(value, magnitude(value, decimals), UNIT_AFFIXES.USD, options.signed ?? false);
}

/** 12.3 % at `decimals` places (one by default); signed: +12.3 % / −4.0 %. */
export function formatPercent(
  value: number | null | undefined,
  options: { decimals?: number; signed?: boolean } = {}
): string {
  if (missing(value)) {
    return NO_VALUE;
  }
  return affixed(value, magnitude(value, options.decimals ?? 1), UNIT_AFFIXES['%'], options.signed ?? false);
}

/** 12.5 days at `decimals` places (one by default). */
export function formatDays(value: number | null | undefined, decimals = 1): string {
  return missing(value) ? NO_VALUE : affixed(value, magnitude(value, decimals), UNIT_AFFIXES.days, false);
}

/**
 * A KPI's value in its unit at its decimals: $57,748.47, $1,806.74/day, 74.1 %, 3.07 M tokens/h,
 * 0.31, 12 days; a custom unit follows the number after a space. Signed: +$5,640.20.
 */
export function formatKpiValue(
  kpi: UnitDisplay,
  value: number | null | undefined,
  options: { signed?: boolean } = {}
): string {
  if (missing(value)) {
    return NO_VALUE;
  }
  const affixes = unitAffixes(kpi.unit);
  const text = affixes.si ? siMagnitude(value) : magnitude(value, kpi.decimals);
  return affixed(value, text, affixes, options.signed ?? false);
}

/**
 * A number of no known unit (`aispend eval` of a formula): thousands separators, up to four
 * decimals, and four significant digits below 1 so that a small ratio is not 0.
 */
export function formatPlainNumber(value: number | null | undefined): string {
  if (missing(value)) {
    return NO_VALUE;
  }
  const absolute = Math.abs(value);
  const decimals = absolute === 0 || absolute >= 1 ? 4 : Math.min(20, 3 - Math.floor(Math.log10(absolute)));
  const text = Number.isFinite(value)
    ? new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals }).format(absolute)
    : '∞';
  return affixed(value, text, {}, false);
}
