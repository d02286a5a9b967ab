/**
 * The panels of a KPI deep-dive: actions, the value and its time series, breakdowns by provider /
 * model / team, "what changed" and the matching recommendations. Each breakdown's query runner
 * is shared by its table, "what changed" and the recommendations (found by key): no query runs twice.
 */
import { behaviors, PanelBuilders, SceneFlexItem, SceneFlexLayout, SceneQueryRunner, VizPanel } from '@grafana/scenes';
import {
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  DashboardCursorSync,
  VizOrientation,
  type DataSourceRef,
} from '@grafana/schema';
import type { KpiDefinition } from '../../../engine/catalog';
import { readsPreviousPeriod } from '../../../analysis/whatChanged';
import type { AppSettings } from '../../../settings/model';
import { isAdditiveFormula } from './additive';
import { BreakdownPanel } from './BreakdownPanel';
import { ComparisonGate } from './ComparisonGate';
import { BREAKDOWN_LABELS, DATA_KEYS, deepDiveQueries, SERIES_MAX_DATA_POINTS } from './deepDiveQueries';
import { hasRecommendations } from './deepDiveRecommendations';
import { KpiActions } from './KpiActions';
import { RecommendationsPanel } from './RecommendationsPanel';
import { WhatChangedPanel } from './WhatChangedPanel';

export interface DeepDiveContext {
  kpi: KpiDefinition;
  datasource: DataSourceRef;
  settings?: AppSettings;
}

function valuePanel(kpi: KpiDefinition, $data: SceneQueryRunner): VizPanel {
  if (kpi.defaultGroupBy) {
    // one value per provider / team: bars read better than a grid of small numbers
    return PanelBuilders.bargauge()
      .setTitle(`By ${kpi.defaultGroupBy} for the range`)
      .setData($data)
      .setNoValue('—')
      .setOption('orientation', VizOrientation.Horizontal)
      .setOption('displayMode', BarGaugeDisplayMode.Basic)
      .setOption('namePlacement', BarGaugeNamePlacement.Top)
      .setMin(0)
      .setMax(kpi.unit === '%' ? 100 : undefined)
      .build();
  }
  return (
    PanelBuilders.stat()
      .setTitle('For the range')
      .setData($data)
      .setNoValue('—')
      .setOption('graphMode', BigValueGraphMode.None)
      .setOption('textMode', BigValueTextMode.Value)
      // without thresholds a colour would suggest a status the KPI does not have
      .setOption('colorMode', kpi.thresholds.length ? BigValueColorMode.Value : BigValueColorMode.None)
      .build()
  );
}

/** A growth KPI's value compares two periods: shown only when both have data. */
function honestValuePanel(kpi: KpiDefinition, $data: SceneQueryRunner): VizPanel | ComparisonGate {
  const panel = valuePanel(kpi, $data);
  return readsPreviousPeriod(kpi.formula) ? new ComparisonGate({ body: panel }) : panel;
}

function seriesPanel(kpi: KpiDefinition, $data: SceneQueryRunner): VizPanel {
  return PanelBuilders.timeseries()
    .setTitle(`${kpi.name} over time`)
    .setDescription('Each point covers the step before it.')
    .setData($data)
    .setNoValue('—')
    .setCustomFieldConfig('thresholdsStyle', { mode: kpi.thresholds.length ? 'line' : 'off' } as never)
    .build();
}

export function deepDiveLayout({ kpi, datasource, settings }: DeepDiveContext): SceneFlexLayout {
  const queries = deepDiveQueries(kpi);
  const runner = (key: string, q: typeof queries.series, maxDataPoints?: number) =>
    new SceneQueryRunner({ key, datasource, queries: q, ...(maxDataPoints ? { maxDataPoints } : {}) });
  const additive = isAdditiveFormula(kpi.formula);
  const breakdowns = BREAKDOWN_LABELS.map(
    (label) =>
      new BreakdownPanel({
        key: DATA_KEYS.shownBreakdown(label),
        kpi,
        label,
        additive,
        $data: runner(DATA_KEYS.breakdown(label), queries.breakdowns[label]),
      })
  );
  const analysis = [
    new SceneFlexItem({
      minWidth: 420,
      body: new WhatChangedPanel({ key: DATA_KEYS.whatChanged, kpi, comparable: queries.comparable }),
    }),
  ];
  if (hasRecommendations(kpi.id)) {
    analysis.push(
      new SceneFlexItem({ width: '35%', minWidth: 320, body: new RecommendationsPanel({ kpi, settings }) })
    );
  }
  return new SceneFlexLayout({
    direction: 'column',
    // a shared crosshair; it also gives the panels the scene's event bus rather than the app-wide one
    $behaviors: [new behaviors.CursorSync({ sync: DashboardCursorSync.Crosshair })],
    children: [
      new SceneFlexItem({ ySizing: 'content', body: new KpiActions({ kpi, datasource, settings }) }),
      new SceneFlexLayout({
        direction: 'row',
        height: 320,
        children: [
          new SceneFlexItem({
            width: '25%',
            minWidth: 220,
            body: honestValuePanel(kpi, runner(DATA_KEYS.value, queries.value)),
          }),
          new SceneFlexItem({ body: seriesPanel(kpi, runner(DATA_KEYS.series, queries.series, SERIES_MAX_DATA_POINTS)) }),
        ],
      }),
      new SceneFlexLayout({
        direction: 'row',
        height: 300,
        wrap: 'wrap',
        children: breakdowns.map((panel) => new SceneFlexItem({ minWidth: 300, body: panel })),
      }),
      new SceneFlexLayout({ direction: 'row', ySizing: 'content', wrap: 'wrap', children: analysis }),
    ],
  });
}
