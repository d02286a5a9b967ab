/** Builds the preview bundle with webpack's Node API; in watch mode rebuilds on every change. */
import webpack from 'webpack';
import { previewWebpackConfig } from '../../tests/preview/webpack.config';

export interface PreviewBundle {
  close(): Promise<void>;
}

function report(stats: webpack.Stats | undefined): Error | undefined {
  if (stats?.hasErrors()) {
    return new Error(stats.toString({ all: false, errors: true, colors: false }));
  }
  return undefined;
}

export async function buildPreviewBundle(
  watch: boolean,
  onRebuild: (error?: Error) => void = () => undefined
): Promise<PreviewBundle> {
  const compiler = webpack(await previewWebpackConfig());
  if (!watch) {
    await new Promise<void>((resolve, reject) =>
      compiler.run((error, stats) => {
        const failure = error ?? report(stats);
        compiler.close(() => (failure ? reject(failure) : resolve()));
      })
    );
    return { close: async () => undefined };
  }
  let first = true;
  return new Promise((resolve, reject) => {
    const watching = compiler.watch({ aggregateTimeout: 300 }, (error, stats) => {
      const failure = error ?? report(stats);
      if (first) {
        first = false;
        return failure
          ? reject(failure)
          : resolve({ close: () => new Promise((r) => (watching ? watching.close(() => r()) : r())) });
      }
      onRebuild(failure);
    });
  });
}
