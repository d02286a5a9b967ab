/**
 * The compiler held to the reference evaluator: ≥ 300 formulas (seed examples, the standard
 * KPIs, random formulas over every construct) × {instant 1d, instant 30d, range 1h step} ×
 * {no group, by provider, by team}. The compiled PromQL runs on a real Prometheus loaded with
 * synthetic canonical series; the evaluator runs on the same series in memory. Values agree to
 * a relative 1e-9; NaN, ±Inf and missing must be identical. With a group-by, `all.` values sit on
 * every group's row.
 */
import type { RunningPrometheus } from '../../scripts/testbed/prometheus';
import type { GroupByLabel } from '../../src/engine/conventions';
import { check, compileToPromQL, evaluateInstant, evaluateRange } from '../../src/engine/language';
import type { EvaluationOptions } from '../../src/engine/language';
import { SYNTHETIC_END_MS, syntheticCanonicalSeries } from './canonicalData';
import { differentialFormulas, GROUPS, Mode, MODES, RANGE_START_MS } from './differentialCases';
import { instantQuery, promNumber, rangeQuery } from '../../src/cli/prometheusHttp';
import { startSyntheticPrometheus } from './syntheticPrometheus';

const RANDOM_FORMULAS = 300;
/** `all.` under a group-by: alone, combined, scoped, in a branch, inside a group aggregate */
const ALL_GROUPS_FORMULAS = [
  'all.total_cost',
  'all.total_cost / all.retries',
  'all.team["platform"].total_cost * 2',
  'all.previous.total_cost - total_cost',
  'all.total_cost > 0 ? 1 : total_cost',
  'retries > 0 ? all.total_inferences : 0',
  'count_by(model, all.total_cost)',
  'max_by(provider, all.total_cost / total_cost)',
];
const data = syntheticCanonicalSeries();
let prometheus: RunningPrometheus;

beforeAll(async () => {
  prometheus = await startSyntheticPrometheus(data);
}, 120_000);
afterAll(() => prometheus?.stop());



const keyOf = (labels: Record<string, string>) =>
  JSON.stringify(Object.entries(labels).filter(([k]) => k !== '__name__').sort());

function same(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    return a === b;
  }
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** What the comparisons covered, so a vacuous pass (everything missing) would fail. */
const seen = { points: 0, nan: 0, infinite: 0, emptyResults: 0, comparisons: 0 };

/** label key → time → value, from either side */
type Points = Map<string, Map<number, number>>;

function differences(expected: Points, actual: Points): string[] {
  const out: string[] = [];
  seen.comparisons++;
  seen.emptyResults += expected.size === 0 ? 1 : 0;
  for (const values of expected.values()) {
    for (const v of values.values()) {
      seen.points++;
      seen.nan += Number.isNaN(v) ? 1 : 0;
      seen.infinite += v === Infinity || v === -Infinity ? 1 : 0;
    }
  }
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key) ?? new Map<number, number>();
    const a = actual.get(key) ?? new Map<number, number>();
    for (const t of new Set([...e.keys(), ...a.keys()])) {
      const ev = e.get(t);
      const av = a.get(t);
      if (ev === undefined || av === undefined ? ev !== av : !same(ev, av)) {
        out.push(`${key} @${t}: reference ${ev ?? 'missing'}, prometheus ${av ?? 'missing'}`);
      }
    }
  }
  return out;
}

