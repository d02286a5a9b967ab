import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import type { CoverageVerdict, PercentChange } from '../../analysis/coverage';
import type { SpenderDimension, SpenderRow } from '../../analysis/topSpenders';
import type { Filters } from '../../engine/language';
import {
  REF_CURRENT,
  REF_PREVIOUS,
  spenderPercentChange,
  topSpendersChartFrame,
  topSpendersFromFrames,
  topSpendersTargets,
  TopSpendersView,
  totalRow,
  windowSecondsOf,
} from './topSpendersView';

const DAY_MS = 86_400_000;
const END = Date.UTC(2026, 9, 31, 12);
const SPEND = 'aigateway:spend_usd:increase1m';
const BY_USER = 'aigateway:spend_usd_by_user:increase1m';

test.each<[string, number, number]>([
  ['30 days', 30 * DAY_MS, 2_592_000],
  ['a partial minute counts as a whole one (as the KPI datasource)', 3_600_500, 3660],
  ['less than a minute is one minute', 10_000, 60],
])('windowSecondsOf: %s', (_name, lengthMs, seconds) => {
  expect(windowSecondsOf(END - lengthMs, END)).toBe(seconds);
});

const total = (x: string) => `label_replace(sum(${x}), "aispend_total", "true", "", "")`;

test.each<[SpenderDimension, Filters, string, string]>([
  ['team', {}, SPEND, ''],
  ['model', { provider: ['openai'] }, SPEND, '{provider="openai"}'],
  ['user', { team: ['a', 'b"c'] }, BY_USER, '{team=~"a|b\\"c"}'],
  ['api_key', {}, BY_USER, ''],
])(
  'by %s with filters %p: one query now (top 10 + total), one before (offset)',
  (dimension, filters, series, matchers) => {
    const now = `sum by (${dimension}) (sum_over_time(${series}${matchers}[2591999999ms]))`;
    const before = `sum by (${dimension}) (sum_over_time(${series}${matchers}[2591999999ms] offset 2592000s))`;
    expect(topSpendersTargets(dimension, { fromMs: END - 30 * DAY_MS, toMs: END }, filters)).toEqual([
      { refId: 'current', expr: `topk(10, ${now}) or ${total(now)}`, instant: true, range: false, editorMode: 'code' },
      {
        refId: 'previous',
        expr: `(${before} and on (${dimension}) topk(10, ${now})) or ${total(before)}`,
        instant: true,
        range: false,
        editorMode: 'code',
      },
    ]);
  }
);

/** Grafana's Prometheus frames of an instant query: one per series, the labels on the value field. */
function seriesFrame(refId: string, labels: Record<string, string>, value: number): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [END] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });
}

const TEAM_FRAMES = [
  seriesFrame(REF_CURRENT, { team: 'data-science' }, 5620.5),
  seriesFrame(REF_CURRENT, { team: 'research' }, 3784.17),
  seriesFrame(REF_CURRENT, {}, 144.69),
  seriesFrame(REF_CURRENT, { aispend_total: 'true' }, 9549.36),
  seriesFrame(REF_PREVIOUS, { team: 'data-science' }, 215.25),
  seriesFrame(REF_PREVIOUS, { aispend_total: 'true' }, 300),
];

test('frames → ranked view: shares of the total, changes vs the previous period, "" is a spender', () => {
  const view = topSpendersFromFrames(TEAM_FRAMES, 'team');
  expect(view.rows.map((r) => [r.key, r.spend, r.previous, r.change])).toEqual([
    ['data-science', 5620.5, 215.25, 5620.5 - 215.25],
    ['research', 3784.17, null, null],
    ['', 144.69, null, null],
  ]);
  expect(view.rows[0].sharePercent).toBeCloseTo((5620.5 / 9549.36) * 100, 10);
  expect(view.total).toBe(9549.36);
  expect(view.previousTotal).toBe(300);
  expect(view.others).toBeNull();
});

test('frames of another dimension do not leak in (label read is the dimension)', () => {
  const view = topSpendersFromFrames(TEAM_FRAMES, 'user');
  // every series lacks a user label: one spender "" with the sum, as PromQL would group
  expect(view.rows.map((r) => r.key)).toEqual(['']);
});

test('no frames: nothing spent, no total', () => {
  const view = topSpendersFromFrames([], 'team');
  expect(view).toEqual({ rows: [], others: null, total: 0, previousTotal: null });
  expect(totalRow(view)).toEqual({
    key: 'Total',
    spend: 0,
    sharePercent: null,
    previous: null,
    change: null,
  });
});

const view = (over: Partial<TopSpendersView>): TopSpendersView => ({
  rows: [],
  others: null,
  total: 100,
  previousTotal: 80,
  ...over,
});

test.each<[string, TopSpendersView, object]>([
  ['growth', view({}), { key: 'Total', spend: 100, sharePercent: 100, previous: 80, change: 20 }],
  ['no previous period', view({ previousTotal: null }), { spend: 100, previous: null, change: null }],
  ['previous 0', view({ previousTotal: 0 }), { change: 100 }],
])('totalRow: %s', (_name, v, expected) => {
  expect(totalRow(v)).toMatchObject(expected);
});

test('chart frame: the top N by name, then Others', () => {
  const frames = [
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => seriesFrame(REF_CURRENT, { user: `u${i}` }, 100 - i)),
    seriesFrame(REF_CURRENT, { aispend_total: 'true' }, 1000),
  ];
  const frame = topSpendersChartFrame(topSpendersFromFrames(frames, 'user'), 'user');
  expect(frame.fields.map((f) => [f.name, f.type])).toEqual([
    ['spender', FieldType.string],
    ['spend', FieldType.number],
  ]);
  expect(frame.fields[0].values).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10', 'Others']);
  // Others = total − Σ top 10 = 1000 − (99 + … + 90)
  expect(frame.fields[1].values[10]).toBeCloseTo(1000 - 945, 10);
});

test('chart frame names the spender "" as "(no team)"', () => {
  const frame = topSpendersChartFrame(topSpendersFromFrames(TEAM_FRAMES, 'team'), 'team');
  expect(frame.fields[0].values).toEqual(['data-science', 'research', '(no team)']);
});

const row = (spend: number, previous: number | null): SpenderRow => ({ key: 'a', spend, sharePercent: 50, previous, change: null });
const covered: CoverageVerdict = { comparable: true };
const oneDayBefore: CoverageVerdict = { comparable: false, note: 'previous period has data for 1 of 30 days' };

test.each<[string, SpenderRow, CoverageVerdict, PercentChange]>([
  ['both periods covered: the percentage', row(120, 100), covered, { kind: 'percent', percent: 20 }],
  ['nothing before (absent): new', row(50, null), covered, { kind: 'new' }],
  ['nothing before (0): new', row(50, 0), covered, { kind: 'new' }],
  ['a previous period of 1 of 30 days: withheld (not +2511 %)', row(2611, 100), oneDayBefore, { kind: 'withheld', note: oneDayBefore.note }],
  ['a previous period of 1 of 30 days and nothing then: withheld, not new', row(50, null), oneDayBefore, { kind: 'withheld', note: oneDayBefore.note }],
])('spenderPercentChange: %s', (_name, r, verdict, expected) => {
  expect(spenderPercentChange(r, verdict)).toEqual(expected);
});
