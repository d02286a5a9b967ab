/**
 * The raw series each profile's gateway would expose for the same traffic
 * (reference/metric-profiles.md). Only spend carries user and key labels: the other
 * LiteLLM families are emitted per model and team, as with a `prometheus_metrics_config`
 * whose `include_labels` keeps model/team only, which keeps the history small.
 */
import type { ProfileId } from '../rules/profile';
import type { DemoBudgets } from './budgets';
import type { SlotTraffic, TrafficModel } from './traffic';
import type { DemoStream, DemoWorld } from './world';

export type Pick = (t: SlotTraffic) => number;

export interface CounterSeries {
  kind: 'counter';
  labels: Record<string, string>;
  streams: DemoStream[];
  pick: Pick;
  pod: number;
}

export interface GaugeSeries {
  kind: 'gauge';
  labels: Record<string, string>;
  /** value of the sample that closes slot `k - 1` (sample k) */
  at(sample: number): number;
}

export interface SeriesFamily {
  /** OpenMetrics family name (counters without `_total`) */
  family: string;
  type: 'counter' | 'gauge' | 'unknown';
  /** sample name, e.g. `<family>_total` for counters */
  sample: string;
  series: Array<CounterSeries | GaugeSeries>;
}

export interface SeriesContext {
  model: TrafficModel;
  budgets: DemoBudgets;
  /** month-to-date spend of a team (or all teams with index -1) at sample k */
  teamSpendAt(team: number | 'all', sample: number): number;
}

const pick = {
  cost: (t: SlotTraffic) => t.cost,
  requests: (t: SlotTraffic) => t.requests,
  successes: (t: SlotTraffic) => t.requests - t.failures,
  failures: (t: SlotTraffic) => t.failures,
  input: (t: SlotTraffic) => t.inputTokens,
  output: (t: SlotTraffic) => t.outputTokens,
  tokens: (t: SlotTraffic) => t.inputTokens + t.outputTokens,
  cacheHits: (t: SlotTraffic) => t.cacheHits,
  retries: (t: SlotTraffic) => t.retries,
  fallbacks: (t: SlotTraffic) => t.fallbacksOk + t.fallbacksFailed,
  fallbacksOk: (t: SlotTraffic) => t.fallbacksOk,
  fallbacksFailed: (t: SlotTraffic) => t.fallbacksFailed,
};

interface TeamModelGroup {
  team: number;
  model: number;
  pod: number;
  streams: DemoStream[];
}

function teamModelGroups(world: DemoWorld): TeamModelGroup[] {
  const groups = new Map<string, TeamModelGroup>();
  for (const s of world.streams) {
    const key = `${s.team}/${s.model}`;
    const group = groups.get(key) ?? { team: s.team, model: s.model, pod: s.pod, streams: [] };
    group.streams.push(s);
    groups.set(key, group);
  }
  return [...groups.values()];
}

type LabelsOf<T> = (item: T) => Record<string, string>;

function counterFamily(family: string, items: Array<{ streams: DemoStream[]; pod: number }>, labels: LabelsOf<any>, p: Pick, world: DemoWorld, job: string): SeriesFamily {
  return {
    family,
    type: 'counter',
    sample: `${family}_total`,
    series: items.map((item) => ({
      kind: 'counter',
      labels: { ...labels(item), instance: world.pods[item.pod], job },
      streams: item.streams,
      pick: p,
      pod: item.pod,
    })),
  };
}

