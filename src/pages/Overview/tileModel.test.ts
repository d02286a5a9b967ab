import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { findStandardKpi, KpiDefinition } from '../../engine/catalog';
import { changeBetween, TILE_REF, tileModel } from './tileModel';

const kpi = (id: string): KpiDefinition => findStandardKpi(id)!;

function frame(refId: string, values: number[], labels: Record<string, string> = {}): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => i * 86_400_000) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });
}

test.each<[string, number | null, number | null, KpiDefinition['direction'], ReturnType<typeof changeBetween>]>([
  ['spend up on a lower-is-better KPI is bad news', 120, 100, 'lower-is-better', { percent: 20, absolute: 20, favourable: false }],
  ['spend down on a lower-is-better KPI is good news', 80, 100, 'lower-is-better', { percent: -20, absolute: -20, favourable: true }],
  ['up on a higher-is-better KPI is good news', 60, 48, 'higher-is-better', { percent: 25, absolute: 12, favourable: true }],
  ['a neutral KPI is neither', 120, 100, 'neutral', { percent: 20, absolute: 20, favourable: null }],
  ['no change is neither', 100, 100, 'lower-is-better', { percent: 0, absolute: 0, favourable: null }],
  ['nothing before: no percent', 50, 0, 'lower-is-better', { percent: null, absolute: 50, favourable: false }],
  ['a negative base compares by its size', -50, -100, 'higher-is-better', { percent: 50, absolute: 50, favourable: true }],
  ['no previous value: no change', 50, null, 'lower-is-better', null],
  ['no current value: no change', null, 50, 'lower-is-better', null],
])('%s', (_, current, previous, direction, expected) => {
  expect(changeBetween(current, previous, { ...kpi('total_spend'), direction })).toEqual(expected);
});

test('an ungrouped KPI: value, change and a 14-point trend from the three queries', () => {
  const trend = Array.from({ length: 14 }, (_, i) => 10 + i);
  const model = tileModel([frame(TILE_REF.value, [300]), frame(TILE_REF.previous, [250]), frame(TILE_REF.trend, trend)], kpi('avg_daily_cost'));
  expect(model.value).toBe(300);
  expect(model.group).toBeUndefined();
  expect(model.change).toEqual({ percent: 20, absolute: 50, favourable: false });
  expect(model.trend?.values.values).toEqual(trend);
  expect(model.trend?.values.state?.range).toEqual({ min: 10, max: 23, delta: 13 });
});

test('a grouped KPI shows its largest group, compared with the same group before', () => {
  const model = tileModel(
    [
      frame(TILE_REF.value, [20], { provider: 'openai' }),
      frame(TILE_REF.value, [70], { provider: 'anthropic' }),
      frame(TILE_REF.previous, [75], { provider: 'openai' }),
      frame(TILE_REF.previous, [60], { provider: 'anthropic' }),
      frame(TILE_REF.trend, [1, 2], { provider: 'openai' }),
      frame(TILE_REF.trend, [65, 70], { provider: 'anthropic' }),
    ],
    kpi('provider_share')
  );
  expect(model.value).toBe(70);
  expect(model.group).toBe('anthropic');
  expect(model.change?.absolute).toBe(10);
  expect(model.trend?.values.values).toEqual([65, 70]);
});

test('missing values: no value, no change, no trend', () => {
  const model = tileModel([frame(TILE_REF.value, [NaN]), frame(TILE_REF.trend, [5])], kpi('total_spend'));
  expect(model).toMatchObject({ value: null, change: null, trend: undefined });
});
