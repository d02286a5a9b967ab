/**
 * The teams and API keys the scope picker offers: the KPI datasource's variable queries (the same
 * lists as the other pages' filters), filtered by what the user types.
 */
import type { DataSourceApi } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import type { DataSourceRef } from '@grafana/schema';
import type { ChargebackScope } from '../../chargeback/types';
import type { VariableQueryKind } from '../../datasource/types';

export type ScopeKind = ChargebackScope['kind'];

export const SCOPE_KINDS: ReadonlyArray<{ value: ScopeKind; label: string }> = [
  { value: 'all', label: 'All teams' },
  { value: 'team', label: 'One team' },
  { value: 'api_key', label: 'One API key' },
];

const QUERY_OF: Record<Exclude<ScopeKind, 'all'>, VariableQueryKind> = { team: 'teams', api_key: 'api_keys' };

export function scopeOf(kind: Exclude<ScopeKind, 'all'>, value: string): ChargebackScope {
  return kind === 'team' ? { kind, team: value } : { kind, apiKey: value };
}

export function scopeValue(scope: ChargebackScope): string {
  return scope.kind === 'team' ? scope.team : scope.kind === 'api_key' ? scope.apiKey : '';
}

/** Values containing `typed` (any case), sorted, without the empty one (that is Unallocated, not a team). */
export function matchingValues(values: readonly string[], typed: string): string[] {
  const needle = typed.trim().toLowerCase();
  return [...new Set(values)]
    .filter((v) => v !== '' && v.toLowerCase().includes(needle))
    .sort((a, b) => a.localeCompare(b));
}

export async function loadScopeValues(
  kpi: DataSourceRef,
  kind: Exclude<ScopeKind, 'all'>,
  typed: string
): Promise<string[]> {
  const ds = (await getDataSourceSrv().get(kpi)) as DataSourceApi;
  const found = (await ds.metricFindQuery?.(QUERY_OF[kind])) ?? [];
  return matchingValues(
    found.map((v) => String(v.value ?? v.text)),
    typed
  );
}
