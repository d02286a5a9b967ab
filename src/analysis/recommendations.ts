/**
 * The optimization recommendations of seed 001 §8 as data: which KPI signals each, and the
 * threshold that triggers it (defaults from the seed's KPI tables, overridable per recommendation).
 * The KPI deep-dive shows the ones whose condition its value (or a breakdown row) meets.
 */

export type Comparison = '>' | '>=' | '<' | '<=';

export interface Recommendation {
  id: string;
  /** standard KPI whose value is compared */
  kpiId: string;
  /** the seed's "KPI signal" */
  signal: string;
  /** the seed's recommendation */
  recommendation: string;
  comparison: Comparison;
  threshold: number;
  /** only breakdown rows whose label matches (the KPI's value for one provider / model) */
  group?: { label: 'provider' | 'model'; pattern: RegExp };
  /** where the threshold comes from */
  source: string;
}

export const RECOMMENDATIONS: readonly Recommendation[] = [
  {
    id: 'high_cost_per_request',
    kpiId: 'cost_per_inference',
    signal: 'High CPR',
    recommendation: 'Review prompt length, enable caching',
    comparison: '>',
    threshold: 0.01,
    source: 'seed 001 §1.1: target < $0.01, warning $0.01–0.05',
  },
  {
    id: 'low_cache_hit_rate',
    kpiId: 'cache_hit_rate',
    signal: 'Low cache hit rate',
    recommendation: 'Identify repeated queries, tune TTL',
    comparison: '<',
    threshold: 20,
    source: 'seed 001 §1.4: target > 20 %',
  },
  {
    id: 'high_token_ratio',
    kpiId: 'token_ratio',
    signal: 'High token ratio',
    recommendation: 'Optimize prompts, set max_tokens',
    comparison: '>',
    threshold: 2,
    source: 'seed 001 §1.3: chat / Q&A runs 0.5–2.0 (code generation 2–5: raise it for such workloads)',
  },
  {
    id: 'budget_over_80',
    kpiId: 'budget_utilization',
    signal: 'Budget > 80%',
    recommendation: 'Alert team, review heavy users',
    comparison: '>=',
    threshold: 80,
    source: 'seed 001 §8; the budget warning alert fires at the same utilization (app setting budgetWarningPercent)',
  },
  {
    id: 'high_retry_rate',
    kpiId: 'retry_rate',
    signal: 'High retry rate',
    recommendation: 'Check provider health, adjust timeouts',
    comparison: '>=',
    threshold: 5,
    source: 'seed 001 §4.2: healthy < 5 %, elevated 5–15 %',
  },
  {
    // provider_share's formula (spend ÷ all spend × 100) by model is a model's share of spend
    id: 'premium_model_share',
    kpiId: 'provider_share',
    signal: 'Premium model > 30% spend',
    recommendation: 'Evaluate if premium needed, try cheaper alternatives',
    comparison: '>',
    threshold: 30,
    group: { label: 'model', pattern: /opus|gpt-4-turbo/i },
    source: 'seed 001 §8; premium tier of seed 001 §1.2: Opus, GPT-4-turbo',
  },
  {
    id: 'low_self_hosted_share',
    kpiId: 'provider_share',
    signal: 'Self-hosted < 40%',
    recommendation: 'Migrate suitable workloads to vLLM',
    comparison: '<',
    threshold: 40,
    group: { label: 'provider', pattern: /self[-_ ]?hosted|vllm|ollama/i },
    source: 'seed 001 §3.3: self-hosted target 40–60 %',
  },
];

const COMPARE: Record<Comparison, (value: number, threshold: number) => boolean> = {
  '>': (v, t) => v > t,
  '>=': (v, t) => v >= t,
  '<': (v, t) => v < t,
  '<=': (v, t) => v <= t,
};

export interface KpiReading {
  kpiId: string;
  value: number | null;
  /** set for a breakdown row: the label and its value */
  group?: { label: string; value: string };
}

export type RecommendationThresholds = Partial<Record<string, number>>;

/**
 * Recommendations whose condition the reading meets. Missing and NaN values meet none; a
 * recommendation with a group applies only to a breakdown row of that label whose value matches.
 * `thresholds` overrides defaults by recommendation id (e.g. budget_over_80 from the app settings).
 */
export function matchRecommendations(reading: KpiReading, thresholds: RecommendationThresholds = {}): Recommendation[] {
  const { value, group } = reading;
  if (value === null || Number.isNaN(value)) {
    return [];
  }
  return RECOMMENDATIONS.filter((r) => {
    if (r.kpiId !== reading.kpiId) {
      return false;
    }
    if (r.group && !(group?.label === r.group.label && r.group.pattern.test(group.value))) {
      return false;
    }
    return COMPARE[r.comparison](value, thresholds[r.id] ?? r.threshold);
  }).map((r) => ({ ...r, threshold: thresholds[r.id] ?? r.threshold }));
}

/** The app settings' budget warning threshold as an override. */
export function thresholdsFromSettings(settings: { budgetWarningPercent?: number }): RecommendationThresholds {
  return settings.budgetWarningPercent === undefined ? {} : { budget_over_80: settings.budgetWarningPercent };
}
