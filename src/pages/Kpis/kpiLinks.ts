/** Links between the KPI pages that keep the time range and the provider / model / team filters. */
import { urlUtil, type UrlQueryMap } from '@grafana/data';
import { ROUTES, VARIABLES } from '../../constants';
import { prefixRoute } from '../../utils/utils.routing';

const KEPT_KEYS = new Set([
  'from',
  'to',
  'timezone',
  'refresh',
  ...[VARIABLES.provider, VARIABLES.model, VARIABLES.team].map((v) => `var-${v}`),
]);

/** The part of the current URL's query that the next page should keep. */
export function keptQuery(search: UrlQueryMap): UrlQueryMap {
  return Object.fromEntries(Object.entries(search).filter(([key]) => KEPT_KEYS.has(key)));
}

export function kpiCatalogUrl(search: UrlQueryMap = {}): string {
  return urlUtil.renderUrl(prefixRoute(ROUTES.Kpis), keptQuery(search));
}

/** The deep-dive of a KPI (standard or custom). */
export function kpiDeepDiveUrl(kpiId: string, search: UrlQueryMap = {}): string {
  return urlUtil.renderUrl(`${prefixRoute(ROUTES.Kpis)}/${encodeURIComponent(kpiId)}`, keptQuery(search));
}
