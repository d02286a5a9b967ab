import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { csvField, csvNumber, framesToCsv, guardFormula, unitText } from './csv';

const T0 = Date.UTC(2026, 9, 31, 12);
const HOUR = 3_600_000;
const lines = (...rows: string[]) => rows.map((r) => r + '\r\n').join('');

test.each([
  ['plain', 'plain'],
  ['has,comma', '"has,comma"'],
  ['say "hi"', '"say ""hi"""'],
  ['two\nlines', '"two\nlines"'],
  ['cr\rhere', '"cr\rhere"'],
  ['', ''],
  [' spaced ', ' spaced '],
])('csvField(%p) = %p', (text, field) => {
  expect(csvField(text)).toBe(field);
});

test.each([
  ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
  ['+1', `'+1`],
  ['-team', `'-team`],
  ['@sum', `'@sum`],
  ['\tlead', `'\tlead`],
  ['a=b', 'a=b'],
])('guardFormula(%p) = %p', (text, guarded) => {
  expect(guardFormula(text)).toBe(guarded);
});

test.each<[unknown, string]>([
  [0.1 + 0.2, '0.30000000000000004'],
  [1e-7, '1e-7'],
  [12345678.123456789, '12345678.12345679'],
  [-3, '-3'],
  [-0, '0'],
  [NaN, 'NaN'],
  [Infinity, 'Infinity'],
  [-Infinity, '-Infinity'],
  [null, ''],
  [undefined, ''],
])('csvNumber(%p) = %p', (value, text) => {
  expect(csvNumber(value)).toBe(text);
});

test.each<[string | undefined, string]>([
  ['currencyUSD', 'USD'],
  ['currency:financial:$', 'USD'],
  ['percent', '%'],
  ['suffix:%', '%'],
  ['percentunit', 'fraction of 1'],
  ['suffix: tokens/h', 'tokens/h'],
  ['si: tokens/h', 'tokens/h'],
  ['locale', ''],
  ['prefix:€', '€'],
  ['none', ''],
  ['short', ''],
  [undefined, ''],
  ['bytes', 'bytes'],
])('unitText(%p) = %p', (unit, text) => {
  expect(unitText(unit)).toBe(text);
});

test('a table frame: one row per row, tricky label values quoted and guarded, raw numbers, unit in the header', () => {
  const frame = createDataFrame({
    fields: [
      { name: 'model', type: FieldType.string, values: ['plain', 'has,comma', 'say "hi"', 'two\nlines', '=cmd()', '-neg', 'ünïcødé'] },
      {
        name: 'Value',
        type: FieldType.number,
        config: { displayName: 'Spend', unit: 'currencyUSD', decimals: 2 },
        values: [0.1 + 0.2, 1e-7, -3, NaN, Infinity, null, 12345678.123456789],
      },
    ],
  });
  expect(framesToCsv([frame])).toBe(
    lines(
      'model,Spend (USD)',
      'plain,0.30000000000000004',
      '"has,comma",1e-7',
      '"say ""hi""",-3',
      '"two\nlines",NaN',
      `'=cmd(),Infinity`,
      `'-neg,`,
      'ünïcødé,12345678.12345679'
    )
  );
});

const series = (name: string, times: number[], values: number[]): DataFrame =>
  createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: times },
      { name: 'Value', type: FieldType.number, labels: { model: name }, config: { displayNameFromDS: name, unit: 'currencyUSD' }, values },
    ],
  });

test('several time series: joined on time, one column per series, a gap stays empty', () => {
  const frames = [series('gpt-4o', [T0, T0 + HOUR], [1, 2]), series('a,b "c"', [T0 + HOUR, T0 + 2 * HOUR], [3, 4.25])];
  expect(framesToCsv(frames)).toBe(
    lines(
      'Time,gpt-4o (USD),"a,b ""c"" (USD)"',
      '2026-10-31T12:00:00.000Z,1,',
      '2026-10-31T13:00:00.000Z,2,3',
      '2026-10-31T14:00:00.000Z,,4.25'
    )
  );
});

test('one time series: its rows as they are', () => {
  expect(framesToCsv([series('m', [T0], [0.5])])).toBe(lines('Time,m (USD)', '2026-10-31T12:00:00.000Z,0.5'));
});

test('table frames with different columns: one after another under the union of columns', () => {
  const a = createDataFrame({
    fields: [
      { name: 'team', type: FieldType.string, values: ['x'] },
      { name: 'spend', type: FieldType.number, config: { unit: 'currencyUSD' }, values: [1] },
    ],
  });
  const b = createDataFrame({
    fields: [
      { name: 'team', type: FieldType.string, values: ['y', ''] },
      { name: 'share', type: FieldType.number, config: { unit: 'percent' }, values: [50, 25] },
      { name: 'ok', type: FieldType.boolean, values: [true, false] },
    ],
  });
  expect(framesToCsv([a, b])).toBe(lines('team,spend (USD),share (%),ok', 'x,1,,', 'y,,50,true', ',,25,false'));
});

test('nothing to export', () => {
  expect(framesToCsv([])).toBe('');
  expect(framesToCsv([createDataFrame({ fields: [] })])).toBe('');
});
