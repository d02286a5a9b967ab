/** @jest-environment node */
import fc from 'fast-check';
import { check } from './check';
import { SEED_000_FORMULAS } from '../seedExamples';
import { LIMITS } from './types';

test.each(SEED_000_FORMULAS)('seed formula passes unchanged: %s', (formula) => {
  expect(check(formula)).toMatchObject({ ok: true, diagnostics: [] });
});

test.each([
  ['totl_cost / 2', 'unknown measure `totl_cost` — did you mean `total_cost`?', 1, 9, 'total_cost'],
  ['total_cost / openai.totl_cost', 'unknown measure `totl_cost` — did you mean `total_cost`?', 21, 29, 'total_cost'],
  ['total_cost + Math.rnd(total_cost)', 'unknown function `Math.rnd` — did you mean `Math.round`?', 14, 21, 'Math.round'],
  ['Math.round(total_cost, 2)', 'Math.round takes 1 argument: Math.round(x)', 1, 25, undefined],
  ['max_by(region, total_cost)', 'max_by groups by one of provider, model, team, user, api_key', 8, 13, undefined],
  ['total_cost % 2', 'Unexpected "%"', 12, 12, undefined],
  ['team[1].total_cost', 'team[…] takes a quoted name, e.g. team["name"]', 6, 6, undefined],
  ['openai.provider["x"].total_cost', 'scope `provider` used twice', 1, 20, undefined],
  ['all.all.total_cost', 'scope `all` used twice', 5, 7, undefined],
  ['total_cost total_cost', 'expected an operator between two expressions', 12, 21, undefined],
  ['"abc"', 'unexpected value "abc": strings only name a provider, model or team, as in team["data-science"]', 1, 5, undefined],
  ['# comment only', 'empty formula: write a measure such as total_cost', 1, 1, undefined],
])('%s → %s', (formula, message, startColumn, endColumn, suggestion) => {
  const result = check(formula);
  expect(result.ok).toBe(false);
  expect(result.diagnostics[0]).toMatchObject({ message, startColumn, endColumn, line: 1 });
  expect(result.diagnostics[0].suggestion).toBe(suggestion);
});

test('positions count from the line of a multi-line formula, comments included', () => {
  const result = check('# share of anthropic\nanthropic.total_cost /\n  totl_cost');
  expect(result.diagnostics[0]).toMatchObject({ line: 3, startColumn: 3, endColumn: 11 });
});

test.each([
  ['x'.repeat(LIMITS.maxLength + 1), `formula longer than ${LIMITS.maxLength} characters (${LIMITS.maxLength + 1})`],
  ['('.repeat(70) + 'total_cost' + ')'.repeat(70), `formula nested deeper than ${LIMITS.maxDepth} levels`],
  [Array(201).fill('total_cost').join('+'), `more than ${LIMITS.maxMeasures} measure references`],
])('limits give a diagnostic (%#)', (formula, message) => {
  expect(check(formula).diagnostics[0].message).toBe(message);
});

test('every scope form and construct of the language is accepted', () => {
  const formula = [
    '# all of it',
    'provider["self-hosted"].total_cost + model["gpt-4o"].team["data-science"].previous.input_tokens',
    '+ all.openai.output_tokens - -cache_hits * retries / fallbacks',
    '+ (budget_limit >= budget_spend && !(failed_inferences == 0) || total_tokens != 1e6 ? 1 : 0.5)',
    '+ Math.round(hours_in_window) + Math.floor(1) + Math.ceil(1) + Math.abs(-1) + Math.min(1, 2, 3) + Math.max(total_cost, 1)',
    '+ max_by(model, total_cost) + min_by(team, total_cost) + count_by(api_key, total_cost) + count_by(user, total_cost)',
  ].join('\n');
  expect(check(formula)).toMatchObject({ ok: true });
});

test('check never throws, whatever the input', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      const result = check(text);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) {
        expect(result.diagnostics[0].startColumn).toBeGreaterThanOrEqual(1);
      }
    }),
    { numRuns: 3000 }
  );
});
