/**
 * A query that Prometheus (or VictoriaMetrics) refuses or gives up on, said so that the reader
 * knows which query, which limit, and what to do: at scale a page's panel must show this, never
 * an empty result that reads as "no spend" (issue 15). Other errors pass through unchanged.
 */
import type { DataQueryError, PanelData } from '@grafana/data';

export interface FailedQuery {
  /** what the reader calls the query: the KPI's name, the panel's */
  title: string;
  promql?: string;
}

interface KnownLimit {
  pattern: RegExp;
  explain(q: string): string;
}

const PROMQL_SHOWN = 120;

/** Prometheus' and VictoriaMetrics' refusals and timeouts; their wording, as their servers give it. */
const LIMITS: KnownLimit[] = [
  {
    // Prometheus: "query processing would load too many samples into memory in query execution"
    pattern: /too many samples/i,
    explain: (q) =>
      `Prometheus refused ${q}: it would load more samples than --query.max-samples allows (50,000,000 by default). ` +
      'Narrow the time range or the filters, or raise --query.max-samples.',
  },
  {
    // VictoriaMetrics: "cannot select more than -search.maxSamplesPerQuery=… samples" and the series limit
    pattern: /-search\.max(SamplesPerQuery|UniqueTimeseries)/,
    explain: (q) =>
      `VictoriaMetrics refused ${q}: it would read more than its -search.maxSamplesPerQuery or -search.maxUniqueTimeseries limit. ` +
      'Narrow the time range or the filters, or raise the limit.',
  },
  {
    // Prometheus: "query timed out in expression evaluation"; VictoriaMetrics: "-search.maxQueryDuration"
    pattern: /query timed out|-search\.maxQueryDuration/i,
    explain: (q) =>
      `${q} ran past the query timeout of Prometheus (--query.timeout, 2 minutes by default; VictoriaMetrics: -search.maxQueryDuration, 30 s). ` +
      'Narrow the time range or the filters, or raise the timeout.',
  },
  {
    // Grafana's data proxy (504 Gateway Timeout), its backend's HTTP client to Prometheus (Go's "net/http: timeout
    // awaiting response headers", "context deadline exceeded (Client.Timeout exceeded while awaiting headers)")
    // and our own limit
    pattern:
      /gateway time-?out|HTTP 504|awaiting response headers|Client\.Timeout exceeded|context deadline exceeded|did not answer within/i,
    explain: (q) =>
      `${q} got no answer in time: Grafana's data proxy waits 30 s by default (dataproxy.timeout in grafana.ini), ` +
      'the KPI datasource 60 s. Narrow the time range or the filters, or raise dataproxy.timeout.',
  },
];

function named(query: FailedQuery): string {
  if (!query.promql) {
    return `"${query.title}"`;
  }
  const promql = query.promql.length > PROMQL_SHOWN ? `${query.promql.slice(0, PROMQL_SHOWN - 1)}…` : query.promql;
  return `"${query.title}" (${promql})`;
}

/** One sentence for the panel: which query hit which limit and what to do; anything else unchanged. */
export function explainQueryError(message: string, query: FailedQuery): string {
  const limit = LIMITS.find((l) => l.pattern.test(message));
  return limit ? limit.explain(named(query)) : message;
}

/**
 * The errors of a runner's answer, each explained for its query: the title from `titles` by
 * refId (else the refId), the PromQL from the request's targets.
 */
export function explainedPanelErrors(data: PanelData | undefined, titles: Record<string, string>): DataQueryError[] {
  const targets = (data?.request?.targets ?? []) as Array<{ refId: string; expr?: string }>;
  return (data?.errors ?? []).map((e) => {
    const refId = e.refId ?? '';
    const promql = targets.find((t) => t.refId === refId)?.expr;
    return { ...e, message: explainQueryError(e.message ?? '', { title: titles[refId] ?? refId, promql }) };
  });
}
