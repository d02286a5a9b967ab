/**
 * Instant query results as Grafana delivers them, back to one number per label set, so the pages
 * can feed the analysis functions. Both shapes of the Prometheus datasource are read:
 * - table format: label columns (string fields) and a value column per row;
 * - time series format: one frame per series, labels on the value field (its last value counts).
 */
import { DataFrame, FieldType } from '@grafana/data';
import type { LabeledValue } from './labeledValues';

function lastNumber(values: readonly unknown[]): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null && values[i] !== undefined) {
      return Number(values[i]);
    }
  }
  return undefined;
}

function tableRows(frame: DataFrame): LabeledValue[] {
  const labelFields = frame.fields.filter((f) => f.type === FieldType.string);
  const valueFields = frame.fields.filter((f) => f.type === FieldType.number);
  const out: LabeledValue[] = [];
  for (let i = 0; i < frame.length; i++) {
    const labels: Record<string, string> = {};
    labelFields.forEach((f) => (labels[f.name] = String(f.values[i] ?? '')));
    for (const field of valueFields) {
      const value = field.values[i];
      if (value !== null && value !== undefined) {
        out.push({ labels: { ...field.labels, ...labels }, value: Number(value) });
      }
    }
  }
  return out;
}

function seriesValues(frame: DataFrame): LabeledValue[] {
  return frame.fields
    .filter((f) => f.type === FieldType.number)
    .flatMap((f) => {
      const value = lastNumber(f.values);
      return value === undefined ? [] : [{ labels: { ...f.labels }, value }];
    });
}

export function labeledValuesFromFrames(frames: readonly DataFrame[]): LabeledValue[] {
  return frames.flatMap((frame) => (frame.fields.some((f) => f.type === FieldType.string) ? tableRows(frame) : seriesValues(frame)));
}
