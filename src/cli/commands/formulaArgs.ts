/** The formula argument of `check`, `promql` and `eval`, and the options the last two share: window or from/to, range and step, group-by. */
import { GROUP_BY_LABELS, GroupByLabel } from '../../engine/conventions';
import { parseDurationSeconds } from '../../engine/duration';
import { UsageError } from '../io';
import type { KpiRequest } from '../kpiQuery';

export const FORMULA_OPTIONS = {
  by: { type: 'string' },
  window: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  range: { type: 'boolean' },
  step: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export interface FormulaValues {
  by?: string;
  window?: string;
  from?: string;
  to?: string;
  range?: boolean;
  step?: string;
}

/** unix seconds or RFC 3339 */
export function parseTime(name: string, text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.floor(Number(text));
  }
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms)) {
    throw new UsageError(`--${name} must be unix seconds or RFC 3339 (got "${text}")`);
  }
  return Math.floor(ms / 1000);
}

function duration(name: string, text: string): number {
  const seconds = parseDurationSeconds(text);
  if (seconds === undefined) {
    throw new UsageError(`--${name} must be a duration like 1h, 7d or 30d (got "${text}")`);
  }
  return seconds;
}

export function formulaPositional(positionals: string[]): string {
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError('expected exactly one <formula> (quote it)');
  }
  return positionals[0];
}

export function formulaRequest(positionals: string[], values: FormulaValues, nowSec: number): KpiRequest {
  const formula = formulaPositional(positionals);
  if (values.window && values.from) {
    throw new UsageError('use either --window or --from/--to');
  }
  if (values.by !== undefined && !(GROUP_BY_LABELS as readonly string[]).includes(values.by)) {
    throw new UsageError(`--by must be one of ${GROUP_BY_LABELS.join(', ')}`);
  }
  if (values.step && !values.range) {
    throw new UsageError('--step needs --range');
  }
  const toSec = values.to ? parseTime('to', values.to) : nowSec;
  const fromSec = values.from ? parseTime('from', values.from) : toSec - duration('window', values.window ?? '30d');
  if (fromSec >= toSec) {
    throw new UsageError('--from must be before --to');
  }
  const stepSec = values.range ? duration('step', values.step ?? '1h') : null;
  return {
    formula,
    mode: values.range ? 'range' : 'instant',
    fromSec,
    toSec,
    stepSec,
    groupBy: values.by ? [values.by as GroupByLabel] : [],
  };
}
