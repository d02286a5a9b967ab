/**
 * Raw LiteLLM counters from the demo generator (pod restarts that reset counters, a second pod, a
 * stream that starts mid-way) at a given scrape interval, written as OpenMetrics, with their true
 * increments read from the same text: per series, each sample adds its difference to the sample
 * before (its whole value after a reset, or as the series' first: counters start at 0).
 */
import fs from 'fs';
import path from 'path';
import { writeDemoOpenMetrics } from '../../src/demo';
import type { CounterRecipe } from '../../src/rules/profile';

interface RawSeries {
  name: string;
  labels: Record<string, string>;
  /** [unix seconds, increment since the previous sample] */
  increments: Array<[number, number]>;
}

export interface CounterFixture {
  file: string;
  startSec: number;
  endSec: number;
  series: number;
  /** pod restarts in the fixture (unix seconds) */
  restarts: number[];
  /** true increase of a counter recipe's sources in (fromSec, toSec] */
  truth(recipe: CounterRecipe, fromSec: number, toSec: number): number;
}

const SAMPLE = /^([a-zA-Z_:][\w:]*)(\{.*\})? (\S+) (\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

export function parseLabels(text: string | undefined): Record<string, string> {
  return Object.fromEntries(
    [...(text ?? '').matchAll(LABEL)].map(([, k, v]) => [
      k,
      v.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)),
    ])
  );
}

/** An equality matcher of a recipe source (`status_code="200"`); other kinds are refused. */
function equalityMatcher(matcher: string): [string, string] {
  const m = /^(\w+)="((?:[^"\\]|\\.)*)"$/.exec(matcher);
  if (!m) {
    throw new Error(`the fixture's truth supports label="value" matchers only, not ${matcher}`);
  }
  return [m[1], m[2]];
}

function matches(series: RawSeries, recipe: CounterRecipe): boolean {
  return recipe.sources.some(
    (source) =>
      source.metric === series.name &&
      (source.matchers ?? []).map(equalityMatcher).every(([k, v]) => series.labels[k] === v)
  );
}

class IncrementReader {
  readonly series = new Map<string, RawSeries & { last: number }>();
  private rest = '';

  push(chunk: string): void {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop()!;
    lines.forEach((line) => this.line(line));
  }

  private line(line: string): void {
    const m = SAMPLE.exec(line);
    if (!m || line.startsWith('#')) {
      return;
    }
    const [, name, labels, value, time] = m;
    const key = name + (labels ?? '');
    const v = Number(value);
    const s = this.series.get(key) ?? { name, labels: parseLabels(labels), increments: [], last: 0 };
    s.increments.push([Number(time), v >= s.last ? v - s.last : v]);
    s.last = v;
    this.series.set(key, s);
  }
}

export async function writeCounterFixture(
  dir: string,
  options: { scrapeIntervalSeconds: number; days: number; endMs: number; seed?: number; users?: number }
): Promise<CounterFixture> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `litellm-${options.scrapeIntervalSeconds}s.om`);
  const out = fs.createWriteStream(file);
  const reader = new IncrementReader();
  const summary = await writeDemoOpenMetrics(
    {
      profile: 'litellm',
      days: options.days,
      seed: options.seed ?? 5,
      endMs: options.endMs,
      scrapeIntervalSeconds: options.scrapeIntervalSeconds,
      users: options.users ?? 8,
    },
    (chunk) => {
      reader.push(chunk);
      return out.write(chunk) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  );
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const all = [...reader.series.values()];
  return {
    file,
    startSec: summary.startMs / 1000,
    endSec: summary.endMs / 1000,
    series: all.length,
    restarts: Object.values(summary.truth.restarts)
      .flat()
      .map((ms) => ms / 1000),
    truth: (recipe, fromSec, toSec) =>
      all
        .filter((s) => matches(s, recipe))
        .reduce(
          (total, s) =>
            total + s.increments.filter(([t]) => t > fromSec && t <= toSec).reduce((sum, [, d]) => sum + d, 0),
          0
        ),
  };
}