async function compare(formula: string, mode: Mode, groupBy: GroupByLabel[]): Promise<string[]> {
  const options: EvaluationOptions = { ...mode.options, groupBy };
  const compiled = compileToPromQL(formula, options);
  if (!compiled.ok) {
    return [`does not compile: ${compiled.diagnostics[0].message}`];
  }
  const ir = check(formula).ir!;
  const expected: Points = new Map();
  const actual: Points = new Map();
  if (options.mode === 'instant') {
    for (const r of evaluateInstant(ir, data, { ...options, atMs: SYNTHETIC_END_MS })) {
      expected.set(keyOf(r.labels), new Map([[SYNTHETIC_END_MS, r.value]]));
    }
    for (const r of await instantQuery(prometheus.url, compiled.promql, SYNTHETIC_END_MS / 1000)) {
      actual.set(keyOf(r.metric), new Map([[SYNTHETIC_END_MS, promNumber(r.value![1])]]));
    }
  } else {
    for (const r of evaluateRange(ir, data, { ...options, startMs: RANGE_START_MS, endMs: SYNTHETIC_END_MS })) {
      expected.set(keyOf(r.labels), new Map(r.values));
    }
    for (const r of await rangeQuery(prometheus.url, compiled.promql, RANGE_START_MS / 1000, SYNTHETIC_END_MS / 1000, options.stepSeconds!)) {
      actual.set(keyOf(r.metric), new Map(r.values!.map(([t, v]) => [t * 1000, promNumber(v)])));
    }
  }
  return differences(expected, actual).map((d) => `${d}\n    PromQL: ${compiled.promql}`);
}

const ALL = differentialFormulas(2026, RANDOM_FORMULAS, ALL_GROUPS_FORMULAS);

test('the formula set covers ≥ 300 formulas and every construct', () => {
  expect(ALL.length).toBeGreaterThanOrEqual(300);
  const text = ALL.join('\n');
  for (const construct of ['previous.', 'all.', 'provider["', 'model["', 'team["', '?', '&&', '||', '!(', '>=', '==', 'Math.min', 'Math.round', 'max_by', 'min_by', 'count_by', 'days_in_window', 'hours_in_window']) {
    expect(text).toContain(construct);
  }
});

describe.each(MODES)('$name', (mode) => {
  test.each(GROUPS.map((g) => [g.join(',') || 'no group', g] as const))('%s: Prometheus and the reference evaluator agree', async (_, groupBy) => {
    const failures: string[] = [];
    for (const formula of ALL) {
      const diffs = await compare(formula, mode, [...groupBy]);
      if (diffs.length) {
        failures.push(`${formula}\n  ${diffs.slice(0, 3).join('\n  ')}`);
      }
    }
    expect(failures.slice(0, 5).join('\n\n')).toBe('');
  }, 300_000);
});

test.each<GroupByLabel>(['provider', 'team'])('all.total_cost by %s: every group with spend carries the all-groups total', async (label) => {
  const at = SYNTHETIC_END_MS / 1000;
  const query = async (formula: string, groupBy: GroupByLabel[]) => {
    const compiled = compileToPromQL(formula, { mode: 'instant', windowSeconds: 30 * 86400, groupBy });
    return instantQuery(prometheus.url, compiled.ok ? compiled.promql : '', at);
  };
  const [total] = await query('all.total_cost', []);
  const groups = await query('total_cost', [label]);
  const rows = await query('all.total_cost', [label]);
  expect(groups.length).toBeGreaterThan(1);
  expect(rows.map((r) => keyOf(r.metric)).sort()).toEqual(groups.map((g) => keyOf(g.metric)).sort());
  for (const r of rows) {
    expect(promNumber(r.value![1])).toBe(promNumber(total.value![1]));
  }
  const shares = await query('total_cost / all.total_cost * 100', [label]);
  expect(shares.reduce((sum, r) => sum + promNumber(r.value![1]), 0)).toBeCloseTo(100, 6);
});

test('the comparisons covered values, NaN, infinities and missing results', () => {
  expect(seen.comparisons).toBe(ALL.length * MODES.length * GROUPS.length);
  expect(seen.points).toBeGreaterThan(20_000);
  expect(seen.nan).toBeGreaterThan(20);
  expect(seen.infinite).toBeGreaterThan(20);
  expect(seen.emptyResults).toBeGreaterThan(100);
  process.stderr.write(`[differential] ${ALL.length} formulas × ${MODES.length} modes × ${GROUPS.length} groupings: ${JSON.stringify(seen)}\n`);
});
