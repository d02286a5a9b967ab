/**
 * The standard KPIs (PRODUCT.md §5) as data. Thresholds are boundaries where the state
 * changes, in ascending order; below the first one the state is the far end of the scale
 * (critical for higher-is-better KPIs, good for lower-is-better ones).
 */
import type { GroupByLabel } from './conventions';

export type KpiDirection = 'higher-is-better' | 'lower-is-better' | 'neutral';
export type ThresholdState = 'good' | 'warning' | 'critical';

export interface KpiThreshold {
  value: number;
  state: ThresholdState;
}

export interface KpiDefinition {
  id: string;
  name: string;
  formula: string;
  unit: string;
  decimals: number;
  direction: KpiDirection;
  thresholds: KpiThreshold[];
  description: string;
  /** the table of §5 shows it "by provider" / "by team" */
  defaultGroupBy?: GroupByLabel;
  /** false for custom KPIs saved in the app settings */
  standard?: boolean;
}

const kpi = (k: KpiDefinition): KpiDefinition => ({ standard: true, ...k });

export const STANDARD_KPIS: KpiDefinition[] = [
  kpi({ id: 'total_spend', name: 'Total spend', formula: 'total_cost', unit: 'USD', decimals: 2, direction: 'neutral', thresholds: [], description: 'Total cost for the period' }),
  kpi({ id: 'avg_daily_cost', name: 'Avg daily cost', formula: 'total_cost / days_in_window', unit: 'USD/day', decimals: 2, direction: 'lower-is-better', thresholds: [], description: 'Total ÷ days: the daily run rate' }),
  kpi({
    id: 'cost_per_1k_tokens',
    name: 'Cost per 1k tokens',
    formula: 'total_cost / (total_tokens / 1000)',
    unit: 'USD',
    decimals: 4,
    direction: 'lower-is-better',
    thresholds: [
      { value: 0.01, state: 'warning' },
      { value: 0.03, state: 'critical' },
    ],
    description: 'Pricing efficiency; expected 0.0002–0.001 for budget, 0.002–0.01 for standard, 0.01–0.03 for premium models',
  }),
  kpi({ id: 'top_model_share', name: 'Top model share', formula: 'max_by(model, total_cost) / total_cost * 100', unit: '%', decimals: 1, direction: 'neutral', thresholds: [], description: "Top model's spend ÷ total: how concentrated spend is" }),
  kpi({ id: 'token_throughput', name: 'Token throughput', formula: 'total_tokens / hours_in_window', unit: 'tokens/h', decimals: 0, direction: 'neutral', thresholds: [], description: 'Total tokens per hour' }),
  kpi({
    id: 'cost_per_inference',
    name: 'Cost per inference',
    formula: 'total_cost / total_inferences',
    unit: 'USD',
    decimals: 4,
    direction: 'lower-is-better',
    thresholds: [
      { value: 0.01, state: 'warning' },
      { value: 0.05, state: 'critical' },
    ],
    description: 'Total cost ÷ requests; good < 0.005, target < 0.01, critical > 0.05',
  }),
  kpi({ id: 'provider_share', name: 'Provider share', formula: 'total_cost / all.total_cost * 100', unit: '%', decimals: 1, direction: 'neutral', thresholds: [], description: "Each provider's slice of total spend", defaultGroupBy: 'provider' }),
  kpi({ id: 'mom_growth', name: 'Month-over-month growth', formula: '(total_cost - previous.total_cost) / previous.total_cost * 100', unit: '%', decimals: 1, direction: 'lower-is-better', thresholds: [], description: 'This period vs. the one before' }),
  kpi({ id: 'token_ratio', name: 'Output/input token ratio', formula: 'output_tokens / input_tokens', unit: 'ratio', decimals: 2, direction: 'neutral', thresholds: [], description: 'Response verbosity; expected 0.5–2 for chat, 2–5 for code, 0.1–0.3 for summaries' }),
  kpi({
    id: 'cache_hit_rate',
    name: 'Cache hit rate',
    formula: 'cache_hits / total_inferences * 100',
    unit: '%',
    decimals: 1,
    direction: 'higher-is-better',
    thresholds: [
      { value: 10, state: 'warning' },
      { value: 20, state: 'good' },
    ],
    description: 'Requests served from cache; good > 30, target > 20, poor < 10',
  }),
  kpi({
    id: 'budget_utilization',
    name: 'Budget utilization',
    formula: 'budget_spend / budget_limit * 100',
    unit: '%',
    decimals: 1,
    direction: 'lower-is-better',
    thresholds: [
      { value: 70, state: 'warning' },
      { value: 90, state: 'critical' },
    ],
    description: 'Share of the budget used; healthy < 70, warning 70–90, critical > 90; alerts at 80 and 95',
    defaultGroupBy: 'team',
  }),
  kpi({ id: 'burn_rate', name: 'Burn rate', formula: 'total_cost / days_in_window', unit: 'USD/day', decimals: 2, direction: 'lower-is-better', thresholds: [], description: 'Spend per day over the period' }),
  kpi({
    id: 'days_to_exhaustion',
    name: 'Days to budget exhaustion',
    formula: '(budget_limit - budget_spend) / (total_cost / days_in_window)',
    unit: 'days',
    decimals: 1,
    direction: 'higher-is-better',
    thresholds: [
      { value: 15, state: 'warning' },
      { value: 30, state: 'good' },
    ],
    description: 'Remaining budget ÷ burn rate; normal > 30, review 15–30, urgent < 15',
  }),
  kpi({
    id: 'success_rate',
    name: 'Success rate',
    formula: '(total_inferences - failed_inferences) / total_inferences * 100',
    unit: '%',
    decimals: 2,
    direction: 'higher-is-better',
    thresholds: [
      { value: 99, state: 'warning' },
      { value: 99.5, state: 'good' },
    ],
    description: 'Requests that succeeded; SLO 99.9, acceptable > 99.5, degraded < 99',
  }),
  kpi({
    id: 'retry_rate',
    name: 'Retry rate',
    formula: 'retries / total_inferences * 100',
    unit: '%',
    decimals: 1,
    direction: 'lower-is-better',
    thresholds: [
      { value: 5, state: 'warning' },
      { value: 15, state: 'critical' },
    ],
    description: 'Requests retried; healthy < 5, elevated 5–15, high > 15',
  }),
  kpi({
    id: 'fallback_rate',
    name: 'Fallback rate',
    formula: 'fallbacks / total_inferences * 100',
    unit: '%',
    decimals: 1,
    direction: 'lower-is-better',
    thresholds: [
      { value: 2, state: 'warning' },
      { value: 5, state: 'critical' },
    ],
    description: 'Requests that fell back to another model; healthy < 2, warning > 5',
  }),
  kpi({
    id: 'cost_per_user',
    name: 'Cost per user',
    formula: 'total_cost / count_by(user, total_cost)',
    unit: 'USD',
    decimals: 2,
    direction: 'neutral',
    thresholds: [],
    description: 'Spend per active user; monthly: light 5–20, moderate 20–100, heavy 100–500, power 500+',
  }),
  kpi({ id: 'unique_models', name: 'Unique models', formula: 'count_by(model, total_inferences)', unit: 'count', decimals: 0, direction: 'neutral', thresholds: [], description: 'Models that served requests' }),
];

/** The eight KPIs of the Overview (seed 000). */
export const OVERVIEW_KPI_IDS = [
  'total_spend',
  'avg_daily_cost',
  'cost_per_1k_tokens',
  'top_model_share',
  'token_throughput',
  'cost_per_inference',
  'provider_share',
  'mom_growth',
];

export function findStandardKpi(id: string): KpiDefinition | undefined {
  return STANDARD_KPIS.find((k) => k.id === id);
}
