/**
 * Stands in for Grafana's AppRootPage and plugin config page (public/app/features/plugins/
 * components/AppRootPage.tsx, PluginPage config tabs): reads the app's settings from the
 * settings API, gives the app plugin its meta, and renders its REAL root page under
 * /a/<app id>/* and its REAL configuration page under /plugins/<app id>?page=configuration.
 */
import React, { useEffect, useState } from 'react';
import { AppPlugin, AppPluginMeta, PluginType } from '@grafana/data';
import { getBackendSrv, locationSearchToObject } from '@grafana/runtime';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { useLocation } from 'react-router-dom';
import appPluginJson from '../../../src/plugin.json';
import { APP_PLUGIN_ID, APP_SETTINGS_URL, PLUGIN_BASE_URL } from '../../../src/constants';

interface SettingsResponse {
  enabled: boolean;
  pinned: boolean;
  jsonData: Record<string, unknown>;
}

function useAppPlugin(): { plugin?: AppPlugin; error?: string } {
  const [state, setState] = useState<{ plugin?: AppPlugin; error?: string }>({});
  useEffect(() => {
    Promise.all([import('../../../src/module'), getBackendSrv().get<SettingsResponse>(APP_SETTINGS_URL)])
      .then(([module, settings]) => {
        const plugin = module.plugin as unknown as AppPlugin;
        plugin.meta = {
          ...(appPluginJson as unknown as AppPluginMeta),
          id: APP_PLUGIN_ID,
          type: PluginType.app,
          enabled: settings.enabled,
          pinned: settings.pinned,
          jsonData: settings.jsonData,
          module: 'preview',
          baseUrl: '',
        };
        setState({ plugin });
      })
      .catch((e) => setState({ error: String(e?.message ?? e?.data?.message ?? e) }));
  }, []);
  return state;
}

export function AppRootPage() {
  const { plugin, error } = useAppPlugin();
  const location = useLocation();
  if (error) {
    return <Alert title="App failed to load">{error}</Alert>;
  }
  if (!plugin?.root) {
    return <LoadingPlaceholder text="Loading app..." />;
  }
  const Root = plugin.root;
  return (
    <Root
      meta={plugin.meta}
      basename={PLUGIN_BASE_URL}
      path={location.pathname}
      query={locationSearchToObject(location.search) as never}
      onNavChanged={() => undefined}
    />
  );
}

export function AppConfigPage() {
  const { plugin, error } = useAppPlugin();
  const location = useLocation();
  if (error) {
    return <Alert title="App failed to load">{error}</Alert>;
  }
  if (!plugin) {
    return <LoadingPlaceholder text="Loading app..." />;
  }
  const query = locationSearchToObject(location.search);
  const page = plugin.configPages?.find((p) => p.id === query.page) ?? plugin.configPages?.[0];
  if (!page) {
    return <Alert title="No configuration page" />;
  }
  const Body = page.body;
  return (
    <main style={{ padding: 24, flexGrow: 1 }}>
      <h1>{appPluginJson.name}</h1>
      <h2>{page.title}</h2>
      <Body plugin={plugin} query={query as never} />
    </main>
  );
}