function seedFamilies(ctx: SeriesContext): SeriesFamily[] {
  const w = ctx.model.world;
  const job = 'litellm';
  const teamName = (t: number) => (t < 0 ? '' : w.teams[t].name);
  const base = (g: TeamModelGroup) => ({ provider: w.models[g.model].provider, model: w.models[g.model].name, team: teamName(g.team) });
  const groups = teamModelGroups(w);
  const perUser = w.streams.map((s) => ({ streams: [s], pod: s.pod, s }));
  const userLabels = ({ s }: { s: DemoStream }) => ({
    ...base({ team: s.team, model: s.model, pod: s.pod, streams: [] }),
    user: w.users[s.user].id,
    api_key: w.users[s.user].apiKey,
  });
  const budgeted = w.teams.map((t, i) => i).filter((i) => ctx.budgets.teamLimits[i] !== null);
  return [
    counterFamily('litellm_spend', perUser, userLabels, pick.cost, w, job),
    {
      ...counterFamily('litellm_requests', groups, (g) => ({ ...base(g), status: 'success' }), pick.successes, w, job),
      series: [
        ...counterFamily('litellm_requests', groups, (g) => ({ ...base(g), status: 'success' }), pick.successes, w, job).series,
        ...counterFamily('litellm_requests', groups, (g) => ({ ...base(g), status: 'failure' }), pick.failures, w, job).series,
      ],
    },
    {
      ...counterFamily('litellm_tokens', groups, base, pick.input, w, job),
      series: [
        ...counterFamily('litellm_tokens', groups, (g) => ({ ...base(g), type: 'input' }), pick.input, w, job).series,
        ...counterFamily('litellm_tokens', groups, (g) => ({ ...base(g), type: 'output' }), pick.output, w, job).series,
      ],
    },
    counterFamily('litellm_cache_hits', groups, base, pick.cacheHits, w, job),
    counterFamily('litellm_retries', groups, base, pick.retries, w, job),
    counterFamily('litellm_fallback_requests', groups, base, pick.fallbacks, w, job),
    gaugeFamily('litellm_team_spend_total', budgeted.map((t) => ({ labels: { team: w.teams[t].name }, at: (k: number) => ctx.teamSpendAt(t, k) }))),
    gaugeFamily('litellm_team_budget_total', budgeted.map((t) => ({ labels: { team: w.teams[t].name }, at: () => ctx.budgets.teamLimits[t]! }))),
    gaugeFamily('litellm_global_budget_total', [{ labels: {}, at: () => ctx.budgets.globalLimit }]),
  ];
}

function gaugeFamily(name: string, series: Array<{ labels: Record<string, string>; at(k: number): number }>): SeriesFamily {
  return { family: name, type: 'gauge', sample: name, series: series.map((s) => ({ kind: 'gauge', ...s })) };
}

function litellmFamilies(ctx: SeriesContext): SeriesFamily[] {
  const w = ctx.model.world;
  const job = 'litellm';
  const team = (t: number) => (t < 0 ? 'None' : w.teams[t].name);
  const byModel = (g: TeamModelGroup) => ({ model: w.models[g.model].name, team: team(g.team), team_alias: team(g.team) });
  const byRequested = (g: TeamModelGroup) => ({ requested_model: w.models[g.model].name, team: team(g.team), team_alias: team(g.team) });
  const groups = teamModelGroups(w);
  const perUser = w.streams.map((s) => ({ streams: [s], pod: s.pod, s }));
  const spendLabels = ({ s }: { s: DemoStream }) => ({
    api_provider: w.models[s.model].provider,
    model: w.models[s.model].name,
    team: team(s.team),
    team_alias: team(s.team),
    user: w.users[s.user].id,
    hashed_api_key: w.users[s.user].apiKey,
    end_user: 'None',
  });
  const fallbackTo = (g: TeamModelGroup) => {
    const models = g.team < 0 ? [1, 8] : w.teams[g.team].models;
    return w.models[models[(models.indexOf(g.model) + 1) % models.length]].name;
  };
  const withFallback = (g: TeamModelGroup) => ({ ...byRequested(g), fallback_model: fallbackTo(g) });
  const totalRequests = counterFamily('litellm_proxy_total_requests_metric', groups, (g) => ({ ...byRequested(g), status_code: '200' }), pick.successes, w, job);
  totalRequests.series.push(
    ...counterFamily('litellm_proxy_total_requests_metric', groups, (g) => ({ ...byRequested(g), status_code: '429' }), pick.failures, w, job).series
  );
  const budgeted = w.teams.map((t, i) => i).filter((i) => ctx.budgets.teamLimits[i] !== null);
  const pids = ['7', '8'];
  const perPid = <T>(teams: number[], make: (t: number, pid: string) => T) => teams.flatMap((t) => pids.map((pid) => make(t, pid)));
  return [
    counterFamily('litellm_spend_metric', perUser, spendLabels, pick.cost, w, job),
    counterFamily('litellm_input_tokens_metric', groups, byModel, pick.input, w, job),
    counterFamily('litellm_output_tokens_metric', groups, byModel, pick.output, w, job),
    counterFamily('litellm_total_tokens_metric', groups, byModel, pick.tokens, w, job),
    totalRequests,
    counterFamily('litellm_proxy_failed_requests_metric', groups, (g) => ({ ...byRequested(g), exception_status: '429' }), pick.failures, w, job),
    counterFamily('litellm_cache_hits_metric', groups, byModel, pick.cacheHits, w, job),
    counterFamily('litellm_deployment_successful_fallbacks', groups, withFallback, pick.fallbacksOk, w, job),
    counterFamily('litellm_deployment_failed_fallbacks', groups, withFallback, pick.fallbacksFailed, w, job),
    gaugeFamily(
      'litellm_team_max_budget_metric',
      perPid(budgeted, (t, pid) => ({ labels: { team: team(t), team_alias: team(t), pid, instance: w.pods[w.teams[t].pod], job }, at: () => ctx.budgets.teamLimits[t]! }))
    ),
    gaugeFamily(
      'litellm_remaining_team_budget_metric',
      perPid(
        w.teams.map((_, i) => i),
        (t, pid) => ({
          labels: { team: team(t), team_alias: team(t), pid, instance: w.pods[w.teams[t].pod], job },
          at: (k: number) => {
            const limit = ctx.budgets.teamLimits[t];
            return limit === null ? Infinity : limit - ctx.teamSpendAt(t, k);
          },
        })
      )
    ),
  ];
}

