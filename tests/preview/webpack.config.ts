/**
 * The preview's bundle, built from the scaffold's webpack config (its loaders and resolution;
 * .config/ is not edited): one browser bundle with React and the @grafana packages inside it,
 * because here no Grafana provides them as AMD externals.
 */
import path from 'path';
import type { Configuration, RuleSetRule } from 'webpack';

const REPO_ROOT = path.resolve(__dirname, '../..');
export const PREVIEW_BUILD_DIR = path.join(__dirname, '.build');
export const PREVIEW_ASSETS_URL = '/preview-assets/';

/** The scaffold's first rule injects Grafana's AMD public path into src/module.tsx; the preview loads no AMD. */
function withoutPublicPathInjection(rules: Array<RuleSetRule | '...' | false | null | undefined | 0 | ''>) {
  return rules.filter((rule) => !JSON.stringify((rule as RuleSetRule)?.use ?? '').includes('imports-loader'));
}

/**
 * Loaded by a path the type checker does not follow: the scaffold's config is compiled by its own
 * toolchain (webpack's ts-node), and this repo's stricter tsconfig would reject its unused locals.
 */
const SCAFFOLD_CONFIG = path.join(REPO_ROOT, '.config/webpack/webpack.config.ts');
type ScaffoldConfig = (env: Record<string, unknown>) => Promise<Configuration>;

export async function previewWebpackConfig(): Promise<Configuration> {
  const scaffoldConfig = ((await import(SCAFFOLD_CONFIG)) as { default: ScaffoldConfig }).default;
  const base = await scaffoldConfig({ development: true });
  return {
    mode: 'development',
    context: REPO_ROOT,
    entry: { preview: path.join(__dirname, 'index.tsx') },
    devtool: false,
    cache: { type: 'filesystem', name: 'aispend-preview', buildDependencies: { config: [__filename] } },
    experiments: base.experiments,
    module: {
      ...base.module,
      rules: [
        ...withoutPublicPathInjection(base.module?.rules ?? []),
        // Grafana's own build resolves the extension-less ESM imports inside @grafana/ui (e.g. 'ol/geom')
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        // as in Grafana's build: .mjs files that default-import CommonJS packages (react-custom-scrollbars-2)
        { test: /\.mjs$/, include: /node_modules/, type: 'javascript/auto' },
      ],
    },
    resolve: {
      ...base.resolve,
      alias: {
        // one emotion instance, as in Grafana where the app gets Grafana's own (@grafana/ui's copy)
        '@emotion/react': path.join(REPO_ROOT, 'node_modules/@grafana/ui/node_modules/@emotion/react'),
        '@emotion/css': path.join(REPO_ROOT, 'node_modules/@grafana/ui/node_modules/@emotion/css'),
        'grafana-runtime-plugin-page$': path.join(
          REPO_ROOT,
          'node_modules/@grafana/runtime/dist/esm/components/PluginPage.mjs'
        ),
      },
    },
    output: {
      path: PREVIEW_BUILD_DIR,
      publicPath: PREVIEW_ASSETS_URL,
      filename: '[name].js',
      chunkFilename: '[name].js',
      clean: true,
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

export default previewWebpackConfig;
