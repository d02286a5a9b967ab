import { createDataFrame, dateTime, FieldType, LoadingState, rangeUtil, type DataFrame } from '@grafana/data';
import { EmbeddedScene, sceneGraph, SceneObject, SceneQueryRunner, SceneTimeRange, VizPanel } from '@grafana/scenes';
import { FULL_COVERAGE, ONE_DAY_BEFORE } from '../../../analysis/testing/coverageFixtures';
import { findStandardKpi, type KpiDefinition } from '../../../engine/catalog';
import { CoverageProvider } from '../../../scenes/coverageProvider';
import { BreakdownPanel } from './BreakdownPanel';
import { ComparisonGate } from './ComparisonGate';
import { DATA_KEYS, SERIES_MAX_DATA_POINTS } from './deepDiveQueries';
import { deepDiveLayout } from './deepDiveLayout';
import { KpiActions } from './KpiActions';
import { RecommendationsPanel } from './RecommendationsPanel';
import { WhatChangedPanel } from './WhatChangedPanel';
import { downloadText } from './csvDownload';
import { FILTER_VARIABLES } from '../../../datasource/types';

jest.mock('./csvDownload', () => ({ downloadText: jest.fn() }));

const datasource = { uid: 'kpi', type: 'aispend-kpi-datasource' };
const kpi = (id: string) => findStandardKpi(id)!;
const END = Date.UTC(2026, 9, 31, 12);

/** The page as deepDiveScene builds it; the coverage provider's reading as given (its query is tested on its own). */
function sceneFor(definition: KpiDefinition, reading = FULL_COVERAGE) {
  const body = deepDiveLayout({ kpi: definition, datasource });
  const coverage = new CoverageProvider({ uid: 'prom', type: 'prometheus' }, { periods: 2 });
  coverage.setState({ reading });
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: '2026-10-01T12:00:00.000Z', to: '2026-10-31T12:00:00.000Z' }),
    $behaviors: [coverage],
    body,
  });
  const all = sceneGraph.findAllObjects(scene, () => true);
  const of = <T>(type: new (...args: never[]) => T) => all.filter((o): o is SceneObject & T => o instanceof type);
  const runners = of(SceneQueryRunner).filter((r) => r.parent !== coverage);
  return { scene, runners, panels: of(VizPanel), all };
}

test.each([
  ['total_spend', undefined],
  ['provider_share', 'provider'],
])('%s: every query runner of the page on the KPI datasource, by key (grouped by %p)', (id, groupBy) => {
  const { runners } = sceneFor(kpi(id));
  const grouped = groupBy ? { groupBy } : {};
  const previous = (label: string) => ({ refId: 'previous', kpiId: id, filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: label, period: 'previous' });
  expect(Object.fromEntries(runners.map((r) => [r.state.key, r.state.queries]))).toEqual({
    [DATA_KEYS.value]: [{ refId: 'value', kpiId: id, filterVariables: FILTER_VARIABLES, mode: 'instant', ...grouped }],
    [DATA_KEYS.series]: [{ refId: 'series', kpiId: id, filterVariables: FILTER_VARIABLES, mode: 'range', ...grouped }],
    ...Object.fromEntries(
      (['provider', 'model', 'team'] as const).map((label) => [
        DATA_KEYS.breakdown(label),
        [{ refId: 'current', kpiId: id, filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: label }, previous(label)],
      ])
    ),
  });
  expect(runners.every((r) => r.state.datasource === datasource)).toBe(true);
  // the KPI over time: about 100 points (30 days at 6 h), the other runners' instant queries need no interval
  expect(Object.fromEntries(runners.map((r) => [r.state.key, r.state.maxDataPoints]))).toEqual({
    [DATA_KEYS.value]: undefined,
    [DATA_KEYS.series]: SERIES_MAX_DATA_POINTS,
    ...Object.fromEntries((['provider', 'model', 'team'] as const).map((label) => [DATA_KEYS.breakdown(label), undefined])),
  });
});

test.each([
  ['30 days', 30, 6 * 3600_000],
  ['7 days', 7, 2 * 3600_000],
  ['1 day', 1, 15 * 60_000],
])('the KPI over time for %s: Grafana\'s interval at the series runner\'s points', (_, days, intervalMs) => {
  const range = { from: dateTime(END - days * 86_400_000), to: dateTime(END), raw: { from: '', to: '' } };
  expect(rangeUtil.calculateInterval(range, SERIES_MAX_DATA_POINTS).intervalMs).toBe(intervalMs);
});

