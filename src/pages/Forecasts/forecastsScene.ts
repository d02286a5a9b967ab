/**
 * Forecasts & anomalies: per model the 7-day trailing forecast with projected month-end and
 * trend, a chart of daily spend with the forecast to month end, and the spend anomalies.
 * Requests per load: two for the forecast (daily spend over 30 days, spend this month) shared by
 * the table and the chart, one for the anomalies.
 */
import { DataTransformContext, FieldColorModeId } from '@grafana/data';
import {
  behaviors,
  EmbeddedScene,
  PanelBuilders,
  SceneDataTransformer,
  SceneFlexItem,
  SceneFlexLayout,
  VizPanel,
} from '@grafana/scenes';
import {
  DashboardCursorSync,
  DataSourceRef,
  GraphDrawStyle,
  LegendDisplayMode,
  SortOrder,
  StackingMode,
  TooltipDisplayMode,
  VisibilityMode,
} from '@grafana/schema';
import { map } from 'rxjs';
import { GRAFANA_USD, NO_VALUE } from '../../datasource/frames';
import { builtQueryRunner } from '../../scenes/builtQueryRunner';
import { computedFrames } from '../../scenes/computedFrames';
import { defaultTimeRange, filterVariables, pageControls } from '../../scenes/filters';
import { TrailingTimeRange } from '../../scenes/trailingTimeRange';
import type { PageDatasources } from '../../scenes/withPrometheusDatasource';
import { AnomalySection } from './AnomalySection';
import { ForecastTable } from './ForecastTable';
import {
  CHART_DAYS,
  FORECAST_SERIES,
  forecastTargets,
  REF_DAILY,
  REF_FORECAST,
  withForecastFrame,
} from './forecastView';

/** End of the page's range (the transformer sits above the runner's own 30-day range). */
function pageEndMs(ctx: DataTransformContext): number {
  return Number(ctx.interpolate('${__to}'));
}

/** The forecast queries on the trailing 30 days, and the forecast series appended for the chart. */
export function forecastData(prometheus: DataSourceRef): SceneDataTransformer {
  const runner = builtQueryRunner(
    prometheus,
    (ctx) => forecastTargets(ctx.toMs, ctx.filters),
    new TrailingTimeRange({ days: CHART_DAYS })
  );
  return new SceneDataTransformer({
    $data: runner,
    transformations: [
      (ctx: DataTransformContext) => (source) =>
        source.pipe(map((frames) => withForecastFrame(frames, pageEndMs(ctx)))),
    ],
  });
}

function forecastChart(): VizPanel {
  return PanelBuilders.timeseries()
    .setTitle('Daily spend and forecast')
    .setDescription(
      `Spend per day by model over the last ${CHART_DAYS} days (stacked), and the daily rate every model is forecast to hold until the end of the month (dashed).`
    )
    .setTimeRange(new TrailingTimeRange({ days: CHART_DAYS, throughMonthEnd: true }))
    .setData(computedFrames((frames) => frames.filter((f) => f.refId === REF_DAILY || f.refId === REF_FORECAST)))
    .setUnit(GRAFANA_USD)
    .setDecimals(2)
    .setMin(0)
    .setNoValue(NO_VALUE)
    .setCustomFieldConfig('drawStyle', GraphDrawStyle.Bars)
    .setCustomFieldConfig('fillOpacity', 80)
    .setCustomFieldConfig('lineWidth', 1)
    .setCustomFieldConfig('stacking', { mode: StackingMode.Normal, group: 'A' })
    .setOverrides((o) =>
      o
        .matchFieldsWithName(FORECAST_SERIES)
        .overrideCustomFieldConfig('drawStyle', GraphDrawStyle.Line)
        .overrideCustomFieldConfig('stacking', { mode: StackingMode.None, group: 'A' })
        .overrideCustomFieldConfig('lineStyle', { fill: 'dash', dash: [10, 10] })
        .overrideCustomFieldConfig('lineWidth', 2)
        .overrideCustomFieldConfig('fillOpacity', 0)
        .overrideCustomFieldConfig('showPoints', VisibilityMode.Never)
        .overrideColor({ mode: FieldColorModeId.Fixed, fixedColor: 'text' })
    )
    .setOption('legend', { showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] })
    .setOption('tooltip', { mode: TooltipDisplayMode.Multi, sort: SortOrder.Descending })
    .build();
}

export function forecastsScene({ kpi, prometheus }: PageDatasources): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: filterVariables(kpi),
    // the chart's hover events travel on this scope's bus
    $behaviors: [new behaviors.CursorSync({ sync: DashboardCursorSync.Crosshair })],
    controls: pageControls(),
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexLayout({
          $data: forecastData(prometheus),
          direction: 'row',
          wrap: 'wrap',
          children: [
            new SceneFlexItem({ minWidth: 640, minHeight: 420, body: new ForecastTable({}) }),
            new SceneFlexItem({ minWidth: 480, minHeight: 420, body: forecastChart() }),
          ],
        }),
        new SceneFlexItem({ minHeight: 260, body: new AnomalySection(prometheus) }),
      ],
    }),
  });
}
