/**
 * A chargeback report on a Prometheus over the CLI's HTTP client: the page's queries
 * (src/chargeback/queries.ts), a few at a time, answers keyed by query id, then the same
 * buildChargebackReport as the page.
 */
import { fromPromInstant } from '../analysis/labeledValues';
import { chargebackQueries } from '../chargeback/queries';
import { buildChargebackReport } from '../chargeback/report';
import type { ChargebackOutcome, ChargebackQuery, ChargebackRequest, ChargebackResults, QueryAnswer } from '../chargeback/types';
import { instantQuery, promNumber, rangeQuery } from './prometheusHttp';

/** Queries in flight at once: a month's tiered queries are heavy, and Prometheus is shared. */
export const REPORT_CONCURRENCY = 4;

async function answer(prometheus: string, query: ChargebackQuery): Promise<QueryAnswer> {
  if (query.kind === 'instant') {
    const series = await instantQuery(prometheus, query.expr, query.timeSec);
    return { kind: 'instant', values: fromPromInstant(series.map((s) => ({ metric: s.metric, value: s.value! }))) };
  }
  const series = await rangeQuery(prometheus, query.expr, query.startSec, query.endSec, query.stepSec);
  return {
    kind: 'range',
    series: series.map((s) => ({ labels: s.metric, points: (s.values ?? []).map(([t, v]) => ({ timeSec: t, value: promNumber(v) })) })),
  };
}

export async function runChargeback(prometheus: string, request: ChargebackRequest, nowSec: number): Promise<ChargebackOutcome> {
  const queries = chargebackQueries(request, nowSec);
  const results: ChargebackResults = {};
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const query = queries[next++];
      results[query.id] = await answer(prometheus, query);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REPORT_CONCURRENCY, queries.length) }, worker));
  return buildChargebackReport(request, results, nowSec);
}
