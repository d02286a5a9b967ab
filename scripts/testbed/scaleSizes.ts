/**
 * The sizes of the scale test bed (`npm run bench:scale`): a mid-size company's gateway at three
 * sizes, so that growth is visible. The smallest runs the real rules over raw counters; the
 * larger ones are written by the canonical generator (evaluating the rules over 35 days of
 * thousands of raw series would take hours on two cores).
 */
import { providersOf, spenderSeriesOf, spendSeriesOf, WorldShape } from '../../src/demo/scaleWorld';
import type { HistorySpec } from './history';

export type TierSource = 'rules' | 'generator';

export interface ScaleSize {
  id: string;
  world: WorldShape;
  tiers: TierSource;
}

export const SCALE_DAYS = 35;
export const SCALE_SEED = 15;
/** A fixed end keeps the cached histories valid; an uneven minute of the afternoon, as when someone looks. */
export const SCALE_END_MS = Date.UTC(2026, 10, 30, 14, 37);

const MODELS = 64;
const PODS = 4;

export const SCALE_SIZES: readonly ScaleSize[] = [
  { id: 'small', world: { models: MODELS, teams: 25, modelsPerTeam: 8, keys: 250, modelsPerKey: 2, pods: PODS }, tiers: 'rules' },
  { id: 'medium', world: { models: MODELS, teams: 50, modelsPerTeam: 10, keys: 1000, modelsPerKey: 2, pods: PODS }, tiers: 'generator' },
  { id: 'large', world: { models: MODELS, teams: 50, modelsPerTeam: 20, keys: 2500, modelsPerKey: 2, pods: PODS }, tiers: 'generator' },
];

export const TIER_SOURCE_TEXT: Record<TierSource, string> = {
  rules: 'raw LiteLLM counters backfilled with promtool, then the shipped rule file (1-minute series, tiers, clock) evaluated by Prometheus',
  generator:
    'canonical 1-minute series, hourly/daily tiers and clock written by the canonical generator (the rules’ semantics, compared with them on a small history); raw counters for the last 10 minutes only',
};

export interface SizeFigures {
  spenderSeries: number;
  spendSeries: number;
  models: number;
  providers: number;
  teams: number;
}

/** The series counts and catalogue a size's world makes by construction. */
export function sizeFigures(size: ScaleSize): SizeFigures {
  return {
    spenderSeries: spenderSeriesOf(size.world),
    spendSeries: spendSeriesOf(size.world),
    models: size.world.models,
    providers: providersOf(size.world).length,
    teams: size.world.teams,
  };
}

export function findSize(id: string): ScaleSize | undefined {
  return SCALE_SIZES.find((s) => s.id === id);
}

export function scaleHistorySpec(size: ScaleSize): HistorySpec {
  return { profile: 'litellm', days: SCALE_DAYS, seed: SCALE_SEED, endMs: SCALE_END_MS, scrapeIntervalSeconds: 60, world: size.world };
}
