/**
 * Lets the app's query builders run in Node for the benchmarks. @grafana/data is browser code: a
 * DOM from jsdom (a jest dependency) lets it load. @grafana/runtime (Grafana's services, which
 * pulls in React and the UI library) is replaced by a stub: the builders import it only to find a
 * datasource at run time, which the benchmarks never do.
 */
export async function installBrowserGlobals(): Promise<void> {
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('', { url: 'http://localhost/' });
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, localStorage: dom.window.localStorage });
}

export function stubGrafanaRuntime(): void {
  const runtime = require.resolve('@grafana/runtime');
  const unavailable = () => {
    throw new Error('Grafana services are not available outside Grafana');
  };
  require.cache[runtime] = { id: runtime, filename: runtime, loaded: true, exports: { getDataSourceSrv: unavailable } } as unknown as NodeJS.Module;
}
