import { EmbeddedScene, SceneFlexLayout, SceneReactObject } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { MissingKpiDatasource } from '../components/MissingKpiDatasource';
import { findKpiDatasource } from './kpiDatasource';

/** Builds a page's scene on the KPI datasource, or explains how to add one. */
export function withKpiDatasource(build: (datasource: DataSourceRef) => EmbeddedScene): EmbeddedScene {
  const datasource = findKpiDatasource();
  if (datasource) {
    return build(datasource);
  }
  return new EmbeddedScene({
    body: new SceneFlexLayout({ children: [new SceneReactObject({ component: MissingKpiDatasource })] }),
  });
}
