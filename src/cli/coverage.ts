/**
 * How much of the periods a CLI table compares have data: the app pages' coverage query
 * (src/analysis/coverage.ts), run over the CLI's Prometheus HTTP client, so `npm run demo` is as
 * honest as the Overview.
 */
import { CoverageReading, coverageFromValues, coverageQuery, coverageSpecFor } from '../analysis/coverage';
import { fromPromInstant } from '../analysis/labeledValues';
import { instantQuery } from './prometheusHttp';

export async function runCoverage(
  prometheus: string,
  range: { fromSec: number; toSec: number },
  periods = 2
): Promise<CoverageReading> {
  const spec = coverageSpecFor({ fromMs: range.fromSec * 1000, toMs: range.toSec * 1000 }, periods);
  try {
    const series = await instantQuery(prometheus, coverageQuery(spec), range.toSec);
    const samples = series.map((s) => ({ metric: s.metric, value: s.value! }));
    return { state: 'known', periods: coverageFromValues(fromPromInstant(samples), spec) };
  } catch (e) {
    return { state: 'failed', message: (e as Error).message };
  }
}
