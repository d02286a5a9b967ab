import { LoadingState, PanelData } from '@grafana/data';
import { explainedPanelErrors, explainQueryError } from './queryErrors';

const query = {
  title: 'Top spenders',
  promql: 'topk(10, sum by (user) (sum_over_time(aigateway:spend_usd_by_user:increase1m[2591999999ms])))',
};
const named = `"Top spenders" (${query.promql})`;

test.each([
  [
    'Prometheus 2.42, over --query.max-samples',
    'query processing would load too many samples into memory in query execution',
    `Prometheus refused ${named}: it would load more samples than --query.max-samples allows (50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.`,
  ],
  [
    'Prometheus 2.42, over --query.timeout',
    'Prometheus returned HTTP 503: query timed out in expression evaluation',
    `${named} ran past the query timeout of Prometheus (--query.timeout, 2 minutes by default; VictoriaMetrics: -search.maxQueryDuration, 30 s). Narrow the time range or the filters, or raise the timeout.`,
  ],
  [
    'VictoriaMetrics, over its samples limit',
    'cannot select more than -search.maxSamplesPerQuery=1000000 samples; possible solutions: …',
    `VictoriaMetrics refused ${named}: it would read more than its -search.maxSamplesPerQuery or -search.maxUniqueTimeseries limit. Narrow the time range or the filters, or raise the limit.`,
  ],
  [
    "Grafana's data proxy",
    'Prometheus returned HTTP 504: Gateway Timeout',
    `${named} got no answer in time: Grafana's data proxy waits 30 s by default (dataproxy.timeout in grafana.ini), the KPI datasource 60 s. Narrow the time range or the filters, or raise dataproxy.timeout.`,
  ],
  [
    "Grafana's backend, its HTTP client to Prometheus",
    'Post "http://prometheus:9090/api/v1/query": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    `${named} got no answer in time: Grafana's data proxy waits 30 s by default (dataproxy.timeout in grafana.ini), the KPI datasource 60 s. Narrow the time range or the filters, or raise dataproxy.timeout.`,
  ],
  [
    'the KPI datasource giving up',
    'Prometheus did not answer within 60 s',
    `${named} got no answer in time: Grafana's data proxy waits 30 s by default (dataproxy.timeout in grafana.ini), the KPI datasource 60 s. Narrow the time range or the filters, or raise dataproxy.timeout.`,
  ],
  [
    'anything else, unchanged',
    'Prometheus returned HTTP 400: parse error',
    'Prometheus returned HTTP 400: parse error',
  ],
])('%s', (_, message, explained) => {
  expect(explainQueryError(message, query)).toBe(explained);
});

test('long PromQL is cut at 120 characters', () => {
  const long = explainQueryError('too many samples', { title: 'x', promql: 'a'.repeat(500) });
  expect(long).toContain(`"x" (${'a'.repeat(119)}…)`);
});

test('panel errors take the title by refId and the PromQL from the request', () => {
  const data = {
    state: LoadingState.Error,
    series: [],
    errors: [
      { refId: 'current', message: 'query processing would load too many samples into memory in query execution' },
    ],
    request: { targets: [{ refId: 'current', expr: 'sum(x)' }] },
  } as unknown as PanelData;
  expect(explainedPanelErrors(data, { current: 'Top 10 teams' })[0].message).toBe(
    'Prometheus refused "Top 10 teams" (sum(x)): it would load more samples than --query.max-samples allows (50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.'
  );
});
