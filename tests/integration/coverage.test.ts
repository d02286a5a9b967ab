/**
 * The coverage query of the pages and of `npm run demo` (src/analysis/coverage.ts) on the real
 * Prometheus of the LiteLLM test bed, whose history starts part-way into the periods it checks:
 * each period's covered span is the part of it after the start of the history, to within one
 * resolution step (an hour; 5 minutes under a day), and the sentences say so.
 */
import { coverageFromValues, coverageQuery, coverageSentence, trailingDaysSpec } from '../../src/analysis/coverage';
import { fromPromInstant } from '../../src/analysis/labeledValues';
import { runCoverage } from '../../src/cli/coverage';
import { promQuery, testbed } from './testbed';

jest.setTimeout(60_000);

const DAY = 86400;
const HOUR = 3600;

/** Seconds of [fromSec, toSec] after the start of the test bed's history. */
function expectedCovered(fromSec: number, toSec: number): number {
  const { startSec } = testbed('litellm');
  return Math.max(0, toSec - Math.max(fromSec, startSec));
}

test.each<[string, number, number]>([
  // the range ends `endDays` after the start of the history and lasts `windowDays`
  ['30 days to the end: the current period full, the previous one holds the first day or so', 31, 30],
  ['30 days ending 10 days in: the current period 10 days, the previous one nothing', 10, 30],
  ['7 days ending 3 days in', 3, 7],
])('%s', async (_name, endDays, windowDays) => {
  const { url, startSec, endSec } = testbed('litellm');
  const toSec = Math.min(endSec, startSec + endDays * DAY);
  const fromSec = toSec - windowDays * DAY;
  const coverage = await runCoverage(url, { fromSec, toSec });
  expect(coverage.state).toBe('known');
  const [current, previous] = coverage.state === 'known' ? coverage.periods : [];
  expect(Math.abs(current.coveredSeconds - expectedCovered(fromSec, toSec))).toBeLessThanOrEqual(HOUR);
  expect(Math.abs(previous.coveredSeconds - expectedCovered(fromSec - windowDays * DAY, fromSec))).toBeLessThanOrEqual(
    HOUR
  );
  expect(current.spanSeconds).toBe(windowDays * DAY);
});

test('the 31-day test bed, last 30 days: "previous period has data for 1 of 30 days", the current period complete', async () => {
  const { url, startSec, endSec } = testbed('litellm');
  const coverage = await runCoverage(url, { fromSec: endSec - 30 * DAY, toSec: endSec });
  if (coverage.state !== 'known') {
    throw new Error(`coverage not known: ${JSON.stringify(coverage)}`);
  }
  expect(coverage.periods.map((p) => p.complete)).toEqual([true, false]);
  const days = Math.round((endSec - 30 * DAY - startSec) / DAY);
  expect(coverageSentence(coverage.periods[1])).toBe(`previous period has data for ${days} of 30 days`);
});

test('the budgets burn window 2 days after the start of the history: 2 of 7 days', async () => {
  const { startSec } = testbed('litellm');
  const spec = trailingDaysSpec(7);
  const atSec = startSec + 2 * DAY;
  const [burnWindow] = coverageFromValues(
    fromPromInstant(await promQuery(testbed('litellm'), coverageQuery(spec), atSec)),
    spec
  );
  expect(Math.abs(burnWindow.coveredSeconds - 2 * DAY)).toBeLessThanOrEqual(HOUR);
  expect(coverageSentence(burnWindow)).toBe('current period has data for 2 of 7 days');
});

test('a 6-hour range across the start of the history: counted in 5-minute steps', async () => {
  const { url, startSec } = testbed('litellm');
  const toSec = startSec + 2 * HOUR;
  const coverage = await runCoverage(url, { fromSec: toSec - 6 * HOUR, toSec }, 1);
  const [current] = coverage.state === 'known' ? coverage.periods : [];
  expect(Math.abs(current.coveredSeconds - 2 * HOUR)).toBeLessThanOrEqual(5 * 60);
  expect(coverageSentence(current)).toBe('current period has data for 2 of 6 hours');
});
