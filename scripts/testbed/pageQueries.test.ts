import { alignedRange, pageRequests } from './pageQueries';

const END_MS = Date.UTC(2026, 10, 30, 14, 37);
const OPTIONS = { fromMs: END_MS - 30 * 86_400_000, toMs: END_MS, deepDiveKpiId: 'cost_per_inference', spenderDimension: 'user', panelWidthPx: 1000 } as const;

test.each([
  [0, 86_400_000, 3600, { startSec: 0, endSec: 86400, stepSec: 3600 }],
  [90_000, 86_459_000, 60, { startSec: 60, endSec: 86400, stepSec: 60 }],
  [END_MS - 14 * 86_400_000, END_MS, 86400, { startSec: Math.floor(END_MS / 86_400_000 - 14) * 86400, endSec: Math.floor(END_MS / 86_400_000) * 86400, stepSec: 86400 }],
])('alignedRange(%i, %i, %i): start and end down to the step, as Grafana does', (from, to, step, expected) => {
  expect(alignedRange(from, to, step)).toEqual(expected);
});

test('every page asks for its coverage and its own queries, planned for the range', () => {
  const requests = pageRequests(OPTIONS);
  const byPage = (page: string) => requests.filter((r) => r.page === page).map((r) => r.name);
  // the coverage query and 8 tiles × (value, previous period, 14-day sparkline)
  expect(byPage('overview')).toHaveLength(1 + 8 * 3);
  expect(byPage('topSpenders')).toEqual(['coverage', 'current by user', 'previous by user']);
  expect(byPage('budgets')).toEqual(['coverage', 'limit', 'spend', 'burnRate']);
  // the KPI over time, its value, and three breakdowns with their previous periods
  expect(byPage('kpiDeepDive')).toHaveLength(1 + 2 + 3 * 2);
  expect(new Set(requests.map((r) => `${r.page}/${r.name}`)).size).toBe(requests.length);
  for (const r of requests) {
    expect(r.expr).not.toBe('');
    expect(Boolean(r.range) !== (r.timeSec !== undefined)).toBe(true);
  }
});

test('instants run at the range end or the previous period’s; ranges have the step the panel asks for', () => {
  const requests = pageRequests(OPTIONS);
  const instantTimes = new Set(requests.filter((r) => r.timeSec !== undefined).map((r) => r.timeSec));
  expect(instantTimes).toEqual(new Set([END_MS / 1000, OPTIONS.fromMs / 1000]));
  const steps = requests.filter((r) => r.range).map((r) => `${r.page}/${r.range!.stepSec}`);
  // sparklines: one point a day; the deep dive's 30 days at its runner's 100 points (not one per pixel): 6 hours
  expect(new Set(steps)).toEqual(new Set(['overview/86400', 'kpiDeepDive/21600']));
});
