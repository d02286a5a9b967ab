/**
 * The editor's live preview: the formula's value for the page's range and filters, through the
 * KPI datasource with an inline formula. It runs once typing pauses and only for a formula
 * without diagnostics, so a half-typed formula fires no query.
 */
import { useEffect } from 'react';
import { LoadingState } from '@grafana/data';
import type { SceneQueryRunner } from '@grafana/scenes';
import { labeledValuesFromFrames } from '../../../analysis/frameValues';
import { FILTER_VARIABLES, type KpiQuery } from '../../../datasource/types';

export const PREVIEW_DELAY_MS = 500;
export const PREVIEW_REF_ID = 'preview';

export type FormulaPreview =
  { state: 'invalid' | 'loading' } | { state: 'done'; value: number | null } | { state: 'error'; message: string };

export function previewQuery(formula: string): KpiQuery {
  return { refId: PREVIEW_REF_ID, formula, mode: 'instant', filterVariables: FILTER_VARIABLES };
}

export function useFormulaPreview(runner: SceneQueryRunner, formula: string, valid: boolean): FormulaPreview {
  // the runner lives in the catalog's state; it follows the time range while the editor is open
  useEffect(() => runner.activate(), [runner]);
  useEffect(() => {
    if (!valid) {
      return;
    }
    const timer = setTimeout(() => {
      runner.setState({ queries: [previewQuery(formula)] });
      runner.runQueries();
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [runner, formula, valid]);
  const { data, queries } = runner.useState();
  if (!valid) {
    return { state: 'invalid' };
  }
  const ran = (queries[0] as KpiQuery | undefined)?.formula === formula;
  if (!ran || !data || data.state === LoadingState.Loading) {
    return { state: 'loading' };
  }
  const error = data.errors?.[0]?.message;
  if (error) {
    return { state: 'error', message: error };
  }
  // NaN / Infinity are shown as such: they tell the author about a division by zero
  const first = labeledValuesFromFrames(data.series)[0];
  return { state: 'done', value: first?.value ?? null };
}
