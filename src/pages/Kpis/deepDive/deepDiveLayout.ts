/**
 * The panels of a KPI deep-dive: actions, the value and its time series, breakdowns by provider /
 * model / team, "what changed" and the matching recommendations. Each breakdown's query runner
 * is shared by its table and by "what changed" (found by key), so no query runs twice.
 */
import { map } from 'rxjs';
import {
  PanelBuilders,
  SceneDataTransformer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  VizPanel,
} from '@grafana/scenes';
import { BigValueColorMode, BigValueGraphMode, BigValueTextMode, type DataSourceRef } from '@grafana/schema';
import type { KpiDefinition } from '../../../engine/catalog';
import type { BaseLabel } from '../../../engine/conventions';
import type { AppSettings } from '../../../settings/model';
import { isAdditiveFormula } from './additive';
import { breakdownFrame } from './breakdownFrames';
import { BREAKDOWN_LABELS, DATA_KEYS, deepDiveQueries } from './deepDiveQueries';
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
  return (
    PanelBuilders.stat()
      .setTitle(kpi.defaultGroupBy ? `By ${kpi.defaultGroupBy} for the range` : 'For the range')
      .setData($data)
      .setNoValue('—')
      .setOption('graphMode', BigValueGraphMode.None)
      .setOption('textMode', kpi.defaultGroupBy ? BigValueTextMode.ValueAndName : BigValueTextMode.Value)
      // without thresholds a colour would suggest a status the KPI does not have
      .setOption('colorMode', kpi.thresholds.length ? BigValueColorMode.Value : BigValueColorMode.None)
      .build()
  );
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

function breakdownPanel(kpi: KpiDefinition, label: BaseLabel, runner: SceneQueryRunner, additive: boolean): VizPanel {
  const shown = new SceneDataTransformer({
    key: DATA_KEYS.shownBreakdown(label),
    $data: runner,
    transformations: [() => (source) => source.pipe(map((frames) => [breakdownFrame(frames, label, kpi, additive)]))],
  });
  return PanelBuilders.table()
    .setTitle(`By ${label}`)
    .setDescription(
      additive
        ? `${kpi.name} per ${label} and its share of the total`
        : `${kpi.name} per ${label} (a ratio: groups do not add up, so no share)`
    )
    .setData(shown)
    .setNoValue('—')
    .build();
}

export function deepDiveLayout({ kpi, datasource, settings }: DeepDiveContext): SceneFlexLayout {
  const queries = deepDiveQueries(kpi);
  const runner = (key: string, q: typeof queries.series) => new SceneQueryRunner({ key, datasource, queries: q });
  const additive = isAdditiveFormula(kpi.formula);
  const breakdowns = BREAKDOWN_LABELS.map((label) =>
    breakdownPanel(kpi, label, runner(DATA_KEYS.breakdown(label), queries.breakdowns[label]), additive)
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
    children: [
      new SceneFlexItem({ ySizing: 'content', body: new KpiActions({ kpi, datasource, settings }) }),
      new SceneFlexLayout({
        direction: 'row',
        height: 320,
        children: [
          new SceneFlexItem({
            width: '25%',
            minWidth: 220,
            body: valuePanel(kpi, runner(DATA_KEYS.value, queries.value)),
          }),
          new SceneFlexItem({ body: seriesPanel(kpi, runner(DATA_KEYS.series, queries.series)) }),
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
