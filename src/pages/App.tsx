/** The app's root: a SceneApp over the pages of ./index (module.tsx loads it lazily). */
import React from 'react';
import { AppRootProps } from '@grafana/data';
import { SceneApp, useSceneApp } from '@grafana/scenes';
import { appPages } from './index';
import { PluginPropsContext } from '../utils/utils.plugin';

function getSceneApp() {
  return new SceneApp({
    pages: appPages(),
    urlSyncOptions: {
      updateUrlOnInit: true,
      createBrowserHistorySteps: true,
    },
  });
}

function AppWithScenes() {
  const scene = useSceneApp(getSceneApp);
  return <scene.Component model={scene} />;
}

function App(props: AppRootProps) {
  return (
    <PluginPropsContext.Provider value={props}>
      <AppWithScenes />
    </PluginPropsContext.Provider>
  );
}

export default App;
