/**
 * @grafana/runtime's service setters. `setPluginPage` is what Grafana itself calls at boot but the
 * package's export map does not list it, so the preview's webpack config aliases its module file
 * (declared in grafana-runtime-plugin-page.d.ts).
 */
export { getBackendSrv, setBackendSrv, setDataSourceSrv, setRunRequest, setTemplateSrv } from '@grafana/runtime';
export { setPluginPage } from 'grafana-runtime-plugin-page';
