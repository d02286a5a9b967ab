import fs from 'fs';
import path from 'path';
import { writeDemoOpenMetrics } from '../../demo';
import { DEMO_USERS } from '../../demo/world';
import { PROFILE_IDS } from '../../rules';
import type { ProfileId } from '../../rules/profile';
import { oneOf, parseCommandArgs, positiveInt } from '../args';
import { CliIO, Command, EXIT_OK, UsageError } from '../io';
import { serveLiveMetrics } from '../liveMetrics';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'LiteLLM-like demo history as OpenMetrics (for promtool tsdb create-blocks-from openmetrics)',
  usage:
    `aispend demo [--days 60] [--seed N] [--profile seed|litellm|otel] [--users ${DEMO_USERS}] (--out DIR | --serve PORT)\n` +
    '  --out    write DIR/<profile>.om, ending now, for promtool tsdb create-blocks-from openmetrics\n' +
    '  --serve  expose the same traffic live on :PORT/metrics, continuing the history that ends at 00:00 UTC today',
  async run(args: string[], io: CliIO) {
    const { values } = parseCommandArgs(args, {
      days: { type: 'string' },
      seed: { type: 'string' },
      profile: { type: 'string' },
      users: { type: 'string' },
      out: { type: 'string' },
      serve: { type: 'string' },
    });
    const options = {
      profile: oneOf<ProfileId>('profile', values.profile, PROFILE_IDS, 'litellm'),
      days: positiveInt('days', values.days, 60),
      seed: positiveInt('seed', values.seed, 42),
      users: positiveInt('users', values.users, DEMO_USERS),
    };
    if (Boolean(values.out) === Boolean(values.serve)) {
      throw new UsageError('give exactly one of --out DIR or --serve PORT');
    }
    if (values.serve) {
      await serveLiveMetrics({ ...options, port: positiveInt('serve', values.serve, 9464) }, io);
      return EXIT_OK;
    }
    const dir = path.resolve(io.cwd, values.out!);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${options.profile}.om`);
    const stream = fs.createWriteStream(file);
    const endMs = Math.floor(io.now() / 60_000) * 60_000;
    const summary = await writeDemoOpenMetrics({ ...options, endMs }, stream);
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    io.out(
      `wrote ${file}: ${summary.series} series, ${summary.samples} samples, ${(summary.bytes / 1e6).toFixed(1)} MB, ` +
        `${new Date(summary.startMs).toISOString()} to ${new Date(summary.endMs).toISOString()}\n` +
        `load it with: promtool tsdb create-blocks-from openmetrics --max-block-duration=39366h ${file} <prometheus data dir>\n`
    );
    return EXIT_OK;
  },
};
