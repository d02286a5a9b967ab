/**
 * The seed 001 §8 recommendations a deep-dive shows: those whose threshold the KPI's value, or
 * one of its breakdown rows, crosses — each with the readings that crossed it.
 */
import type { DataFrame } from '@grafana/data';
import type { BaseLabel } from '../../../engine/conventions';
import { labeledValuesFromFrames } from '../../../analysis/frameValues';
import {
  matchRecommendations,
  RECOMMENDATIONS,
  type KpiReading,
  type Recommendation,
  type RecommendationThresholds,
} from '../../../analysis/recommendations';
import { CURRENT_REF } from './deepDiveQueries';

export interface TriggeredRecommendation {
  recommendation: Recommendation;
  /** the readings that crossed its threshold: the whole KPI (no group) or breakdown rows */
  readings: Array<{ group?: { label: string; value: string }; value: number }>;
}

export function hasRecommendations(kpiId: string): boolean {
  return RECOMMENDATIONS.some((r) => r.kpiId === kpiId);
}

/**
 * Readings of the KPI: its value(s) for the range (by `valueGroupBy` for a KPI read by group) and
 * its value per provider / model / team; a group read twice (budget utilization by team) counts once.
 */
export function kpiReadings(
  kpiId: string,
  value: { frames: readonly DataFrame[]; groupBy?: BaseLabel },
  breakdownFrames: Partial<Record<BaseLabel, readonly DataFrame[]>>
): KpiReading[] {
  const read = (frames: readonly DataFrame[], label?: BaseLabel): KpiReading[] =>
    labeledValuesFromFrames(frames).map((v) => ({
      kpiId,
      value: v.value,
      ...(label ? { group: { label, value: v.labels[label] ?? '' } } : {}),
    }));
  const all = [
    ...read(value.frames, value.groupBy),
    ...(Object.entries(breakdownFrames) as Array<[BaseLabel, readonly DataFrame[]]>).flatMap(([label, frames]) =>
      read(
        frames.filter((f) => f.refId === CURRENT_REF),
        label
      )
    ),
  ];
  const seen = new Set<string>();
  return all.filter((r) => {
    const key = r.group ? `${r.group.label}\u0000${r.group.value}` : '';
    if (r.group && seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

export function triggeredRecommendations(
  readings: readonly KpiReading[],
  thresholds: RecommendationThresholds
): TriggeredRecommendation[] {
  const byId = new Map<string, TriggeredRecommendation>();
  for (const reading of readings) {
    for (const recommendation of matchRecommendations(reading, thresholds)) {
      const entry = byId.get(recommendation.id) ?? { recommendation, readings: [] };
      entry.readings.push({ group: reading.group, value: reading.value! });
      byId.set(recommendation.id, entry);
    }
  }
  // in the seed's order
  return RECOMMENDATIONS.filter((r) => byId.has(r.id)).map((r) => byId.get(r.id)!);
}
