/** @jest-environment node */
import { OVERVIEW_KPI_IDS, STANDARD_KPIS } from './catalog';
import { GROUP_BY_LABELS } from './conventions';
import { check, compileToPromQL } from './language';

/** PRODUCT.md §5, verbatim: id, formula, unit, default grouping. */
const SPEC: Array<[string, string, string, string?]> = [
  ['total_spend', 'total_cost', 'USD'],
  ['avg_daily_cost', 'total_cost / days_in_window', 'USD/day'],
  ['cost_per_1k_tokens', 'total_cost / (total_tokens / 1000)', 'USD'],
  ['top_model_share', 'max_by(model, total_cost) / total_cost * 100', '%'],
  ['token_throughput', 'total_tokens / hours_in_window', 'tokens/h'],
  ['cost_per_inference', 'total_cost / total_inferences', 'USD'],
  ['provider_share', 'total_cost / all.total_cost * 100', '%', 'provider'],
  ['mom_growth', '(total_cost - previous.total_cost) / previous.total_cost * 100', '%'],
  ['token_ratio', 'output_tokens / input_tokens', 'ratio'],
  ['cache_hit_rate', 'cache_hits / total_inferences * 100', '%'],
  ['budget_utilization', 'budget_spend / budget_limit * 100', '%', 'team'],
  ['burn_rate', 'total_cost / days_in_window', 'USD/day'],
  ['days_to_exhaustion', '(budget_limit - budget_spend) / (total_cost / days_in_window)', 'days'],
  ['success_rate', '(total_inferences - failed_inferences) / total_inferences * 100', '%'],
  ['retry_rate', 'retries / total_inferences * 100', '%'],
  ['fallback_rate', 'fallbacks / total_inferences * 100', '%'],
  ['cost_per_user', 'total_cost / count_by(user, total_cost)', 'USD'],
  ['unique_models', 'count_by(model, total_inferences)', 'count'],
];

test('the catalog is the table of PRODUCT.md §5, in order', () => {
  expect(STANDARD_KPIS.map((k) => [k.id, k.formula, k.unit, k.defaultGroupBy].filter((x) => x !== undefined))).toEqual(SPEC);
});

test.each(STANDARD_KPIS.map((k) => [k.id, k] as const))('%s passes check() and compiles for every grouping', (_, kpi) => {
  expect(check(kpi.formula)).toMatchObject({ ok: true, diagnostics: [] });
  for (const groupBy of [[], ...GROUP_BY_LABELS.map((g) => [g])]) {
    expect(compileToPromQL(kpi.formula, { mode: 'instant', windowSeconds: 86400, groupBy }).ok).toBe(true);
  }
  expect(kpi.name.length).toBeGreaterThan(0);
  expect(kpi.description.length).toBeGreaterThan(0);
  expect(Number.isInteger(kpi.decimals) && kpi.decimals >= 0).toBe(true);
  expect(kpi.standard).toBe(true);
});

test.each(STANDARD_KPIS.filter((k) => k.thresholds.length).map((k) => [k.id, k] as const))('%s has ascending thresholds and a direction', (_, kpi) => {
  const values = kpi.thresholds.map((t) => t.value);
  expect([...values].sort((a, b) => a - b)).toEqual(values);
  expect(kpi.direction).not.toBe('neutral');
});

test('the thresholds of the seeds are there', () => {
  const byId = Object.fromEntries(STANDARD_KPIS.map((k) => [k.id, k.thresholds.map((t) => t.value)]));
  // three states: "good < 0.005" and "target < 0.01" are both good
  expect(byId.cost_per_inference).toEqual([0.01, 0.05]);
  expect(byId.cache_hit_rate).toEqual([10, 20]);
  expect(byId.budget_utilization).toEqual(expect.arrayContaining([70, 90]));
  expect(byId.success_rate).toEqual(expect.arrayContaining([99, 99.5]));
});

test('the Overview shows eight KPIs of the catalog', () => {
  expect(OVERVIEW_KPI_IDS).toHaveLength(8);
  expect(OVERVIEW_KPI_IDS.every((id) => STANDARD_KPIS.some((k) => k.id === id))).toBe(true);
});
