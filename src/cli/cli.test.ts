/** @jest-environment node */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parse } from 'yaml';
import { kpiRecordName } from '../engine/conventions';
import { CliIO } from './io';
import { formatTable } from './commands/eval';
import { jsonValue, type KpiOutput } from './kpiQuery';
import { main } from './main';

const NOW_SEC = 1_790_000_000;

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: os.tmpdir(), now: () => NOW_SEC * 1000 };
  const code = await main(argv, io);
  return { code, out, err };
}

test.each([
  [['check', 'total_cost / total_inferences'], 0, 'ok\n', ''],
  [['check', 'totl_cost'], 1, '', 'error: unknown measure `totl_cost` — did you mean `total_cost`? (column 1)\n'],
  [['check', '# a comment\ntotal_cost +'], 1, '', 'error: Expected expression after + (line 2, column 13)\n'],
  [['check'], 2, '', 'error: expected exactly one <formula> (quote it)'],
  [['promql', 'total_cost', '--window', '1h'], 0, 'sum(sum_over_time(aigateway:spend_usd:increase1m[3599999ms]))\n', ''],
  [['promql', 'totl_cost'], 1, '', 'error: unknown measure `totl_cost` — did you mean `total_cost`? (column 1)\n'],
  [['promql', 'total_cost', '--by', 'region'], 2, '', 'error: --by must be one of provider, model, team, user, api_key'],
  [['promql', 'total_cost', '--step', '1h'], 2, '', 'error: --step needs --range'],
  [['promql', 'total_cost', '--window', '30x'], 2, '', 'error: --window must be a duration like 1h, 7d or 30d (got "30x")'],
  [['nonsense'], 2, '', 'error: unknown command "nonsense"'],
  [[], 2, '', 'usage: aispend <command>'],
  [['rules', '--profile', 'datadog'], 2, '', 'error: --profile must be one of seed, litellm, otel (got "datadog")'],
  [['rules', '--team-label', 'x'], 2, '', 'error: --team-label applies to --profile otel only'],
  // a formula may start with a minus; a dash and one letter is still an option
  [['check', '-total_cost'], 0, 'ok\n', ''],
  [['check', '--', '-total_cost'], 0, 'ok\n', ''],
  [['check', '-totl_cost'], 1, '', 'error: unknown measure `totl_cost` — did you mean `total_cost`? (column 2)\n'],
  [['promql', '-x.total_cost / 2', '--window', '30d'], 0, '(-sum(sum_over_time(aigateway:spend_usd:increase1m{provider="x"}[2591999999ms])) / 2)\n', ''],
  [['promql', '--window', '1h', '-2 * retries'], 0, '((-2) * sum(sum_over_time(aigateway:retries:increase1m[3599999ms])))\n', ''],
  [['eval', '-team["beta"].retries / total_inferences', '--window', '1d'], 2, '', 'error: --prometheus URL is required'],
  [['check', '-z'], 2, '', "error: Unknown option '-z'"],
  [['promql', '-total_cost', '--bogus'], 2, '', "error: Unknown option '--bogus'"],
  [['promql', 'total_cost', '--window', '-5d'], 2, '', "error: Option '--window' argument is ambiguous"],
  [['promql', '-total_cost', 'retries'], 2, '', 'error: expected exactly one <formula> (quote it)'],
])('aispend %j exits %i', async (argv, code, out, errStart) => {
  const result = await run(...argv);
  expect(result.code).toBe(code);
  expect(result.out).toBe(out);
  expect(result.err.startsWith(errStart)).toBe(true);
});

test('promql --json has the documented shape, without results', async () => {
  const { code, out } = await run('promql', 'total_cost', '--by', 'team', '--range', '--step', '1d', '--to', '2026-10-31T00:00:00Z', '--window', '7d', '--json');
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json).toEqual({
    formula: 'total_cost',
    mode: 'range',
    from: Date.UTC(2026, 9, 24) / 1000,
    to: Date.UTC(2026, 9, 31) / 1000,
    step: 86400,
    groupBy: ['team'],
    promql: 'sum by (team) (sum_over_time(aigateway:spend_usd:increase1m[86399999ms]))',
  });
});

