/**
 * `npm run preview`: the app's real pages in a browser here, without Grafana. Starts Prometheus
 * with the demo history (the same pipeline and cache as `npm run demo`), builds the preview
 * bundle in watch mode and serves it; prints the URL.
 *   npm run preview [-- --port 3300] [--days 60] [--profile litellm] [--users 30] [--seed 42] [--state FILE]
 *   --history testbed   the integration tests' 31-day LiteLLM history instead
 *   --static            build once, no watching (the browser tests)
 * Open it with `?role=Viewer` or `?theme=light` to see the other roles and theme.
 */
import path from 'path';
import { parseArgs } from 'util';
import { PLUGIN_BASE_URL, ROUTES } from '../src/constants';
import { isProfileId } from '../src/rules';
import { DEMO_HISTORY_DEFAULTS, demoHistorySpec } from './testbed/demoHistory';
import { startPreview } from './preview/start';
import { testHistorySpec } from '../tests/integration/testbed';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3300' },
      days: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.days) },
      profile: { type: 'string', default: DEMO_HISTORY_DEFAULTS.profile },
      users: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.users) },
      seed: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.seed) },
      state: { type: 'string' },
      history: { type: 'string', default: 'demo' },
      static: { type: 'boolean', default: false },
    },
  });
  if (!isProfileId(values.profile!)) {
    throw new Error(`--profile must be seed, litellm or otel, not ${values.profile}`);
  }
  const spec =
    values.history === 'testbed'
      ? testHistorySpec('litellm')
      : demoHistorySpec({
          profile: values.profile,
          days: Number(values.days),
          seed: Number(values.seed),
          users: Number(values.users),
        });
  console.log(
    `preview: ${spec.days} days of ${spec.profile} ${values.history} history (built once, then cached; the first build takes minutes)`
  );
  const preview = await startPreview({
    spec,
    port: Number(values.port),
    stateFile: values.state ? path.resolve(values.state) : undefined,
    watch: !values.static,
    log: (line) => console.log(line),
  });
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
