import { FieldType, formattedValueToString, getValueFormat, toDataFrame } from '@grafana/data';
import { findStandardKpi } from '../engine/catalog';
import { formatKpiValue } from '../format/numbers';
import { decorateFrame, kpiFieldDisplay } from './frames';
import type { QueryPlan } from './queryPlan';

/** What a panel (stat, table, chart tooltip) prints for a field with this display. */
function grafanaText(display: ReturnType<typeof kpiFieldDisplay>, value: number): string {
  // the SI unit's leading space doubles the one Grafana puts before the prefix; HTML shows one
  return formattedValueToString(getValueFormat(display.unit)(value, display.decimals)).replace(/\s+/g, ' ');
}

test.each<[string, number, string]>([
  ['total_spend', 57748.4712, '$57,748.47'],
  ['total_spend', 0, '$0.00'],
  ['cost_per_inference', 0.01017, '$0.0102'],
  ['cost_per_user', 1234.5, '$1,234.50'],
  ['top_model_share', 51.52, '51.5 %'],
  ['success_rate', 99.954, '99.95 %'],
  ['token_throughput', 3066544.4, '3.07 M tokens/h'],
  ['token_throughput', 12400, '12.4 k tokens/h'],
  ['token_throughput', 950, '950 tokens/h'],
  ['token_ratio', 0.3141, '0.31'],
  ['days_to_exhaustion', 10.66, '10.7 days'],
  ['unique_models', 1234, '1,234'],
])('%s = %p: panels print what the app and the CLI print, %p', (id, value, text) => {
  const kpi = findStandardKpi(id)!;
  expect(grafanaText(kpiFieldDisplay(kpi), value)).toBe(text);
  expect(formatKpiValue(kpi, value)).toBe(text);
});

test('a daily amount: Grafana has no unit with a prefix and a suffix, the panel drops "/day"', () => {
  const kpi = findStandardKpi('burn_rate')!;
  expect(formatKpiValue(kpi, 1806.742)).toBe('$1,806.74/day');
  expect(grafanaText(kpiFieldDisplay(kpi), 1806.742)).toBe('$1,806.74');
});

test('a custom unit is a suffix; SI units leave decimals to Grafana', () => {
  expect(kpiFieldDisplay({ unit: 'req/s', decimals: 1 })).toEqual({ unit: 'suffix:req/s', decimals: 1 });
  expect(grafanaText(kpiFieldDisplay({ unit: 'req/s', decimals: 1 }), 12.34)).toBe('12.3 req/s');
  expect(kpiFieldDisplay({ unit: 'tokens/h', decimals: 0 })).toEqual({ unit: 'si: tokens/h' });
});

test.each<[string, number | undefined, number[]]>([
  ['settled points: each point at the end of its window, 61 min before its evaluation time', 3_660_000, [86_400_000 - 3_660_000, 2 * 86_400_000 - 3_660_000]],
  ['points at their evaluation times', undefined, [86_400_000, 2 * 86_400_000]],
])('decorateFrame, %s', (_, pointShiftMs, times) => {
  const frame = toDataFrame({
    refId: 'A',
    fields: [
      { name: 'Time', type: FieldType.time, values: [86_400_000, 2 * 86_400_000] },
      { name: 'Value', type: FieldType.number, values: [1, 2] },
    ],
  });
  const plan = { ok: true, promql: 'x', mode: 'range', stepSeconds: 86400, windowSeconds: 86400, title: 'Total spend', fromMs: 0, toMs: 0, pointShiftMs } as QueryPlan;
  const decorated = decorateFrame(frame, plan);
  expect(decorated.fields[0].values).toEqual(times);
  expect(decorated.fields[1].values).toEqual([1, 2]);
});
