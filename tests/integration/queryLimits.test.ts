/**
 * Issue 15, item 5: a query that a real Prometheus 2.42 refuses (over `--query.max-samples`) or
 * gives up on (past `--query.timeout`) becomes a panel error that names the query and the limit.
 * The real error texts, through the same HTTP client and the same explanation the pages use.
 */
import type { RunningPrometheus } from '../../scripts/testbed/prometheus';
import { instantQuery } from '../../src/cli/prometheusHttp';
import { explainQueryError } from '../../src/datasource/queryErrors';
import { compileToPromQL } from '../../src/engine/language';
import { SYNTHETIC_END_MS, syntheticCanonicalSeries } from './canonicalData';
import { startSyntheticPrometheus } from './syntheticPrometheus';

jest.setTimeout(120_000);

const data = syntheticCanonicalSeries();
let tight: RunningPrometheus;
let hasty: RunningPrometheus;

beforeAll(async () => {
  [tight, hasty] = await Promise.all([
    startSyntheticPrometheus(data, { queryMaxSamples: 100 }),
    startSyntheticPrometheus(data, { queryTimeout: '20ms' }),
  ]);
}, 120_000);
afterAll(async () => Promise.all([tight?.stop(), hasty?.stop()]));

const compiled = compileToPromQL('total_cost', { mode: 'instant', windowSeconds: 30 * 86400, groupBy: ['team'] });
const promql = compiled.ok ? compiled.promql : '';

/** A query that reads the TSDB at 86,400 steps: longer than 20 ms on any Prometheus. */
const SLOW = 'sum(count_over_time(sum_over_time(aigateway:spend_usd:increase1m[1h])[60d:1m]))';

async function failure(prometheus: RunningPrometheus, query = promql): Promise<string> {
  try {
    await instantQuery(prometheus.url, query, SYNTHETIC_END_MS / 1000);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the query was answered');
}

test('over --query.max-samples: "Prometheus refused" the named query, with the flag and its default', async () => {
  const message = await failure(tight);
  expect(message).toBe('Prometheus answered HTTP 422: query processing would load too many samples into memory in query execution');
  expect(explainQueryError(message, { title: 'Total spend', promql })).toBe(
    `Prometheus refused "Total spend" (${promql}): it would load more samples than --query.max-samples allows ` +
      '(50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.'
  );
});

test('past --query.timeout: the named query and the timeout to raise', async () => {
  const message = await failure(hasty, SLOW);
  expect(message).toMatch(/^Prometheus answered HTTP 503: query timed out in /);
  expect(explainQueryError(message, { title: 'Slow', promql: SLOW })).toBe(
    `"Slow" (${SLOW}) ran past the query timeout of Prometheus (--query.timeout, 2 minutes by default; VictoriaMetrics: -search.maxQueryDuration, 30 s). ` +
      'Narrow the time range or the filters, or raise the timeout.'
  );
});

test('the same query within the limits is answered', async () => {
  const answer = await startSyntheticPrometheus(data);
  try {
    expect((await instantQuery(answer.url, promql, SYNTHETIC_END_MS / 1000)).length).toBeGreaterThan(1);
  } finally {
    await answer.stop();
  }
});
