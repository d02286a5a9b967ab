/** @jest-environment node */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { ProfileId } from '../rules/profile';
import { DemoOptions, setUpDemo, sliceBoundaries, writeDemoOpenMetrics, writeDemoOpenMetricsSlices } from '.';
import { createTrafficModel, emptyTraffic, streamTraffic } from './traffic';
import { buildDemoWorld } from './world';

// generating and backfilling a day of three profiles takes seconds each on a busy CI machine
jest.setTimeout(120_000);

const END = Date.UTC(2026, 9, 31, 12);
const small = (profile: ProfileId, extra: Partial<DemoOptions> = {}): DemoOptions => ({ profile, days: 1, seed: 3, endMs: END, users: 12, ...extra });

async function render(options: DemoOptions) {
  let text = '';
  const summary = await writeDemoOpenMetrics(options, (chunk) => {
    text += chunk;
  });
  return { text, summary };
}

/** Increase of every series of `sample` (resets add the value after the reset), summed. */
function totalIncrease(text: string, sample: string, filter: (line: string) => boolean = () => true): number {
  const last = new Map<string, number>();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(sample + '{') || !filter(line)) {
      continue;
    }
    const [series, value] = line.slice(0, line.lastIndexOf(' ')).split(/ (?=[^ ]+$)/);
    const v = Number(value);
    const prev = last.get(series);
    total += prev === undefined ? v : v >= prev ? v - prev : v;
    last.set(series, v);
  }
  return total;
}

test('the same seed gives the same bytes, another seed other bytes', async () => {
  const hash = async (seed: number) => createHash('sha256').update((await render(small('litellm', { seed }))).text).digest('hex');
  expect(await hash(3)).toBe(await hash(3));
  expect(await hash(3)).not.toBe(await hash(4));
});

test('budgets end with one team at 80–95 %, one above 95 %, one without a budget', () => {
  // the truth of the summary, without streaming the counters of 50 users for 20 days
  const { budgets } = setUpDemo({ profile: 'seed', days: 6, seed: 42, endMs: END, users: 50 });
  const utilization = budgets.teamLimits.map((limit, team) => (limit === null ? null : budgets.teamSpendAtEnd[team] / limit));
  expect(utilization.filter((u) => u !== null && u >= 0.8 && u < 0.95)).toHaveLength(1);
  expect(utilization.filter((u) => u !== null && u >= 0.95)).toHaveLength(1);
  expect(utilization.filter((u) => u === null)).toHaveLength(1);
});

test('the emitted budget gauges end at the utilization of the summary', async () => {
  const { text, summary } = await render(small('seed'));
  const lastValue = (prefix: string) => {
    const lines = text.split('\n').filter((l) => l.startsWith(prefix));
    return Number(lines[lines.length - 1].split(' ')[1]);
  };
  for (const [team, utilization] of Object.entries(summary.truth.teamUtilizationAtEnd)) {
    if (utilization === null) {
      continue;
    }
    const spend = lastValue(`litellm_team_spend_total{team="${team}"}`);
    const limit = lastValue(`litellm_team_budget_total{team="${team}"}`);
    expect(spend / limit).toBeCloseTo(utilization, 6);
  }
});

test('pod restarts reset counters in the emitted series', async () => {
  const { text, summary } = await render(small('seed', { days: 3 }));
  expect(Object.values(summary.truth.restarts).flat().length).toBeGreaterThanOrEqual(6);
  const values = new Map<string, number>();
  let decreases = 0;
  for (const line of text.split('\n').filter((l) => l.startsWith('litellm_requests_total{'))) {
    const parts = line.split(' ');
    const key = parts[0];
    const value = Number(parts[1]);
    if (values.has(key) && value < values.get(key)!) {
      decreases++;
    }
    values.set(key, value);
  }
  expect(decreases).toBeGreaterThan(0);
});

