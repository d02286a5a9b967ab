/**
 * One spender's drilldown data: spend over time, model mix and cost per request, from the
 * queries of src/analysis/topSpenders.ts (`spenderQueries`), and the frames its panels show.
 */
import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { labeledValuesFromFrames } from '../../analysis/frameValues';
import { valuesByLabel } from '../../analysis/labeledValues';
import { compareKeys } from '../../analysis/order';
import { SpenderDimension, spenderQueries } from '../../analysis/topSpenders';
import type { Filters } from '../../engine/language';
import { instantTarget, PrometheusTarget, rangeTarget } from '../../scenes/prometheusTargets';
import { windowSecondsOf } from './topSpendersView';

export const REF_SPEND_OVER_TIME = 'spendOverTime';
export const REF_MODEL_MIX = 'modelMix';
export const REF_COST_PER_REQUEST = 'costPerRequest';

const HOUR = 3600;
const DAY = 86400;
/** Up to a week, hourly points (≤ 168); longer ranges, daily. */
const HOURLY_UP_TO_SECONDS = 7 * DAY;

export function spendStepSeconds(windowSeconds: number): number {
  return windowSeconds <= HOURLY_UP_TO_SECONDS ? HOUR : DAY;
}

export function spendStepName(stepSeconds: number): string {
  return stepSeconds === HOUR ? 'hour' : 'day';
}

export function spenderTargets(
  dimension: SpenderDimension,
  key: string,
  range: { fromMs: number; toMs: number },
  filters: Filters
): PrometheusTarget[] {
  const windowSeconds = windowSecondsOf(range.fromMs, range.toMs);
  const stepSeconds = spendStepSeconds(windowSeconds);
  const queries = spenderQueries(dimension, key, { windowSeconds, stepSeconds, filters });
  const targets = [
    rangeTarget(REF_SPEND_OVER_TIME, queries.spendOverTime, stepSeconds, 'Spend'),
    instantTarget(REF_MODEL_MIX, queries.modelMix),
  ];
  return queries.costPerRequest ? [...targets, instantTarget(REF_COST_PER_REQUEST, queries.costPerRequest)] : targets;
}

/** Spend by model, largest first (ties by name); models without the label read "(no model)". */
export function modelMixFrame(frames: readonly DataFrame[]): DataFrame {
  const byModel = [...valuesByLabel(labeledValuesFromFrames(frames), 'model').entries()].sort(
    (a, b) => b[1] - a[1] || compareKeys(a[0], b[0])
  );
  return createDataFrame({
    name: 'model mix',
    fields: [
      { name: 'model', type: FieldType.string, values: byModel.map(([model]) => model || '(no model)') },
      { name: 'spend', type: FieldType.number, values: byModel.map(([, spend]) => spend) },
    ],
  });
}

/** The spender's total: the sum of its model mix; no series is no value (missing, not 0). */
export function spendTotalFrame(frames: readonly DataFrame[]): DataFrame {
  const values = labeledValuesFromFrames(frames);
  return createDataFrame({
    name: 'spend',
    fields: [
      { name: 'spend', type: FieldType.number, values: values.length ? [values.reduce((s, v) => s + v.value, 0)] : [] },
    ],
  });
}
