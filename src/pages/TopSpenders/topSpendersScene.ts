/**
 * Top spenders: the 10 largest by team, user, API key or model (a variable, so the choice is in
 * the URL), with share and change vs the previous period, and the top 10 + "Others" as a donut.
 * One runner, two Prometheus queries (current period with the total, previous period by offset)
 * feed both panels; the page's coverage query says whether a change may be a percentage.
 */
import { DataTransformContext } from '@grafana/data';
import {
  CustomVariable,
  EmbeddedScene,
  PanelBuilders,
  SceneFlexItem,
  SceneFlexLayout,
  SceneVariableSet,
  VizPanel,
} from '@grafana/scenes';
import { LegendDisplayMode } from '@grafana/schema';
import {
  PieChartLegendValues,
  PieChartType,
} from '@grafana/schema/dist/esm/raw/composable/piechart/panelcfg/x/PieChartPanelCfg_types.gen';
import { DEFAULT_TOP_N, SPENDER_DIMENSIONS, SpenderDimension } from '../../analysis/topSpenders';
import { VARIABLES } from '../../constants';
import { GRAFANA_USD, NO_VALUE } from '../../datasource/frames';
import { builtQueryRunner, QueryContext } from '../../scenes/builtQueryRunner';
import { computedFrames } from '../../scenes/computedFrames';
import { CoverageProvider } from '../../scenes/coverageProvider';
import { defaultTimeRange, filterVariableList, pageControls } from '../../scenes/filters';
import type { PageDatasources } from '../../scenes/withPrometheusDatasource';
import { DIMENSION_NAMES, isSpenderDimension } from './spenderNames';
import { topSpendersChartFrame, topSpendersFromFrames, topSpendersTargets } from './topSpendersView';
import { TopSpendersTable } from './TopSpendersTable';

const DIMENSION = VARIABLES.spenderDimension;

export function dimensionVariable(): CustomVariable {
  return new CustomVariable({
    name: DIMENSION,
    label: 'Rank by',
    query: SPENDER_DIMENSIONS.map((d) => `${DIMENSION_NAMES[d].one} : ${d}`).join(', '),
    value: 'team',
    text: DIMENSION_NAMES.team.one,
  });
}

export function topSpendersQueriesFor(ctx: QueryContext) {
  const dimension = ctx.variable(DIMENSION);
  return isSpenderDimension(dimension) ? topSpendersTargets(dimension, ctx, ctx.filters, ctx.tiers) : [];
}

function dimensionOf(ctx: DataTransformContext): SpenderDimension {
  const value = ctx.interpolate(`\${${DIMENSION}}`);
  return isSpenderDimension(value) ? value : 'team';
}

function chartPanel(): VizPanel {
  return PanelBuilders.piechart()
    .setTitle(`Top ${DEFAULT_TOP_N} + Others`)
    .setDescription('Share of the total spend: the top 10 and everyone else as "Others".')
    .setData(
      computedFrames((frames, ctx) => [
        topSpendersChartFrame(topSpendersFromFrames(frames, dimensionOf(ctx)), dimensionOf(ctx)),
      ])
    )
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

export function topSpendersScene({ kpi, prometheus }: PageDatasources): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    $variables: new SceneVariableSet({ variables: [dimensionVariable(), ...filterVariableList(kpi)] }),
    $behaviors: [new CoverageProvider(prometheus, { periods: 2 })],
    controls: pageControls(),
    body: new SceneFlexLayout({
      $data: builtQueryRunner(prometheus, topSpendersQueriesFor),
      direction: 'row',
      wrap: 'wrap',
      children: [
        new SceneFlexItem({ minWidth: 640, minHeight: 460, body: new TopSpendersTable({}) }),
        new SceneFlexItem({ minWidth: 420, minHeight: 460, body: chartPanel() }),
      ],
    }),
  });
}
