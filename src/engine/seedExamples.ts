/** The example formulas of seed 000, verbatim: they must keep working unchanged. */
export const SEED_000_FORMULAS = [
  'anthropic.total_cost / (openai.total_cost + anthropic.total_cost + aws.total_cost + azure.total_cost + gcp.total_cost + cursor.total_cost) * 100',
  'total_cost / total_inferences',
  'anthropic.total_cost / openai.total_cost',
  'total_cost / days_in_window',
  'total_cost / 12',
  'total_cost / (openai.output_tokens + anthropic.output_tokens) * 1000000',
  'total_inferences > 0 ? total_cost / total_inferences : 0',
];
