import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import type { CoverageReading } from '../../analysis/coverage';
import { covered } from '../../analysis/testing/coverageFixtures';
import { findStandardKpi, KpiDefinition } from '../../engine/catalog';
import { changeBetween, TILE_REF, tileModel } from './tileModel';

const FULL: CoverageReading = {
  state: 'known',
  periods: [covered('current', 30), covered('previous', 30), covered('before_previous', 30)],
};

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
  const model = tileModel([frame(TILE_REF.value, [300]), frame(TILE_REF.previous, [250]), frame(TILE_REF.trend, trend)], kpi('avg_daily_cost'), FULL);
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
    kpi('provider_share'),
    FULL
  );
  expect(model.value).toBe(70);
  expect(model.group).toBe('anthropic');
  expect(model.change?.absolute).toBe(10);
  expect(model.trend?.values.values).toEqual([65, 70]);
});

test('missing values: no value, no change, no trend', () => {
  const model = tileModel([frame(TILE_REF.value, [NaN]), frame(TILE_REF.trend, [5])], kpi('total_spend'), FULL);
  expect(model).toMatchObject({ value: null, change: null, trend: undefined });
});

const issue14 = [frame(TILE_REF.value, [2537.9]), frame(TILE_REF.previous, [998]), frame(TILE_REF.trend, [1, 2])];

test.each<[string, string, CoverageReading, Partial<ReturnType<typeof tileModel>>]>([
  [
    'total spend, previous period 1 of 30 days: the value, no change, the sentence',
    'total_spend',
    { state: 'known', periods: [covered('current', 30), covered('previous', 1), covered('before_previous', 0)] },
    { value: 2537.9, change: null, withheld: { note: 'previous period has data for 1 of 30 days', value: false } },
  ],
  [
    'MoM growth, previous period 1 of 30 days: no value either (the value is the comparison)',
    'mom_growth',
    { state: 'known', periods: [covered('current', 30), covered('previous', 1), covered('before_previous', 0)] },
    { value: null, change: null, withheld: { note: 'previous period has data for 1 of 30 days', value: true } },
  ],
  [
    'MoM growth with both periods full: its value; its change needs the period before the previous one',
    'mom_growth',
    { state: 'known', periods: [covered('current', 30), covered('previous', 30), covered('before_previous', 15)] },
    {
      value: 2537.9,
      change: null,
      withheld: { note: 'period before the previous one has data for 15 of 30 days', value: false },
    },
  ],
  [
    'MoM growth with three full periods: value and change',
    'mom_growth',
    FULL,
    { value: 2537.9, change: { percent: 154.3, absolute: 1539.9, favourable: false }, withheld: undefined },
  ],
  [
    'total spend, the current period 20 of 30 days',
    'total_spend',
    { state: 'known', periods: [covered('current', 20), covered('previous', 30)] },
    { value: 2537.9, change: null, withheld: { note: 'current period has data for 20 of 30 days', value: false } },
  ],
  [
    'while the coverage is being checked: no change yet',
    'total_spend',
    { state: 'checking' },
    { value: 2537.9, change: null, withheld: { note: 'checking how much of each period has data', value: false } },
  ],
])('coverage: %s', (_name, kpiId, coverage, expected) => {
  const model = tileModel(issue14, kpi(kpiId), coverage);
  const rounded = model.change && {
    ...model.change,
    percent: Math.round(model.change.percent! * 10) / 10,
    absolute: Math.round(model.change.absolute * 10) / 10,
  };
  expect({ value: model.value, change: rounded, withheld: model.withheld }).toEqual({
    value: expected.value,
    change: expected.change,
    withheld: expected.withheld,
  });
});
