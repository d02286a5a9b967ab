/**
 * Names and URLs of spenders: how a dimension and a spender read on the page, and the spender's
 * path segment in the drilldown URL (`top-spenders/<dimension>/<segment>`).
 */
import { SPENDER_DIMENSIONS, SpenderDimension } from '../../analysis/topSpenders';
import { ROUTES, VARIABLES } from '../../constants';
import { prefixRoute } from '../../utils/utils.routing';

/** `one`: a heading; `inText`: within a sentence; `many`: the plural in a sentence. */
export const DIMENSION_NAMES: Record<SpenderDimension, { one: string; inText: string; many: string }> = {
  team: { one: 'Team', inText: 'team', many: 'teams' },
  user: { one: 'User', inText: 'user', many: 'users' },
  api_key: { one: 'API key', inText: 'API key', many: 'API keys' },
  model: { one: 'Model', inText: 'model', many: 'models' },
};

export function isSpenderDimension(value: unknown): value is SpenderDimension {
  return (SPENDER_DIMENSIONS as readonly unknown[]).includes(value);
}

/** The spender as shown: series without the label (PromQL's "") read "(no team)". */
export function spenderName(key: string, dimension: SpenderDimension): string {
  return key === '' ? `(no ${DIMENSION_NAMES[dimension].inText})` : key;
}

const ONLY_DASHES = /^-+$/;

/**
 * The spender's path segment, before percent-encoding. A path segment cannot be empty, so the
 * spender "" is "-"; a spender made only of dashes gets one more, so every key has its own
 * segment. The router hands the segment back percent-decoded, hence no encoding here.
 */
export function spenderSegment(key: string): string {
  return key === '' || ONLY_DASHES.test(key) ? `-${key}` : key;
}

export function spenderFromSegment(segment: string): string {
  return ONLY_DASHES.test(segment) ? segment.slice(1) : segment;
}

/** URL of one spender's drilldown (without the query string). */
export function spenderUrl(dimension: SpenderDimension, key: string): string {
  return `${prefixRoute(ROUTES.TopSpenders)}/${dimension}/${encodeURIComponent(spenderSegment(key))}`;
}

/** Time range and filters travel between the list and a drilldown (URL keys of the scenes' URL sync). */
export const KEPT_URL_KEYS: readonly string[] = [
  'from',
  'to',
  'timezone',
  ...[VARIABLES.provider, VARIABLES.model, VARIABLES.team, VARIABLES.spenderDimension].map((v) => `var-${v}`),
];

/** The drilldown's URL with the kept keys of the current query string (`?a=1&b=2` or ""). */
export function spenderHref(dimension: SpenderDimension, key: string, search: string): string {
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const [name, value] of current) {
    if (KEPT_URL_KEYS.includes(name)) {
      kept.append(name, value);
    }
  }
  const query = kept.toString();
  return query ? `${spenderUrl(dimension, key)}?${query}` : spenderUrl(dimension, key);
}
