/** @jest-environment node */
import {
  checkGoals,
  overSampleBudget,
  pageTimeSplit,
  DEFAULT_MAX_SAMPLES,
  formatTable,
  linearFit,
  PAGE_IDS,
  pageFigure,
  pageFigures,
  QueryFigure,
  refusedByDefault,
  resultJson,
  samplesPerSeriesPerDay,
  seriesSlope,
  SizeResult,
  slowestQueries,
} from './scaleReport';

const q = (over: Partial<QueryFigure>): QueryFigure => ({ page: 'overview', name: 'q', ms: 10, samples: 100, peakSamples: 50, ...over });

test.each([
  { name: 'ran within the default limit', query: q({}), refused: false },
  { name: 'an error (timeout, limit of the bench)', query: q({ ms: null, samples: null, peakSamples: null, error: 'timeout' }), refused: true },
  { name: 'loaded more at once than a default Prometheus allows', query: q({ peakSamples: DEFAULT_MAX_SAMPLES + 1 }), refused: true },
  { name: 'read more in total, but not at once', query: q({ samples: DEFAULT_MAX_SAMPLES * 2, peakSamples: 10 }), refused: false },
])('refusedByDefault: $name', ({ query, refused }) => {
  expect(refusedByDefault(query)).toBe(refused);
});

test('a page sums the time and samples of the queries that ran and counts the refused ones', () => {
  const figure = pageFigure([q({ ms: 10, samples: 100 }), q({ ms: 2.5, samples: 7 }), q({ ms: null, samples: null, error: 'x' }), q({ peakSamples: 6e7, samples: 6e7 })]);
  expect(figure).toEqual({ ms: 22.5, samples: 60_000_107, queries: 4, maxQuerySamples: 6e7, refused: 2 });
  expect(pageFigure([])).toEqual({ ms: 0, samples: 0, queries: 0, maxQuerySamples: 0, refused: 0 });
});

test('every page has a figure, also without queries', () => {
  const figures = pageFigures([q({ page: 'budgets' })]);
  expect(Object.keys(figures)).toEqual([...PAGE_IDS]);
  expect(figures.budgets.queries).toBe(1);
  expect(figures.overview.queries).toBe(0);
});

test.each([
  { points: [[1, 3], [2, 5], [3, 7]], slope: 2, intercept: 1 },
  { points: [[500, 1000], [2000, 4000], [5000, 10000]], slope: 2, intercept: 0 },
  { points: [[1, 4]], slope: 0, intercept: 4 },
])('linearFit($points)', ({ points, slope, intercept }) => {
  const fit = linearFit(points as Array<[number, number]>);
  expect(fit.slope).toBeCloseTo(slope, 9);
  expect(fit.intercept).toBeCloseTo(intercept, 9);
});

test.each([
  { costs: [{ windowDays: 1, samplesPerSeries: 300 }, { windowDays: 7, samplesPerSeries: 404 }, { windowDays: 30, samplesPerSeries: 427 }], perDay: 1 },
  { costs: [{ windowDays: 7, samplesPerSeries: 7 * 1440 }, { windowDays: 30, samplesPerSeries: 30 * 1440 }], perDay: 1440 },
  { costs: [{ windowDays: 30, samplesPerSeries: 427 }], perDay: null },
])('samplesPerSeriesPerDay: $perDay', ({ costs, perDay }) => {
  expect(samplesPerSeriesPerDay(costs)).toBe(perDay);
});

const pages = (ms: number, samples: number, refused = 0) =>
  Object.fromEntries(PAGE_IDS.map((p) => [p, { ms, samples, queries: 3, maxQuerySamples: samples, refused }])) as SizeResult['pages'];

function size(id: string, spenderSeries: number, over: Partial<SizeResult> = {}): SizeResult {
  const spendSeries = spenderSeries / 5;
  return {
    id,
    spenderSeries,
    spendSeries,
    pages: pages(300, 1e5),
    ruleEvalMsPerMin: 900,
    maxErrorPct: 0.01,
    errorBaseline: 'raw counters',
    errorCases: 108,
    worstError: null,
    tiersFrom: 'rules',
    buildSeconds: 60,
    models: 64,
    providers: 10,
    teams: 25,
    minuteTierOnly: pages(5000, 1e8),
    plannedOverviewValues: { ms: 80, samples: 1e5 },
    windowCosts: [
      { windowDays: 7, samplesPerSeries: 404 },
      { windowDays: 30, samplesPerSeries: 427 },
    ],
    largestQuery: { page: 'topSpenders', name: 'current by user', samples: 2e6 },
    queries: { planned: [], minuteTierOnly: [] },
    ...over,
  };
}

