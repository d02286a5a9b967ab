/**
 * What a KPI tile shows, from the frames of its three queries: the value for the range (for a
 * grouped KPI, its largest group), the change vs the previous period of the same length and
 * whether that change is good news given the KPI's direction, and the daily trend of the last
 * 14 days. Comparisons are honest (src/analysis/coverage.ts): without enough data in the periods
 * compared, the tile says how much data there is instead of a change, and a KPI that is itself a
 * comparison (growth) shows no value. Pure, so every case is a table test.
 */
import { DataFrame, Field, FieldType } from '@grafana/data';
import { comparisonPeriods, type CoverageReading, coverageVerdict } from '../../analysis/coverage';
import type { KpiDefinition } from '../../engine/catalog';
import { FILTER_VARIABLES, type KpiQuery } from '../../datasource/types';

export const TILE_REF = { value: 'value', previous: 'previous', trend: 'trend' } as const;
export const SPARKLINE_LOOKBACK = '14d';

/** The tile's three KPI queries (also what `npm run bench:scale` measures for the Overview page). */
export function tileQueries(kpi: KpiDefinition): KpiQuery[] {
  const base = { kpiId: kpi.id, groupBy: kpi.defaultGroupBy, filterVariables: FILTER_VARIABLES };
  return [
    { ...base, refId: TILE_REF.value, mode: 'instant' },
    { ...base, refId: TILE_REF.previous, mode: 'instant', period: 'previous' },
    { ...base, refId: TILE_REF.trend, mode: 'range', lookback: SPARKLINE_LOOKBACK, step: '1d' },
  ];
}

export interface TileChange {
  /** relative change in percent; null when the previous period had no spend to compare with */
  percent: number | null;
  absolute: number;
  /** true = good news, false = bad news, null = neither (neutral KPI or no change) */
  favourable: boolean | null;
}

export interface TileModel {
  valueField?: Field;
  value: number | null;
  /** the group shown for a grouped KPI (its largest), e.g. the provider with the largest share */
  group?: string;
  change: TileChange | null;
  /** why the change (and, with `value`, the value of a growth KPI) is not shown: how much of a period has data */
  withheld?: { note: string; value: boolean };
  trend?: { time: Field; values: Field };
}

function numberField(frame: DataFrame): Field | undefined {
  return frame.fields.find((f) => f.type === FieldType.number);
}

function lastNumber(field: Field | undefined): number | null {
  const value = field?.values[field.values.length - 1];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function groupOf(field: Field | undefined, kpi: KpiDefinition): string | undefined {
  return kpi.defaultGroupBy ? field?.labels?.[kpi.defaultGroupBy] : undefined;
}

function framesOf(series: DataFrame[], refId: string): DataFrame[] {
  return series.filter((f) => f.refId === refId && numberField(f) !== undefined);
}

/** For a grouped KPI, the frame of the group to show: the largest current value. */
function pickValueFrame(frames: DataFrame[]): DataFrame | undefined {
  let best: DataFrame | undefined;
  for (const frame of frames) {
    const value = lastNumber(numberField(frame));
    if (value !== null && (best === undefined || value > (lastNumber(numberField(best)) ?? -Infinity))) {
      best = frame;
    }
  }
  return best ?? frames[0];
}

function sameGroup(frames: DataFrame[], kpi: KpiDefinition, group: string | undefined): DataFrame | undefined {
  return kpi.defaultGroupBy ? frames.find((f) => groupOf(numberField(f), kpi) === group) : frames[0];
}

/** The sparkline scales its y axis by the field's range, which Grafana's display step would have set. */
function withRange(field: Field | undefined): Field | undefined {
  if (!field) {
    return undefined;
  }
  const finite = field.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 0;
  return { ...field, state: { ...field.state, range: { min, max, delta: max - min } } };
}

export function changeBetween(current: number | null, previous: number | null, kpi: KpiDefinition): TileChange | null {
  if (current === null || previous === null) {
    return null;
  }
  const absolute = current - previous;
  const percent = previous === 0 ? null : (absolute / Math.abs(previous)) * 100;
  const up = absolute > 0;
  const favourable = absolute === 0 || kpi.direction === 'neutral' ? null : kpi.direction === 'higher-is-better' ? up : !up;
  return { percent, absolute, favourable };
}

/**
 * The value compares the periods a growth KPI reads (two); its change vs the previous period reads
 * one more (src/analysis/coverage.ts comparisonPeriods).
 */
function withheldOf(kpi: KpiDefinition, coverage: CoverageReading): TileModel['withheld'] {
  const periods = comparisonPeriods(kpi.formula);
  const ofValue = periods > 2 ? coverageVerdict(coverage, periods - 1) : { comparable: true as const };
  if (!ofValue.comparable) {
    return { note: ofValue.note, value: true };
  }
  const ofChange = coverageVerdict(coverage, periods);
  return ofChange.comparable ? undefined : { note: ofChange.note, value: false };
}

export function tileModel(series: DataFrame[], kpi: KpiDefinition, coverage: CoverageReading): TileModel {
  const valueFrame = pickValueFrame(framesOf(series, TILE_REF.value));
  const valueField = valueFrame && numberField(valueFrame);
  const withheld = withheldOf(kpi, coverage);
  const value = withheld?.value ? null : lastNumber(valueField);
  const group = groupOf(valueField, kpi);
  const previousFrame = sameGroup(framesOf(series, TILE_REF.previous), kpi, group);
  const trendFrame = sameGroup(framesOf(series, TILE_REF.trend), kpi, group);
  const time = trendFrame?.fields.find((f) => f.type === FieldType.time);
  const values = withRange(trendFrame && numberField(trendFrame));
  return {
    valueField,
    value,
    group,
    change: withheld ? null : changeBetween(value, lastNumber(previousFrame && numberField(previousFrame)), kpi),
    ...(withheld ? { withheld } : {}),
    trend: time && values && values.values.length > 1 ? { time, values } : undefined,
  };
}
