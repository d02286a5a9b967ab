/**
 * Stands in for the boot data Grafana's server writes into index.html (`window.grafanaBootData`),
 * which @grafana/runtime's `config` reads once when it is first imported. This module must be
 * evaluated before anything imports @grafana/runtime, so the entry imports it first.
 * URL parameters choose what a real Grafana would take from the session: `role`
 * (Admin | Editor | Viewer) and `theme` (dark | light); they are kept in sessionStorage so
 * in-app navigation keeps them.
 */
import { PREVIEW_PROMETHEUS_UID, PREVIEW_KPI_UID } from './ids';

export type OrgRole = 'Admin' | 'Editor' | 'Viewer';

function fromUrlOrSession(name: string, allowed: string[], fallback: string): string {
  const fromUrl = new URLSearchParams(window.location.search).get(name);
  if (fromUrl && allowed.includes(fromUrl)) {
    window.sessionStorage.setItem(`preview.${name}`, fromUrl);
    return fromUrl;
  }
  const stored = window.sessionStorage.getItem(`preview.${name}`);
  return stored && allowed.includes(stored) ? stored : fallback;
}

export const previewRole = fromUrlOrSession('role', ['Admin', 'Editor', 'Viewer'], 'Admin') as OrgRole;
export const previewTheme = fromUrlOrSession('theme', ['dark', 'light'], 'dark') as 'dark' | 'light';

/** Where Grafana serves its static files (fonts); the preview server maps them to npm font packages. */
(window as unknown as { __grafana_public_path__: string }).__grafana_public_path__ = '/public/';

(window as unknown as { grafanaBootData: unknown }).grafanaBootData = {
  assets: { dark: '', light: '' },
  navTree: [],
  user: {
    id: 1,
    uid: 'preview-user',
    login: previewRole.toLowerCase(),
    name: `Preview ${previewRole}`,
    email: `${previewRole.toLowerCase()}@preview.local`,
    orgId: 1,
    orgName: 'Main Org.',
    orgRole: previewRole,
    isGrafanaAdmin: previewRole === 'Admin',
    isSignedIn: true,
    theme: previewTheme,
    timezone: 'utc',
    weekStart: 'monday',
    locale: 'en-US',
    language: 'en-US',
    permissions: {},
  },
  settings: {
    appSubUrl: '',
    appUrl: `${window.location.origin}/`,
    buildInfo: { version: '12.4.2', commit: 'preview', edition: 'Open Source', env: 'development' },
    defaultDatasource: PREVIEW_PROMETHEUS_UID,
    datasources: {},
    featureToggles: {},
    panels: {},
    apps: {},
    minRefreshInterval: '5s',
    unifiedAlertingEnabled: true,
    kpiDatasourceUid: PREVIEW_KPI_UID,
  },
};
