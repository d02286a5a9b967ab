/**
 * VictoriaMetrics going down and coming back under the CLI (`aispend eval`, `aispend doctor`): while
 * it is down every command fails at once with one line naming the URL and the reason and exits 1;
 * once it is back (same port and data) the same commands give the same values as before, and no
 * attempt in between gives a wrong value. (VictoriaMetrics sums in parallel: the same total can
 * differ in its last digits from one query to the next.)
 */
import { buildHistory } from '../../scripts/testbed/history';
import {
  startVictoriaMetricsWithHistory,
  VictoriaMetricsWithHistory,
} from '../../scripts/testbed/victoriametricsHistory';
import { within } from './engineComparison';
import { testHistorySpec, TEST_END_MS } from './testbed';
import { runCli } from './support/runCli';

jest.setTimeout(120_000);

const END_SEC = TEST_END_MS / 1000;
let vm: VictoriaMetricsWithHistory;

beforeAll(async () => {
  vm = await startVictoriaMetricsWithHistory(await buildHistory(testHistorySpec('litellm')));
}, 600_000);

afterAll(() => vm?.stop());

const aispend = (...argv: string[]) => runCli(argv);

const evalTotal = () =>
  aispend('eval', 'total_cost', '--prometheus', vm.url, '--window', '7d', '--to', String(END_SEC), '--json');
const doctor = () => aispend('doctor', '--prometheus', vm.url, '--time', String(END_SEC), '--lookback', '1d', '--json');
const refused = () =>
  new RegExp(
    `^error: cannot reach Prometheus at ${vm.url.replace(/[.]/g, '\\.')}: connect ECONNREFUSED 127\\.0\\.0\\.1:${vm.port}\\n$`
  );

test('down: eval and doctor exit 1 at once with the URL and the reason; back: the same answers as before', async () => {
  const before = await evalTotal();
  const healthBefore = await doctor();
  expect(before.code).toBe(0);
  const total = JSON.parse(before.out).results[0].value as number;
  expect(total).toBeGreaterThan(0);

  await vm.halt();
  for (const run of [evalTotal, doctor]) {
    const started = Date.now();
    const down = await run();
    expect({ code: down.code, out: down.out }).toEqual({ code: 1, out: '' });
    expect(down.err).toMatch(refused());
    expect(Date.now() - started).toBeLessThan(5000);
  }

  await vm.start();
  const after = await evalTotal();
  expect(after.code).toBe(0);
  expect(within(JSON.parse(after.out).results[0].value, total, 1e-9)).toBe(true);
  const healthAfter = await doctor();
  expect({ code: healthAfter.code, findings: JSON.parse(healthAfter.out).findings }).toEqual({
    code: healthBefore.code,
    findings: JSON.parse(healthBefore.out).findings,
  });
});

test('restarting while queries run: each attempt gives the right total or a one-line error, never a wrong value', async () => {
  const total = JSON.parse((await evalTotal()).out).results[0].value as number;
  const outcomes: string[] = [];
  let restarting = true;
  const restart = (async () => {
    await new Promise((r) => setTimeout(r, 300));
    await vm.halt();
    await new Promise((r) => setTimeout(r, 1000));
    await vm.start();
    restarting = false;
  })();
  let afterRestart = 0;
  while (afterRestart < 2) {
    afterRestart += restarting ? 0 : 1;
    const { code, out, err } = await evalTotal();
    if (code === 0) {
      const value = JSON.parse(out).results[0].value as number;
      outcomes.push(within(value, total, 1e-9) ? 'right total' : `wrong total ${value}`);
    } else {
      outcomes.push(
        /^error: cannot reach Prometheus at \S+: .+\n$/.test(err) ? 'one-line error' : `unclear error ${err}`
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await restart;
  expect(outcomes.filter((o) => o !== 'right total' && o !== 'one-line error')).toEqual([]);
  expect(outcomes).toContain('one-line error');
  expect(outcomes[outcomes.length - 1]).toBe('right total');
});
