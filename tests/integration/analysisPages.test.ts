/**
 * @jest-environment jsdom
 *
 * The Top spenders and Forecasts & anomalies pages' own queries on the real Prometheus of the
 * LiteLLM test bed, read back through the pages' frame → row functions:
 * - Top spenders: for every dimension, rank 1 is the largest spender of `aispend eval total_cost
 *   --by <dimension>` over the same range (the CLI's own compile path), with the same amount;
 * - anomalies: the page's ONE combined query gives the rows of the five separate queries of
 *   src/analysis/anomalies.ts (recorded series inlined: the test bed stores no 30-day baselines).
 * jsdom (the pages' modules need @grafana/data), so Prometheus is called over Node's http.
 */
import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { anomalyTableQueries } from '../../src/analysis/anomalies';
import { SPENDER_DIMENSIONS } from '../../src/analysis/topSpenders';
import http from 'http';
import { compileRequest } from '../../src/cli/kpiQuery';
import { PromSeries, promNumber } from '../../src/cli/prometheusHttp';
import { anomalyQuery, anomalyStatus, REF_ANOMALIES } from '../../src/pages/Forecasts/anomalyView';
import { topSpendersFromFrames, topSpendersTargets } from '../../src/pages/TopSpenders/topSpendersView';
import { inlineRecorded } from './inlineRecorded';
import { testbed, TEST_END_MS } from './testbed';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
function instant(query: string, timeSec: number): Promise<PromSeries[]> {
  const body = new URLSearchParams({ query, time: String(timeSec) }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  return new Promise((resolve, reject) => {
    const request = http.request(`${testbed('litellm').url}/api/v1/query`, { method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        const json = JSON.parse(text);
        return json.status === 'success' ? resolve(json.data.result) : reject(new Error(json.error));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Prometheus' answer as the frames Grafana's Prometheus datasource gives an instant query. */
function frames(refId: string, series: PromSeries[]): DataFrame[] {
  return series.map((s) => {
    const { __name__, ...labels } = s.metric;
    void __name__;
    return createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [s.value![0] * 1000] },
        { name: 'Value', type: FieldType.number, values: [promNumber(s.value![1])], labels },
      ],
    });
  });
}

test.each(SPENDER_DIMENSIONS.map((d) => [d]))(
  'top spenders by %s: rank 1 is the top of aispend eval over the same 30 days',
  async (dimension) => {
    const range = { fromMs: TEST_END_MS - 30 * DAY_MS, toMs: TEST_END_MS };
    const targets = topSpendersTargets(dimension, range, {});
    const answers = await Promise.all(targets.map((t) => instant(t.expr, range.toMs / 1000)));
    const view = topSpendersFromFrames(
      targets.flatMap((t, i) => frames(t.refId, answers[i])),
      dimension
    );
    // what `aispend eval total_cost --by <dimension> --from --to` compiles and runs
    const { promql } = compileRequest({
      formula: 'total_cost',
      mode: 'instant',
      fromSec: range.fromMs / 1000,
      toSec: range.toMs / 1000,
      stepSec: null,
      groupBy: [dimension],
    });
    const ranked = (await instant(promql, range.toMs / 1000))
      .map((s) => ({ key: s.metric[dimension] ?? '', value: promNumber(s.value![1]) }))
      .sort((a, b) => b.value - a.value);
    expect(view.rows.length).toBe(Math.min(10, ranked.length));
    expect(view.rows[0].key).toBe(ranked[0].key);
    expect(view.rows[0].spend).toBeCloseTo(ranked[0].value, 6);
    expect(view.rows.map((r) => r.key)).toEqual(ranked.slice(0, 10).map((r) => r.key));
    expect(view.total).toBeCloseTo(
      ranked.reduce((s, r) => s + r.value, 0),
      6
    );
  }
);

const keyOf = (m: Record<string, string>) => JSON.stringify([m.provider ?? '', m.model ?? '', m.team ?? '']);

test.each<[string, number, number]>([
  ['during the injected anomaly (2026-10-27 13:00), 3 sigma', Date.UTC(2026, 9, 27, 13) / 1000, 3],
  ['on an ordinary Tuesday, 0.5 sigma', Date.UTC(2026, 9, 20, 12) / 1000, 0.5],
])('anomalies %s: the one combined query gives the rows of the five separate ones', async (_name, atSec, sigma) => {
  const status = anomalyStatus(frames(REF_ANOMALIES, await instant(inlineRecorded(anomalyQuery(sigma)), atSec)), sigma);
  expect(status.kind).toBe('ready');
  const rows = status.kind === 'ready' ? status.rows : [];
  expect(rows.length).toBeGreaterThan(0);
  const q = anomalyTableQueries(sigma);
  const [current, baseline, stddev, detectedAt] = await Promise.all(
    [q.current, q.baseline, q.stddev, q.detectedAt].map((query) => instant(inlineRecorded(query), atSec))
  );
  const column = (series: PromSeries[]) => new Map(series.map((s) => [keyOf(s.metric), promNumber(s.value![1])]));
  const [rate, mean, sd, detected] = [column(current), column(baseline), column(stddev), column(detectedAt)];
  expect(rows.map((r) => keyOf(r as unknown as Record<string, string>)).sort()).toEqual([...rate.keys()].sort());
  for (const row of rows) {
    const key = keyOf(row as unknown as Record<string, string>);
    expect([row.rate, row.baseline, row.stddev, row.detectedAtSec]).toEqual([
      rate.get(key),
      mean.get(key),
      sd.get(key),
      detected.get(key) ?? null,
    ]);
  }
});