test.each([
  { name: 'everything within the goals', sizes: [size('small', 500), size('large', 5000)], unmet: [] },
  { name: 'a slow page at the largest size', sizes: [size('large', 5000, { pages: { ...pages(300, 1e5), budgets: { ...pages(0, 0).budgets, ms: 1200 } } })], unmet: [0] },
  { name: 'a slow page at a smaller size only counts nothing', sizes: [size('small', 500, { pages: pages(5000, 1e5) }), size('large', 5000)], unmet: [] },
  { name: 'a refused query', sizes: [size('large', 5000, { pages: pages(300, 1e5, 1) })], unmet: [0, 1] },
  { name: 'a query above 5 M samples', sizes: [size('large', 5000, { largestQuery: { page: 'overview', name: 'x', samples: 5_000_001 } })], unmet: [1] },
  { name: 'rules above 3 s per minute', sizes: [size('large', 5000, { ruleEvalMsPerMin: 3001 })], unmet: [2] },
  { name: 'an error above 1 % at any size', sizes: [size('small', 500, { maxErrorPct: 1.2 }), size('large', 5000)], unmet: [3] },
  { name: 'windows read from the minute tier', sizes: [size('large', 5000, { windowCosts: [{ windowDays: 7, samplesPerSeries: 7 * 1440 }, { windowDays: 30, samplesPerSeries: 30 * 1440 }] })], unmet: [4] },
])('goals: $name', ({ sizes, unmet }) => {
  const goals = checkGoals(sizes);
  expect(goals).toHaveLength(5);
  expect(goals.flatMap((g, i) => (g.met ? [] : [i]))).toEqual(unmet);
  goals.forEach((g) => expect(g.detail).not.toBe(''));
});

test('why a page is slow: its range queries, against the same queries over the one-minute tier, and its instant queries', () => {
  const planned = [
    q({ name: 'value', ms: 100, samples: 1000 }),
    q({ name: 'trend', ms: 3000, samples: 6_000_000, stepSec: 86400, readsTiers: true }),
    q({ name: 'other page', page: 'budgets', ms: 9999 }),
  ];
  const minuteTierOnly = [q({ name: 'value', ms: 900, samples: 1e6 }), q({ name: 'trend', ms: 3500, samples: 60_000_000, stepSec: 86400 })];
  expect(pageTimeSplit(size('large', 5000, { queries: { planned, minuteTierOnly } }), 'overview')).toBe(
    'overview: 1 range queries 3000 ms (6 M samples; the one-minute tier alone: 3500 ms, 60 M samples), 1 instant queries 100 ms'
  );
  const goals = checkGoals([size('large', 5000, { pages: { ...pages(300, 1e5), overview: { ...pages(0, 0).overview, ms: 3100 } }, queries: { planned, minuteTierOnly } })]);
  expect(goals[0].detail).toBe('slowest: overview 3100 ms; overview: 1 range queries 3000 ms (6 M samples; the one-minute tier alone: 3500 ms, 60 M samples), 1 instant queries 100 ms');
});

test.each<[string, QueryFigure, string]>([
  ['an instant query', q({ name: 'x' }), 'an instant query'],
  ['a range query on the one-minute tier', q({ name: 'x', stepSec: 1800, readsTiers: false }), 'a range query at a 1800 s step: not a whole number of hours, so each point sums its one-minute samples'],
  ['a whole-hour step without buckets', q({ name: 'x', stepSec: 7200, readsTiers: false }), 'a range query at a 7200 s step over the one-minute tier: no hourly buckets written for its range'],
  ['a tiered range query', q({ name: 'x', stepSec: 86400, readsTiers: true }), 'a range query at a 86400 s step: each point still reads up to two hours of one-minute samples at its edges'],
])('why the largest query is over the sample goal: %s', (_, query, why) => {
  const large = size('large', 5000, { largestQuery: { page: 'overview', name: 'x', samples: 6e6 }, queries: { planned: [query], minuteTierOnly: [] } });
  expect(overSampleBudget(large)).toBe(why);
  expect(checkGoals([large])[1].detail).toBe(`largest: overview / x, 6000000 samples; ${why}`);
});

test('the slope of the 30-day samples over the spend series, from the sizes', () => {
  const sizes = [size('a', 500), size('b', 2500), size('c', 5000)];
  expect(seriesSlope(sizes)).toEqual({ samplesPerSeries: 427, intercept: 0 });
});

test('no slope from one size', () => {
  expect(seriesSlope([size('small', 500)])).toBeNull();
});

test('the JSON has the shape the issue asks for, extra figures beside', () => {
  const parsed = JSON.parse(resultJson([size('small', 500)], { goals: [] }));
  expect(Object.keys(parsed)).toEqual(['sizes', 'goals']);
  const [s] = parsed.sizes;
  expect(s).toMatchObject({ spenderSeries: 500, spendSeries: 100, ruleEvalMsPerMin: 900, maxErrorPct: 0.01 });
  for (const page of ['overview', 'topSpenders', 'budgets', 'kpiDeepDive']) {
    expect(typeof s.pages[page].ms).toBe('number');
    expect(typeof s.pages[page].samples).toBe('number');
  }
  expect(resultJson([size('small', 500)], {})).not.toContain('\n');
});

test('the table has a row per size and one for the minute tier, refused queries marked', () => {
  const text = formatTable([size('small', 500, { pages: pages(300, 1e5, 2) }), size('large', 5000)]);
  const lines = text.split('\n');
  expect(lines).toHaveLength(5);
  expect(lines[1]).toMatch(/^small\s+500\s+100\s+300 \+2 refused \/ 100 k/);
  expect(lines[2]).toMatch(/^ {2}1m tier only\s+5000 \/ 100 M/);
});

test('slowest queries: refused first with the reason, then by time', () => {
  const text = slowestQueries([q({ name: 'a', ms: 5 }), q({ name: 'b', ms: null, samples: null, error: 'query timed out' }), q({ name: 'c', ms: 50 })], 2);
  expect(text.split('\n')).toEqual(['    overview / b: refused (query timed out)', '    overview / c: 50 ms, 100 samples']);
});
