/** Measures of the KPI language as data: which canonical family, which extra matchers. */
import { FAMILIES, FamilyId, STATUS_FAILURE, STATUS_LABEL, TOKEN_INPUT, TOKEN_OUTPUT, TOKEN_TYPE_LABEL } from '../conventions';
import type { MeasureId, WindowConstant } from './types';

export interface MeasureDefinition {
  name: MeasureId;
  family: FamilyId;
  /** extra label matchers on the family's series */
  matchers: Record<string, string>;
  description: string;
}

export const MEASURES: MeasureDefinition[] = [
  { name: 'total_cost', family: 'spend', matchers: {}, description: 'spend in USD over the window' },
  { name: 'total_inferences', family: 'requests', matchers: {}, description: 'requests (success + failure)' },
  { name: 'failed_inferences', family: 'requests', matchers: { [STATUS_LABEL]: STATUS_FAILURE }, description: 'failed requests' },
  { name: 'input_tokens', family: 'tokens', matchers: { [TOKEN_TYPE_LABEL]: TOKEN_INPUT }, description: 'input (prompt) tokens' },
  { name: 'output_tokens', family: 'tokens', matchers: { [TOKEN_TYPE_LABEL]: TOKEN_OUTPUT }, description: 'output (completion) tokens' },
  { name: 'total_tokens', family: 'tokens', matchers: {}, description: 'input + output tokens' },
  { name: 'cache_hits', family: 'cache_hits', matchers: {}, description: 'requests served from cache' },
  { name: 'retries', family: 'retries', matchers: {}, description: 'retried requests' },
  { name: 'fallbacks', family: 'fallbacks', matchers: {}, description: 'requests that fell back to another model' },
  { name: 'budget_limit', family: 'budget_limit', matchers: {}, description: 'budget limit in USD (last value)' },
  { name: 'budget_spend', family: 'budget_spend', matchers: {}, description: 'spend in the budget period in USD (last value)' },
];

export const MEASURES_BY_NAME = new Map(MEASURES.map((m) => [m.name, m]));

/** Grouping by a spender label: total_cost reads the spend-by-spender family, every other measure is missing. */
export function familyFor(measure: MeasureDefinition, spenderGrouping: boolean): FamilyId | undefined {
  if (!spenderGrouping) {
    return measure.family;
  }
  return measure.name === 'total_cost' ? 'spend_by_user' : undefined;
}

export function isGauge(family: FamilyId): boolean {
  return FAMILIES[family].kind === 'gauge';
}

export const WINDOW_CONSTANTS: Array<{ name: WindowConstant; seconds: number; description: string }> = [
  { name: 'days_in_window', seconds: 86400, description: 'days in the window (instant) or in the step (time series)' },
  { name: 'hours_in_window', seconds: 3600, description: 'hours in the window (instant) or in the step (time series)' },
];
