/** @jest-environment node */
/**
 * The canonical generator against the real rules: a small scale-world history is backfilled with
 * promtool and the shipped LiteLLM rule file evaluated by Prometheus (history.ts), and every
 * series of the canonical group (one-minute families, hourly and daily tiers, clock, budget
 * gauges, model → provider info) must equal what the generator writes for the same traffic:
 * same series, same timestamps, values equal up to float summation order. Restarts of both pods
 * fall into the history. (A stream that starts late, 10 days before the end, takes the same path
 * as every stream's start; a history that long takes minutes to backfill.)
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { setUpDemo } from '../../src/demo';
import type { WorldShape } from '../../src/demo/scaleWorld';
import { fetchTierMarks } from '../../src/cli/tierMarksHttp';
import { FAMILIES, MODEL_PROVIDER_INFO } from '../../src/engine/conventions';
import { TIER_CLOCK, TierMarks, tierSeries } from '../../src/engine/tiers';
import { sampleTimes, writeCanonicalHistory } from './canonicalGenerator';
import { buildHistory, HistorySpec } from './history';
import type { Progress } from './progress';
import { withPrometheus } from './prometheus';
import { dayMarks, hourMarks } from './tierBuckets';

jest.setTimeout(300_000);

const WORLD: WorldShape = { models: 15, teams: 4, modelsPerTeam: 2, keys: 8, modelsPerKey: 1, pods: 2 };
// two and a half days: two midnights (the first without its 24 hourly marks, so no daily one), restarts of both pods; the end is an uneven minute
const SPEC: HistorySpec = { profile: 'litellm', days: 2.5, seed: 5, endMs: Date.UTC(2026, 9, 12, 14, 37), scrapeIntervalSeconds: 60, world: WORLD };
const quiet = (): Progress => ({ update: () => undefined, finish: () => undefined });

const counters = Object.values(FAMILIES).filter((f) => f.kind === 'increase');
const CANONICAL_NAMES = [
  ...counters.flatMap((f) => [f.series, tierSeries(f.id, 'hour'), tierSeries(f.id, 'day')]),
  FAMILIES.budget_limit.series,
  FAMILIES.budget_spend.series,
  MODEL_PROVIDER_INFO,
  TIER_CLOCK,
];

type Samples = Array<[number, number]>;
const keyOf = (labels: Record<string, string>) =>
  JSON.stringify(Object.entries(labels).filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : 1)));

function generated(): Map<string, Samples> {
  const out = new Map<string, Samples>();
  writeCanonicalHistory(setUpDemo(SPEC), (labels, times, values, from, to) => {
    const samples: Samples = [];
    for (let i = from; i < to; i++) {
      samples.push([times[i], values[i]]);
    }
    out.set(keyOf(labels), samples);
  });
  return out;
}

async function recorded(url: string, endSec: number): Promise<Map<string, Samples>> {
  const selector = `{__name__=~"${CANONICAL_NAMES.join('|')}"}`;
  const params = new URLSearchParams({ query: `${selector}[${Math.ceil(SPEC.days * 86400) + 60}s]`, time: String(endSec) });
  const body = (await (await fetch(`${url}/api/v1/query`, { method: 'POST', body: params })).json()) as {
    data: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
  };
  return new Map(body.data.result.map((r) => [keyOf(r.metric), r.values.map(([t, v]): [number, number] => [Math.round(t * 1000), Number(v)])]));
}

test('the generator writes exactly the canonical group the real rules record', async () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-generator-'));
  try {
    const history = await buildHistory(SPEC, cache, quiet);
    const { rules, marks } = await withPrometheus({ dataDir: history.dataDir }, async (p) => ({
      rules: await recorded(p.url, history.endSec),
      marks: await fetchTierMarks(p.url, history.startSec * 1000, history.endSec * 1000),
    }));
    const mine = generated();
    expect([...mine.keys()].sort()).toEqual([...rules.keys()].sort());
    const mismatches: string[] = [];
    for (const [key, samples] of mine) {
      const theirs = rules.get(key)!;
      if (theirs.length !== samples.length) {
        mismatches.push(`${key}: ${samples.length} samples generated, ${theirs.length} recorded`);
        continue;
      }
      const bad = samples.findIndex(([t, v], i) => t !== theirs[i][0] || Math.abs(v - theirs[i][1]) > 1e-9 * Math.max(1, Math.abs(v)));
      if (bad >= 0) {
        mismatches.push(`${key} at ${samples[bad][0]}: generated ${samples[bad][1]}, recorded ${theirs[bad][1]} at ${theirs[bad][0]}`);
      }
    }
    expect(mismatches).toEqual([]);
    // the planner learns from the clock exactly the marks the generator writes
    const times = sampleTimes(setUpDemo(SPEC));
    const sorted = (m: TierMarks) => ({ hour: [...m.hour].sort((a, b) => a - b), day: [...m.day].sort((a, b) => a - b) });
    expect(sorted(marks)).toEqual({ hour: hourMarks(times[0], times[times.length - 1]), day: dayMarks(times[0], times[times.length - 1]) });
    // of the two midnights only the second has all 24 hourly marks before it
    expect(marks.day.size).toBe(1);
    // the history has what the comparison is about
    const setup = setUpDemo(SPEC);
    expect(setup.restarts.every((slots) => slots.length >= 3)).toBe(true);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});
