/** What the integration tests run against: one real Prometheus per profile, with history. */
import { ProfileId } from '../../src/rules';
import { HistorySpec } from '../../scripts/testbed/history';

/** A fixed end keeps the cached history valid across runs; minute-aligned like rule evaluations. */
export const TEST_END_MS = Date.UTC(2026, 9, 31, 12, 0, 0);

/**
 * Days of history per profile: LiteLLM (the default profile) gets the 30-day windows of the
 * accuracy test; the others a week, which covers their 1 h, 1 d and 7 d windows. Recording-rule
 * backfill costs ~5 s per day of history, and CI may build these on a fresh machine.
 */
export const TEST_HISTORY_DAYS: Record<ProfileId, number> = { litellm: 31, seed: 8, otel: 8 };

export function testHistorySpec(profile: ProfileId): HistorySpec {
  // 20 users keep the history quick to build and still give every label several values
  return { profile, days: TEST_HISTORY_DAYS[profile], seed: 7, endMs: TEST_END_MS, scrapeIntervalSeconds: 60, users: 20 };
}

export interface TestbedInstance {
  profile: ProfileId;
  url: string;
  startSec: number;
  endSec: number;
}

export const TESTBED_ENV = 'AISPEND_TESTBED';

/** The running instances, as published by the global setup. */
export function testbed(profile: ProfileId): TestbedInstance {
  const all = JSON.parse(process.env[TESTBED_ENV] ?? '[]') as TestbedInstance[];
  const found = all.find((i) => i.profile === profile);
  if (!found) {
    throw new Error(`no test Prometheus for profile ${profile}: run the integration project through jest`);
  }
  return found;
}

export async function promQuery(
  instance: TestbedInstance,
  query: string,
  timeSec: number
): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const url = `${instance.url}/api/v1/query?query=${encodeURIComponent(query)}&time=${timeSec}`;
  const body = await (await fetch(url)).json();
  if (body.status !== 'success') {
    throw new Error(`${body.errorType}: ${body.error} in ${query}`);
  }
  return body.data.result;
}
