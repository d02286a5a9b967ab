import { dateTime } from '@grafana/data';
import { EmbeddedScene, SceneFlexLayout, SceneQueryRunner, SceneTimeRange } from '@grafana/scenes';
import { trailingRange, TrailingTimeRange } from './trailingTimeRange';

const DAY_MS = 86_400_000;
const utc = (m: number, d: number, h = 0) => Date.UTC(2026, m - 1, d, h);

test.each<[string, number, number, boolean, number, number]>([
  ['30 days to the end', utc(10, 31, 12), 30, false, utc(10, 1, 12), utc(10, 31, 12)],
  ['through the end of the month', utc(10, 29, 12), 30, true, utc(9, 29, 12), utc(11, 1)],
  ['December runs into January', utc(12, 20), 7, true, utc(12, 13), Date.UTC(2027, 0, 1)],
])('trailingRange: %s', (_name, end, days, throughMonthEnd, from, to) => {
  const range = trailingRange(end, days, throughMonthEnd);
  expect([range.from.valueOf(), range.to.valueOf()]).toEqual([from, to]);
});

test('follows the page range: its end, not its start; a change of the page range moves it', () => {
  const trailing = new TrailingTimeRange({ days: 30 });
  const page = new SceneTimeRange({ from: String(utc(10, 20)), to: String(utc(10, 25)) });
  const scene = new EmbeddedScene({
    $timeRange: page,
    body: new SceneFlexLayout({ $data: new SceneQueryRunner({ queries: [], $timeRange: trailing }), children: [] }),
  });
  const off = scene.activate();
  const offTrailing = trailing.activate();
  expect(trailing.state.value.to.valueOf()).toBe(page.state.value.to.valueOf());
  expect(trailing.state.value.from.valueOf()).toBe(page.state.value.to.valueOf() - 30 * DAY_MS);
  page.onTimeRangeChange({
    from: dateTime(utc(10, 1)),
    to: dateTime(utc(10, 31, 12)),
    raw: { from: dateTime(utc(10, 1)), to: dateTime(utc(10, 31, 12)) },
  });
  expect([trailing.state.value.from.valueOf(), trailing.state.value.to.valueOf()]).toEqual([
    utc(10, 1, 12),
    utc(10, 31, 12),
  ]);
  offTrailing();
  off();
});
