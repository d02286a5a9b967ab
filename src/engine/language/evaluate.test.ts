/** @jest-environment node */
import { FAMILIES } from '../conventions';
import { check } from './check';
import { CanonicalSeries, evaluateInstant, InstantResult } from './evaluate';
import type { EvaluationOptions } from './types';

const AT_MS = 10 * 86400_000;
const HOUR_MS = 3600_000;

function series(family: keyof typeof FAMILIES, labels: Record<string, string>, perHour: number): CanonicalSeries {
  return { name: FAMILIES[family].series, labels, samples: [1, 2, 3].map((h) => [AT_MS - h * HOUR_MS, perHour]) };
}

// spend: team a 30, team b 60 (openai 45, anthropic 45); team c only retries; one user spends
const DATA: CanonicalSeries[] = [
  series('spend', { provider: 'openai', model: 'gpt-4o', team: 'a' }, 10),
  series('spend', { provider: 'openai', model: 'gpt-4o', team: 'b' }, 5),
  series('spend', { provider: 'anthropic', model: 'claude', team: 'b' }, 15),
  series('retries', { provider: 'openai', model: 'gpt-4o', team: 'a' }, 1),
  series('retries', { provider: 'openai', model: 'gpt-4o', team: 'c' }, 2),
  series('spend_by_user', { provider: 'openai', model: 'gpt-4o', team: 'a', user: 'u1' }, 10),
];

const day: EvaluationOptions = { mode: 'instant', windowSeconds: 86400, groupBy: [] };
const by = (...groupBy: EvaluationOptions['groupBy']): EvaluationOptions => ({ ...day, groupBy });

function evaluate(formula: string, options: EvaluationOptions): InstantResult[] {
  const results = evaluateInstant(check(formula).ir!, DATA, { ...options, atMs: AT_MS });
  return results.sort((x, y) => JSON.stringify(x.labels).localeCompare(JSON.stringify(y.labels)));
}

test.each<[string, EvaluationOptions, InstantResult[]]>([
  ['all.total_cost', day, [{ labels: {}, value: 90 }]],
  // every team with spend carries the all-teams value
  ['all.total_cost', by('team'), [{ labels: { team: 'a' }, value: 90 }, { labels: { team: 'b' }, value: 90 }]],
  ['all.total_cost * 2', by('provider'), [{ labels: { provider: 'anthropic' }, value: 180 }, { labels: { provider: 'openai' }, value: 180 }]],
  // the rows are the groups of the other measures: team c has retries and no spend
  ['retries + all.total_cost', by('team'), [{ labels: { team: 'a' }, value: 93 }, { labels: { team: 'c' }, value: 96 }]],
  ['total_cost / all.total_cost * 100', by('team'), [{ labels: { team: 'a' }, value: (30 / 90) * 100 }, { labels: { team: 'b' }, value: (60 / 90) * 100 }]],
  // a formula of only all. measures: the groups any of them has data for
  ['all.total_cost / all.retries', by('team'), ['a', 'b', 'c'].map((team) => ({ labels: { team }, value: 10 }))],
  ['all.team["a"].total_cost', by('team'), [{ labels: { team: 'a' }, value: 30 }]],
  ['all.previous.total_cost', by('team'), []],
  ['all.retries', by('user'), []],
  ['all.total_cost', by('user'), [{ labels: { user: 'u1' }, value: 90 }]],
  // a branch of only all. measures takes the rows of the other branch
  ['all.total_cost > 50 ? 1 : total_cost', by('team'), [{ labels: { team: 'a' }, value: 1 }, { labels: { team: 'b' }, value: 1 }]],
  ['all.total_cost > 500 ? 1 : total_cost', by('team'), [{ labels: { team: 'a' }, value: 30 }, { labels: { team: 'b' }, value: 60 }]],
  // inside max_by / count_by the value sits on every label value with data
  ['count_by(provider, all.total_cost)', day, [{ labels: {}, value: 2 }]],
  ['max_by(model, all.total_cost)', by('team'), [{ labels: { team: 'a' }, value: 90 }, { labels: { team: 'b' }, value: 90 }]],
])('%s %j', (formula, options, expected) => {
  expect(evaluate(formula, options)).toEqual(expected);
});

test('shares of the all-groups value add up to 100 per grouping', () => {
  for (const label of ['provider', 'model', 'team'] as const) {
    const shares = evaluate('total_cost / all.total_cost * 100', by(label));
    expect(shares.reduce((sum, r) => sum + r.value, 0)).toBeCloseTo(100, 9);
  }
});
