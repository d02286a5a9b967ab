/**
 * maxErrorPct: how far the planner's totals are from the truth, over windows from 1 h to 90 d and
 * at evaluation times on and off the tier boundaries. The truth is `sum(increase(raw[W]))` over
 * LiteLLM's raw counters where the history has them for its whole length (PRODUCT.md's accuracy
 * bar), else the one-minute tier's `sum_over_time` (the generated sizes have raw counters only
 * for their last minutes).
 */
import { fetchTierMarks } from '../../src/cli/tierMarksHttp';
import { compileToPromQL } from '../../src/engine/language';
import type { TierMarks } from '../../src/engine/tiers';
import { queryValue } from './promStats';

export const ERROR_WINDOWS_SECONDS = [3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400, 90 * 86400];

/** Counter measures with their LiteLLM raw counters (provisioning/prometheus/rules/litellm.rules.yaml). */
export const RAW_TOTALS: Record<string, string[]> = {
  total_cost: ['litellm_spend_metric_total'],
  total_inferences: ['litellm_proxy_total_requests_metric_total{status_code="200"}', 'litellm_proxy_failed_requests_metric_total'],
  input_tokens: ['litellm_input_tokens_metric_total'],
  output_tokens: ['litellm_output_tokens_metric_total'],
  cache_hits: ['litellm_cache_hits_metric_total'],
  fallbacks: ['litellm_deployment_successful_fallbacks_total', 'litellm_deployment_failed_fallbacks_total'],
};

export function rawTotal(measure: string, windowSeconds: number): string {
  return RAW_TOTALS[measure].map((counter) => `sum(increase(${counter}[${windowSeconds}s]))`).join(' + ');
}

/** The measure's total as the planner reads it at `atSec` with `marks`; without marks, the one-minute tier. */
function compiled(measure: string, windowSeconds: number, atSec: number, marks?: TierMarks): string {
  const tiers = marks ? { marks, firstEvalMs: atSec * 1000, stepMs: 0, count: 1 } : undefined;
  const result = compileToPromQL(measure, { mode: 'instant', windowSeconds, groupBy: [], tiers });
  if (!result.ok) {
    throw new Error(`${measure} does not compile: ${result.diagnostics[0].message}`);
  }
  return result.promql;
}

export interface ErrorCase {
  measure: string;
  windowSeconds: number;
  atSec: number;
  planned: number;
  truth: number;
  errorPct: number;
}

/** Evaluation times: the end, and two others off every hour and day boundary. */
export function errorTimes(endSec: number): number[] {
  return [endSec, endSec - 86400 - 17 * 60, endSec - 3 * 86400 - 7 * 3600 - 3 * 60];
}

export async function plannerErrors(url: string, endSec: number, baseline: 'raw counters' | 'one-minute tier'): Promise<ErrorCase[]> {
  const cases: ErrorCase[] = [];
  const marks = await fetchTierMarks(url, (endSec - 100 * 86400) * 1000, endSec * 1000);
  for (const measure of Object.keys(RAW_TOTALS)) {
    for (const windowSeconds of ERROR_WINDOWS_SECONDS) {
      for (const atSec of errorTimes(endSec)) {
        const visible = { hour: new Set([...marks.hour].filter((m) => m <= atSec * 1000)), day: new Set([...marks.day].filter((m) => m <= atSec * 1000)) };
        const truthExpr = baseline === 'raw counters' ? rawTotal(measure, windowSeconds) : compiled(measure, windowSeconds, atSec);
        const planned = await queryValue(url, compiled(measure, windowSeconds, atSec, visible), atSec);
        const truth = await queryValue(url, truthExpr, atSec);
        if (planned === null || truth === null || truth === 0) {
          continue;
        }
        cases.push({ measure, windowSeconds, atSec, planned, truth, errorPct: (Math.abs(planned - truth) / Math.abs(truth)) * 100 });
      }
    }
  }
  return cases;
}
