import { SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import { prefixRoute } from '../../utils/utils.routing';
import { withPrometheusDatasource } from '../../scenes/withPrometheusDatasource';
import { overviewScene } from './overviewScene';

export function overviewPage(): SceneAppPage {
  return new SceneAppPage({
    title: 'Overview',
    subTitle: 'LLM spend KPIs for the selected range',
    url: prefixRoute(ROUTES.Overview),
    routePath: `${ROUTES.Overview}/*`,
    getScene: () => withPrometheusDatasource(overviewScene),
  });
}
