/**
 * The canonical series that the shipped LiteLLM rules record from the demo gateway's raw counters
 * (provisioning/prometheus/rules/litellm.rules.yaml), computed from the same traffic without
 * Prometheus: the scale test bed's larger sizes are written this way, because evaluating the
 * rules over 35 days of thousands of raw series takes hours. A test compares it with what the real
 * rules record on a small history (tests/integration/canonicalGenerator.test.ts).
 *
 * What the rules give, evaluation by evaluation (t_k = start + k minutes, 1-minute scrapes):
 * - a counter family's `:increase1m` at t_k is the raw counters' `x - x offset 1m` summed by the
 *   canonical labels: the traffic of minute k − 1, as the counters print it (micro-dollars);
 *   0 where the pod restarted at t_k (the reset swallows that minute); nothing before a raw
 *   series has two samples;
 * - the hourly and daily tiers and the tier clock (tierBuckets.ts);
 * - the budget gauges (limit, and limit minus the remaining gauge) and the model → provider info.
 */
import { DemoSetup } from '../../src/demo';
import { printedValue } from '../../src/demo/openmetrics';
import { emptyTraffic, SlotTraffic, streamTraffic } from '../../src/demo/traffic';
import type { DemoStream } from '../../src/demo/world';
import {
  FAMILIES,
  FamilyId,
  MODEL_PROVIDER_INFO,
  STATUS_FAILURE,
  STATUS_LABEL,
  STATUS_SUCCESS,
  TOKEN_INPUT,
  TOKEN_OUTPUT,
  TOKEN_TYPE_LABEL,
} from '../../src/engine/conventions';
import { coarseTier, TIER_CLOCK, TIER_LABEL, tierSeries } from '../../src/engine/tiers';
import { dayMarks, hourlyAndDaily, hourMarks } from './tierBuckets';

/** Receives one series: samples [from, to) of `times` (ms) and `values`. */
export type SeriesSink = (labels: Record<string, string>, times: ArrayLike<number>, values: ArrayLike<number>, from: number, to: number) => void;

/** What a family's one-minute series adds per minute of traffic, with its extra labels. */
interface CounterPart {
  family: FamilyId;
  labels: Record<string, string>;
  pick(t: SlotTraffic): number;
}

const COUNTER_PARTS: CounterPart[] = [
  { family: 'requests', labels: { [STATUS_LABEL]: STATUS_SUCCESS }, pick: (t) => t.requests - t.failures },
  { family: 'requests', labels: { [STATUS_LABEL]: STATUS_FAILURE }, pick: (t) => t.failures },
  { family: 'tokens', labels: { [TOKEN_TYPE_LABEL]: TOKEN_INPUT }, pick: (t) => t.inputTokens },
  { family: 'tokens', labels: { [TOKEN_TYPE_LABEL]: TOKEN_OUTPUT }, pick: (t) => t.outputTokens },
  { family: 'cache_hits', labels: {}, pick: (t) => t.cacheHits },
  { family: 'fallbacks', labels: {}, pick: (t) => t.fallbacksOk + t.fallbacksFailed },
];

/** Sample times of a setup: t_k = start + k minutes, k = 0 … slots. */
export function sampleTimes(setup: DemoSetup): Float64Array {
  const { startMs, slotSeconds, slots } = setup.model;
  if (slotSeconds !== 60) {
    throw new RangeError('the canonical generator follows 1-minute scrapes aligned with the 1-minute evaluations');
  }
  return Float64Array.from({ length: slots + 1 }, (_, k) => startMs + k * 60_000);
}

function firstSample(stream: DemoStream): number {
  return stream.startMinute;
}

interface Emitter {
  setup: DemoSetup;
  times: Float64Array;
  sink: SeriesSink;
}

/** A one-minute counter series from its first written sample, with its hourly and daily tiers. */
function emitCounter(e: Emitter, family: FamilyId, labels: Record<string, string>, values: Float64Array, first: number): void {
  const last = e.times.length;
  e.sink({ __name__: FAMILIES[family].series, ...labels }, e.times, values, first, last);
  const { hourly, daily } = hourlyAndDaily(e.times, values, first, last, e.times[0], e.times[last - 1]);
  e.sink({ __name__: tierSeries(family, 'hour'), ...labels }, hourly.times, hourly.values, 0, hourly.count);
  e.sink({ __name__: tierSeries(family, 'day'), ...labels }, daily.times, daily.values, 0, daily.count);
}

