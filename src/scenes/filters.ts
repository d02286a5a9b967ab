/** The time picker and provider / model / team filters every page shares. */
import {
  QueryVariable,
  SceneControlsSpacer,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariableSet,
  VariableValueSelectors,
} from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { VARIABLES } from '../constants';

const FILTERS = [
  { name: VARIABLES.provider, label: 'Provider', query: 'providers' },
  { name: VARIABLES.model, label: 'Model', query: 'models' },
  { name: VARIABLES.team, label: 'Team', query: 'teams' },
] as const;

/** The three filter variables, for a page whose variable set holds more (extra variables first). */
export function filterVariableList(datasource: DataSourceRef): QueryVariable[] {
  return FILTERS.map(
    (f) =>
      new QueryVariable({
        name: f.name,
        label: f.label,
        datasource,
        query: f.query,
        isMulti: true,
        includeAll: true,
        defaultToAll: true,
        // "All" must mean no filter, not the list of values seen: spend without a team label and the
        // budget series (no provider / model label) would otherwise drop out
        allValue: '$__all',
      })
  );
}

export function filterVariables(datasource: DataSourceRef): SceneVariableSet {
  return new SceneVariableSet({ variables: filterVariableList(datasource) });
}

export function defaultTimeRange(): SceneTimeRange {
  return new SceneTimeRange({ from: 'now-30d', to: 'now' });
}

export function pageControls() {
  return [
    new VariableValueSelectors({}),
    new SceneControlsSpacer(),
    new SceneTimePicker({ isOnCanvas: true }),
    new SceneRefreshPicker({ intervals: ['5m', '15m', '1h'], isOnCanvas: true }),
  ];
}
