/**
 * `aispend doctor` on real Prometheus: a small backfilled history with each recording failure the
 * check exists for (the vmalert 5-minute case of issue 16 among them), and the healthy LiteLLM
 * test bed, whose rules were evaluated every minute, which must give no error.
 */
import { FAMILIES, FamilyId } from '../../src/engine/conventions';
import type { CanonicalSeries, Sample } from '../../src/engine/language';
import type { HealthFinding } from '../../src/health/recordingHealth';
import type { RunningPrometheus } from '../../scripts/testbed/prometheus';
import { startSyntheticPrometheus } from './syntheticPrometheus';
import { testbed } from './testbed';
import { runCli } from './support/runCli';

jest.setTimeout(120_000);

const END_SEC = Date.UTC(2026, 9, 31, 12) / 1000;
const HOUR = 3600;
const DAYS = 2;

const aispend = (...argv: string[]) => runCli(argv);

/** A sample every `everySec` over the fixture's days, except in [skipFromSec, skipToSec). */
function samples(everySec: number, skipFromSec = Infinity, skipToSec = Infinity): Sample[] {
  const out: Sample[] = [];
  for (let t = END_SEC - DAYS * 86400 + everySec; t <= END_SEC; t += everySec) {
    if (t < skipFromSec || t >= skipToSec) {
      out.push([t * 1000, 1]);
    }
  }
  return out;
}

const base = { provider: 'openai', model: 'gpt-4o', team: 'platform' };
const canonical = (family: FamilyId, labels: Record<string, string>, s: Sample[]): CanonicalSeries => ({
  name: FAMILIES[family].series,
  labels: { ...base, ...labels },
  samples: s,
});

const FIXTURE: CanonicalSeries[] = [
  canonical('spend', {}, samples(60)),
  // vmalert 1.79 replaying with its default -datasource.queryStep=5m
  canonical('requests', { status: 'success' }, samples(300)),
  canonical('tokens', { type: 'input' }, samples(60, END_SEC - 3 * HOUR + 1)),
  canonical('cache_hits', {}, samples(60, END_SEC - 20 * HOUR, END_SEC - 16 * HOUR)),
  canonical('budget_limit', { period: 'monthly' }, samples(60)),
  canonical('budget_spend', { period: 'monthly' }, samples(60)),
  // the raw counters of two families whose rules never ran
  {
    name: 'litellm_deployment_successful_fallbacks_total',
    labels: { requested_model: 'gpt-4o' },
    samples: samples(60),
  },
  { name: 'litellm_spend_metric_total', labels: { model: 'gpt-4o', api_provider: 'openai' }, samples: samples(60) },
];

let fixture: RunningPrometheus;

beforeAll(async () => {
  fixture = await startSyntheticPrometheus(FIXTURE);
});

afterAll(async () => {
  await fixture?.stop();
});

test('the fixture: the sparse family, the stale one, the gap and the two rules that never ran, errors first', async () => {
  const { code, out } = await aispend(
    'doctor',
    '--prometheus',
    fixture.url,
    '--time',
    String(END_SEC),
    '--lookback',
    '2d',
    '--json'
  );
  expect(code).toBe(1);
  const findings = (JSON.parse(out).findings as HealthFinding[]).map((f) => [f.severity, f.kind, f.family, f.message]);
  expect(findings).toEqual([
    [
      'error',
      'sparse',
      'requests',
      'aigateway:requests:increase1m: recorded every 5 m, not every 1 m (12 points per hour): totals are ~80 % low',
    ],
    ['error', 'stale', 'tokens', 'aigateway:tokens:increase1m: no point for over 3 h'],
    [
      'error',
      'never-ran',
      'fallbacks',
      'aigateway:fallbacks:increase1m: no series in the last 2 d although litellm_deployment_successful_fallbacks_total has data: its rule never ran',
    ],
    [
      'error',
      'never-ran',
      'spend_by_user',
      'aigateway:spend_usd_by_user:increase1m: no series in the last 2 d although litellm_spend_metric_total has data: its rule never ran',
    ],
    [
      'warning',
      'gap',
      'cache_hits',
      'aigateway:cache_hits:increase1m: no points for 3 h of the last 2 d (from 2026-10-30 16:00 UTC to 2026-10-30 19:00 UTC): totals over those hours are low',
    ],
  ]);
});

test('the fixture in words: one line per finding with its fix', async () => {
  const { code, out } = await aispend(
    'doctor',
    '--prometheus',
    fixture.url,
    '--time',
    String(END_SEC),
    '--lookback',
    '2d'
  );
  expect(code).toBe(1);
  const lines = out.trimEnd().split('\n');
  expect(lines).toHaveLength(5);
  expect(lines[0]).toBe(
    'error: aigateway:requests:increase1m: recorded every 5 m, not every 1 m (12 points per hour): totals are ~80 % low. ' +
      "Fix: Run vmalert with -datasource.queryStep=1m (its default is 5m), or set your ruler's evaluation interval for the aispend rule groups to 1m."
  );
  expect(lines.every((line) => /^(error|warning): .+\. Fix: .+\.$/.test(line))).toBe(true);
});

test('the LiteLLM test bed, recorded every minute: no error finding', async () => {
  const { url, endSec } = testbed('litellm');
  const { code, out } = await aispend(
    'doctor',
    '--prometheus',
    url,
    '--profile',
    'litellm',
    '--time',
    String(endSec),
    '--json'
  );
  const findings = JSON.parse(out).findings as HealthFinding[];
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(code).toBe(0);
});
