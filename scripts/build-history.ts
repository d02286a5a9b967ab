/**
 * Builds a Prometheus data directory with demo history (raw series + recording-rule history)
 * into --out; used by `npm run server` (docker compose) before Prometheus starts.
 *   tsx scripts/build-history.ts --profile litellm --days 60 [--seed 42] --out /prometheus
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseArgs } from 'util';
import { historyEndMs } from '../src/cli/liveMetrics';
import { isProfileId } from '../src/rules';
import { buildHistory } from './testbed/history';

async function main() {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string', default: 'litellm' },
      days: { type: 'string', default: '60' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string' },
    },
  });
  if (!values.out || !isProfileId(values.profile!)) {
    throw new Error('usage: build-history.ts --profile seed|litellm|otel --days N [--seed N] --out DIR');
  }
  // `aispend demo --serve` continues this history live from the same end
  const endMs = historyEndMs(Date.now());
  const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-history-'));
  const history = await buildHistory(
    { profile: values.profile, days: Number(values.days), seed: Number(values.seed), endMs, scrapeIntervalSeconds: 60 },
    cacheRoot
  );
  fs.mkdirSync(values.out, { recursive: true });
  for (const entry of fs.readdirSync(history.dataDir)) {
    if (fs.existsSync(path.join(history.dataDir, entry, 'meta.json'))) {
      fs.cpSync(path.join(history.dataDir, entry), path.join(values.out, entry), { recursive: true });
    }
  }
  fs.rmSync(cacheRoot, { recursive: true, force: true });
  console.log(`history of ${values.days} days (${history.summary.samples} samples) in ${values.out}`, history.timings);
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exit(1);
});
