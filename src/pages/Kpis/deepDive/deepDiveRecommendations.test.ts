import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { hasRecommendations, kpiReadings, triggeredRecommendations } from './deepDiveRecommendations';

const frames = (refId: string, label: string | undefined, entries: Array<[string, number]>): DataFrame[] =>
  entries.map(([key, value]) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [1] },
        { name: 'Value', type: FieldType.number, values: [value], labels: label ? { [label]: key } : {} },
      ],
    })
  );

test.each([
  ['cost_per_inference', true],
  ['cache_hit_rate', true],
  ['token_ratio', true],
  ['budget_utilization', true],
  ['retry_rate', true],
  ['provider_share', true],
  ['total_spend', false],
  ['anthropic_share', false],
])('hasRecommendations(%s) = %p', (kpiId, has) => {
  expect(hasRecommendations(kpiId)).toBe(has);
});

test('high cost per request, crossed by the whole range and by two models', () => {
  const readings = kpiReadings(
    'cost_per_inference',
    { frames: frames('value', undefined, [['', 0.0102]]) },
    {
      model: frames('current', 'model', [
        ['claude-opus-4', 0.084],
        ['gpt-4o', 0.0079],
        ['claude-sonnet-4', 0.0142],
      ]),
    }
  );
  const triggered = triggeredRecommendations(readings, {});
  expect(triggered.map((t) => [t.recommendation.id, t.readings])).toEqual([
    [
      'high_cost_per_request',
      [
        { group: undefined, value: 0.0102 },
        { group: { label: 'model', value: 'claude-opus-4' }, value: 0.084 },
        { group: { label: 'model', value: 'claude-sonnet-4' }, value: 0.0142 },
      ],
    ],
  ]);
});

test('provider share: premium models over 30 % and self-hosted under 40 %, on breakdown rows only', () => {
  const readings = kpiReadings(
    'provider_share',
    {
      frames: frames('value', 'provider', [
        ['anthropic', 67.3],
        ['self-hosted', 0.2],
      ]),
      groupBy: 'provider',
    },
    {
      provider: frames('current', 'provider', [
        ['anthropic', 67.3],
        ['self-hosted', 0.2],
      ]),
      model: frames('current', 'model', [
        ['claude-opus-4', 51.5],
        ['gpt-4o', 3.9],
      ]),
      team: frames('previous', 'team', [['ml', 90]]),
    }
  );
  // the value query by provider and the breakdown by provider read each provider once
  expect(readings.filter((r) => r.group?.label === 'provider')).toHaveLength(2);
  expect(
    triggeredRecommendations(readings, {}).map((t) => [t.recommendation.id, t.readings.map((r) => r.group?.value)])
  ).toEqual([
    ['premium_model_share', ['claude-opus-4']],
    ['low_self_hosted_share', ['self-hosted']],
  ]);
});

test('the budget warning threshold of the app settings replaces the seed default', () => {
  const readings = kpiReadings(
    'budget_utilization',
    { frames: frames('value', 'team', [['ml', 75]]), groupBy: 'team' },
    {}
  );
  expect(triggeredRecommendations(readings, {})).toEqual([]);
  expect(
    triggeredRecommendations(readings, { budget_over_80: 70 }).map((t) => [t.recommendation.threshold, t.readings])
  ).toEqual([[70, [{ group: { label: 'team', value: 'ml' }, value: 75 }]]]);
});

test('no reading crosses a threshold: nothing to recommend', () => {
  const readings = kpiReadings('cache_hit_rate', { frames: frames('value', undefined, [['', 31]]) }, {});
  expect(triggeredRecommendations(readings, {})).toEqual([]);
});
