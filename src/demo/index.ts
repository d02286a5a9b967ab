/**
 * The demo LLM gateway: deterministic traffic (seeded), written as the raw series of one
 * metric profile. Traffic is per user×model stream and per scrape slot: daily and weekly
 * cycles, ~12 % month-over-month growth, noise, one spend anomaly (8× for three hours, four
 * days before the end), pod restarts that reset counters, a stream that starts mid-way and
 * monthly team budgets ending at ~88 %, ~97 %, none, ~45 % and ~62 % utilization.
 */
import type { Writable } from 'stream';
import type { ProfileId } from '../rules/profile';
import { computeBudgets, DemoBudgets } from './budgets';
import { Sink, totalSamples, writeFamilySlices } from './openmetrics';
import { mulberry32 } from './random';
import { profileFamilies, SeriesContext } from './series';
import { createTrafficModel, emptyTraffic, slotTimeMs, streamTraffic, TrafficModel } from './traffic';
import { buildScaleWorld, WorldShape } from './scaleWorld';
import { buildDemoWorld, DEMO_USERS, DemoWorld } from './world';

export interface DemoOptions {
  profile: ProfileId;
  days: number;
  seed: number;
  /** end of the history (ms, aligned to the scrape interval) */
  endMs: number;
  scrapeIntervalSeconds?: number;
  users?: number;
  /** a gateway of this shape instead of the demo's (`users` is then ignored) */
  world?: WorldShape;
}

export interface DemoSummary {
  series: number;
  samples: number;
  bytes: number;
  startMs: number;
  endMs: number;
  truth: {
    teamLimits: Record<string, number | null>;
    globalLimit: number;
    teamUtilizationAtEnd: Record<string, number | null>;
    restarts: Record<string, number[]>;
    anomaly: { team: string; model: string; startMs: number; endMs: number; factor: number };
  };
}

export { buildDemoWorld };
export type { DemoWorld };

/** Slots at which a pod restarts: three or four, spread over the history. */
export function podRestartSlots(model: TrafficModel, pod: number): number[] {
  const random = mulberry32(model.seed * 31 + pod + 1);
  const count = 3 + (random() < 0.5 ? 1 : 0);
  return Array.from({ length: count }, () => Math.floor(model.slots * (0.05 + 0.9 * random()))).sort((a, b) => a - b);
}

/** Month-to-date spend per team, memoized per sample as the gauges are written in order. */
function teamSpendTracker(model: TrafficModel, budgets: DemoBudgets): SeriesContext['teamSpendAt'] {
  const cache = new Map<string, Float64Array>();
  return (team, sample) => {
    const key = String(team);
    let series = cache.get(key);
    if (!series) {
      series = new Float64Array(model.slots + 1);
      const streams = model.world.streams.filter((s) => team === 'all' || s.team === team);
      const scratch = emptyTraffic();
      for (let k = 1; k <= model.slots; k++) {
        const fresh = budgets.monthStartSlot(k - 1) === k - 1;
        let spend = 0;
        for (const s of streams) {
          spend += streamTraffic(model, s, k - 1, scratch).cost;
        }
        series[k] = (fresh ? 0 : series[k - 1]) + spend;
      }
      cache.set(key, series);
    }
    return series[sample];
  };
}

function toSink(out: Writable | Sink): Sink {
  if (typeof out === 'function') {
    return out;
  }
  return (chunk) =>
    out.write(chunk) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

export interface DemoSetup {
  model: TrafficModel;
  budgets: DemoBudgets;
  restarts: number[][];
  ctx: SeriesContext;
}

/**
 * The traffic of a history ending at `endMs`, optionally modelled `extraDays` past its end
 * (live mode): restarts, budgets and the anomaly stay those of the history.
 */
export function setUpDemo(options: DemoOptions, extraDays = 0): DemoSetup {
  const slotSeconds = options.scrapeIntervalSeconds ?? 60;
  const endMs = Math.floor(options.endMs / (slotSeconds * 1000)) * slotSeconds * 1000;
  const startMs = endMs - options.days * 86_400_000;
  const world = options.world
    ? buildScaleWorld(options.seed, options.world, options.days)
    : buildDemoWorld(options.seed, options.users ?? DEMO_USERS, options.days);
  const history = createTrafficModel(world, options.seed, startMs, endMs, slotSeconds);
  const model = extraDays ? { ...createTrafficModel(world, options.seed, startMs, endMs + extraDays * 86_400_000, slotSeconds), anomaly: history.anomaly } : history;
  const budgets = computeBudgets(history);
  const restarts = world.pods.map((_, pod) => podRestartSlots(history, pod));
  return { model, budgets, restarts, ctx: { model, budgets, teamSpendAt: teamSpendTracker(model, budgets) } };
}

export async function writeDemoOpenMetrics(options: DemoOptions, out: Writable | Sink): Promise<DemoSummary> {
  const sink = toSink(out);
  return writeDemoOpenMetricsSlices(options, { slices: 1, sinkOf: () => sink });
}

export interface DemoSlicing {
  /** how many time slices of (about) equal length */
  slices: number;
  sinkOf(slice: number): Sink | Promise<Sink>;
  onProgress?(samplesWritten: number, samplesTotal: number): void;
}

/** Sample indices where each of `slices` equal time slices of `slots + 1` samples starts, and the end. */
export function sliceBoundaries(samples: number, slices: number): number[] {
  return Array.from({ length: slices + 1 }, (_, i) => Math.round((i * samples) / slices));
}

/** The history as time slices, each its own OpenMetrics document (see `writeFamilySlices`). */
export async function writeDemoOpenMetricsSlices(options: DemoOptions, slicing: DemoSlicing): Promise<DemoSummary> {
  const { model, budgets, restarts, ctx } = setUpDemo(options);
  const { world, startMs, slotSeconds } = model;
  const endMs = slotTimeMs(model, model.slots);
  const families = profileFamilies(options.profile, ctx);
  const total = totalSamples(families, model);
  let written = 0;
  const stats = await writeFamilySlices(
    families,
    model,
    (pod) => new Set(restarts[pod]),
    sliceBoundaries(model.slots + 1, slicing.slices),
    slicing.sinkOf,
    (samples) => slicing.onProgress?.((written += samples), total)
  );
  const slotToMs = (slot: number) => startMs + slot * slotSeconds * 1000;
  return {
    ...stats,
    startMs,
    endMs,
    truth: {
      teamLimits: Object.fromEntries(world.teams.map((t, i) => [t.name, budgets.teamLimits[i]])),
      globalLimit: budgets.globalLimit,
      teamUtilizationAtEnd: Object.fromEntries(
        world.teams.map((t, i) => [t.name, budgets.teamLimits[i] === null ? null : budgets.teamSpendAtEnd[i] / budgets.teamLimits[i]!])
      ),
      restarts: Object.fromEntries(world.pods.map((p, i) => [p, restarts[i].map(slotToMs)])),
      anomaly: {
        team: world.teams[model.anomaly.team].name,
        model: world.models[model.anomaly.model].name,
        startMs: slotToMs(model.anomaly.startSlot),
        endMs: slotToMs(model.anomaly.endSlot),
        factor: model.anomaly.factor,
      },
    },
  };
}
