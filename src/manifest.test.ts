/** The manifests Grafana reads: ids, the nested datasource, the Grafana versions we support. */
import fs from 'fs';
import path from 'path';
import { APP_PLUGIN_ID, KPI_DATASOURCE_PLUGIN_ID, ROUTES } from './constants';
import appManifest from './plugin.json';
import datasourceManifest from './datasource/plugin.json';

const ROOT = path.resolve(__dirname, '..');

test('the app and the datasource carry the ids of src/constants.ts', () => {
  expect(appManifest).toMatchObject({ type: 'app', id: APP_PLUGIN_ID });
  expect(datasourceManifest).toMatchObject({ type: 'datasource', id: KPI_DATASOURCE_PLUGIN_ID, metrics: true });
});

test('the app includes the nested datasource by its plugin.json path, and its pages', () => {
  const datasources = appManifest.includes.filter((i) => i.type === 'datasource');
  expect(datasources).toEqual([{ type: 'datasource', name: datasourceManifest.name, path: 'datasource/plugin.json' }]);
  expect(fs.existsSync(path.join(ROOT, 'src', datasources[0].path!))).toBe(true);
  const pages = appManifest.includes.filter((i) => i.type === 'page').map((i) => i.path);
  expect(pages).toContain(`/a/%PLUGIN_ID%/${ROUTES.Overview}`);
});

test.each(Object.values(ROUTES))('the page %s is in the navigation', (route) => {
  const page = appManifest.includes.find((i) => i.type === 'page' && i.path === `/a/%PLUGIN_ID%/${route}`);
  expect(page).toMatchObject({ addToNav: true });
});

test('both manifests require Grafana 12.4 or newer, as the README states', () => {
  expect(appManifest.dependencies.grafanaDependency).toBe('>=12.4.0');
  expect(datasourceManifest.dependencies.grafanaDependency).toBe('>=12.4.0');
  expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('`grafanaDependency: >=12.4.0`');
});

test('the top-level plugin.json is a symlink to src/plugin.json', () => {
  const top = path.join(ROOT, 'plugin.json');
  expect(fs.lstatSync(top).isSymbolicLink()).toBe(true);
  expect(fs.realpathSync(top)).toBe(path.join(ROOT, 'src', 'plugin.json'));
});

test('every logo a manifest names exists', () => {
  for (const [manifest, dir] of [
    [appManifest, 'src'],
    [datasourceManifest, 'src/datasource'],
  ] as const) {
    for (const logo of Object.values(manifest.info.logos)) {
      expect(fs.existsSync(path.join(ROOT, dir, logo))).toBe(true);
    }
  }
});

test('the datasource module exports a DataSourcePlugin with both editors', async () => {
  const { DataSourcePlugin } = await import('@grafana/data');
  const { plugin } = await import('./datasource/module');
  expect(plugin).toBeInstanceOf(DataSourcePlugin);
  expect(plugin.components.QueryEditor).toBeDefined();
  expect(plugin.components.ConfigEditor).toBeDefined();
});