test('the injected anomaly spends at least 5x the usual rate of its team and model', () => {
  const days = 10;
  const world = buildDemoWorld(42, 50, days);
  const model = createTrafficModel(world, 42, END - days * 86_400_000, END, 60);
  const a = model.anomaly;
  const streams = world.streams.filter((s) => s.team === a.team && s.model === a.model);
  const scratch = emptyTraffic();
  const spendAt = (slot: number) => streams.reduce((sum, s) => sum + streamTraffic(model, s, slot, scratch).cost, 0);
  // the same hours of the day on the other days are the baseline
  const sameHours = (slot: number) => Array.from({ length: days - 1 }, (_, d) => slot - (d + 1) * 1440).filter((s) => s >= 0);
  const during = Array.from({ length: a.endSlot - a.startSlot }, (_, i) => a.startSlot + i);
  const anomalous = during.reduce((sum, s) => sum + spendAt(s), 0);
  const baseline = during.flatMap(sameHours).reduce((sum, s) => sum + spendAt(s), 0) / (days - 1);
  expect(anomalous / baseline).toBeGreaterThan(5);
});

test('the three profiles carry the same traffic', async () => {
  const seed = await render(small('seed'));
  const litellm = await render(small('litellm'));
  const otel = await render(small('otel'));
  const spend = totalIncrease(seed.text, 'litellm_spend_total');
  expect(spend).toBeGreaterThan(0);
  expect(totalIncrease(litellm.text, 'litellm_spend_metric_total')).toBeCloseTo(spend, 3);
  expect(totalIncrease(otel.text, 'gen_ai_usage_cost_USD_sum')).toBeCloseTo(spend, 3);
  const requests = totalIncrease(seed.text, 'litellm_requests_total');
  expect(totalIncrease(litellm.text, 'litellm_proxy_total_requests_metric_total')).toBe(requests);
  expect(totalIncrease(otel.text, 'gen_ai_client_operation_duration_seconds_count')).toBe(requests);
  const failures = totalIncrease(seed.text, 'litellm_requests_total', (l) => l.includes('status="failure"'));
  expect(totalIncrease(litellm.text, 'litellm_proxy_failed_requests_metric_total')).toBe(failures);
});

test.each(['seed', 'litellm', 'otel'] as const)('promtool backfills a day of the %s profile', async (profile) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-demo-'));
  try {
    const file = path.join(dir, 'raw.om');
    fs.writeFileSync(file, (await render(small(profile))).text);
    execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, path.join(dir, 'data')], { stdio: 'pipe' });
    expect(fs.readdirSync(path.join(dir, 'data')).length).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('time slices', () => {
  test.each([
    [10, 1, [0, 10]],
    [10, 4, [0, 3, 5, 8, 10]],
    [86_401, 4, [0, 21_600, 43_201, 64_801, 86_401]],
  ])('%i samples in %i slices start at %j', (samples, slices, expected) => {
    expect(sliceBoundaries(samples, slices)).toEqual(expected);
  });

  test.each(['litellm', 'seed', 'otel'] as ProfileId[])('%s: the slices hold exactly the samples of the whole history, each slice a complete document', async (profile) => {
    const options = small(profile);
    const whole = await render(options);
    const slices: string[] = ['', '', ''];
    const progress: Array<[number, number]> = [];
    const summary = await writeDemoOpenMetricsSlices(options, {
      slices: 3,
      sinkOf: (i) => (chunk) => {
        slices[i] += chunk;
      },
      onProgress: (written, total) => progress.push([written, total]),
    });
    const samplesOf = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(slices.flatMap(samplesOf).sort()).toEqual(samplesOf(whole.text).sort());
    for (const slice of slices) {
      expect(slice.endsWith('# EOF\n')).toBe(true);
      expect(slice.split('\n').filter((l) => l.startsWith('# TYPE'))).toEqual(whole.text.split('\n').filter((l) => l.startsWith('# TYPE')));
    }
    expect(summary.samples).toBe(whole.summary.samples);
    expect(progress[progress.length - 1]).toEqual([summary.samples, summary.samples]);
    expect(progress.every(([written], i) => i === 0 || written >= progress[i - 1][0])).toBe(true);
  });
});
