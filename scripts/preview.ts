/**
 * `npm run preview`: the app's real pages in a browser here, without Grafana. Starts Prometheus
 * with the demo history (the same pipeline and cache as `npm run demo`), builds the preview
 * bundle in watch mode and serves it; prints the URL.
 *   npm run preview [-- --port 3300] [--days 60] [--profile litellm] [--users 30] [--seed 42] [--state FILE]
 *   --history testbed   the integration tests' 31-day LiteLLM history instead
 *   --engine victoriametrics   the same history on VictoriaMetrics (imported with vmctl) instead of Prometheus
 *   --static            build once, no watching (the browser tests)
 * Open it with `?role=Viewer` or `?theme=light` to see the other roles and theme.
 */
import { PLUGIN_BASE_URL, ROUTES } from '../src/constants';
import { parsePreviewArgs } from './preview/args';
import { startPreview } from './preview/start';

async function main() {
  const args = parsePreviewArgs(process.argv.slice(2));
  console.log(
    `preview: ${args.spec.days} days of ${args.spec.profile} ${args.historyName} history on ${args.engine} (built once, then cached; the first build takes minutes)`
  );
  const { spec, engine, port, stateFile, watch } = args;
  const preview = await startPreview({ spec, engine, port, stateFile, watch, log: (line) => console.log(line) });
  console.log(`\nAI Spend preview: ${preview.url}${PLUGIN_BASE_URL}/${ROUTES.Overview}`);
  console.log(`(roles: ?role=Admin|Editor|Viewer, theme: ?theme=dark|light; settings kept in ${preview.stateFile})`);
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await preview.stop();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`error: ${(e as Error).message}`);
    process.exit(1);
  }
);
