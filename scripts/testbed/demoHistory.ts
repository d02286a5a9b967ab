/**
 * The history `npm run demo` builds and caches; `npm run bench` times queries on the same one,
 * so both must name it identically (the cache key is the spec).
 */
import { historyEndMs } from '../../src/cli/liveMetrics';
import { DEMO_USERS } from '../../src/demo/world';
import type { ProfileId } from '../../src/rules/profile';
import type { HistorySpec } from './history';

export const DEMO_HISTORY_DEFAULTS = { profile: 'litellm' as ProfileId, days: 60, seed: 42, users: DEMO_USERS };

export function demoHistorySpec(overrides: Partial<typeof DEMO_HISTORY_DEFAULTS> = {}, nowMs = Date.now()): HistorySpec {
  const { profile, days, seed, users } = { ...DEMO_HISTORY_DEFAULTS, ...overrides };
  return { profile, days, seed, users, endMs: historyEndMs(nowMs), scrapeIntervalSeconds: 60 };
}
