import { EmbeddedScene, SceneAppPage, SceneFlexLayout, SceneReactObject, SceneRouteMatch } from '@grafana/scenes';
import { ROUTE_PARAMS, ROUTES } from '../../constants';
import { withPrometheusDatasource } from '../../scenes/withPrometheusDatasource';
import { prefixRoute } from '../../utils/utils.routing';
import { UnknownDimension } from './UnknownDimension';
import {
  DIMENSION_NAMES,
  isSpenderDimension,
  KEPT_URL_KEYS,
  spenderFromSegment,
  spenderName,
  spenderUrl,
} from './spenderNames';
import { spenderScene } from './spenderScene';
import { topSpendersScene } from './topSpendersScene';

type Params = Record<string, string | undefined>;

function spenderPage(match: SceneRouteMatch<Params>, parent: SceneAppPage): SceneAppPage {
  const dimension = match.params[ROUTE_PARAMS.dimension];
  const key = spenderFromSegment(match.params[ROUTE_PARAMS.spender] ?? '');
  if (!isSpenderDimension(dimension)) {
    return new SceneAppPage({
      title: 'Unknown spender dimension',
      url: match.url,
      routePath: match.url,
      getParentPage: () => parent,
      getScene: () =>
        new EmbeddedScene({
          body: new SceneFlexLayout({
            children: [new SceneReactObject({ component: UnknownDimension, props: { dimension } })],
          }),
        }),
    });
  }
  return new SceneAppPage({
    title: `${DIMENSION_NAMES[dimension].one}: ${spenderName(key, dimension)}`,
    subTitle: 'Spend over time, model mix and cost per request in the selected range',
    url: spenderUrl(dimension, key),
    routePath: match.url,
    preserveUrlKeys: [...KEPT_URL_KEYS],
    getParentPage: () => parent,
    getScene: () => withPrometheusDatasource((datasources) => spenderScene(datasources, { dimension, key })),
  });
}

export function topSpendersPage(): SceneAppPage {
  return new SceneAppPage({
    title: 'Top spenders',
    subTitle: 'The 10 largest spenders by team, user, API key or model, their share and change vs the previous period',
    url: prefixRoute(ROUTES.TopSpenders),
    routePath: `${ROUTES.TopSpenders}/*`,
    preserveUrlKeys: [...KEPT_URL_KEYS],
    getScene: () => withPrometheusDatasource(topSpendersScene),
    drilldowns: [
      {
        routePath: `:${ROUTE_PARAMS.dimension}/:${ROUTE_PARAMS.spender}/*`,
        getPage: (match, parent) => spenderPage(match as SceneRouteMatch<Params>, parent as SceneAppPage),
      },
    ],
  });
}
