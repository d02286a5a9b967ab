/** @jest-environment node */
import os from 'os';
import { buildChargebackReport } from '../chargeback/report';
import { instant, novemberAnswers, NOW } from '../chargeback/testing/answers';
import type { ChargebackReport } from '../chargeback/types';
import { allocationRule, reportPeriod, reportScope, reportToJson } from './commands/report';
import { CliIO } from './io';
import { main } from './main';
import { reportToMarkdown } from './reportMarkdown';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: os.tmpdir(), now: () => NOW * 1000 };
  const code = await main(argv, io);
  return { code, out, err };
}

const t = (iso: string) => Date.parse(iso) / 1000;

test.each([
  [{}, { kind: 'month', month: '2026-11' }],
  [{ month: '2025-02' }, { kind: 'month', month: '2025-02' }],
  [{ from: '2026-11-03', to: '2026-11-16' }, { kind: 'custom', startSec: t('2026-11-03T00:00:00Z'), endSec: t('2026-11-17T00:00:00Z') }],
  [{ from: '2026-11-03T00:00:00Z', to: '2026-11-17T00:00:00Z' }, { kind: 'custom', startSec: t('2026-11-03T00:00:00Z'), endSec: t('2026-11-17T00:00:00Z') }],
])('period of %j: %j', (values, period) => {
  expect(reportPeriod(values, NOW)).toEqual(period);
});

test.each([
  [{}, { kind: 'all' }],
  [{ team: 'support' }, { kind: 'team', team: 'support' }],
  [{ 'api-key': 'sk-1' }, { kind: 'api_key', apiKey: 'sk-1' }],
])('scope of %j: %j', (values, scope) => {
  expect(reportScope(values)).toEqual(scope);
});

test.each([
  [undefined, 'unallocated'],
  ['unallocated', 'unallocated'],
  ['proportional', 'proportional'],
  ['platform', { team: 'platform' }],
])('--allocate %s: %j', (text, rule) => {
  expect(allocationRule(text)).toEqual(rule);
});

test.each([
  [['report', '--month', '2026-13', '--prometheus', 'http://x'], 2, 'error: --month must be a month like 2026-11 (got "2026-13")'],
  [['report', '--month', '2026-11', '--from', '2026-11-01', '--to', '2026-11-02'], 2, 'error: use either --month or --from/--to'],
  [['report', '--from', '2026-11-01'], 2, 'error: --from and --to go together'],
  [['report', '--team', 'a', '--api-key', 'k'], 2, 'error: use either --team or --api-key'],
  [['report', '--format', 'pdf'], 2, 'error: --format must be one of md, csv, json (got "pdf")'],
  [['report', '--allocate', ''], 2, 'error: --allocate must be unallocated, proportional or a team name'],
  [['report', '--month', '2026-11'], 2, 'error: --prometheus URL is required'],
  // a problem with the period is one line and exit 1, before any query
  [['report', '--month', '2027-01', '--prometheus', 'http://127.0.0.1:9'], 1, 'error: 2027-01 is in the future: the last full month is 2026-11\n'],
  [['report', '--from', '2026-11-01T06:00:00Z', '--to', '2026-11-03', '--prometheus', 'http://127.0.0.1:9'], 1, 'error: a custom period is whole UTC days: it starts and ends at 00:00 UTC\n'],
  [['report', '--prometheus', 'http://127.0.0.1:9'], 1, 'error: cannot reach Prometheus at http://127.0.0.1:9'],
])('aispend %j exits %i', async (argv, code, errStart) => {
  const result = await run(...argv);
  expect(result.code).toBe(code);
  expect(result.out).toBe('');
  expect(result.err.startsWith(errStart)).toBe(true);
});

function novemberReport(): ChargebackReport {
  const answers = { ...novemberAnswers(), anomalyMaxDeviation: instant([{ provider: 'openai', model: 'm1', team: 'a' }, Infinity]) };
  const outcome = buildChargebackReport({ period: { kind: 'month', month: '2026-11' }, scope: { kind: 'all' }, allocation: 'proportional' }, answers, NOW);
  if (!outcome.ok) {
    throw new Error(outcome.problems[0].message);
  }
  return outcome.report;
}

describe('reportToMarkdown', () => {
  const md = reportToMarkdown(novemberReport());

  test.each([
    '# AI spend chargeback — 2026-11 — all teams',
    '- Total: **$100.00** · 2026-10: $80.00 (+25.0 %)',
    '- Unteamed spend: $10.00, proportional to team spend',
    '- **Warning:** 1 model used without a price: llama-x — 4.20 M tokens',
    '| Team | Recorded | Allocated | Charged | Share | Previous | Change |',
    '| a | $60.00 | +$6.67 | $66.67 | 66.7 % | $50.00 | +33.3 % |',
    '| Unallocated | $10.00 | −$10.00 | $0.00 | 0.0 % | — | 0.0 % |',
    '| **Total** |  |  | **$100.00** |  |  |  |',
    '| m2 | $25.00 | 25.0 % | — | new |',
    '| 2026-11-01 | $3.00 | 3.0 % | 100 % | +20.0 % |',
    'Not available: a forecast is made for the current month only.',
    '| m1 | a | openai | 2026-11-20 13:00 | 5 | $14.00/day | +∞ % |',
    '| llama-x | self-hosted | 4.20 M | 900 |',
  ])('has the line %s', (line) => {
    expect(md.split('\n')).toContain(line);
  });
});

test('json keeps non-finite numbers as Prometheus writes them', () => {
  const json = JSON.parse(reportToJson(novemberReport()));
  expect(json.anomalies[0].deviationPercent).toBe('+Inf');
  expect(json.total).toBe(100);
});
