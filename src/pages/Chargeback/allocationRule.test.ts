import type { AllocationRule } from '../../chargeback/types';
import { AllocationChoice, choiceOf, ruleOf, ruleSentence, sameRule } from './allocationRule';

test.each<[AllocationRule, AllocationChoice]>([
  ['unallocated', 'unallocated'],
  ['proportional', 'proportional'],
  [{ team: 'platform' }, 'team'],
])('choiceOf(%j) = %s', (rule, choice) => {
  expect(choiceOf(rule)).toBe(choice);
});

test.each<[AllocationChoice, string | undefined, AllocationRule | undefined]>([
  ['unallocated', 'ignored', 'unallocated'],
  ['proportional', undefined, 'proportional'],
  ['team', ' platform ', { team: 'platform' }],
  ['team', '   ', undefined],
  ['team', undefined, undefined],
])('ruleOf(%s, %j) = %j', (choice, team, rule) => {
  expect(ruleOf(choice, team)).toEqual(rule);
});

test.each<[AllocationRule | undefined, AllocationRule | undefined, boolean]>([
  ['unallocated', 'unallocated', true],
  ['unallocated', 'proportional', false],
  [{ team: 'a' }, { team: 'a' }, true],
  [{ team: 'a' }, { team: 'b' }, false],
  [undefined, 'unallocated', false],
])('sameRule(%j, %j) = %s', (a, b, same) => {
  expect(sameRule(a, b)).toBe(same);
});

test.each<[AllocationRule, string]>([
  ['unallocated', 'Spend without a team: kept as Unallocated.'],
  ['proportional', 'Spend without a team: proportional to team spend.'],
  [{ team: 'platform' }, 'Spend without a team: charged to team platform.'],
])('ruleSentence(%j)', (rule, text) => {
  expect(ruleSentence(rule)).toBe(text);
});
