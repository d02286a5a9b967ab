/**
 * Label values cannot change the structure of the PromQL: 10 000 random values (quotes,
 * backslashes, newlines, `"}`, `=~`, regex metacharacters, unicode, empty) are each stored on
 * a series in real Prometheus; the selector compiled from a formula's bracket scope, and the
 * regex matcher compiled from a multi-value query filter, each match exactly that series.
 */
import { mulberry32 } from '../../src/demo/random';
import { FAMILIES } from '../../src/engine/conventions';
import { compileToPromQL, type CanonicalSeries } from '../../src/engine/language';
import type { RunningPrometheus } from '../../scripts/testbed/prometheus';
import { instantQuery } from '../../src/cli/prometheusHttp';
import { startSyntheticPrometheus } from './syntheticPrometheus';

const VALUES = 10_000;
const AT_MS = Date.UTC(2026, 9, 31, 12);
const PIECES = ['"', '\\', '\n', '\t', '"}', '=~', '.*', '|', '(', ')', '[', ']', '{', '}', '^', '$', '+', '?', "'", '`', ',', ' ', 'é', '日本', '🙂', 'a', 'Z', '0', '-', '_', ':'];

function randomValues(): string[] {
  const random = mulberry32(99);
  const values = new Set<string>(['', '"}', '=~".*"', '\\', '\n', 'team"} or vector(1) #']);
  while (values.size < VALUES) {
    const length = 1 + Math.floor(random() * 8);
    values.add(Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join(''));
  }
  return [...values];
}

/** A JavaScript string literal as jsep reads it (its escapes: \n, \t, \\, \"). */
function formulaString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

const values = randomValues();
let prometheus: RunningPrometheus;

beforeAll(async () => {
  // one series per value, its index as the value: a match names the value it matched
  const series: CanonicalSeries[] = values.map((team, index) => ({
    name: FAMILIES.spend.series,
    labels: { provider: 'p', team },
    samples: [[AT_MS, index + 1]],
  }));
  prometheus = await startSyntheticPrometheus(series);
}, 120_000);
afterAll(() => prometheus?.stop());

/** Grouped by team, every matched series is a row of its own, carrying its label value. */
async function matchedSeries(promql: string): Promise<Array<{ team: string; index: number }>> {
  const result = await instantQuery(prometheus.url, promql, AT_MS / 1000);
  return result.map((r) => ({ team: r.metric.team ?? '', index: Number(r.value![1]) - 1 }));
}

async function inBatches<T>(items: T[], parallel: number, body: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += parallel) {
    await Promise.all(items.slice(i, i + parallel).map((item, j) => body(item, i + j)));
  }
}

test(`${VALUES} label values, each matched exactly by its bracket scope and by a query filter`, async () => {
  expect(values.length).toBe(VALUES);
  const wrong: string[] = [];
  const options = { mode: 'instant' as const, windowSeconds: 60, groupBy: ['team' as const] };
  await inBatches(values, 8, async (value, index) => {
    const scoped = compileToPromQL(`team[${formulaString(value)}].total_cost`, options);
    const filtered = compileToPromQL('total_cost', { ...options, filters: { team: [value, 'never-a-team'] } });
    if (!scoped.ok || !filtered.ok) {
      wrong.push(`${JSON.stringify(value)}: does not compile`);
      return;
    }
    for (const [how, promql] of [
      ['scope', scoped.promql],
      ['filter', filtered.promql],
    ]) {
      const matched = await matchedSeries(promql);
      if (matched.length !== 1 || matched[0].index !== index || matched[0].team !== value) {
        wrong.push(`${JSON.stringify(value)} by ${how}: matched ${JSON.stringify(matched)} with ${promql}`);
      }
    }
  });
  expect(wrong.slice(0, 10)).toEqual([]);
}, 600_000);