test.each<[string, string, boolean, boolean]>([
  // id, value panel, breakdowns with a share, recommendations
  ['total_spend', 'stat', true, false],
  ['cost_per_inference', 'stat', false, true],
  ['provider_share', 'bargauge', false, true],
  ['budget_utilization', 'bargauge', false, true],
])('%s: value panel %s and time series; share in breakdowns: %p; recommendations: %p', (id, valueType, share, recommendations) => {
  const { panels, all } = sceneFor(kpi(id));
  expect(panels.map((p) => [p.state.pluginId, p.state.title])).toEqual([
    [valueType, valueType === 'stat' ? 'For the range' : `By ${kpi(id).defaultGroupBy} for the range`],
    ['timeseries', `${kpi(id).name} over time`],
  ]);
  const breakdowns = all.filter((o): o is BreakdownPanel => o instanceof BreakdownPanel);
  expect(breakdowns.map((b) => [b.state.label, b.state.additive])).toEqual([
    ['provider', share],
    ['model', share],
    ['team', share],
  ]);
  expect(all.filter((o) => o instanceof WhatChangedPanel)).toHaveLength(1);
  expect(all.filter((o) => o instanceof RecommendationsPanel)).toHaveLength(recommendations ? 1 : 0);
  expect(all.filter((o) => o instanceof KpiActions)).toHaveLength(1);
});

test('a growth KPI: no previous-period queries, and "what changed" says why', () => {
  const { runners, all } = sceneFor(kpi('mom_growth'));
  expect(runners.find((r) => r.state.key === DATA_KEYS.breakdown('model'))!.state.queries).toEqual([
    { refId: 'current', kpiId: 'mom_growth', filterVariables: FILTER_VARIABLES, mode: 'instant', groupBy: 'model' },
  ]);
  expect((all.find((o) => o instanceof WhatChangedPanel) as WhatChangedPanel).state.comparable.ok).toBe(false);
  // its value is itself a comparison: shown only when both periods have data
  const gates = all.filter((o): o is ComparisonGate => o instanceof ComparisonGate);
  expect(gates.map((g) => g.state.body.state.title)).toEqual(['For the range']);
});

test('a KPI that is not a comparison shows its value panel as is', () => {
  expect(sceneFor(kpi('total_spend')).all.some((o) => o instanceof ComparisonGate)).toBe(false);
});

const byModel = (refId: string, entries: Array<[string, number]>): DataFrame[] =>
  entries.map(([model, value]) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [END] },
        { name: 'Value', type: FieldType.number, values: [value], labels: { model } },
      ],
    })
  );

test('Export CSV downloads exactly the rows a panel shows', () => {
  const { runners, all } = sceneFor(kpi('total_spend'));
  const series = [...byModel('current', [['gpt-4o', 10], ['claude-opus-4', 30]]), ...byModel('previous', [['gpt-4o', 12]])];
  const data = { state: LoadingState.Done, series, timeRange: sceneGraph.getTimeRange(all[0]).state.value };
  runners.find((r) => r.state.key === DATA_KEYS.breakdown('model'))!.setState({ data });
  const actions = all.find((o) => o instanceof KpiActions) as KpiActions;

  actions.exportCsv('by-model');
  expect(downloadText).toHaveBeenLastCalledWith(
    'total_spend-by-model-20261001-1200-20261031-1200.csv',
    'Model,Total spend (USD),Share (%)\r\nclaude-opus-4,30,75\r\ngpt-4o,10,25\r\n'
  );
  actions.exportCsv('what-changed');
  expect(downloadText).toHaveBeenLastCalledWith(
    'total_spend-what-changed-20261001-1200-20261031-1200.csv',
    'Model,Previous period (USD),This period (USD),Change (USD),Share of the change (%),Status\r\n' +
      'claude-opus-4,,30,30,107.14285714285714,new\r\n' +
      'gpt-4o,12,10,-2,-7.142857142857142,down\r\n'
  );
  // a panel without data yet: no empty file, a notice instead
  (downloadText as jest.Mock).mockClear();
  actions.exportCsv('by-team');
  expect(downloadText).not.toHaveBeenCalled();
  expect(actions.state.notice).toEqual({ ok: false, text: 'Nothing to export: the panel has no data yet.' });
});

test.each([
  ['total_spend', 'model'],
  ['provider_share', 'provider'],
  ['budget_utilization', 'team'],
])('"what changed" of %s opens by %s', (id, label) => {
  const { all } = sceneFor(kpi(id));
  expect((all.find((o) => o instanceof WhatChangedPanel) as WhatChangedPanel).state.label).toBe(label);
});

test('Export CSV of "what changed" with a previous period of 1 of 30 days: the changes, no shares', () => {
  const { runners, all } = sceneFor(kpi('total_spend'), ONE_DAY_BEFORE);
  const series = [...byModel('current', [['gpt-4o', 10], ['claude-opus-4', 30]]), ...byModel('previous', [['gpt-4o', 12]])];
  const data = { state: LoadingState.Done, series, timeRange: sceneGraph.getTimeRange(all[0]).state.value };
  runners.find((r) => r.state.key === DATA_KEYS.breakdown('model'))!.setState({ data });
  (all.find((o) => o instanceof KpiActions) as KpiActions).exportCsv('what-changed');
  expect(downloadText).toHaveBeenLastCalledWith(
    'total_spend-what-changed-20261001-1200-20261031-1200.csv',
    'Model,Previous period (USD),This period (USD),Change (USD),Share of the change (%),Status\r\n' +
      'claude-opus-4,,30,30,,new\r\n' +
      'gpt-4o,12,10,-2,,down\r\n'
  );
});
