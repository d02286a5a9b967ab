/** The KPIs page (catalog) and its drilldown, one deep-dive per KPI id. */
import { SceneAppPage, type SceneAppPageLike, type SceneRouteMatch } from '@grafana/scenes';
import { ROUTE_PARAMS, ROUTES } from '../../constants';
import { findStandardKpi } from '../../engine/catalog';
import { prefixRoute } from '../../utils/utils.routing';
import { withPrometheusDatasource } from '../../scenes/withPrometheusDatasource';
import { catalogScene } from './catalog/catalogScene';
import { deepDiveScene } from './deepDive/deepDiveScene';

function deepDivePage(routeMatch: SceneRouteMatch<Record<string, string>>, parent: SceneAppPageLike): SceneAppPage {
  const kpiId = decodeURIComponent(routeMatch.params[ROUTE_PARAMS.kpiId] ?? '');
  const standard = findStandardKpi(kpiId);
  const page: SceneAppPage = new SceneAppPage({
    // a custom KPI's name and description arrive with the app settings
    title: standard?.name ?? kpiId,
    subTitle: standard?.description,
    url: `${prefixRoute(ROUTES.Kpis)}/${encodeURIComponent(kpiId)}`,
    routePath: `:${ROUTE_PARAMS.kpiId}/*`,
    getParentPage: () => parent,
    getScene: () =>
      withPrometheusDatasource((datasources) =>
        deepDiveScene(datasources, kpiId, (kpi) =>
          page.setState({ title: kpi.name, subTitle: kpi.description || undefined })
        )
      ),
  });
  return page;
}

export function kpisPage(): SceneAppPage {
  return new SceneAppPage({
    title: 'KPIs',
    subTitle: 'Standard and custom KPIs for the selected range; open one for its deep-dive',
    url: prefixRoute(ROUTES.Kpis),
    routePath: `${ROUTES.Kpis}/*`,
    getScene: () => withPrometheusDatasource(catalogScene),
    drilldowns: [{ routePath: `:${ROUTE_PARAMS.kpiId}/*`, getPage: deepDivePage }],
  });
}
