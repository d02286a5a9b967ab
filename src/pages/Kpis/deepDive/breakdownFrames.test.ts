import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { findStandardKpi } from '../../../engine/catalog';
import { framesToCsv } from '../../../analysis/csv';
import { breakdownFrame, whatChangedFrame, whatChangedOf } from './breakdownFrames';

const kpi = (id: string) => findStandardKpi(id)!;
const lines = (...rows: string[]) => rows.map((r) => r + '\r\n').join('');

/** Grafana's Prometheus answer in time series format: one frame per series, labels on the value. */
const series = (refId: string, label: string, entries: Array<[string | undefined, number]>): DataFrame[] =>
  entries.map(([key, value]) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [1_793_448_000_000] },
        { name: 'Value', type: FieldType.number, values: [value], labels: key === undefined ? {} : { [label]: key } },
      ],
    })
  );

/** ... and in table format (instant queries by a label). */
const table = (refId: string, label: string, entries: Array<[string, number]>): DataFrame =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: entries.map(() => 1_793_448_000_000) },
      { name: label, type: FieldType.string, values: entries.map(([k]) => k) },
      { name: 'Value', type: FieldType.number, values: entries.map(([, v]) => v) },
    ],
  });

const spendByProvider = [
  ...series('current', 'provider', [
    ['openai', 25],
    ['anthropic', 75],
    [undefined, 0.5],
  ]),
  ...series('previous', 'provider', [
    ['openai', 30],
    ['gcp', 5],
  ]),
];

test('an additive KPI: groups highest first with their share of the total; the previous period is not shown', () => {
  const frame = breakdownFrame(spendByProvider, 'provider', kpi('total_spend'), true);
  expect(frame.fields.map((f) => [f.name, f.values])).toEqual([
    ['Provider', ['anthropic', 'openai', '(no provider)']],
    ['Total spend', [75, 25, 0.5]],
    ['Share', [(75 / 100.5) * 100, (25 / 100.5) * 100, (0.5 / 100.5) * 100]],
  ]);
  expect(frame.fields[1].config).toEqual({ unit: 'currency:financial:$', decimals: 2 });
  expect(frame.fields[2].config).toEqual({ unit: 'suffix:%', decimals: 1 });
});

test('a ratio: values without a share; NaN (0 ÷ 0) last; table-format answers read the same', () => {
  const frame = breakdownFrame(
    [
      table('current', 'model', [
        ['gpt-4o', 0.0079],
        ['idle', NaN],
        ['claude-opus-4', 0.084],
      ]),
    ],
    'model',
    kpi('cost_per_inference'),
    false
  );
  expect(frame.fields.map((f) => [f.name, f.values])).toEqual([
    ['Model', ['claude-opus-4', 'gpt-4o', 'idle']],
    ['Cost per inference', [0.084, 0.0079, NaN]],
  ]);
});

test('CSV export of a breakdown: exactly the rows and columns shown, raw values, units in the header', () => {
  const frame = breakdownFrame(spendByProvider, 'provider', kpi('total_spend'), true);
  expect(framesToCsv([frame])).toBe(
    lines(
      'Provider,Total spend (USD),Share (%)',
      'anthropic,75,74.6268656716418',
      'openai,25,24.875621890547265',
      '(no provider),0.5,0.4975124378109453'
    )
  );
});

test('what changed: ranked by the size of the change, new and vanished groups count from / to nothing', () => {
  const changed = whatChangedOf(spendByProvider, 'provider');
  expect(changed.rows.map((r) => [r.key, r.previous, r.current, r.delta, r.status])).toEqual([
    ['anthropic', null, 75, 75, 'new'],
    ['gcp', 5, null, -5, 'vanished'],
    ['openai', 30, 25, -5, 'down'],
    ['', null, 0.5, 0.5, 'new'],
  ]);
  expect(changed.totalDelta).toBe(65.5);
});

test('CSV export of "what changed": the ranked rows as shown', () => {
  const changed = whatChangedOf(spendByProvider, 'provider');
  expect(framesToCsv([whatChangedFrame(changed, 'provider', kpi('total_spend'))])).toBe(
    lines(
      'Provider,Previous period (USD),This period (USD),Change (USD),Share of the change (%),Status',
      'anthropic,,75,75,114.50381679389312,new',
      'gcp,5,,-5,-7.633587786259542,vanished',
      'openai,30,25,-5,-7.633587786259542,down',
      '(no provider),,0.5,0.5,0.7633587786259541,new'
    )
  );
});
