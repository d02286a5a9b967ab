import { FAMILIES, FamilyId } from '../engine/conventions';
import { litellmProfile } from '../rules/profiles/litellm';
import { seedProfile } from '../rules/profiles/seed';
import { healthAnswers, pointsPerHourQuery, recentQuery } from './healthQueries';
import { metricNamesIn, rawMetricsOf } from './rawMetrics';

test.each(Object.values(FAMILIES).map((f, i) => [f.id, i, f.series] as const))(
  'points per hour of %s: term %d of the range query',
  (id, index, series) => {
    expect(pointsPerHourQuery().split(' or ')[index]).toBe(
      `label_replace(max(count_over_time(${series}[3599999ms])), "aispend_family", "${id}", "", "")`
    );
  }
);

test.each<[string, string[], string[]]>([
  [
    'no raw metrics: the families only',
    [],
    Object.values(FAMILIES).map(
      (f) => `label_replace(group(present_over_time(${f.series}[900s])), "aispend_family", "${f.id}", "", "")`
    ),
  ],
  [
    'raw metrics after the families',
    ['litellm_spend_metric_total', 'litellm_team_max_budget_metric'],
    [
      ...Object.values(FAMILIES).map(
        (f) => `label_replace(group(present_over_time(${f.series}[900s])), "aispend_family", "${f.id}", "", "")`
      ),
      'label_replace(group(present_over_time(litellm_spend_metric_total[900s])), "aispend_raw", "litellm_spend_metric_total", "", "")',
      'label_replace(group(present_over_time(litellm_team_max_budget_metric[900s])), "aispend_raw", "litellm_team_max_budget_metric", "", "")',
    ],
  ],
])('recent query, %s', (_name, raw, terms) => {
  expect(recentQuery(raw)).toBe(terms.join(' or '));
});

test.each<[string, string[]]>([
  ['max by (team) (litellm_team_max_budget_metric{team!="None"})', ['litellm_team_max_budget_metric']],
  [
    'max by (team) (litellm_team_spend_total) or (sum(max by (team) (litellm_team_spend_total)) and on () max(litellm_global_budget_total))',
    ['litellm_team_spend_total', 'litellm_global_budget_total'],
  ],
  ['sum(x offset 1m) / on (a, b) group_left (c) y > bool 1e3', ['x', 'y']],
  ['max by (team) (a{team!="None"} < Inf) - ignoring (pid) b:rate5m{l=~"x|y"}', ['a', 'b:rate5m']],
])('metric names in %s', (expr, names) => {
  expect(metricNamesIn(expr)).toEqual(names);
});

test.each<[string, typeof litellmProfile, Partial<Record<FamilyId, string[]>>]>([
  [
    'litellm',
    litellmProfile,
    {
      spend: ['litellm_spend_metric_total'],
      spend_by_user: ['litellm_spend_metric_total'],
      requests: ['litellm_proxy_total_requests_metric_total', 'litellm_proxy_failed_requests_metric_total'],
      tokens: ['litellm_input_tokens_metric_total', 'litellm_output_tokens_metric_total'],
      cache_hits: ['litellm_cache_hits_metric_total'],
      fallbacks: ['litellm_deployment_successful_fallbacks_total', 'litellm_deployment_failed_fallbacks_total'],
      budget_limit: ['litellm_team_max_budget_metric'],
      budget_spend: ['litellm_team_max_budget_metric', 'litellm_remaining_team_budget_metric'],
    },
  ],
  [
    'seed',
    seedProfile,
    {
      spend: ['litellm_spend_total'],
      spend_by_user: ['litellm_spend_total'],
      requests: ['litellm_requests_total'],
      tokens: ['litellm_tokens_total'],
      cache_hits: ['litellm_cache_hits_total'],
      retries: ['litellm_retries_total'],
      fallbacks: ['litellm_fallback_requests_total'],
      budget_limit: ['litellm_team_budget_total', 'litellm_global_budget_total'],
      budget_spend: ['litellm_team_spend_total', 'litellm_global_budget_total'],
    },
  ],
])('raw metrics of the %s profile per family', (_name, profile, expected) => {
  expect(Object.fromEntries(rawMetricsOf(profile))).toEqual(expected);
});

test('answers: hour steps per family in time order without empty ones, recent families and raw metrics', () => {
  const answers = healthAnswers(
    [
      {
        labels: { aispend_family: 'spend' },
        values: [
          [7200, 12],
          [3600, 60],
          [10800, 0],
        ],
      },
      { labels: { aispend_family: 'unknown' }, values: [[3600, 60]] },
      { labels: { aispend_family: 'tokens' }, values: [[0, 0]] },
    ],
    [
      { labels: { aispend_family: 'spend' }, value: 1 },
      { labels: { aispend_raw: 'litellm_spend_metric_total' }, value: 1 },
      { labels: { aispend_family: '__proto__' }, value: 1 },
    ]
  );
  expect(Object.fromEntries(answers.hourly)).toEqual({
    spend: [
      [3600, 60],
      [7200, 12],
    ],
  });
  expect([...answers.recentFamilies]).toEqual(['spend']);
  expect([...answers.recentRaw]).toEqual(['litellm_spend_metric_total']);
});
