/**
 * PromQL building blocks for profile recording rules.
 * Kept tiny and string-based: the rules are reviewed as text (golden files), so the
 * output must stay readable.
 */
import { promqlString } from '../engine/conventions';

export interface RawSelector {
  metric: string;
  /** raw label matchers, already escaped, e.g. `status_code="200"` */
  matchers?: string[];
}

export function selector({ metric, matchers = [] }: RawSelector): string {
  return matchers.length ? `${metric}{${matchers.join(', ')}}` : metric;
}

/**
 * The counter's increase since the previous rule evaluation (one minute ago).
 *
 * `increase(x[1m])` every minute extrapolates each window from one or two samples and
 * drifts by up to ~3 % over an hour. The difference to the sample one minute ago
 * telescopes instead: summed over any window it is exactly last − first. A negative
 * difference is a counter reset and a missing one a series that just started; only then
 * Prometheus' own reset-aware `increase` over the last minute is used.
 */
export function perMinuteIncrease(raw: RawSelector): string {
  const sel = selector(raw);
  return `((${sel} - ${sel} offset 1m) >= 0 or increase(${sel}[1m]))`;
}

/** Copy raw label `from` into canonical label `to` (an absent `from` clears `to`). */
export function copyLabel(expr: string, to: string, from: string): string {
  if (to === from) {
    return expr;
  }
  return `label_replace(${expr}, ${promqlString(to)}, "$1", ${promqlString(from)}, "(.*)")`;
}

/** Copy `from` into `to` only where `from` is non-empty (a fallback label keeps what is there). */
export function copyLabelIfSet(expr: string, to: string, from: string): string {
  return `label_replace(${expr}, ${promqlString(to)}, "$1", ${promqlString(from)}, "(.+)")`;
}

/** Map one exact label value to "" (LiteLLM writes a missing identity as the string "None"). */
export function blankLabelValue(expr: string, label: string, value: string): string {
  return `label_replace(${expr}, ${promqlString(label)}, "", ${promqlString(label)}, ${promqlString(escapeRegex(value))})`;
}

export function sumBy(labels: readonly string[], expr: string): string {
  return `sum by (${labels.join(', ')}) (${expr})`;
}

export function orAll(exprs: string[]): string {
  return exprs.length === 1 ? exprs[0] : exprs.map((e) => `(${e})`).join(' or ');
}

export function escapeRegex(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
