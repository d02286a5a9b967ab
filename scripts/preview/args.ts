/** The command line of `npm run preview` (scripts/preview.ts), parsed without side effects. */
import path from 'path';
import { parseArgs } from 'util';
import { isProfileId } from '../../src/rules';
import { testHistorySpec } from '../../tests/integration/testbed';
import type { HistorySpec } from '../testbed/history';
import { DEMO_HISTORY_DEFAULTS, demoHistorySpec } from '../testbed/demoHistory';
import { ENGINES, Engine } from './engine';

export interface PreviewArgs {
  spec: HistorySpec;
  /** which history: the demo's or the integration tests' */
  historyName: 'demo' | 'testbed';
  engine: Engine;
  port: number;
  stateFile?: string;
  watch: boolean;
}

const isEngine = (value: string): value is Engine => (ENGINES as readonly string[]).includes(value);

export function parsePreviewArgs(argv: string[], nowMs = Date.now()): PreviewArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '3300' },
      days: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.days) },
      profile: { type: 'string', default: DEMO_HISTORY_DEFAULTS.profile },
      users: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.users) },
      seed: { type: 'string', default: String(DEMO_HISTORY_DEFAULTS.seed) },
      state: { type: 'string' },
      history: { type: 'string', default: 'demo' },
      engine: { type: 'string', default: 'prometheus' },
      static: { type: 'boolean', default: false },
    },
  });
  if (!isProfileId(values.profile!)) {
    throw new Error(`--profile must be seed, litellm or otel, not ${values.profile}`);
  }
  if (values.history !== 'demo' && values.history !== 'testbed') {
    throw new Error(`--history must be demo or testbed, not ${values.history}`);
  }
  if (!isEngine(values.engine!)) {
    throw new Error(`--engine must be ${ENGINES.join(' or ')}, not ${values.engine}`);
  }
  const spec =
    values.history === 'testbed'
      ? testHistorySpec('litellm')
      : demoHistorySpec(
          {
            profile: values.profile,
            days: Number(values.days),
            seed: Number(values.seed),
            users: Number(values.users),
          },
          nowMs
        );
  return {
    spec,
    historyName: values.history,
    engine: values.engine,
    port: Number(values.port),
    stateFile: values.state ? path.resolve(values.state) : undefined,
    watch: !values.static,
  };
}
