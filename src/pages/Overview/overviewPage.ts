import { SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import { prefixRoute } from '../../utils/utils.routing';
import { withKpiDatasource } from '../../scenes/withKpiDatasource';
import { overviewScene } from './overviewScene';

export function overviewPage(): SceneAppPage {
  return new SceneAppPage({
    title: 'Overview',
    subTitle: 'LLM spend KPIs for the selected range',
    url: prefixRoute(ROUTES.Overview),
    routePath: `${ROUTES.Overview}/*`,
    getScene: () => withKpiDatasource(overviewScene),
  });
}
