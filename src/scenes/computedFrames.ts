/**
 * A panel's data computed in code from the nearest query runner above it (several panels can
 * share one runner, so one request feeds them all). Errors and loading state pass through.
 */
import type { DataFrame, DataTransformContext } from '@grafana/data';
import { SceneDataTransformer } from '@grafana/scenes';
import { map } from 'rxjs';

export type ComputeFrames = (frames: DataFrame[], ctx: DataTransformContext) => DataFrame[];

export function computedFrames(compute: ComputeFrames): SceneDataTransformer {
  return new SceneDataTransformer({
    transformations: [(ctx: DataTransformContext) => (source) => source.pipe(map((frames) => compute(frames, ctx)))],
  });
}

/** The frames of one query of the shared runner. */
export function framesOf(frames: readonly DataFrame[], refId: string): DataFrame[] {
  return frames.filter((f) => f.refId === refId);
}
