/**
 * The LiteLLM proxy's own Prometheus metrics (reference/metric-profiles.md §A).
 * Traps handled here: `api_provider` exists only on spend, so every other family joins
 * provider from the model seen on spend; unknown identities are the string "None";
 * the proxy request counter already includes failures; there is no retry counter;
 * `+Inf` remaining budget means "no budget"; multi-worker gauges carry `pid`.
 */
import { Profile } from '../profile';

const spendLabels = { provider: ['api_provider'], model: 'model', team: 'team' };
const requestLabels = { model: 'requested_model', team: 'team' };
const modelLabels = { model: 'model', team: 'team' };
const spend = { metric: 'litellm_spend_metric_total' };
const NO_NONE_TEAM = 'team!="None"';

export const litellmProfile: Profile = {
  id: 'litellm',
  description: 'LiteLLM proxy Prometheus metrics (litellm_*_metric_total)',
  unknownValues: ['None'],
  modelProviderSource: { source: spend, providerLabel: 'api_provider', modelLabel: 'model' },
  counters: [
    { family: 'spend', sources: [spend], labels: spendLabels },
    {
      family: 'spend_by_user',
      sources: [spend],
      labels: { ...spendLabels, user: 'user', api_key: 'hashed_api_key' },
    },
    {
      family: 'requests',
      // status_code "200" is hard-coded by LiteLLM's success hook; failures count in both counters.
      sources: [{ metric: 'litellm_proxy_total_requests_metric_total', matchers: ['status_code="200"'] }],
      labels: requestLabels,
      staticLabels: { status: 'success' },
      providerFromModel: true,
    },
    {
      family: 'requests',
      sources: [{ metric: 'litellm_proxy_failed_requests_metric_total' }],
      labels: requestLabels,
      staticLabels: { status: 'failure' },
      providerFromModel: true,
    },
    {
      family: 'tokens',
      sources: [{ metric: 'litellm_input_tokens_metric_total' }],
      labels: modelLabels,
      staticLabels: { type: 'input' },
      providerFromModel: true,
    },
    {
      family: 'tokens',
      sources: [{ metric: 'litellm_output_tokens_metric_total' }],
      labels: modelLabels,
      staticLabels: { type: 'output' },
      providerFromModel: true,
    },
    {
      family: 'cache_hits',
      sources: [{ metric: 'litellm_cache_hits_metric_total' }],
      labels: modelLabels,
      providerFromModel: true,
    },
    {
      family: 'fallbacks',
      sources: [
        { metric: 'litellm_deployment_successful_fallbacks_total' },
        { metric: 'litellm_deployment_failed_fallbacks_total' },
      ],
      labels: requestLabels,
      providerFromModel: true,
    },
  ],
  gauges: [
    // `max by (team)` also drops the multi-worker `pid` label.
    { family: 'budget_limit', expr: `max by (team) (litellm_team_max_budget_metric{${NO_NONE_TEAM}})` },
    {
      family: 'budget_spend',
      expr:
        `max by (team) (litellm_team_max_budget_metric{${NO_NONE_TEAM}})` +
        ` - max by (team) (litellm_remaining_team_budget_metric{${NO_NONE_TEAM}} < Inf)`,
    },
  ],
  missing: ['retries'],
};
