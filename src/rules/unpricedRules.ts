/**
 * Unpriced usage, the same for every profile (canonical series only): tokens and requests over the
 * trailing hour of the (provider, model) pairs whose spend over that hour is 0 or missing, and an
 * alert so that ops hear about a model the gateway has no price for before a month of spend is
 * under-reported. The queries are the pages' (src/analysis/unpriced.ts), over one hour.
 *
 * The alert reads tokens, not requests: a priced model whose requests all failed in an hour has
 * requests and no spend, but no tokens either.
 */
import { unpricedUsageQueries } from '../analysis/unpriced';
import { UNPRICED_SERIES } from '../engine/conventions';
import type { AlertingRule } from './derived';
import { RULE_INTERVAL, RecordingRule } from './profile';
import type { RuleGroup } from './ruleGroup';

export const UNPRICED_USAGE_ALERT = 'AISpendUnpricedUsage';
export const UNPRICED_GROUP = 'aispend-unpriced-usage';
const HOUR_SECONDS = 3600;

export function unpricedRecordingRules(): RecordingRule[] {
  const queries = unpricedUsageQueries(HOUR_SECONDS);
  return [
    { record: UNPRICED_SERIES.tokens1h, expr: queries.tokens },
    { record: UNPRICED_SERIES.requests1h, expr: queries.requests },
  ];
}

export function unpricedUsageAlert(): AlertingRule {
  return {
    alert: UNPRICED_USAGE_ALERT,
    expr: `${UNPRICED_SERIES.tokens1h} > 0`,
    // a model that stays unpriced for 15 minutes, not one request at an hour's edge
    for: '15m',
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Model "{{ $labels.model }}" ({{ $labels.provider }}) used {{ $value | humanize }} tokens in the last hour without a price',
      description:
        'Its spend over the same hour is 0 or missing: the gateway has no price for it, so every spend total, budget and ' +
        'chargeback report under-reports. Add the model to the gateway\'s price list.',
    },
  };
}

export function unpricedRuleGroup(): RuleGroup {
  return { name: UNPRICED_GROUP, interval: RULE_INTERVAL, rules: [...unpricedRecordingRules(), unpricedUsageAlert()] };
}
