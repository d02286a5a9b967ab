/**
 * The 8 Overview KPIs over a window: the compiled query (canonical series, through the planner)
 * against what a user would write over LiteLLM's raw counters, same Prometheus, median wall-clock
 * time of 5 runs each. `npm run bench` (section 3) and `npm run bench:scale` print it.
 */
import { performance } from 'perf_hooks';
import { findStandardKpi, OVERVIEW_KPI_IDS } from '../../src/engine/catalog';
import { fetchTierMarks } from '../../src/cli/tierMarksHttp';
import { compileToPromQL } from '../../src/engine/language';
import type { TierMarks } from '../../src/engine/tiers';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** What a user would write for the same KPIs over LiteLLM's raw counters. */
export function rawOverviewQuery(id: string, days: number): string {
  const w = `[${days}d]`;
  const spend = `sum(increase(litellm_spend_metric_total${w}))`;
  const tokens = `(sum(increase(litellm_input_tokens_metric_total${w})) + sum(increase(litellm_output_tokens_metric_total${w})))`;
  const inferences = `(sum(increase(litellm_proxy_total_requests_metric_total{status_code="200"}${w})) + sum(increase(litellm_proxy_failed_requests_metric_total${w})))`;
  const previous = `sum(increase(litellm_spend_metric_total${w} offset ${days}d))`;
  const queries: Record<string, string> = {
    total_spend: spend,
    avg_daily_cost: `${spend} / ${days}`,
    cost_per_1k_tokens: `${spend} / (${tokens} / 1000)`,
    top_model_share: `max(sum by (model) (increase(litellm_spend_metric_total${w}))) / ${spend} * 100`,
    token_throughput: `${tokens} / ${days * 24}`,
    cost_per_inference: `${spend} / ${inferences}`,
    provider_share: `sum by (api_provider) (increase(litellm_spend_metric_total${w})) / on () group_left ${spend} * 100`,
    mom_growth: `(${spend} - ${previous}) / ${previous} * 100`,
  };
  return queries[id];
}

/** The compiled Overview KPI, as the datasource plans it for an instant at `atSec` over `days` (without marks: the one-minute tier). */
export function compiledOverviewQuery(id: string, days: number, atSec?: number, marks?: TierMarks): string {
  const kpi = findStandardKpi(id)!;
  const tiers = marks && atSec !== undefined ? { marks, firstEvalMs: atSec * 1000, stepMs: 0, count: 1 } : undefined;
  const compiled = compileToPromQL(kpi.formula, { mode: 'instant', windowSeconds: days * 86400, groupBy: kpi.defaultGroupBy ? [kpi.defaultGroupBy] : [], tiers });
  if (!compiled.ok) {
    throw new Error(`${id} does not compile`);
  }
  return compiled.promql;
}

export async function wallClockMs(url: string, query: string, atSec: number, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query, time: String(atSec) }) });
    const json = (await response.json()) as { status: string; error?: string };
    if (json.status !== 'success') {
      throw new Error(`${json.error} in ${query}`);
    }
    times.push(performance.now() - started);
  }
  return median(times);
}

export interface SpeedupRow {
  kpi: string;
  canonicalMs: number;
  rawMs: number;
}

/** The Overview KPIs through the planner (with the tier marks the Prometheus has) against the raw counters. */
export async function overviewSpeedup(url: string, atSec: number, days: number): Promise<{ rows: SpeedupRow[]; medianSpeedup: number }> {
  const rows: SpeedupRow[] = [];
  // the previous period of mom_growth reaches back two windows
  const marks = await fetchTierMarks(url, (atSec - 2 * days * 86400) * 1000, atSec * 1000);
  for (const id of OVERVIEW_KPI_IDS) {
    const canonicalMs = await wallClockMs(url, compiledOverviewQuery(id, days, atSec, marks), atSec);
    const rawMs = await wallClockMs(url, rawOverviewQuery(id, days), atSec);
    rows.push({ kpi: id, canonicalMs, rawMs });
  }
  return { rows, medianSpeedup: median(rows.map((r) => r.rawMs / r.canonicalMs)) };
}
