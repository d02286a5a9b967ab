/** Filters from dashboard variables (provider / model / team) and ad hoc filters of a request. */
import { DataQueryRequest } from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import type { Filters } from '../engine/language';

const FILTER_LABELS = ['provider', 'model', 'team'] as const;
type FilterLabel = (typeof FILTER_LABELS)[number];
const ALL = '$__all';

function variableValues(name: string, request: DataQueryRequest): string[] | undefined {
  const srv = getTemplateSrv();
  if (!srv.getVariables().some((v) => v.name === name)) {
    return undefined;
  }
  const raw = srv.replace(`\${${name}:json}`, request.scopedVars);
  let values: unknown;
  try {
    values = JSON.parse(raw);
  } catch {
    values = raw;
  }
  const list = (Array.isArray(values) ? values : [values]).map(String);
  return list.includes(ALL) || list.length === 0 ? undefined : list;
}

export function filtersFromRequest(request: DataQueryRequest, variableNames: string[]): Filters {
  const filters: Filters = {};
  for (const label of FILTER_LABELS) {
    if (variableNames.includes(label)) {
      const values = variableValues(label, request);
      if (values) {
        filters[label] = values;
      }
    }
  }
  for (const f of request.filters ?? []) {
    if (FILTER_LABELS.includes(f.key as FilterLabel) && f.operator === '=') {
      const label = f.key as FilterLabel;
      filters[label] = [...(filters[label] ?? []), f.value];
    }
  }
  return filters;
}
