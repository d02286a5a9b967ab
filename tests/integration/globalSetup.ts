import { buildHistory } from '../../scripts/testbed/history';
import { RunningPrometheus, startPrometheus } from '../../scripts/testbed/prometheus';
import { PROFILE_IDS } from '../../src/rules';
import { TESTBED_ENV, TestbedInstance, testHistorySpec } from './testbed';

declare global {
  // eslint-disable-next-line no-var
  var __aispendPrometheus: RunningPrometheus[] | undefined;
}

export default async function globalSetup(): Promise<void> {
  const instances: TestbedInstance[] = [];
  globalThis.__aispendPrometheus = [];
  for (const profile of PROFILE_IDS) {
    const started = Date.now();
    const history = await buildHistory(testHistorySpec(profile));
    const prometheus = await startPrometheus({ dataDir: history.dataDir, ruleFiles: [history.rulesFile] });
    globalThis.__aispendPrometheus.push(prometheus);
    instances.push({ profile, url: prometheus.url, startSec: history.startSec, endSec: history.endSec });
    const how = history.fromCache ? 'cached history' : `built history ${JSON.stringify(history.timings)}`;
    process.stderr.write(`\n[testbed] ${profile}: ${prometheus.url} (${how}, ${Date.now() - started} ms)\n`);
  }
  process.env[TESTBED_ENV] = JSON.stringify(instances);
}
