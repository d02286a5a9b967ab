/**
 * The page's one coverage query (src/analysis/coverage.ts) on the Prometheus behind the KPI
 * datasource: how much of the range, and of the periods before it, has data. It is a behaviour of
 * the page's scene, so it runs once per range whatever the page shows, and every comparison on the
 * page reads the same answer (useCoverage) instead of asking per tile.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { LoadingState, type PanelData } from '@grafana/data';
import { sceneGraph, SceneObject, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { labeledValuesFromFrames } from '../analysis/frameValues';
import {
  CoverageReading,
  coverageFromValues,
  coverageQuery,
  CoverageSpec,
  coverageSpecFor,
  trailingDaysSpec,
} from '../analysis/coverage';
import { explainedPanelErrors } from '../datasource/queryErrors';
import { builtQueryRunner } from './builtQueryRunner';
import { instantTarget } from './prometheusTargets';

export const COVERAGE_REF = 'coverage';
/** The coverage query as a refused or timed-out query's error names it. */
const COVERAGE_TITLE = 'Data coverage';

export interface CoverageOptions {
  /** periods back from the end of the range: 2 for current vs previous, 3 where a growth KPI's change is shown */
  periods: number;
  /** instead of the range, this many days ending at its end (the budgets' burn window), one period */
  trailingDays?: number;
}

export interface CoverageProviderState extends SceneObjectState, CoverageOptions {
  reading: CoverageReading;
}

export function coverageSpecOf(options: CoverageOptions, range: { fromMs: number; toMs: number }): CoverageSpec {
  return options.trailingDays ? trailingDaysSpec(options.trailingDays) : coverageSpecFor(range, options.periods);
}

/**
 * The runner's data as a reading. While a new answer loads, a known one stays: the coverage of a
 * refreshed range hardly moves, and comparisons should not flicker.
 */
export function readingOf(
  data: PanelData | undefined,
  options: CoverageOptions,
  before: CoverageReading
): CoverageReading {
  if (!data || data.state === LoadingState.Loading || data.state === LoadingState.NotStarted) {
    return before.state === 'known' ? before : { state: 'checking' };
  }
  if (data.state === LoadingState.Error || data.errors?.length) {
    const [error] = explainedPanelErrors(data, { [COVERAGE_REF]: COVERAGE_TITLE });
    return { state: 'failed', message: error?.message || 'the coverage query failed' };
  }
  const range = data.request?.range ?? data.timeRange;
  const spec = coverageSpecOf(options, { fromMs: range.from.valueOf(), toMs: range.to.valueOf() });
  const frames = data.series.filter((f) => f.refId === COVERAGE_REF);
  return { state: 'known', periods: coverageFromValues(labeledValuesFromFrames(frames), spec) };
}

export class CoverageProvider extends SceneObjectBase<CoverageProviderState> {
  constructor(prometheus: DataSourceRef, options: CoverageOptions) {
    super({
      ...options,
      reading: { state: 'checking' },
      // no filters: coverage is whether the data was recorded, not whether a team spent
      $data: builtQueryRunner(prometheus, (ctx) => [
        instantTarget(COVERAGE_REF, coverageQuery(coverageSpecOf(options, ctx), ctx.tiers)),
      ]),
    });
    this.addActivationHandler(() => {
      const update = (data: PanelData | undefined) => {
        const reading = readingOf(data, options, this.state.reading);
        if (reading !== this.state.reading) {
          this.setState({ reading });
        }
      };
      update(this.state.$data!.state.data);
      const subscription = this.state.$data!.subscribeToState((next) => update(next.data));
      return () => subscription.unsubscribe();
    });
  }
}

export function findCoverageProvider(model: SceneObject): CoverageProvider | null {
  return sceneGraph.findObject(model, (o) => o instanceof CoverageProvider) as CoverageProvider | null;
}

const NO_PROVIDER: CoverageReading = { state: 'failed', message: 'this page does not check it' };

/** The page's coverage reading, following its provider's state. */
export function useCoverage(model: SceneObject): CoverageReading {
  const provider = findCoverageProvider(model);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = provider?.subscribeToState(onChange);
      return () => subscription?.unsubscribe();
    },
    [provider]
  );
  return useSyncExternalStore(subscribe, () => provider?.state.reading ?? NO_PROVIDER);
}

/** The reading outside React (CSV exports): the provider's current state. */
export function currentCoverage(model: SceneObject): CoverageReading {
  return findCoverageProvider(model)?.state.reading ?? NO_PROVIDER;
}
