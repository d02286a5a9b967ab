/**
 * One spender's drilldown: spend and cost per request for the range, spend over time and the
 * model mix. One runner with three Prometheus queries (two for users and API keys, whose
 * requests carry no spender label) feeds the four panels. Where the range has data for less than
 * 90 % of its span, the spend says so (the page's coverage query).
 */
import { FieldColorModeId, ThresholdsConfig } from '@grafana/data';
import {
  behaviors,
  EmbeddedScene,
  PanelBuilders,
  SceneFlexItem,
  SceneFlexLayout,
  SceneVariableSet,
  VizPanel,
} from '@grafana/scenes';
import { BigValueGraphMode, DashboardCursorSync, GraphDrawStyle, LegendDisplayMode } from '@grafana/schema';
import {
  PieChartLegendValues,
  PieChartType,
} from '@grafana/schema/dist/esm/raw/composable/piechart/panelcfg/x/PieChartPanelCfg_types.gen';
import type { SpenderDimension } from '../../analysis/topSpenders';
import { GRAFANA_USD, NO_VALUE, thresholdsOf } from '../../datasource/frames';
import { findStandardKpi } from '../../engine/catalog';
import { builtQueryRunner } from '../../scenes/builtQueryRunner';
import { computedFrames, framesOf } from '../../scenes/computedFrames';
import { CoverageNote } from '../../scenes/CoverageNote';
import { CoverageProvider } from '../../scenes/coverageProvider';
import { defaultTimeRange, filterVariableList, pageControls } from '../../scenes/filters';
import type { PageDatasources } from '../../scenes/withPrometheusDatasource';
import { DIMENSION_NAMES } from './spenderNames';
import {
  modelMixFrame,
  REF_COST_PER_REQUEST,
  REF_MODEL_MIX,
  REF_SPEND_OVER_TIME,
  spenderTargets,
  spendTotalFrame,
} from './spenderView';

const COST_PER_INFERENCE = findStandardKpi('cost_per_inference')!;

/**
 * The KPI's threshold colours in shades that stay readable as large text on both themes' panel
 * backgrounds (plain green and orange fall below 3:1 on the light theme's white).
 */
const READABLE: Record<string, string> = { green: 'dark-green', orange: 'dark-orange' };

export function readableThresholds(thresholds: ThresholdsConfig): ThresholdsConfig {
  return { ...thresholds, steps: thresholds.steps.map((s) => ({ ...s, color: READABLE[s.color] ?? s.color })) };
}

export interface Spender {
  dimension: SpenderDimension;
  key: string;
}

function spendStat(): VizPanel {
  const panel = PanelBuilders.stat()
    .setTitle('Spend')
    .setDescription('Spend of this spender in the selected range.')
    .setData(computedFrames((frames) => [spendTotalFrame(framesOf(frames, REF_MODEL_MIX))]))
    .setUnit(GRAFANA_USD)
    .setDecimals(2)
    .setColor({ mode: FieldColorModeId.Fixed, fixedColor: 'text' })
    .setNoValue(NO_VALUE)
    .setOption('graphMode', BigValueGraphMode.None)
    .build();
  // the spend of a range with little data: how much of the range that is, in the title bar
  panel.setState({ titleItems: new CoverageNote({ periods: 1 }) });
  return panel;
}

function costPerRequestStat(dimension: SpenderDimension): VizPanel {
  if (dimension === 'user' || dimension === 'api_key') {
    const label = DIMENSION_NAMES[dimension].inText;
    // requests carry no user / api_key label: the measure is missing, shown as such (no query)
    return PanelBuilders.stat()
      .setTitle(`Cost per request (not recorded per ${label})`)
      .setDescription(
        `Requests carry no ${label} label (only spend does), so cost per request is not defined per ${label}.`
      )
      .setData(computedFrames(() => []))
      .setNoValue(NO_VALUE)
      .setColor({ mode: FieldColorModeId.Fixed, fixedColor: 'text' })
      .setOption('graphMode', BigValueGraphMode.None)
      .build();
  }
  return PanelBuilders.stat()
    .setTitle('Cost per request')
    .setDescription(
      'Spend ÷ requests (successful and failed) in the selected range, coloured by the cost-per-inference thresholds (seed 001).'
    )
    .setData(computedFrames((frames) => framesOf(frames, REF_COST_PER_REQUEST)))
    .setUnit(GRAFANA_USD)
    .setDecimals(COST_PER_INFERENCE.decimals)
    .setThresholds(readableThresholds(thresholdsOf(COST_PER_INFERENCE)!))
    .setColor({ mode: FieldColorModeId.Thresholds })
    .setNoValue(NO_VALUE)
    .setOption('graphMode', BigValueGraphMode.None)
    .build();
}

function spendOverTime(): VizPanel {
  return PanelBuilders.timeseries()
    .setTitle('Spend over time')
    .setDescription('Spend per hour for ranges up to 7 days, per day beyond; each bar covers the step before it.')
    .setData(computedFrames((frames) => framesOf(frames, REF_SPEND_OVER_TIME)))
    .setUnit(GRAFANA_USD)
    .setDecimals(2)
    .setNoValue(NO_VALUE)
    .setMin(0)
    .setCustomFieldConfig('drawStyle', GraphDrawStyle.Bars)
    .setCustomFieldConfig('fillOpacity', 70)
    .setOption('legend', { showLegend: false, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] })
    .build();
}

function modelMix(): VizPanel {
  return PanelBuilders.piechart()
    .setTitle('Model mix')
    .setDescription('Spend by model in the selected range.')
    .setData(computedFrames((frames) => [modelMixFrame(framesOf(frames, REF_MODEL_MIX))]))
    .setUnit(GRAFANA_USD)
    .setDecimals(2)
    .setNoValue(NO_VALUE)
    .setOption('pieType', PieChartType.Donut)
    .setOption('reduceOptions', { values: true, calcs: [], fields: '' })
    .setOption('legend', {
      showLegend: true,
      displayMode: LegendDisplayMode.Table,
      placement: 'right',
      values: [PieChartLegendValues.Value, PieChartLegendValues.Percent],
    })
    .build();
}

export function spenderScene({ kpi, prometheus }: PageDatasources, spender: Spender): EmbeddedScene {
  const { dimension, key } = spender;
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: new SceneVariableSet({ variables: filterVariableList(kpi) }),
    // the time series' hover events travel on this scope's bus
    $behaviors: [
      new behaviors.CursorSync({ sync: DashboardCursorSync.Crosshair }),
      new CoverageProvider(prometheus, { periods: 1 }),
    ],
    controls: pageControls(),
    body: new SceneFlexLayout({
      $data: builtQueryRunner(prometheus, (ctx) => spenderTargets(dimension, key, ctx, ctx.filters)),
      direction: 'column',
      children: [
        new SceneFlexLayout({
          direction: 'row',
          height: 140,
          children: [
            new SceneFlexItem({ body: spendStat() }),
            new SceneFlexItem({ body: costPerRequestStat(dimension) }),
          ],
        }),
        new SceneFlexLayout({
          direction: 'row',
          wrap: 'wrap',
          children: [
            new SceneFlexItem({ minWidth: 520, minHeight: 380, body: spendOverTime() }),
            new SceneFlexItem({ minWidth: 380, minHeight: 380, body: modelMix() }),
          ],
        }),
      ],
    }),
  });
}
