/**
 * Stands in for Grafana's TemplateSrv (public/app/features/templating/template_srv.ts) in its
 * scenes mode: interpolation is delegated to the scene that runs the query (scopedVars'
 * __sceneObject) or, for callers without scopedVars, to the active scene Grafana publishes on
 * window.__grafanaSceneContext — exactly the two paths Grafana takes.
 */
import { ScopedVars, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { sceneGraph, SceneObject, VariableCustomFormatterFn } from '@grafana/scenes';

function activeScene(): SceneObject | undefined {
  return (window as unknown as { __grafanaSceneContext?: SceneObject }).__grafanaSceneContext;
}

/** scenes wraps the scene object so that serialising scopedVars never walks the scene graph. */
function contextOf(scopedVars?: ScopedVars): SceneObject | undefined {
  const wrapped = scopedVars?.__sceneObject?.value as { valueOf(): SceneObject } | undefined;
  return wrapped?.valueOf() ?? activeScene();
}

export const previewTemplateSrv: TemplateSrv = {
  getVariables(): TypedVariableModel[] {
    const scene = activeScene();
    if (!scene) {
      return [];
    }
    return sceneGraph
      .getVariables(scene)
      .state.variables.map((v) => ({ ...v.state, type: v.state.type }) as unknown as TypedVariableModel);
  },
  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string {
    const scene = contextOf(scopedVars);
    if (!target || !scene) {
      return target ?? '';
    }
    return sceneGraph.interpolate(scene, target, scopedVars, format as string | VariableCustomFormatterFn | undefined);
  },
  containsTemplate(target?: string): boolean {
    return Boolean(target && /\$(\w+|\{[^}]+\})|\[\[\w+\]\]/.test(target));
  },
  updateTimeRange(): void {
    // scenes own the time range
  },
};
