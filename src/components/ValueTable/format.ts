/**
 * Numbers in the app's own tables: full precision in US format (a table is for reading exact
 * values; panels abbreviate), "—" for missing values, and signs on changes.
 */
import { NO_VALUE } from '../../datasource/frames';

const USD = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const USD_SMALL = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
});

function missing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** $1,234.56; below one cent, four decimals ($0.0042) so small costs do not read $0.00. */
export function formatUsd(value: number | null | undefined): string {
  if (missing(value)) {
    return NO_VALUE;
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '∞' : '−∞';
  }
  const small = value !== 0 && Math.abs(value) < 0.01;
  return (small ? USD_SMALL : USD).format(value).replace('-', '−');
}

/** +$12.30 / −$4.00 / $0.00 */
export function formatSignedUsd(value: number | null | undefined): string {
  if (missing(value)) {
    return NO_VALUE;
  }
  return value > 0 ? `+${formatUsd(value)}` : formatUsd(value);
}

/** 12.3 % with `decimals` places; signed: +12.3 % / −4.0 %. */
export function formatPercent(
  value: number | null | undefined,
  options: { decimals?: number; signed?: boolean } = {}
): string {
  if (missing(value)) {
    return NO_VALUE;
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '+∞ %' : '−∞ %';
  }
  const text = Math.abs(value).toFixed(options.decimals ?? 1);
  const sign = value < 0 && Number(text) !== 0 ? '−' : options.signed && value > 0 && Number(text) !== 0 ? '+' : '';
  return `${sign}${text} %`;
}

/** Colour of a change in spend: more is bad, less is good, none (or missing) is neutral. */
export type ChangeTone = 'bad' | 'good' | 'neutral';

export function spendChangeTone(change: number | null | undefined): ChangeTone {
  if (missing(change) || change === 0) {
    return 'neutral';
  }
  return change > 0 ? 'bad' : 'good';
}
