/**
 * CSV export of the data a page shows (Grafana DataFrames), RFC 4180: CRLF line ends, fields with
 * a comma, quote, CR or LF quoted, quotes doubled.
 *
 * Values are raw, not the panel's formatted text: numbers at full precision (JavaScript's shortest
 * round-trip form, so a spreadsheet reads back the exact value; NaN / Infinity / -Infinity spelled
 * out, missing values empty), times as ISO 8601 UTC. The unit goes into the header instead:
 * "Spend (USD)". Formatting with the field's decimals would lose precision a re-import needs.
 *
 * Several time series (one frame per series) become one table joined on time: one row per
 * timestamp, one column per series. Table frames (instant results, labels as columns) keep one row
 * per row, frames one after another under the union of their columns.
 *
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first: label values are user
 * input) is prefixed with ' (OWASP CSV injection).
 */
import { DataFrame, Field, FieldType, getFieldDisplayName } from '@grafana/data';
import { GRAFANA_USD } from '../datasource/frames';
import { csvField, csvNumber, guardFormula } from './csvText';

export { csvField, csvNumber, guardFormula };

const CRLF = '\r\n';

const UNIT_TEXT: Record<string, string> = {
  currencyUSD: 'USD',
  [GRAFANA_USD]: 'USD',
  percent: '%',
  percentunit: 'fraction of 1',
  none: '',
  short: '',
  locale: '',
};

export function unitText(unit: string | undefined): string {
  if (!unit) {
    return '';
  }
  if (unit in UNIT_TEXT) {
    return UNIT_TEXT[unit];
  }
  const affix = /^(?:suffix|prefix|si):(.*)$/.exec(unit);
  return affix ? affix[1].trim() : unit;
}


function timeText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  const ms = typeof value === 'number' ? value : Number((value as { valueOf(): number }).valueOf());
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** A value as CSV text (unquoted). */
function cellText(field: Field, value: unknown): string {
  switch (field.type) {
    case FieldType.time:
      return timeText(value);
    case FieldType.number:
      return csvNumber(value);
    default:
      if (value === null || value === undefined) {
        return '';
      }
      return guardFormula(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

function headerOf(field: Field, frame: DataFrame, frames: DataFrame[]): string {
  const name = getFieldDisplayName(field, frame, frames);
  const unit = field.type === FieldType.number ? unitText(field.config.unit) : '';
  return guardFormula(unit ? `${name} (${unit})` : name);
}

interface Table {
  header: string[];
  rows: string[][];
}

const isTimeSeries = (frame: DataFrame) =>
  frame.fields.some((f) => f.type === FieldType.time) && !frame.fields.some((f) => f.type === FieldType.string);

function joinOnTime(frames: DataFrame[]): Table {
  const columns: Array<{ header: string; byTime: Map<number, string> }> = [];
  const times = new Set<number>();
  for (const frame of frames) {
    const time = frame.fields.find((f) => f.type === FieldType.time)!;
    const at = time.values.map((v) => Number(v?.valueOf()));
    at.forEach((t) => times.add(t));
    for (const field of frame.fields.filter((f) => f !== time)) {
      columns.push({ header: headerOf(field, frame, frames), byTime: new Map(at.map((t, i) => [t, cellText(field, field.values[i])])) });
    }
  }
  const timeHeader = headerOf(frames[0].fields.find((f) => f.type === FieldType.time)!, frames[0], frames);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    header: [timeHeader, ...columns.map((c) => c.header)],
    rows: sorted.map((t) => [timeText(t), ...columns.map((c) => c.byTime.get(t) ?? '')]),
  };
}

function concatenate(frames: DataFrame[]): Table {
  const header: string[] = [];
  const rows: string[][] = [];
  for (const frame of frames) {
    const cols = frame.fields.map((field) => {
      const h = headerOf(field, frame, frames);
      if (!header.includes(h)) {
        header.push(h);
      }
      return { field, index: header.indexOf(h) };
    });
    const length = Math.max(0, ...frame.fields.map((f) => f.values.length));
    for (let i = 0; i < length; i++) {
      const row: string[] = [];
      cols.forEach(({ field, index }) => (row[index] = cellText(field, field.values[i])));
      rows.push(row);
    }
  }
  return { header, rows: rows.map((r) => header.map((_, i) => r[i] ?? '')) };
}

/** The frames as one CSV document ("" when there is nothing to export). */
export function framesToCsv(frames: DataFrame[]): string {
  const withFields = frames.filter((f) => f.fields.length > 0);
  if (withFields.length === 0) {
    return '';
  }
  const table = withFields.length > 1 && withFields.every(isTimeSeries) ? joinOnTime(withFields) : concatenate(withFields);
  return [table.header, ...table.rows].map((r) => r.map(csvField).join(',') + CRLF).join('');
}