test('every command answers --help with its usage and exit 0', async () => {
  for (const name of ['check', 'promql', 'eval', 'rules', 'demo']) {
    const { code, out } = await run(name, '--help');
    expect(code).toBe(0);
    expect(out).toContain(`aispend ${name}`);
  }
});

describe('rules --catalog', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-catalog-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  test('adds 1h and 1d recording rules per KPI that promtool accepts, from an array or app settings', async () => {
    const kpis = [
      { id: 'anthropic_share', formula: 'anthropic.total_cost / total_cost * 100' },
      { id: 'team_cost', formula: 'total_cost', groupBy: 'team' },
    ];
    for (const catalog of [kpis, { customKpis: kpis, version: 3 }]) {
      const out = path.join(dir, 'rules.yaml');
      const { code } = await run('rules', '--catalog', write('catalog.json', catalog), '--out', out);
      expect(code).toBe(0);
      const group = (parse(fs.readFileSync(out, 'utf8')).groups as Array<{ name: string; rules: Array<{ record: string; expr: string }> }>).find(
        (g) => g.name === 'aispend-kpis'
      )!;
      expect(group.rules.map((r) => r.record)).toEqual([
        kpiRecordName('anthropic_share', '1h'),
        kpiRecordName('anthropic_share', '1d'),
        kpiRecordName('team_cost', '1h'),
        kpiRecordName('team_cost', '1d'),
      ]);
      expect(group.rules[3].expr).toBe('sum by (team) (sum_over_time(aigateway:spend_usd:increase1m[86399999ms]))');
      execFileSync('promtool', ['check', 'rules', out], { stdio: 'pipe' });
    }
  });

  test('--without-spenders drops the spend-by-user/API-key family and its tiers; promtool accepts the rest', async () => {
    const out = path.join(dir, 'lean.yaml');
    expect((await run('rules', '--without-spenders', '--out', out)).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).not.toContain('aigateway:spend_usd_by_user');
    expect(text).toContain('aigateway:spend_usd:increase1d');
    expect(text).toContain('# Not exported by this source (missing, never 0): retries, spend_by_user');
    execFileSync('promtool', ['check', 'rules', out], { stdio: 'pipe' });
  });

  test.each([
    [[{ id: 'x', formula: 'totl_cost' }], 'KPI "x": unknown measure `totl_cost` — did you mean `total_cost`? (column 1)'],
    [[{ id: 'Bad-Id', formula: 'total_cost' }], 'KPI #1: "id" must be lower-case letters, digits and _ (got "Bad-Id")'],
    [[{ id: 'a', formula: 'total_cost' }, { id: 'a', formula: 'total_cost' }], 'KPI "a" appears twice'],
    [{ kpis: [] }, 'a catalog is a JSON array of KPIs or an object with "customKpis"'],
    ['{not json', 'in JSON at position 1'],
  ])('a bad catalog exits 1 naming the problem (%#)', async (catalog, message) => {
    const { code, err } = await run('rules', '--catalog', write('bad.json', catalog));
    expect(code).toBe(1);
    expect(err).toContain(message);
  });
});

test.each([
  ['12.5', 12.5],
  ['NaN', 'NaN'],
  ['+Inf', '+Inf'],
  ['-Inf', '-Inf'],
])('eval --json writes the Prometheus value %s as %p', (text, json) => {
  expect(jsonValue(text)).toBe(json);
});

test('eval without --json: a line per series, numbers with thousands separators, Prometheus specials as they come', () => {
  const output = (results: KpiOutput['results']): KpiOutput => ({
    formula: '',
    mode: 'instant',
    from: 0,
    to: 1,
    step: null,
    groupBy: ['team'],
    promql: '',
    results,
  });
  expect(
    formatTable(
      output([
        { labels: { team: 'ml' }, value: 57748.4712345 },
        { labels: { team: 'web' }, value: 'NaN' },
        { labels: {}, value: null },
      ])
    )
  ).toBe('team="ml"\t57,748.4712\nteam="web"\tNaN\n(all)\t—\n');
  expect(formatTable(output([{ labels: {}, values: [[0, 0.00421789]] }]))).toBe(
    '(all)\n  1970-01-01T00:00:00.000Z  0.004218\n'
  );
});