/** The spend of one stream per evaluation, from its printed counter: `x − x offset 1m`, 0 at a restart. */
function streamSpend(e: Emitter, stream: DemoStream, restarts: Set<number>, scratch: SlotTraffic, parts: Float64Array[]): Float64Array {
  const { model } = e.setup;
  const spend = new Float64Array(e.times.length);
  let counter = 0;
  let before = 0;
  for (let k = firstSample(stream) + 1; k < e.times.length; k++) {
    const traffic = streamTraffic(model, stream, k - 1, scratch);
    if (restarts.has(k)) {
      counter = 0;
      before = 0;
      continue;
    }
    counter += traffic.cost;
    const now = printedValue(counter);
    spend[k] = now - before;
    before = now;
    COUNTER_PARTS.forEach((part, i) => (parts[i][k] += part.pick(traffic)));
  }
  return spend;
}

/** Every one-minute counter series of one team × model and its spenders, with their tiers. */
function emitTeamModel(e: Emitter, streams: DemoStream[], scratch: SlotTraffic): void {
  const { world } = e.setup.model;
  const { team, model, pod } = streams[0];
  const modelOf = world.models[model];
  const base = { provider: modelOf.provider, model: modelOf.name, team: team < 0 ? '' : world.teams[team].name };
  const restarts = new Set(e.setup.restarts[pod]);
  const first = Math.min(...streams.map(firstSample)) + 1;
  const parts = COUNTER_PARTS.map(() => new Float64Array(e.times.length));
  const spend = new Float64Array(e.times.length);
  for (const stream of streams) {
    const user = world.users[stream.user];
    const spenderSpend = streamSpend(e, stream, restarts, scratch, parts);
    spenderSpend.forEach((v, k) => (spend[k] += v));
    emitCounter(e, 'spend_by_user', { ...base, user: user.id, api_key: user.apiKey }, spenderSpend, firstSample(stream) + 1);
  }
  emitCounter(e, 'spend', base, spend, first);
  COUNTER_PARTS.forEach((part, i) => emitCounter(e, part.family, { ...base, ...part.labels }, parts[i], first));
}

/** The streams of each team × model, as the raw counters of the non-spend families group them. */
export function teamModelStreams(setup: DemoSetup): DemoStream[][] {
  const groups = new Map<string, DemoStream[]>();
  for (const s of setup.model.world.streams) {
    const key = `${s.team}/${s.model}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}

/** Budget gauges of the budgeted teams, the model → provider info and the tier clock (a sample per mark). */
function emitGauges(e: Emitter): void {
  const { world } = e.setup.model;
  const { budgets } = e.setup;
  const n = e.times.length;
  world.teams.forEach((team, t) => {
    const limit = budgets.teamLimits[t];
    if (limit === null) {
      return;
    }
    const limits = new Float64Array(n).fill(limit);
    const spend = Float64Array.from({ length: n }, (_, k) => limit - printedValue(limit - e.setup.ctx.teamSpendAt(t, k)));
    e.sink({ __name__: FAMILIES.budget_limit.series, team: team.name }, e.times, limits, 0, n);
    e.sink({ __name__: FAMILIES.budget_spend.series, team: team.name }, e.times, spend, 0, n);
  });
  world.models.forEach((m, i) => {
    const streams = world.streams.filter((s) => s.model === i);
    if (streams.length) {
      e.sink({ __name__: MODEL_PROVIDER_INFO, model: m.name, provider: m.provider }, e.times, new Float64Array(n).fill(1), Math.min(...streams.map(firstSample)), n);
    }
  });
  const first = e.times[0];
  const last = e.times[n - 1];
  for (const [tier, marks] of [['hour', hourMarks(first, last)], ['day', dayMarks(first, last)]] as const) {
    const times = Float64Array.from(marks);
    e.sink({ __name__: TIER_CLOCK, [TIER_LABEL]: coarseTier(tier).clockLabel }, times, times.map((ms) => ms / 1000), 0, times.length);
  }
}

/**
 * Every series the canonical group records, over the setup's history, into `sink`; `onGroup`
 * after each team × model (for progress).
 */
export function writeCanonicalHistory(setup: DemoSetup, sink: SeriesSink, onGroup: (done: number, total: number) => void = () => undefined): void {
  const e: Emitter = { setup, times: sampleTimes(setup), sink };
  const scratch = emptyTraffic();
  const groups = teamModelStreams(setup);
  groups.forEach((streams, i) => {
    emitTeamModel(e, streams, scratch);
    onGroup(i + 1, groups.length);
  });
  emitGauges(e);
}
