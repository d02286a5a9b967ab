/**
 * Budgets: one row per team (and the global budget) with its utilization gauge, spend vs limit,
 * remaining, burn rate, days to exhaustion and projected period-end spend, riskiest first; and
 * the box that creates or updates the Grafana budget alert rules. Three instant Prometheus
 * queries feed the whole table (evaluated at the end of the selected range); one more says how
 * much of the burn window has data.
 */
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout, SceneVariableSet } from '@grafana/scenes';
import { VARIABLES } from '../../constants';
import { BURN_WINDOW_DAYS } from '../../budgets/budgetQueries';
import { builtQueryRunner } from '../../scenes/builtQueryRunner';
import { CoverageProvider } from '../../scenes/coverageProvider';
import { defaultTimeRange, filterVariableList, pageControls } from '../../scenes/filters';
import type { PageDatasources } from '../../scenes/withPrometheusDatasource';
import { BudgetAlertRules } from './BudgetAlertRules';
import { BudgetTable } from './BudgetTable';
import { budgetTargets } from './budgetTargets';

export function budgetsScene({ kpi, prometheus }: PageDatasources): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: defaultTimeRange(),
    // budgets are per team: a provider or model filter has no budget to narrow
    $variables: new SceneVariableSet({
      variables: filterVariableList(kpi).filter((v) => v.state.name === VARIABLES.team),
    }),
    $behaviors: [new CoverageProvider(prometheus, { periods: 1, trailingDays: BURN_WINDOW_DAYS })],
    controls: pageControls(),
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({
          ySizing: 'content',
          body: new BudgetTable({ $data: builtQueryRunner(prometheus, (ctx) => budgetTargets(ctx.tiers)) }),
        }),
        new SceneFlexItem({ ySizing: 'content', body: new BudgetAlertRules({ prometheusUid: prometheus.uid! }) }),
      ],
    }),
  });
}
