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
