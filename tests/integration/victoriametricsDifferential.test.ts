/**
 * The compiler's PromQL on VictoriaMetrics: the synthetic canonical series of the differential
 * test (differential.test.ts), imported with vmctl from that test's own Prometheus, answer the seed
 * examples, the standard KPIs and random formulas (instant 1d and 30d, range at 1h; no group, by
 * provider, by team) with Prometheus' values for the SAME PromQL, and with the reference
 * evaluator's (the truth), within 1 %. NaN and no value count alike (MetricsQL drops NaN points;
 * the app shows both as '—').
 */
import type { RunningPrometheus } from '../../scripts/testbed/prometheus';
import { RunningVictoriaMetrics, startVictoriaMetrics } from '../../scripts/testbed/victoriametrics';
import { importPrometheusData } from '../../scripts/testbed/vmctl';
import { instantQuery, rangeQuery, PromSeries } from '../../src/cli/prometheusHttp';
import { check, compileToPromQL, evaluateInstant, evaluateRange } from '../../src/engine/language';
import type { EvaluationOptions } from '../../src/engine/language';
import { SYNTHETIC_END_MS, syntheticCanonicalSeries } from './canonicalData';
import { differentialFormulas, GROUPS, MODES, RANGE_START_MS } from './differentialCases';
import { comparePoints, evaluatorPoints, Points, pointsOf } from './engineComparison';
import { startSyntheticPrometheus } from './syntheticPrometheus';

/** fewer than the Prometheus differential's 300: the engines differ in functions, not in formulas */
const RANDOM_FORMULAS = 60;
const TOLERANCE = 0.01;



const data = syntheticCanonicalSeries();
let prometheus: RunningPrometheus;
let vm: RunningVictoriaMetrics;

beforeAll(async () => {
  prometheus = await startSyntheticPrometheus(data);
  vm = await startVictoriaMetrics();
  await importPrometheusData(vm.url, prometheus.dataDir);
}, 180_000);

afterAll(async () => {
  await vm?.stop();
  await prometheus?.stop();
});

function query(url: string, promql: string, options: EvaluationOptions): Promise<PromSeries[]> {
  return options.mode === 'instant'
    ? instantQuery(url, promql, SYNTHETIC_END_MS / 1000)
    : rangeQuery(url, promql, RANGE_START_MS / 1000, SYNTHETIC_END_MS / 1000, options.stepSeconds!);
}

function truth(formula: string, options: EvaluationOptions): Points {
  const ir = check(formula).ir!;
  return options.mode === 'instant'
    ? evaluatorPoints(
        evaluateInstant(ir, data, { ...options, atMs: SYNTHETIC_END_MS }).map((r) => ({
          labels: r.labels,
          values: [[SYNTHETIC_END_MS, r.value]],
        }))
      )
    : evaluatorPoints(evaluateRange(ir, data, { ...options, startMs: RANGE_START_MS, endMs: SYNTHETIC_END_MS }));
}

const ALL = differentialFormulas(16, RANDOM_FORMULAS);
const covered = { comparisons: 0, points: 0 };

describe.each(MODES)('$name', (mode) => {
  test.each(GROUPS.map((g) => [g.join(',') || 'no group', g] as const))(
    '%s: VictoriaMetrics agrees with Prometheus and with the reference evaluator',
    async (_, groupBy) => {
      const options: EvaluationOptions = { ...mode.options, groupBy: [...groupBy] };
      const failures: string[] = [];
      for (const formula of ALL) {
        const compiled = compileToPromQL(formula, options);
        if (!compiled.ok) {
          failures.push(`${formula}: does not compile: ${compiled.diagnostics[0].message}`);
          continue;
        }
        const [onPrometheus, onVictoria] = await Promise.all([
          query(prometheus.url, compiled.promql, options),
          query(vm.url, compiled.promql, options),
        ]);
        const victoria = pointsOf(onVictoria);
        const engines = comparePoints(pointsOf(onPrometheus), victoria, TOLERANCE);
        const reference = comparePoints(truth(formula, options), victoria, TOLERANCE, ['reference', 'victoriametrics']);
        covered.comparisons++;
        covered.points += engines.points;
        const diffs = [...engines.differences, ...reference.differences];
        if (diffs.length) {
          failures.push(`${formula}\n  ${diffs.slice(0, 3).join('\n  ')}\n  PromQL: ${compiled.promql}`);
        }
      }
      expect(failures.slice(0, 5).join('\n\n')).toBe('');
    },
    300_000
  );
});

test('the comparisons covered values', () => {
  expect(covered.comparisons).toBe(ALL.length * MODES.length * GROUPS.length);
  expect(covered.points).toBeGreaterThan(5000);
  process.stderr.write(
    `[victoriametrics differential] ${ALL.length} formulas × ${MODES.length} modes × ${GROUPS.length} groupings: ${JSON.stringify(covered)}\n`
  );
});
