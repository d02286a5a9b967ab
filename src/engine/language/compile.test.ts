/** @jest-environment node */
import { compileToPromQL } from './compile';
import type { EvaluationOptions } from './types';

const day: EvaluationOptions = { mode: 'instant', windowSeconds: 86400, groupBy: [] };
const byTeam: EvaluationOptions = { ...day, groupBy: ['team'] };
const hourly: EvaluationOptions = { mode: 'range', stepSeconds: 3600, groupBy: [] };
const W = '[86399999ms]';
const spend = (m = '') => `sum_over_time(aigateway:spend_usd:increase1m${m}${W})`;
const spendBy = (label: string, m = '') => `sum by (${label}) (${spend(m)})`;
const spendByTeam = (m = '') => spendBy('team', m);
const retries = `sum_over_time(aigateway:retries:increase1m${W})`;
const retriesByTeam = `sum by (team) (${retries})`;

test.each<[string, EvaluationOptions, string]>([
  ['total_cost', day, `sum(${spend()})`],
  ['total_cost', byTeam, `sum by (team) (${spend()})`],
  ['total_cost', hourly, 'sum(sum_over_time(aigateway:spend_usd:increase1m[3599999ms]))'],
  ['openai.total_cost', day, `sum(${spend('{provider="openai"}')})`],
  ['provider["self-hosted"].team["a\\"b\\\\c"].total_cost', day, `sum(${spend('{provider="self-hosted", team="a\\"b\\\\c"}')})`],
  ['previous.total_cost', day, `sum(sum_over_time(aigateway:spend_usd:increase1m${W} offset 86400s))`],
  ['total_cost / all.total_cost * 100', byTeam, `((sum by (team) (${spend()}) / on () group_left () sum(${spend()})) * 100)`],
  ['all.total_cost / total_cost', byTeam, `(sum(${spend()}) / on () group_right () sum by (team) (${spend()}))`],
  // with a group-by, a formula of only all. measures sits on the groups they have data for
  ['all.total_cost', day, `sum(${spend()})`],
  ['all.total_cost', byTeam, `(((${spendByTeam()} == bool ignoring () ${spendByTeam()}) * 0) + on () group_left () sum(${spend()}))`],
  ['all.team["a\\"b"].total_cost', byTeam, `(((${spendByTeam('{team="a\\"b"}')} == bool ignoring () ${spendByTeam('{team="a\\"b"}')}) * 0) + on () group_left () sum(${spend('{team="a\\"b"}')}))`],
  [
    'all.total_cost / all.retries',
    byTeam,
    `((((${spendByTeam()} or ${retriesByTeam}) == bool ignoring () (${spendByTeam()} or ${retriesByTeam})) * 0) + on () group_left () (sum(${spend()}) / sum(${retries})))`,
  ],
  ['count_by(model, all.total_cost)', day, `sum ((((${spendBy('model')} == bool ignoring () ${spendBy('model')}) * 0) + on () group_left () sum(${spend()})) > bool 0)`],
  ['all.retries', { ...day, groupBy: ['user'] }, '(vector(0) < 0)'],
  ['failed_inferences', day, `sum(sum_over_time(aigateway:requests:increase1m{status="failure"}${W}))`],
  ['output_tokens', day, `sum(sum_over_time(aigateway:tokens:increase1m{type="output"}${W}))`],
  ['budget_limit', byTeam, `sum by (team) (last_over_time(aigateway:budget_limit_usd${W}))`],
  ['total_cost / days_in_window', day, `(sum(${spend()}) / 1)`],
  ['total_cost / hours_in_window', hourly, '(sum(sum_over_time(aigateway:spend_usd:increase1m[3599999ms])) / 1)'],
  ['total_cost > 100', day, `(sum(${spend()}) > bool 100)`],
  ['-total_cost', day, `-sum(${spend()})`],
  ['Math.round(total_cost)', day, `floor(sum(${spend()}) + 0.5)`],
  ['Math.abs(total_cost)', day, `abs(sum(${spend()}))`],
  ['max_by(model, total_cost)', byTeam, `max by (team) (sum by (team, model) (${spend()}))`],
  ['count_by(user, total_cost)', day, `sum (sum by (user) (sum_over_time(aigateway:spend_usd_by_user:increase1m${W})) > bool 0)`],
  ['retries', { ...day, groupBy: ['user'] }, '(vector(0) < 0)'],
  ['1 + 2 * 3', byTeam, 'vector(7)'],
  ['1 / 0', day, 'vector(Inf)'],
  ['0 / 0 > 1 ? 1 : -1', day, 'vector((-1))'],
])('%s', (formula, options, promql) => {
  expect(compileToPromQL(formula, options)).toEqual({ ok: true, promql });
});

