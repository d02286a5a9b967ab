/** @jest-environment node */
/**
 * The preview's engine choice, wired to real servers: a tiny history (a few samples backfilled with
 * promtool) answered by Prometheus, or by VictoriaMetrics after the vmctl import.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { instantQuery } from '../../src/cli/prometheusHttp';
import { backfillOpenMetrics } from '../testbed/backfill';
import type { History } from '../testbed/history';
import { ENGINES, startEngine } from './engine';

jest.setTimeout(60_000);

const END_SEC = Date.UTC(2026, 9, 31, 12) / 1000;
let dir: string;
let history: History;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-preview-engine-'));
  const file = path.join(dir, 'tiny.om');
  const samples = [3, 2, 1].map(
    (minutesAgo, i) => `aigateway:spend_usd:increase1m{team="platform"} ${i + 1} ${END_SEC - minutesAgo * 60}`
  );
  fs.writeFileSync(file, ['# TYPE aigateway:spend_usd:increase1m gauge', ...samples, '# EOF', ''].join('\n'));
  const dataDir = path.join(dir, 'history', 'data');
  await backfillOpenMetrics(file, dataDir);
  const rulesFile = path.join(dir, 'none.rules.yaml');
  fs.writeFileSync(rulesFile, 'groups: []\n');
  history = { dataDir, rulesFile, startSec: END_SEC - 3600, endSec: END_SEC } as History;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(ENGINES)('%s: the history answers on the URL the datasource proxy is given', async (engine) => {
  const running = await startEngine(engine, history);
  try {
    expect(running.engine).toBe(engine);
    const [total] = await instantQuery(running.url, 'sum(sum_over_time(aigateway:spend_usd:increase1m[10m]))', END_SEC);
    expect(total.value![1]).toBe('6');
    const ready = await (await fetch(`${running.url}/-/ready`)).text();
    expect(ready).toMatch(engine === 'victoriametrics' ? /VictoriaMetrics/ : /Prometheus/);
  } finally {
    await running.stop();
  }
});
