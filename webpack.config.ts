// Extends (never edits) the scaffold's webpack config in .config/: the nested datasource's logo
// lives in src/datasource/img and its manifest names it relative to itself, so it is copied
// next to dist/datasource/plugin.json; the scaffold only copies the app's logos.
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import scaffoldConfig, { type Env } from './.config/webpack/webpack.config';

const config = async (env: Env): Promise<Configuration> => {
  const base = await scaffoldConfig(env);
  return {
    ...base,
    plugins: [
      ...(base.plugins ?? []),
      new CopyWebpackPlugin({ patterns: [{ from: 'datasource/img', to: 'datasource/img' }] }),
    ],
  };
};

export default config;
