import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import type { SpenderDimension } from '../../analysis/topSpenders';
import type { Filters } from '../../engine/language';
import type { PrometheusTarget } from '../../scenes/prometheusTargets';
import { modelMixFrame, spenderTargets, spendStepSeconds, spendTotalFrame } from './spenderView';

const DAY = 86400;
const END = Date.UTC(2026, 9, 31, 12);
const SPEND = 'aigateway:spend_usd:increase1m';
const BY_USER = 'aigateway:spend_usd_by_user:increase1m';
const REQUESTS = 'aigateway:requests:increase1m';

test.each<[number, number]>([
  [3600, 3600],
  [7 * DAY, 3600],
  [7 * DAY + 60, DAY],
  [30 * DAY, DAY],
])('a %i s range is shown per %i s', (windowSeconds, step) => {
  expect(spendStepSeconds(windowSeconds)).toBe(step);
});

const instant = (refId: string, expr: string): PrometheusTarget => ({
  refId,
  expr,
  instant: true,
  range: false,
  editorMode: 'code',
});

test.each<[SpenderDimension, string, Filters, number, PrometheusTarget[]]>([
  [
    'team',
    'data-science',
    {},
    30,
    [
      {
        refId: 'spendOverTime',
        expr: `sum(sum_over_time(${SPEND}{team="data-science"}[86399999ms]))`,
        instant: false,
        range: true,
        interval: '86400s',
        legendFormat: 'Spend',
        editorMode: 'code',
      },
      instant('modelMix', `sum by (model) (sum_over_time(${SPEND}{team="data-science"}[2591999999ms]))`),
      instant(
        'costPerRequest',
        `sum(sum_over_time(${SPEND}{team="data-science"}[2591999999ms])) / sum(sum_over_time(${REQUESTS}{team="data-science"}[2591999999ms]))`
      ),
    ],
  ],
  [
    'user',
    '',
    { model: ['gpt-4o'] },
    2,
    [
      {
        refId: 'spendOverTime',
        expr: `sum(sum_over_time(${BY_USER}{user="", model="gpt-4o"}[3599999ms]))`,
        instant: false,
        range: true,
        interval: '3600s',
        legendFormat: 'Spend',
        editorMode: 'code',
      },
      instant('modelMix', `sum by (model) (sum_over_time(${BY_USER}{user="", model="gpt-4o"}[172799999ms]))`),
    ],
  ],
])('spenderTargets(%s, %p, %p) over %i days', (dimension, key, filters, days, expected) => {
  expect(spenderTargets(dimension, key, { fromMs: END - days * DAY * 1000, toMs: END }, filters)).toEqual(expected);
});

const frame = (refId: string, labels: Record<string, string>, value: number): DataFrame =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [END] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });

test('model mix: largest first, ties by name, "" as (no model)', () => {
  const mix = modelMixFrame([
    frame('modelMix', { model: 'b' }, 2),
    frame('modelMix', { model: 'c' }, 5),
    frame('modelMix', { model: 'a' }, 2),
    frame('modelMix', {}, 1),
  ]);
  expect(mix.fields.map((f) => [f.name, f.values])).toEqual([
    ['model', ['c', 'a', 'b', '(no model)']],
    ['spend', [5, 2, 2, 1]],
  ]);
});

test.each<[string, DataFrame[], number[]]>([
  ['the sum of the mix', [frame('modelMix', { model: 'a' }, 2.5), frame('modelMix', { model: 'b' }, 4)], [6.5]],
  ['no series: no value (missing, not 0)', [], []],
  ['spend of 0 is 0', [frame('modelMix', { model: 'a' }, 0)], [0]],
])('spend total: %s', (_name, frames, values) => {
  expect(spendTotalFrame(frames).fields[0].values).toEqual(values);
});
