import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { anomalyQuery, AnomalyStatus, anomalyStatus, REF_ANOMALIES } from './anomalyView';

const S = 'aigateway:spend_daily:model_team';
const tag = (expr: string, measure: string) => `label_replace(${expr}, "aispend_measure", "${measure}", "", "")`;

test.each<[string, number, object, string]>([
  ['3 sigma, no filters', 3, {}, ''],
  ['2.5 sigma, one team', 2.5, { team: ['a'] }, '{team="a"}'],
])('anomalyQuery, %s: the five columns and the baseline length in one query', (_name, sigma, filters, m) => {
  const [rate, mean, sd, days] = [
    S,
    `${S}:avg_over_time30d`,
    `${S}:stddev_over_time30d`,
    `${S}:count_over_time30d`,
  ].map((n) => `${n}${m}`);
  const cond = ` and abs(${rate} - ${mean}) > ${sigma} * ${sd} + 1e-9 * ${mean} and ${days} >= 7`;
  expect(anomalyQuery(sigma, filters).split(' or ')).toEqual([
    tag(`${rate}${cond}`, 'current'),
    tag(`${mean}${cond}`, 'baseline'),
    tag(`${sd}${cond}`, 'stddev'),
    tag(`${days}${cond}`, 'days'),
    tag(`min_over_time(timestamp(${rate}${cond})[1d:1m])${cond}`, 'detectedAt'),
    tag(`max(${S}:count_over_time30d)`, 'baselineDays'),
  ]);
});

/** One frame per series of the instant query, as Grafana's Prometheus datasource returns them. */
function frame(labels: Record<string, string>, value: number): DataFrame {
  return createDataFrame({
    refId: REF_ANOMALIES,
    fields: [
      { name: 'Time', type: FieldType.time, values: [0] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });
}

const row = (
  labels: Record<string, string>,
  m: { current: number; baseline: number; stddev: number; days: number; detectedAt?: number }
) => Object.entries(m).map(([measure, value]) => frame({ ...labels, aispend_measure: measure }, value));

const SONNET = { provider: 'anthropic', model: 'claude-sonnet-4', team: 'marketing' };
const OPUS = { provider: 'anthropic', model: 'claude-opus-4', team: 'research' };

test.each<[string, DataFrame[], number, AnomalyStatus]>([
  ['no series at all: the rules are not loaded', [], 3, { kind: 'rules-missing' }],
  [
    'a 5-day baseline is still building',
    [frame({ aispend_measure: 'baselineDays' }, 5)],
    3,
    { kind: 'baseline-building', days: 5 },
  ],
  ['rules loaded, nothing anomalous', [frame({ aispend_measure: 'baselineDays' }, 30)], 3, { kind: 'ready', rows: [] }],
  [
    'anomalies, largest deviation first; no detection time is null',
    [
      frame({ aispend_measure: 'baselineDays' }, 30),
      ...row(OPUS, { current: 300, baseline: 200, stddev: 10, days: 30 }),
      ...row(SONNET, { current: 90, baseline: 30, stddev: 5, days: 30, detectedAt: 1793100000 }),
    ],
    3,
    {
      kind: 'ready',
      rows: [
        { ...SONNET, rate: 90, baseline: 30, stddev: 5, deviationPercent: 200, sigmas: 12, detectedAtSec: 1793100000 },
        { ...OPUS, rate: 300, baseline: 200, stddev: 10, deviationPercent: 50, sigmas: 10, detectedAtSec: null },
      ],
    },
  ],
  [
    'a row within the threshold is dropped (the same decision as the PromQL)',
    [
      frame({ aispend_measure: 'baselineDays' }, 30),
      ...row(OPUS, { current: 220, baseline: 200, stddev: 10, days: 30 }),
    ],
    3,
    { kind: 'ready', rows: [] },
  ],
  [
    'a row without a column is incomplete and dropped',
    [frame({ aispend_measure: 'baselineDays' }, 30), frame({ ...OPUS, aispend_measure: 'current' }, 300)],
    3,
    { kind: 'ready', rows: [] },
  ],
])('anomalyStatus: %s', (_name, frames, sigma, expected) => {
  expect(anomalyStatus(frames, sigma)).toEqual(expected);
});
