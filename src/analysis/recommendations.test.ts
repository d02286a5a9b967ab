/** @jest-environment node */
import { KpiReading, matchRecommendations, RECOMMENDATIONS, RecommendationThresholds, thresholdsFromSettings } from './recommendations';
import { STANDARD_KPIS } from '../engine/catalog';

test('every recommendation of seed 001 §8, each keyed by a standard KPI', () => {
  expect(RECOMMENDATIONS.map((r) => [r.signal, r.recommendation])).toEqual([
    ['High CPR', 'Review prompt length, enable caching'],
    ['Low cache hit rate', 'Identify repeated queries, tune TTL'],
    ['High token ratio', 'Optimize prompts, set max_tokens'],
    ['Budget > 80%', 'Alert team, review heavy users'],
    ['High retry rate', 'Check provider health, adjust timeouts'],
    ['Premium model > 30% spend', 'Evaluate if premium needed, try cheaper alternatives'],
    ['Self-hosted < 40%', 'Migrate suitable workloads to vLLM'],
  ]);
  const ids = new Set(STANDARD_KPIS.map((k) => k.id));
  expect(RECOMMENDATIONS.filter((r) => !ids.has(r.kpiId))).toEqual([]);
});

test.each<[string, KpiReading, RecommendationThresholds, string[]]>([
  ['cost per request above $0.01', { kpiId: 'cost_per_inference', value: 0.0101 }, {}, ['high_cost_per_request']],
  ['cost per request at $0.01 is on target', { kpiId: 'cost_per_inference', value: 0.01 }, {}, []],
  ['cache hit rate under 20 %', { kpiId: 'cache_hit_rate', value: 19.9 }, {}, ['low_cache_hit_rate']],
  ['cache hit rate at 20 %', { kpiId: 'cache_hit_rate', value: 20 }, {}, []],
  ['token ratio above 2', { kpiId: 'token_ratio', value: 2.5 }, {}, ['high_token_ratio']],
  ['token ratio threshold raised for code generation', { kpiId: 'token_ratio', value: 2.5 }, { high_token_ratio: 5 }, []],
  ['budget at 80 % (as the warning alert)', { kpiId: 'budget_utilization', value: 80, group: { label: 'team', value: 'a' } }, {}, ['budget_over_80']],
  ['budget at 79.9 %', { kpiId: 'budget_utilization', value: 79.9 }, {}, []],
  ['budget threshold from the app settings', { kpiId: 'budget_utilization', value: 80 }, thresholdsFromSettings({ budgetWarningPercent: 85 }), []],
  ['retry rate at 5 % is elevated', { kpiId: 'retry_rate', value: 5 }, {}, ['high_retry_rate']],
  ['retry rate under 5 %', { kpiId: 'retry_rate', value: 4.99 }, {}, []],
  ['an Opus model with 31 % of spend', { kpiId: 'provider_share', value: 31, group: { label: 'model', value: 'claude-opus-4' } }, {}, ['premium_model_share']],
  ['GPT-4-turbo with 30.5 %', { kpiId: 'provider_share', value: 30.5, group: { label: 'model', value: 'GPT-4-Turbo-2024' } }, {}, ['premium_model_share']],
  ['a standard model with 60 %', { kpiId: 'provider_share', value: 60, group: { label: 'model', value: 'claude-sonnet-4' } }, {}, []],
  ['self-hosted with 12 %', { kpiId: 'provider_share', value: 12, group: { label: 'provider', value: 'self-hosted' } }, {}, ['low_self_hosted_share']],
  ["LiteLLM's hosted_vllm with 39 %", { kpiId: 'provider_share', value: 39, group: { label: 'provider', value: 'hosted_vllm' } }, {}, ['low_self_hosted_share']],
  ['self-hosted with 45 %', { kpiId: 'provider_share', value: 45, group: { label: 'provider', value: 'self-hosted' } }, {}, []],
  ['a share without a group says nothing about tiers', { kpiId: 'provider_share', value: 10 }, {}, []],
  ['openai with 12 % is not self-hosted', { kpiId: 'provider_share', value: 12, group: { label: 'provider', value: 'openai' } }, {}, []],
  ['missing value', { kpiId: 'retry_rate', value: null }, {}, []],
  ['NaN value', { kpiId: 'cache_hit_rate', value: NaN }, {}, []],
  ['a KPI without recommendations', { kpiId: 'total_spend', value: 1e9 }, {}, []],
])('%s', (_name, reading, thresholds, ids) => {
  expect(matchRecommendations(reading, thresholds).map((r) => r.id)).toEqual(ids);
});

test('a matched recommendation carries the threshold that triggered it', () => {
  const [match] = matchRecommendations({ kpiId: 'budget_utilization', value: 90 }, { budget_over_80: 85 });
  expect(match).toMatchObject({ id: 'budget_over_80', comparison: '>=', threshold: 85 });
  expect(thresholdsFromSettings({})).toEqual({});
});
