/**
 * The one place that names canonical series and labels (PRODUCT.md §3).
 * Profile rules write these series; the KPI compiler, the reference evaluator,
 * the datasource and the pages read them. Nothing else spells an `aigateway:` name.
 */

export const RULE_PREFIX = 'aigateway:';

/** Every canonical series carries these labels ("" where unknown). */
export const BASE_LABELS = ['provider', 'model', 'team'] as const;
/** Only the spend-by-spender family carries these. */
export const SPENDER_LABELS = ['user', 'api_key'] as const;
export const GROUP_BY_LABELS = [...BASE_LABELS, ...SPENDER_LABELS] as const;
export type GroupByLabel = (typeof GROUP_BY_LABELS)[number];
export type BaseLabel = (typeof BASE_LABELS)[number];

export const STATUS_LABEL = 'status';
export const STATUS_SUCCESS = 'success';
export const STATUS_FAILURE = 'failure';
export const TOKEN_TYPE_LABEL = 'type';
export const TOKEN_INPUT = 'input';
export const TOKEN_OUTPUT = 'output';
export const PERIOD_LABEL = 'period';

/** Rule evaluation interval of the canonical `:increase1m` families, in seconds. */
export const RULE_INTERVAL_SECONDS = 60;

export type FamilyId =
  | 'spend'
  | 'requests'
  | 'tokens'
  | 'cache_hits'
  | 'retries'
  | 'fallbacks'
  | 'spend_by_user'
  | 'budget_limit'
  | 'budget_spend';

export interface Family {
  id: FamilyId;
  series: string;
  /** counters are per-minute increases summed over a window; gauges take the last value */
  kind: 'increase' | 'gauge';
  /** labels beyond BASE_LABELS */
  extraLabels: readonly string[];
  description: string;
}

export const FAMILIES: Record<FamilyId, Family> = {
  spend: {
    id: 'spend',
    series: 'aigateway:spend_usd:increase1m',
    kind: 'increase',
    extraLabels: [],
    description: 'spend in USD',
  },
  requests: {
    id: 'requests',
    series: 'aigateway:requests:increase1m',
    kind: 'increase',
    extraLabels: [STATUS_LABEL],
    description: 'requests by status (success / failure)',
  },
  tokens: {
    id: 'tokens',
    series: 'aigateway:tokens:increase1m',
    kind: 'increase',
    extraLabels: [TOKEN_TYPE_LABEL],
    description: 'tokens by type (input / output)',
  },
  cache_hits: {
    id: 'cache_hits',
    series: 'aigateway:cache_hits:increase1m',
    kind: 'increase',
    extraLabels: [],
    description: 'cache hits',
  },
  retries: {
    id: 'retries',
    series: 'aigateway:retries:increase1m',
    kind: 'increase',
    extraLabels: [],
    description: 'retries',
  },
  fallbacks: {
    id: 'fallbacks',
    series: 'aigateway:fallbacks:increase1m',
    kind: 'increase',
    extraLabels: [],
    description: 'fallbacks',
  },
  spend_by_user: {
    id: 'spend_by_user',
    series: 'aigateway:spend_usd_by_user:increase1m',
    kind: 'increase',
    extraLabels: [...SPENDER_LABELS],
    description: 'spend in USD by user and API key',
  },
  budget_limit: {
    id: 'budget_limit',
    series: 'aigateway:budget_limit_usd',
    kind: 'gauge',
    extraLabels: [PERIOD_LABEL],
    description: 'budget limit in USD (team "" = global)',
  },
  budget_spend: {
    id: 'budget_spend',
    series: 'aigateway:budget_spend_usd',
    kind: 'gauge',
    extraLabels: [PERIOD_LABEL],
    description: 'spend in the current budget period in USD',
  },
};

/** Model -> provider join series recorded by profiles whose non-spend metrics lack a provider label. */
export const MODEL_PROVIDER_INFO = 'aigateway:model_provider:info';

/** Seed 001 Appendix A series, recorded under their exact names from the canonical series. */
export const APPENDIX_A = {
  costPerRequest1h: 'aigateway:cost_per_request:1h',
  costPer1kTokens1h: 'aigateway:cost_per_1k_tokens:1h',
  budgetUtilizationTeam: 'aigateway:budget_utilization:team',
  dailySpendModel: 'aigateway:daily_spend:model',
  cacheHitRate1h: 'aigateway:cache_hit_rate:1h',
  tokenRatio1h: 'aigateway:token_ratio:1h',
} as const;

/** The recorded series of a catalog KPI over a window (`aispend rules --catalog`). */
export function kpiRecordName(kpiId: string, window: string): string {
  return `${RULE_PREFIX}kpi_${kpiId}:${window}`;
}

/**
 * Series of the Forecasts & anomalies page, recorded by `src/rules/anomalyRules.ts` for every
 * profile. Labels: provider, model, team (provider rides along: a model has one provider, and it
 * lets the pages' provider filter apply).
 */
export const ANALYSIS_SERIES = {
  /** spend in USD over the trailing 24 h */
  spendDaily: 'aigateway:spend_daily:model_team',
  /** mean, population standard deviation and count of the 30 daily values before the current day */
  spendDailyAvg30d: 'aigateway:spend_daily:model_team:avg_over_time30d',
  spendDailyStddev30d: 'aigateway:spend_daily:model_team:stddev_over_time30d',
  spendDailyCount30d: 'aigateway:spend_daily:model_team:count_over_time30d',
} as const;
/** Days in the anomaly baseline (the `30d` of the names above). */
export const ANOMALY_BASELINE_DAYS = 30;
/**
 * Unpriced usage over the trailing hour, by provider and model: tokens and requests of the pairs
 * whose spend over the same hour is 0 or missing (src/rules/unpricedRules.ts records them).
 */
export const UNPRICED_SERIES = {
  tokens1h: 'aigateway:unpriced_tokens:1h',
  requests1h: 'aigateway:unpriced_requests:1h',
} as const;
/** Anomaly threshold in standard deviations of the baseline (app setting `anomalySigma`). */
export const DEFAULT_ANOMALY_SIGMA = 3;
/** Marks the "all spenders" total next to the top-N series of one query (never a series label). */
export const TOTAL_MARKER_LABEL = 'aispend_total';
/** Names the period (current, previous, …) of each series of the coverage query (never a series label). */
export const COVERAGE_PERIOD_LABEL = 'aispend_period';
/** Names the family, or the raw gateway metric, of each series of the recording-health queries (never a series label). */
export const HEALTH_FAMILY_LABEL = 'aispend_family';
export const HEALTH_RAW_LABEL = 'aispend_raw';

/** Budget alert thresholds (utilization, percent). */
export const BUDGET_WARNING_PERCENT = 80;
export const BUDGET_CRITICAL_PERCENT = 95;

/**
 * A PromQL double-quoted string literal holding exactly `value`.
 * PromQL strings follow Go's escaping; escaping the backslash, the quote and
 * control characters is enough for any Unicode input to stay one literal.
 */
export function promqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') {
      out += '\\\\';
    } else if (ch === '"') {
      out += '\\"';
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if (code < 0x20 || code === 0x7f) {
      out += '\\x' + code.toString(16).padStart(2, '0');
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** `name="value"` with the value escaped. */
export function labelMatcher(name: string, value: string, op: '=' | '!=' | '=~' | '!~' = '='): string {
  return `${name}${op}${promqlString(value)}`;
}
