/**
 * The deep-dive's tables as DataFrames: what the breakdown panels and "what changed" show is
 * also exactly what their CSV export writes.
 */
import { createDataFrame, DataFrame, FieldConfig, FieldType } from '@grafana/data';
import type { KpiDefinition } from '../../../engine/catalog';
import type { BaseLabel } from '../../../engine/conventions';
import { labeledValuesFromFrames } from '../../../analysis/frameValues';
import { valuesByLabel } from '../../../analysis/labeledValues';
import { rankContributors, type WhatChanged } from '../../../analysis/whatChanged';
import { grafanaUnit, kpiFieldDisplay } from '../../../datasource/frames';
import { CURRENT_REF, PREVIOUS_REF } from './deepDiveQueries';

export const LABEL_TITLES: Record<BaseLabel, string> = { provider: 'Provider', model: 'Model', team: 'Team' };

/** "" is a series without the label (PromQL drops empty labels). */
export const groupName = (label: BaseLabel, value: string) => (value === '' ? `(no ${label})` : value);

const SHARE_CONFIG: FieldConfig = { unit: grafanaUnit('%'), decimals: 1 };

const ofRef = (frames: readonly DataFrame[], refId: string) => frames.filter((f) => f.refId === refId);

/** The KPI by `label` over the range, highest first; with each group's share when the KPI adds up. */
export function breakdownFrame(
  frames: readonly DataFrame[],
  label: BaseLabel,
  kpi: KpiDefinition,
  additive: boolean
): DataFrame {
  const values = [...valuesByLabel(labeledValuesFromFrames(ofRef(frames, CURRENT_REF)), label)].sort(
    ([ka, a], [kb, b]) =>
      (Number.isNaN(a) ? 1 : 0) - (Number.isNaN(b) ? 1 : 0) || b - a || (ka < kb ? -1 : ka > kb ? 1 : 0)
  );
  const total = values.reduce((sum, [, v]) => sum + (Number.isFinite(v) ? v : 0), 0);
  const fields = [
    { name: LABEL_TITLES[label], type: FieldType.string, values: values.map(([k]) => groupName(label, k)) },
    { name: kpi.name, type: FieldType.number, values: values.map(([, v]) => v), config: kpiFieldDisplay(kpi) },
  ];
  if (additive) {
    fields.push({
      name: 'Share',
      type: FieldType.number,
      values: values.map(([, v]) => (total !== 0 && Number.isFinite(v) ? (v / total) * 100 : null)) as number[],
      config: SHARE_CONFIG,
    });
  }
  return createDataFrame({ refId: `breakdown-${label}`, name: `${kpi.name} by ${label}`, fields });
}

export function whatChangedOf(frames: readonly DataFrame[], label: BaseLabel): WhatChanged {
  const by = (refId: string) => valuesByLabel(labeledValuesFromFrames(ofRef(frames, refId)), label);
  return rankContributors(by(CURRENT_REF), by(PREVIOUS_REF));
}

/** The ranked contributors as shown: one row each, largest change first. */
export function whatChangedFrame(changed: WhatChanged, label: BaseLabel, kpi: KpiDefinition): DataFrame {
  const config = kpiFieldDisplay(kpi);
  return createDataFrame({
    refId: `what-changed-${label}`,
    name: `What changed in ${kpi.name} by ${label}`,
    fields: [
      { name: LABEL_TITLES[label], type: FieldType.string, values: changed.rows.map((r) => groupName(label, r.key)) },
      { name: 'Previous period', type: FieldType.number, values: changed.rows.map((r) => r.previous), config },
      { name: 'This period', type: FieldType.number, values: changed.rows.map((r) => r.current), config },
      { name: 'Change', type: FieldType.number, values: changed.rows.map((r) => r.delta), config },
      {
        name: 'Share of the change',
        type: FieldType.number,
        values: changed.rows.map((r) => r.sharePercent),
        config: SHARE_CONFIG,
      },
      { name: 'Status', type: FieldType.string, values: changed.rows.map((r) => r.status) },
    ],
  });
}
