/** Seed 001's `litellm_*` names: labels are already canonical. */
import { Profile } from '../profile';

const labels = { provider: ['provider'], model: 'model', team: 'team' };
const spend = { metric: 'litellm_spend_total' };
const requests = (status: string) => ({ metric: 'litellm_requests_total', matchers: [`status="${status}"`] });
const tokens = (type: string) => ({ metric: 'litellm_tokens_total', matchers: [`type="${type}"`] });

export const seedProfile: Profile = {
  id: 'seed',
  description: 'litellm_* metric names of the FinOps KPI definitions (seed 001)',
  counters: [
    { family: 'spend', sources: [spend], labels },
    { family: 'spend_by_user', sources: [spend], labels: { ...labels, user: 'user', api_key: 'api_key' } },
    { family: 'requests', sources: [requests('success')], labels, staticLabels: { status: 'success' } },
    { family: 'requests', sources: [requests('failure')], labels, staticLabels: { status: 'failure' } },
    { family: 'tokens', sources: [tokens('input')], labels, staticLabels: { type: 'input' } },
    { family: 'tokens', sources: [tokens('output')], labels, staticLabels: { type: 'output' } },
    { family: 'cache_hits', sources: [{ metric: 'litellm_cache_hits_total' }], labels },
    { family: 'retries', sources: [{ metric: 'litellm_retries_total' }], labels },
    { family: 'fallbacks', sources: [{ metric: 'litellm_fallback_requests_total' }], labels },
  ],
  gauges: [
    // The global budget is team "" of the same series.
    {
      family: 'budget_limit',
      expr: 'max by (team) (litellm_team_budget_total) or max(litellm_global_budget_total)',
      staticLabels: { period: 'month' },
    },
    // The seed has no global spend gauge: the global period spend is the sum of the teams'.
    {
      family: 'budget_spend',
      expr:
        'max by (team) (litellm_team_spend_total)' +
        ' or (sum(max by (team) (litellm_team_spend_total)) and on () max(litellm_global_budget_total))',
      staticLabels: { period: 'month' },
    },
  ],
  missing: [],
};
