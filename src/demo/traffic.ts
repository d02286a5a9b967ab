/**
 * Per-stream traffic for one scrape slot: daily and weekly cycles, month-over-month growth,
 * noise, one injected spend anomaly. Every value is a pure function of (seed, stream, slot).
 */
import { countWithMean, hashUniform } from './random';
import { DemoStream, DemoWorld } from './world';

export interface SlotTraffic {
  requests: number;
  failures: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  cacheHits: number;
  retries: number;
  fallbacksOk: number;
  fallbacksFailed: number;
}

export interface TrafficModel {
  world: DemoWorld;
  seed: number;
  startMs: number;
  slotSeconds: number;
  slots: number;
  slotFactors: Float64Array;
  anomaly: { team: number; model: number; startSlot: number; endSlot: number; factor: number };
}

/** Share of the peak rate by UTC hour: quiet nights, busy working hours. */
const DAILY = [0.18, 0.15, 0.14, 0.14, 0.16, 0.22, 0.35, 0.6, 0.95, 1.25, 1.4, 1.45, 1.3, 1.4, 1.5, 1.45, 1.35, 1.15, 0.9, 0.7, 0.55, 0.42, 0.3, 0.22];
const WEEKEND_FACTOR = 0.35;
const MONTHLY_GROWTH = 1.12;
const LOG_GROWTH_PER_MS = Math.log(MONTHLY_GROWTH) / (30 * 86_400_000);
const CACHE_RATES = [0.22, 0.3, 0.18, 0.24, 0.33, 0.15, 0.2, 0.19, 0.28, 0.35, 0.12, 0.16];
const RETRY_RATE = 0.04;
const FALLBACK_RATE = 0.02;
const FAILED_FALLBACK_SHARE = 0.1;

export function createTrafficModel(world: DemoWorld, seed: number, startMs: number, endMs: number, slotSeconds: number): TrafficModel {
  const slots = Math.floor((endMs - startMs) / (slotSeconds * 1000));
  // Four days before the end, 10:00 UTC, three hours: one team's sonnet usage runs away.
  const day = Math.floor(endMs / 86_400_000) - 4;
  const anomalyStartMs = day * 86_400_000 + 10 * 3_600_000;
  const toSlot = (ms: number) => Math.floor((ms - startMs) / (slotSeconds * 1000));
  return {
    world,
    seed,
    startMs,
    slotSeconds,
    slots,
    slotFactors: slotFactors(startMs, slotSeconds, slots),
    anomaly: { team: 3, model: 3, startSlot: toSlot(anomalyStartMs), endSlot: toSlot(anomalyStartMs + 3 * 3_600_000), factor: 8 },
  };
}

export function emptyTraffic(): SlotTraffic {
  return { requests: 0, failures: 0, inputTokens: 0, outputTokens: 0, cost: 0, cacheHits: 0, retries: 0, fallbacksOk: 0, fallbacksFailed: 0 };
}

export function slotTimeMs(model: TrafficModel, slot: number): number {
  return model.startMs + slot * model.slotSeconds * 1000;
}

/** Daily and weekly cycles and growth depend on the slot only: computed once per slot. */
function slotFactors(startMs: number, slotSeconds: number, slots: number): Float64Array {
  const factors = new Float64Array(slots + 1);
  for (let slot = 0; slot <= slots; slot++) {
    const t = startMs + slot * slotSeconds * 1000;
    // 1970-01-01 was a Thursday
    const weekday = (Math.floor(t / 86_400_000) + 4) % 7;
    const weekly = weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1;
    const growth = Math.exp(LOG_GROWTH_PER_MS * (t - startMs));
    factors[slot] = (DAILY[Math.floor(t / 3_600_000) % 24] * weekly * growth * slotSeconds) / 60;
  }
  return factors;
}

function expectedRequests(model: TrafficModel, stream: DemoStream, slot: number): number {
  const noise = 0.85 + 0.3 * hashUniform(model.seed, stream.index, slot, 0);
  const a = model.anomaly;
  const anomalous = slot >= a.startSlot && slot < a.endSlot && stream.team === a.team && stream.model === a.model;
  return stream.baseRate * model.slotFactors[slot] * noise * (anomalous ? a.factor : 1);
}

/** Fills `out` with the stream's traffic in `slot` (no allocation: called millions of times). */
export function streamTraffic(model: TrafficModel, stream: DemoStream, slot: number, out: SlotTraffic): SlotTraffic {
  const slotMinute = Math.floor((slot * model.slotSeconds) / 60);
  if (slotMinute < stream.startMinute) {
    Object.assign(out, emptyTraffic());
    return out;
  }
  const seed = model.seed;
  const id = stream.index;
  const m = model.world.models[stream.model];
  const requests = countWithMean(expectedRequests(model, stream, slot), hashUniform(seed, id, slot, 1));
  const failures = Math.min(requests, countWithMean(requests * m.failureRate, hashUniform(seed, id, slot, 2)));
  const successes = requests - failures;
  const inputTokens = Math.round(successes * m.inputTokens * (0.8 + 0.4 * hashUniform(seed, id, slot, 3)));
  const outputTokens = Math.round(successes * m.outputTokens * (0.8 + 0.4 * hashUniform(seed, id, slot, 4)));
  const fallbacks = countWithMean(requests * FALLBACK_RATE, hashUniform(seed, id, slot, 7));
  const fallbacksFailed = countWithMean(fallbacks * FAILED_FALLBACK_SHARE, hashUniform(seed, id, slot, 8));
  out.requests = requests;
  out.failures = failures;
  out.inputTokens = inputTokens;
  out.outputTokens = outputTokens;
  out.cost = (inputTokens * m.inputPrice + outputTokens * m.outputPrice) / 1000;
  out.cacheHits = countWithMean(successes * CACHE_RATES[stream.model % CACHE_RATES.length], hashUniform(seed, id, slot, 5));
  out.retries = countWithMean(requests * RETRY_RATE, hashUniform(seed, id, slot, 6));
  out.fallbacksOk = fallbacks - fallbacksFailed;
  out.fallbacksFailed = fallbacksFailed;
  return out;
}

/** Sum of `pick` over streams in one slot. */
export function sumStreams(model: TrafficModel, streams: DemoStream[], slot: number, pick: (t: SlotTraffic) => number, scratch: SlotTraffic): number {
  let total = 0;
  for (const stream of streams) {
    total += pick(streamTraffic(model, stream, slot, scratch));
  }
  return total;
}
