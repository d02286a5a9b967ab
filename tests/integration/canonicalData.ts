/**
 * Synthetic canonical `aigateway:*` series for the differential tests: sparse (series come and
 * go by the day, samples drop out), with zeros, an empty team and a team name that needs
 * escaping. Values are multiples of 1/8, so sums are exact whatever order they are added in.
 */
import fs from 'fs';
import path from 'path';
import { mulberry32 } from '../../src/demo/random';
import { formatLabels } from '../../src/demo/openmetrics';
import { FAMILIES, FamilyId } from '../../src/engine/conventions';
import type { CanonicalSeries, Sample } from '../../src/engine/language';

export const SYNTHETIC_END_MS = Date.UTC(2026, 9, 31, 12);
export const SYNTHETIC_DAYS = 61;
const SPACING_MS = 30 * 60_000;

const MODELS: Array<[provider: string, model: string]> = [
  ['openai', 'gpt-4o'],
  ['anthropic', 'claude-3-5-sonnet'],
  ['self-hosted', 'llama-3-70b'],
];
const TEAMS = ['platform', 'data-science', 'a"b\\c', ''];
const SPENDERS: Array<[user: string, apiKey: string]> = [
  ['alice', 'key-1'],
  ['bob', 'key-2'],
  ['bob', 'key-3'],
  ['carol', ''],
];

function sparseSamples(random: () => number, maxEighths: number, zeroShare: number): Sample[] {
  const samples: Sample[] = [];
  const start = SYNTHETIC_END_MS - SYNTHETIC_DAYS * 86_400_000;
  let activeDay = -1;
  let active = false;
  for (let t = start + SPACING_MS; t <= SYNTHETIC_END_MS; t += SPACING_MS) {
    const day = Math.floor((t - start) / 86_400_000);
    if (day !== activeDay) {
      activeDay = day;
      active = random() < 0.75;
    }
    if (active && random() < 0.8) {
      samples.push([t, random() < zeroShare ? 0 : Math.floor(random() * (maxEighths + 1)) / 8]);
    }
  }
  return samples;
}

export function syntheticCanonicalSeries(seed = 11): CanonicalSeries[] {
  const random = mulberry32(seed);
  const series: CanonicalSeries[] = [];
  // rare events are mostly zero: windows without any give the 0 / 0 and x / 0 cases
  const add = (family: FamilyId, labels: Record<string, string>, maxEighths: number, zeroShare = 0.05) =>
    series.push({ name: FAMILIES[family].series, labels, samples: sparseSamples(random, maxEighths, zeroShare) });
  for (const [provider, model] of MODELS) {
    for (const team of TEAMS) {
      const base = { provider, model, team };
      add('spend', base, 80);
      add('requests', { ...base, status: 'success' }, 400);
      add('requests', { ...base, status: 'failure' }, 8, 0.9);
      add('tokens', { ...base, type: 'input' }, 8000);
      add('tokens', { ...base, type: 'output' }, 4000);
      add('cache_hits', base, 40, 0.3);
      add('retries', base, 8, 0.8);
      add('fallbacks', base, 4, 0.95);
    }
    for (const [user, apiKey] of SPENDERS) {
      add('spend_by_user', { provider, model, team: TEAMS[user.length % 3], user, api_key: apiKey }, 40);
    }
  }
  for (const team of TEAMS) {
    add('budget_limit', { provider: '', model: '', team, period: 'monthly' }, 80_000);
    add('budget_spend', { provider: '', model: '', team, period: 'monthly' }, 60_000);
  }
  return series.filter((s) => s.samples.length > 0);
}

/** OpenMetrics text (empty labels left out, as Prometheus stores them) for promtool's backfill. */
export function writeSyntheticOpenMetrics(series: CanonicalSeries[], file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines: string[] = [];
  const byName = new Map<string, CanonicalSeries[]>();
  series.forEach((s) => byName.set(s.name, [...(byName.get(s.name) ?? []), s]));
  for (const [name, members] of byName) {
    lines.push(`# TYPE ${name} gauge`);
    for (const s of members) {
      const labels = formatLabels(Object.fromEntries(Object.entries(s.labels).filter(([, v]) => v !== '')));
      for (const [t, v] of s.samples) {
        lines.push(`${name}${labels} ${v} ${t / 1000}`);
      }
    }
  }
  lines.push('# EOF');
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
