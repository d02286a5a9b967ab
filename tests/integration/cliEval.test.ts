/**
 * `aispend eval` on a real Prometheus holding demo history: the seed's provider share formula
 * agrees with the same share computed from LiteLLM's raw spend counter, and the JSON output has
 * the documented shape in instant and range mode; an unreachable Prometheus exits 1.
 */
import { promQuery, testbed } from './testbed';
import { runCli } from './support/runCli';

// real Prometheus queries and CLI child processes, on a machine that may be busy
jest.setTimeout(60_000);

const aispend = (...argv: string[]) => runCli(argv);

test('eval of the anthropic share over 30 days matches the raw counters within 1 %', async () => {
  const { url, endSec } = testbed('litellm');
  const { code, out } = await aispend('eval', 'anthropic.total_cost / total_cost * 100', '--prometheus', url, '--window', '30d', '--to', String(endSec), '--json');
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json).toMatchObject({ mode: 'instant', from: endSec - 30 * 86400, to: endSec, step: null, groupBy: [] });
  expect(json.results).toHaveLength(1);
  const share = json.results[0].value as number;
  const raw = await promQuery(
    testbed('litellm'),
    'sum(increase(litellm_spend_metric_total{api_provider="anthropic"}[30d])) / sum(increase(litellm_spend_metric_total[30d])) * 100',
    endSec
  );
  const expected = Number(raw[0].value[1]);
  expect(share).toBeGreaterThan(1);
  expect(Math.abs(share - expected) / expected).toBeLessThan(0.01);
});

test('eval by team in range mode gives one series per team with a value per step', async () => {
  const { url, endSec } = testbed('litellm');
  const { code, out } = await aispend('eval', 'total_cost', '--prometheus', url, '--from', String(endSec - 86400), '--to', String(endSec), '--range', '--step', '6h', '--by', 'team', '--json');
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json.step).toBe(21600);
  expect(json.results.length).toBeGreaterThanOrEqual(4);
  // traffic without a team (LiteLLM's "None") is its own group, with no team label
  expect(json.results.filter((r: { labels: object }) => Object.keys(r.labels).length === 0).length).toBeLessThanOrEqual(1);
  for (const r of json.results) {
    expect(Object.keys(r.labels).filter((k) => k !== 'team')).toEqual([]);
    expect(r.values.map(([t]: [number]) => t)).toEqual([endSec - 64800, endSec - 43200, endSec - 21600, endSec]);
  }
});

test('eval of all.total_cost by team gives every team the all-teams total; a formula may start with a minus', async () => {
  const { url, endSec } = testbed('litellm');
  const run = async (formula: string, ...by: string[]) => {
    const { code, out, err } = await aispend('eval', formula, '--prometheus', url, '--window', '7d', '--to', String(endSec), ...by, '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    return JSON.parse(out).results as Array<{ labels: Record<string, string>; value: number }>;
  };
  const [total] = await run('all.total_cost');
  const teams = await run('total_cost', '--by', 'team');
  const rows = await run('all.total_cost', '--by', 'team');
  expect(teams.length).toBeGreaterThanOrEqual(4);
  expect(rows.map((r) => r.labels)).toEqual(expect.arrayContaining(teams.map((t) => t.labels)));
  expect(rows).toHaveLength(teams.length);
  expect(rows.every((r) => r.value === total.value)).toBe(true);
  const [negated] = await run('-all.total_cost / 2');
  expect(negated.value).toBeCloseTo(-total.value / 2, 6);
});

test('a formula whose measures have no data gives null, not 0', async () => {
  const { url, endSec } = testbed('litellm');
  const { out } = await aispend('eval', 'provider["nobody"].total_cost', '--prometheus', url, '--to', String(endSec), '--json');
  expect(JSON.parse(out).results).toEqual([{ labels: {}, value: null }]);
});

test('an unreachable Prometheus exits 1 with a message', async () => {
  const { code, err } = await aispend('eval', 'total_cost', '--prometheus', 'http://127.0.0.1:9', '--window', '1d');
  expect(code).toBe(1);
  expect(err).toMatch(/^error: cannot reach Prometheus at http:\/\/127\.0\.0\.1:9/);
});
