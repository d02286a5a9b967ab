import { SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import { prefixRoute } from '../../utils/utils.routing';
import { withPrometheusDatasource } from '../../scenes/withPrometheusDatasource';
import { budgetsScene } from './budgetsScene';

export function budgetsPage(): SceneAppPage {
  return new SceneAppPage({
    title: 'Budgets',
    subTitle:
      'Budget utilization, burn rate and exhaustion per team; alert rules at the warning and critical thresholds',
    url: prefixRoute(ROUTES.Budgets),
    routePath: `${ROUTES.Budgets}/*`,
    getScene: () => withPrometheusDatasource(budgetsScene),
  });
}
