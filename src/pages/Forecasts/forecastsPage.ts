import { SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import { withPrometheusDatasource } from '../../scenes/withPrometheusDatasource';
import { prefixRoute } from '../../utils/utils.routing';
import { forecastsScene } from './forecastsScene';

export function forecastsPage(): SceneAppPage {
  return new SceneAppPage({
    title: 'Forecasts & anomalies',
    subTitle:
      'Per model: the 7-day trailing forecast, projected month-end spend and trend; spend that deviates from its 30-day baseline',
    url: prefixRoute(ROUTES.Forecasts),
    routePath: `${ROUTES.Forecasts}/*`,
    getScene: () => withPrometheusDatasource(forecastsScene),
  });
}
