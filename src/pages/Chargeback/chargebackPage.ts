import { SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import { withPrometheusDatasource } from '../../scenes/withPrometheusDatasource';
import { prefixRoute } from '../../utils/utils.routing';
import { chargebackScene } from './chargebackScene';

export function chargebackPage(): SceneAppPage {
  return new SceneAppPage({
    title: 'Chargeback',
    subTitle:
      'Who pays for what: spend by team, API key, model and provider for a month or period, with its daily breakdown, forecast and anomalies; CSV and print',
    url: prefixRoute(ROUTES.Chargeback),
    routePath: `${ROUTES.Chargeback}/*`,
    getScene: () => withPrometheusDatasource(chargebackScene),
  });
}
