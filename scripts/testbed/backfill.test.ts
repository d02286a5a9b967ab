/** @jest-environment node */
import { evaluationSlices, recordedText } from './backfill';

test.each([
  // one slice: start and end inclusive
  [0, 600, 60, 100, [[0, 600]]],
  // the slice length is in evaluations, the next slice starts one step after the last
  [0, 600, 60, 5, [[0, 240], [300, 540], [600, 600]]],
  // a week of minutes is one query (10,080 points, below Prometheus' 11,000)
  [0, 7 * 86400 - 60, 60, 10_080, [[0, 7 * 86400 - 60]]],
  [0, 7 * 86400, 60, 10_080, [[0, 7 * 86400 - 60], [7 * 86400, 7 * 86400]]],
])('from %i to %i every %i s, %i per slice', (start, end, step, per, expected) => {
  expect(evaluationSlices(start, end, step, per).map((s) => [s.fromSec, s.toSec])).toEqual(expected);
});

test('every evaluation time is in exactly one slice', () => {
  const slices = evaluationSlices(1_700_000_040, 1_700_000_040 + 60 * 25_000, 60);
  const times = slices.flatMap((s) => Array.from({ length: (s.toSec - s.fromSec) / 60 + 1 }, (_, i) => s.fromSec + i * 60));
  expect(times).toHaveLength(25_001);
  expect(new Set(times).size).toBe(times.length);
});

test('a recorded sample has the record name, the result labels and the rule labels (which win), never the source name', () => {
  const rule = { record: 'aigateway:requests:increase1m', expr: 'x', labels: { status: 'success' } };
  const series = {
    metric: { __name__: 'litellm_x', model: 'gpt-4o', status: 'raw', team: 'a "b"' },
    values: [
      [1_700_000_000, '1.5'],
      [1_700_000_060, 'NaN'],
    ] as Array<[number, string]>,
  };
  expect(recordedText(rule, series)).toBe(
    'aigateway:requests:increase1m{model="gpt-4o",status="success",team="a \\"b\\""} 1.5 1700000000\n' +
      'aigateway:requests:increase1m{model="gpt-4o",status="success",team="a \\"b\\""} NaN 1700000060\n'
  );
});
