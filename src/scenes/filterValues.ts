/**
 * The page's provider / model / team variables as the `Filters` the PromQL builders take, for the
 * queries that pages build in code (the KPI datasource reads the same variables by itself).
 */
import type { VariableValue } from '@grafana/scenes';
import type { Filters } from '../engine/language';

export const FILTER_LABELS = ['provider', 'model', 'team'] as const;
export type FilterLabel = (typeof FILTER_LABELS)[number];

/** Grafana's value of "All" (ALL_VARIABLE_VALUE): no filter, like the KPI datasource. */
const ALL = '$__all';

/** Selected values; "" is what a variable holds before its options load, never a choice. */
function valuesOf(value: VariableValue | null | undefined): string[] {
  if (value === null || value === undefined) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(String).filter((v) => v !== '');
}

/**
 * Filters from the variables' selected values (their state, not `getValue()`, which expands "All"
 * to every option and would drop the series whose label is ""): "All", nothing selected or an
 * absent variable is no filter, as with the KPI datasource.
 */
export function filtersFromVariableValues(
  values: Partial<Record<FilterLabel, VariableValue | null | undefined>>
): Filters {
  const filters: Filters = {};
  for (const label of FILTER_LABELS) {
    const list = valuesOf(values[label]);
    if (list.length > 0 && !list.includes(ALL)) {
      filters[label] = list;
    }
  }
  return filters;
}