test('query filters restrict every measure, values escaped and regex-quoted', () => {
  const result = compileToPromQL('total_cost', { ...day, filters: { provider: ['open.ai', 'x"y'], team: ['t1'] } });
  expect(result).toEqual({ ok: true, promql: `sum(${spend('{provider=~"open\\\\.ai|x\\"y", team="t1"}')})` });
});

test('a formula too large for one PromQL expression is refused with a diagnostic', () => {
  const nested = 'Math.min('.repeat(12) + 'total_cost' + ', retries)'.repeat(12);
  const result = compileToPromQL(nested, day);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.diagnostics[0].message).toMatch(/too complex/);
});

test('a bad formula gives the checker diagnostics instead of PromQL', () => {
  expect(compileToPromQL('totl_cost', day)).toMatchObject({ ok: false, diagnostics: [{ startColumn: 1, suggestion: 'total_cost' }] });
});

describe('with the tier clock: windows read the coarsest exact tiers (tierPlan.ts)', () => {
  const D = Date.UTC(2026, 10, 30);
  const at = D + (12 * 3600 + 34 * 60 + 56) * 1000;
  const latest = (stepMs: number) => Math.floor((D + 12 * 3_600_000) / stepMs) * stepMs;
  const marks = (stepMs: number) => new Set(Array.from({ length: 300 }, (_, i) => latest(stepMs) - i * stepMs));
  const tiers = { marks: { hour: marks(3_600_000), day: marks(86_400_000) }, firstEvalMs: at, stepMs: 0, count: 1 };
  const part = (i: number, sum: string) => `label_replace(${sum}, "aispend_tier_part", "${i}", "", "")`;
  const threeDays = [
    part(0, 'sum_over_time(aigateway:spend_usd:increase1m{team="t"}[1443999ms] offset 257756s)'),
    part(1, 'sum_over_time(aigateway:spend_usd:increase1h{team="t"}[36000000ms] offset 219896s)'),
    part(2, 'sum_over_time(aigateway:spend_usd:increase1d{team="t"}[172800000ms] offset 2096s)'),
    part(3, 'sum_over_time(aigateway:spend_usd:increase1h{team="t"}[46800000ms] offset 296s)'),
    part(4, 'sum_over_time(aigateway:spend_usd:increase1m{team="t"}[2155999ms])'),
  ].join(' or ');

  test.each<[string, EvaluationOptions, string]>([
    // 12:34:56 − 3 d … 12:59 by minutes, 14:00 … 23:00 marks, two midnights, 00:00 … 12:00 marks, 11:59 … 12:34:56 by minutes
    ['team["t"].total_cost', { mode: 'instant', windowSeconds: 3 * 86400, groupBy: [], tiers }, `sum(${threeDays})`],
    ['team["t"].total_cost', { mode: 'instant', windowSeconds: 3 * 86400, groupBy: ['model'], tiers }, `sum by (model) (${threeDays})`],
    // gauges keep the last value of the one-minute series; the last hour has no closed bucket
    ['budget_limit', { mode: 'instant', windowSeconds: 3 * 86400, groupBy: [], tiers }, 'sum(last_over_time(aigateway:budget_limit_usd[259199999ms]))'],
    ['total_cost', { mode: 'instant', windowSeconds: 3600, groupBy: [], tiers }, 'sum(sum_over_time(aigateway:spend_usd:increase1m[3599999ms]))'],
  ])('%s %#', (formula, options, promql) => {
    expect(compileToPromQL(formula, options)).toEqual({ ok: true, promql });
  });

  test('without marks the text is the one-minute tier\'s, as before tiers existed', () => {
    const none = { ...tiers, marks: { hour: new Set<number>(), day: new Set<number>() } };
    expect(compileToPromQL('total_cost', { ...day, tiers: none })).toEqual(compileToPromQL('total_cost', day));
  });
});
