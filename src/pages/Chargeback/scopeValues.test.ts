import type { ChargebackScope } from '../../chargeback/types';
import { matchingValues, scopeOf, scopeValue } from './scopeValues';

test.each<[string, string[], string, string[]]>([
  [
    'everything for nothing typed, sorted, once each',
    ['research', 'data-science', 'research', 'ML'],
    '',
    ['data-science', 'ML', 'research'],
  ],
  ['what contains the typed text, any case', ['research', 'data-science', 'ML'], 'Sc', ['data-science']],
  ['never the empty value (Unallocated is no team to pick)', ['', 'a'], '', ['a']],
])('matchingValues: %s', (_name, values, typed, expected) => {
  expect(matchingValues(values, typed)).toEqual(expected);
});

test.each<[ChargebackScope, string]>([
  [{ kind: 'all' }, ''],
  [{ kind: 'team', team: 'research' }, 'research'],
  [{ kind: 'api_key', apiKey: 'sk-1' }, 'sk-1'],
])('scopeValue(%j) = %s and back', (scope, value) => {
  expect(scopeValue(scope)).toBe(value);
  if (scope.kind !== 'all') {
    expect(scopeOf(scope.kind, value)).toEqual(scope);
  }
});