function otelFamilies(ctx: SeriesContext): SeriesFamily[] {
  const w = ctx.model.world;
  const job = 'otel-collector';
  const groups = teamModelGroups(w);
  // Self-hosted models report through an older emitter: gen_ai_system, prompt / completion.
  const legacy = (g: TeamModelGroup) => w.models[g.model].provider === 'self-hosted';
  const base = (g: TeamModelGroup) => ({
    [legacy(g) ? 'gen_ai_system' : 'gen_ai_provider_name']: w.models[g.model].provider,
    gen_ai_request_model: w.models[g.model].name,
    gen_ai_operation_name: 'chat',
    service_name: g.team < 0 ? 'default' : w.teams[g.team].name,
    telemetry_sdk_name: 'openlit',
  });
  const unknown = (name: string, labels: LabelsOf<TeamModelGroup>, p: Pick): SeriesFamily => ({
    ...counterFamily(name, groups, labels, p, w, job),
    type: 'unknown',
    sample: name,
  });
  const tokenType = (g: TeamModelGroup, type: 'input' | 'output') =>
    legacy(g) ? (type === 'input' ? 'prompt' : 'completion') : type;
  const durationCount = unknown('gen_ai_client_operation_duration_seconds_count', (g) => ({ ...base(g), error_type: '' }), pick.successes);
  durationCount.series.push(...unknown('x', (g) => ({ ...base(g), error_type: 'RateLimitError' }), pick.failures).series);
  const tokenSum = unknown('gen_ai_client_token_usage_sum', (g) => ({ ...base(g), gen_ai_token_type: tokenType(g, 'input') }), pick.input);
  tokenSum.series.push(...unknown('x', (g) => ({ ...base(g), gen_ai_token_type: tokenType(g, 'output') }), pick.output).series);
  return [
    unknown('gen_ai_usage_cost_USD_sum', base, pick.cost),
    unknown('gen_ai_usage_cost_USD_count', base, pick.successes),
    durationCount,
    tokenSum,
  ];
}

export function profileFamilies(profile: ProfileId, ctx: SeriesContext): SeriesFamily[] {
  return { seed: seedFamilies, litellm: litellmFamilies, otel: otelFamilies }[profile](ctx);
}
