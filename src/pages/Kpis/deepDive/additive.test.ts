/**
 * @jest-environment node
 */
import { STANDARD_KPIS } from '../../../engine/catalog';
import { isAdditiveFormula } from './additive';

test.each([
  ['total_cost', true],
  ['openai.total_cost + anthropic.total_cost', true],
  ['total_tokens - cache_hits', true],
  ['-total_cost', true],
  ['total_cost / days_in_window', true],
  ['total_cost * 1000 / (24 * hours_in_window)', true],
  ['2 * total_cost', true],
  ['previous.total_cost', true],
  ['total_cost / total_inferences', false],
  ['total_cost / all.total_cost * 100', false],
  ['all.total_cost', false],
  ['total_cost * total_cost', false],
  ['Math.round(total_cost)', false],
  ['max_by(model, total_cost)', false],
  ['total_cost > 5', false],
  ['42', false],
  ['total_cost / ', false],
])('isAdditiveFormula(%p) = %p', (formula, additive) => {
  expect(isAdditiveFormula(formula)).toBe(additive);
});

test('standard KPIs that add up over groups', () => {
  expect(STANDARD_KPIS.filter((k) => isAdditiveFormula(k.formula)).map((k) => k.id)).toEqual([
    'total_spend',
    'avg_daily_cost',
    'token_throughput',
    'burn_rate',
  ]);
});
