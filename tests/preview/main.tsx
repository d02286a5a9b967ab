/** The preview's Grafana shell: theme, router on Grafana's location service, nav, app routes. */
import React, { ReactNode, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { css } from '@emotion/css';
import { config, locationService, LocationServiceProvider } from '@grafana/runtime';
import { GlobalStyles, PortalContainer, ThemeContext } from '@grafana/ui';
import { Navigate, Route, Router, Routes } from 'react-router-dom';
import { APP_PLUGIN_ID, PLUGIN_BASE_URL, ROUTES } from '../../src/constants';
import { AppConfigPage, AppRootPage } from './grafana/AppRootPage';
import { PreviewNav } from './grafana/PageChrome';
import { installPreviewServices } from './grafana/services';

/** Grafana routes with react-router 6 on the history object of its location service. */
function LocationServiceRouter({ children }: { children: ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useLayoutEffect(() => history.listen((next: typeof history.location) => setLocation(next)), [history]);
  return (
    <Router navigator={history as never} location={location}>
      {children}
    </Router>
  );
}

const shell = css({ display: 'flex', minHeight: '100vh' });

function PreviewShell() {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <LocationServiceProvider service={locationService}>
        <LocationServiceRouter>
          <div className={shell}>
            <PreviewNav />
            <Routes>
              <Route path={`${PLUGIN_BASE_URL}/*`} element={<AppRootPage />} />
              <Route path={`/plugins/${APP_PLUGIN_ID}`} element={<AppConfigPage />} />
              <Route path="*" element={<Navigate to={`${PLUGIN_BASE_URL}/${ROUTES.Overview}`} replace />} />
            </Routes>
          </div>
        </LocationServiceRouter>
      </LocationServiceProvider>
      <PortalContainer />
    </ThemeContext.Provider>
  );
}

export async function startPreview(): Promise<void> {
  await installPreviewServices();
  createRoot(document.getElementById('root')!).render(<PreviewShell />);
}
