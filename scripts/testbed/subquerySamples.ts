/**
 * Prometheus 2.42 leaves out of `totalQueryableSamples` the samples a subquery's inner expression
 * reads when the subquery is the argument of a range function (prometheus/prometheus#16638): the
 * pages' coverage query, `count_over_time(group(present_over_time(s[1h]))[30d:1h])`, reports a few
 * hundred samples where it reads one per series and minute. The bench counts them by running each
 * subquery's inner expression as the range query Prometheus evaluates it as (same step times).
 */

export interface Subquery {
  /** the expression before `[range:step]` */
  inner: string;
  rangeMs: number;
  stepMs: number;
  offsetMs: number;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** A PromQL duration such as `2591999999ms`, `1h30m` or `-5m`, in ms. */
export function durationMs(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^-/, '');
  const parts = [...body.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== body) {
    throw new Error(`not a PromQL duration: ${text}`);
  }
  return sign * parts.reduce((ms, [, n, unit]) => ms + Number(n) * UNIT_MS[unit], 0);
}

/** Index of the `open` matching the `close` at `end`, scanning back over quoted strings. */
function matchBack(expr: string, end: number, open: string, close: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = end; i >= 0; i--) {
    const c = expr[i];
    if (quote) {
      quote = c === quote && expr[i - 1] !== '\\' ? null : quote;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (c === close) {
      depth++;
    } else if (c === open && --depth === 0) {
      return i;
    }
  }
  throw new Error(`unbalanced ${open}${close} in ${expr}`);
}

const IDENTIFIER_END = /[A-Za-z0-9_:]+\s*$/;

/** Start of the identifier (metric, function, aggregation or keyword) ending right before `end`, or `end`. */
function identifierStart(expr: string, end: number): number {
  const match = IDENTIFIER_END.exec(expr.slice(0, end));
  return match ? end - match[0].length : end;
}

/** Start of the operand that ends right before `end`: a call, parentheses, a selector or an aggregation with by/without. */
function operandStart(expr: string, end: number): number {
  const last = expr.slice(0, end).trimEnd().length - 1;
  const closing = expr[last];
  const start = closing === ')' || closing === '}' ? identifierStart(expr, matchBack(expr, last, closing === ')' ? '(' : '{', closing)) : identifierStart(expr, last + 1);
  if (start > last) {
    throw new Error(`no subquery operand before position ${end} in ${expr}`);
  }
  const grouping = /^(by|without)\b/.test(expr.slice(start));
  // `sum(x) by (a)` (the operand so far is `by (a)`) or `sum by (a) (x)` (so far `(x)`)
  const aggregatedBefore = expr[start] === '(' && /\b(by|without)\s*\([^()]*\)\s*$/.test(expr.slice(0, start));
  return grouping || aggregatedBefore ? operandStart(expr, start) : start;
}

const SUBQUERY = /\[\s*([0-9a-z]+)\s*:\s*([0-9a-z]+)\s*\](\s*offset\s+(-?[0-9a-z]+))?/g;

/** The outermost subqueries of `expr`; a subquery's default step (`[1h:]`) is not supported. */
export function subqueries(expr: string): Subquery[] {
  const found: Array<Subquery & { start: number; end: number }> = [];
  for (const m of expr.matchAll(SUBQUERY)) {
    const start = operandStart(expr, m.index!);
    found.push({
      inner: expr.slice(start, m.index!).trim(),
      rangeMs: durationMs(m[1]),
      stepMs: durationMs(m[2]),
      offsetMs: m[4] ? durationMs(m[4]) : 0,
      start,
      end: m.index! + m[0].length,
    });
  }
  if (/\[\s*[0-9a-z]+\s*:\s*\]/.test(expr)) {
    throw new Error(`a subquery without a step is not supported: ${expr}`);
  }
  return found.filter((s) => !found.some((o) => o !== s && o.start <= s.start && s.end <= o.end)).map(({ start: _s, end: _e, ...s }) => s);
}

/**
 * The range query (seconds) Prometheus evaluates a subquery's inner expression as, for outer
 * evaluations from `fromMs` to `toMs` (the same for an instant query): steps on multiples of the
 * step, from the first at or after `from − offset − range`, up to `to − offset`.
 */
export function innerRange(s: Subquery, fromMs: number, toMs = fromMs): { startSec: number; endSec: number; stepSec: number } {
  const startMs = Math.ceil((fromMs - s.offsetMs - s.rangeMs) / s.stepMs) * s.stepMs;
  return { startSec: startMs / 1000, endSec: (toMs - s.offsetMs) / 1000, stepSec: s.stepMs / 1000 };
}
