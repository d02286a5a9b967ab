/**
 * @jest-environment jsdom
 *
 * The production build in dist/ (`npm run build` first): what Grafana loads from the plugin
 * directory. The AMD modules are evaluated with the same shared packages Grafana provides.
 */
import fs from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { APP_PLUGIN_ID, KPI_DATASOURCE_PLUGIN_ID } from '../../src/constants';

const DIST = path.resolve(__dirname, '../../dist');
const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');

/** The packages Grafana shares with plugins at run time (the scaffold's webpack externals). */
const GRAFANA_PROVIDED = /^(@emotion\/(css|react)|@grafana\/(data|runtime|ui|schema|i18n)|i18next|lodash|module|react|react-dom|react-router|rxjs)$/;

/**
 * webpack loads lazy chunks (translations, pages) with <script> tags, which jsdom does not
 * fetch: they are read from dist/ and run here, then webpack is told they loaded.
 */
function serveChunksFromDist(): void {
  const append = document.head.appendChild.bind(document.head);
  document.head.appendChild = (<T extends Node>(node: T): T => {
    if (node instanceof HTMLScriptElement && node.src) {
      const chunk = new URL(node.src).pathname.split('/').pop()!;
      // eslint-disable-next-line no-new-func -- test-only evaluation of our own chunk
      new Function(read(chunk))();
      setTimeout(() => node.onload?.(new Event('load')));
      return node;
    }
    return append(node);
  }) as typeof document.head.appendChild;
}

/** Runs an AMD bundle the way Grafana's SystemJS loader does, with real shared packages. */
async function loadAmd(file: string): Promise<Record<string, unknown>> {
  serveChunksFromDist();
  let exported: unknown;
  const define = (deps: string[], factory: (...args: unknown[]) => unknown) => {
    const args = deps.map((dep) => (dep === 'module' ? { uri: `public/plugins/${APP_PLUGIN_ID}/${file}` } : require(dep)));
    exported = factory(...args);
  };
  // eslint-disable-next-line no-new-func -- test-only evaluation of our own bundle
  new Function('define', read(file))(define);
  return (await exported) as Record<string, unknown>;
}

test('dist holds both manifests, with version and date filled in', () => {
  const app = JSON.parse(read('plugin.json'));
  const datasource = JSON.parse(read('datasource/plugin.json'));
  expect(app.id).toBe(APP_PLUGIN_ID);
  expect(datasource.id).toBe(KPI_DATASOURCE_PLUGIN_ID);
  for (const manifest of [app, datasource]) {
    expect(manifest.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  expect(app.includes).toContainEqual(expect.objectContaining({ type: 'datasource', path: 'datasource/plugin.json' }));
  expect(fs.existsSync(path.join(DIST, 'img/logo.svg'))).toBe(true);
  expect(fs.existsSync(path.join(DIST, 'datasource/img/logo.svg'))).toBe(true);
});

test('dist holds the FinOps dashboard exactly as in src/, where plugin.json includes it', () => {
  const source = fs.readFileSync(path.resolve(__dirname, '../../src/dashboards/finops.json'), 'utf8');
  expect(read('dashboards/finops.json')).toBe(source);
  const includes = JSON.parse(read('plugin.json')).includes;
  expect(includes).toContainEqual(expect.objectContaining({ type: 'dashboard', path: 'dashboards/finops.json', uid: JSON.parse(source).uid }));
});

test.each(['module.js', 'datasource/module.js'])('%s is an AMD module that only imports what Grafana provides', (file) => {
  const head = read(file).match(/define\((\[[^\]]*\])/);
  expect(head).not.toBeNull();
  const deps = JSON.parse(head![1]) as string[];
  expect(deps.filter((d) => !GRAFANA_PROVIDED.test(d))).toEqual([]);
});

test('datasource/module.js exports a DataSourcePlugin', async () => {
  const { DataSourcePlugin } = require('@grafana/data');
  const exported = await loadAmd('datasource/module.js');
  expect(exported.plugin).toBeInstanceOf(DataSourcePlugin);
});

test('module.js exports an AppPlugin with its configuration page', async () => {
  const { AppPlugin } = require('@grafana/data');
  const exported = await loadAmd('module.js');
  expect(exported.plugin).toBeInstanceOf(AppPlugin);
  expect((exported.plugin as { configPages?: Array<{ id: string }> }).configPages?.map((p) => p.id)).toEqual(['configuration']);
}, 60_000);

test('the production JavaScript stays under 1.5 MB gzip', () => {
  const files = fs.readdirSync(DIST, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(DIST, f))).length, 0);
  expect(gzipBytes).toBeLessThan(1.5 * 1024 * 1024);
});

/** Grafana may run under a strict Content-Security-Policy: no code from strings, ours or bundled. */
const CODE_FROM_STRINGS = /\bnew Function\s*\(|(^|[^.\w$])eval\s*\(|\bsetTimeout\s*\(\s*["'`]/;

test('no eval or new Function anywhere in dist/ or in the shipped sources', () => {
  const distFiles = fs.readdirSync(DIST, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
  expect(distFiles.filter((f) => CODE_FROM_STRINGS.test(read(f)))).toEqual([]);
  const SRC = path.resolve(__dirname, '../../src');
  const sources = fs
    .readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
  expect(sources.length).toBeGreaterThan(50);
  expect(sources.filter((f) => CODE_FROM_STRINGS.test(fs.readFileSync(path.join(SRC, f), 'utf8')))).toEqual([]);
});
