/**
 * OpenTelemetry GenAI metrics after OTLP -> Prometheus translation, with OpenLIT's cost
 * (reference/metric-profiles.md §B, §C). Both the default translation (unit suffixes) and
 * the suffix-free one are read. Only histogram `_sum` is money or tokens; `_count` of the
 * operation duration counts requests. There is no team attribute in the conventions:
 * the user names the label that carries it.
 */
import { Profile } from '../profile';

export const DEFAULT_OTEL_TEAM_LABEL = 'service_name';

export function otelProfile(teamLabel: string = DEFAULT_OTEL_TEAM_LABEL): Profile {
  const labels = { provider: ['gen_ai_system', 'gen_ai_provider_name'], model: 'gen_ai_request_model', team: teamLabel };
  const durationCounts = (matcher: string) => [
    { metric: 'gen_ai_client_operation_duration_seconds_count', matchers: [matcher] },
    { metric: 'gen_ai_client_operation_duration_count', matchers: [matcher] },
  ];
  const tokenSums = (types: string) => [{ metric: 'gen_ai_client_token_usage_sum', matchers: [`gen_ai_token_type=~"${types}"`] }];
  return {
    id: 'otel',
    description: `OpenTelemetry GenAI metrics (OpenLIT cost), team from label "${teamLabel}"`,
    counters: [
      {
        family: 'spend',
        sources: [
          { metric: 'gen_ai_usage_cost_USD_sum' },
          { metric: 'gen_ai_usage_cost_sum' },
          { metric: 'gen_ai_client_token_cost_USD_sum' },
        ],
        labels,
      },
      { family: 'requests', sources: durationCounts('error_type=""'), labels, staticLabels: { status: 'success' } },
      { family: 'requests', sources: durationCounts('error_type!=""'), labels, staticLabels: { status: 'failure' } },
      // Older emitters say prompt / completion.
      { family: 'tokens', sources: tokenSums('input|prompt'), labels, staticLabels: { type: 'input' } },
      { family: 'tokens', sources: tokenSums('output|completion'), labels, staticLabels: { type: 'output' } },
    ],
    gauges: [],
    missing: ['cache_hits', 'retries', 'fallbacks', 'spend_by_user', 'budget_limit', 'budget_spend'],
  };
}
