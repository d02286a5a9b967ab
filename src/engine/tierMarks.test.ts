import { tierMarksFromSeries, tierMarksRange } from './tierMarks';

test('clock values become marks in ms by tier; other series, nulls and NaN are ignored', () => {
  const marks = tierMarksFromSeries([
    { labels: { tier: '1h' }, values: [3600, 7200, null, 7200] },
    { labels: { tier: '1d' }, values: [86400, NaN] },
    { labels: { tier: '5m' }, values: [300] },
    { labels: {}, values: [1] },
  ]);
  expect([...marks.hour]).toEqual([3_600_000, 7_200_000]);
  expect([...marks.day]).toEqual([86_400_000]);
});

test.each([
  // at least 100 days back, start on a whole hour, end an hour on (Grafana aligns the end down)
  [Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 30, 12, 34), Date.UTC(2026, 7, 22, 12), Date.UTC(2026, 10, 30, 13, 34)],
  [Date.UTC(2025, 0, 1, 0, 30), Date.UTC(2026, 10, 30), Date.UTC(2025, 0, 1), Date.UTC(2026, 10, 30, 1)],
])('range for (%d, %d]', (from, to, wantFrom, wantTo) => {
  expect(tierMarksRange(from, to)).toEqual({ fromMs: wantFrom, toMs: wantTo });
});
