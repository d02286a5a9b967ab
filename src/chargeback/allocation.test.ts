import { allocate, describeRule } from './allocation';
import type { AllocationRule } from './types';

const spend = (entries: Record<string, number>) => new Map(Object.entries(entries));
const charged = (rule: AllocationRule, entries: Record<string, number>) =>
  Object.fromEntries([...allocate(spend(entries), rule).teams].map(([team, t]) => [team, [t.recorded, t.allocated]]));

test.each<[AllocationRule, Record<string, number>, Record<string, [number, number]>]>([
  ['unallocated', { a: 60, b: 30, '': 10 }, { a: [60, 0], b: [30, 0], '': [10, 0] }],
  ['proportional', { a: 60, b: 30, '': 10 }, { a: [60, 20 / 3], b: [30, 10 / 3], '': [10, -10] }],
  ['proportional', { a: 60, b: 0, '': 12 }, { a: [60, 12], b: [0, 0], '': [12, -12] }],
  [{ team: 'b' }, { a: 60, b: 30, '': 10 }, { a: [60, 0], b: [30, 10], '': [10, -10] }],
  [{ team: 'new' }, { a: 60, '': 10 }, { a: [60, 0], new: [0, 10], '': [10, -10] }],
  ['proportional', { a: 60, b: 30 }, { a: [60, 0], b: [30, 0] }],
  ['proportional', { '': 10 }, { '': [10, 0] }],
])('%j on %j', (rule, recorded, expected) => {
  const result = charged(rule, recorded);
  expect(Object.keys(result).sort()).toEqual(Object.keys(expected).sort());
  for (const [team, [r, a]] of Object.entries(expected)) {
    expect(result[team][0]).toBe(r);
    expect(result[team][1]).toBeCloseTo(a, 12);
  }
  // a redistribution: the total stays
  const sum = (m: Record<string, number[]>) => Object.values(m).reduce((s, [x, y]) => s + x + y, 0);
  expect(sum(result)).toBeCloseTo(Object.values(recorded).reduce((s, x) => s + x, 0), 9);
});

test.each<[AllocationRule, Record<string, number>, number, string | undefined]>([
  ['unallocated', { a: 1, '': 2 }, 2, undefined],
  ['proportional', { a: 1, '': 2 }, 2, undefined],
  ['proportional', { '': 2 }, 2, 'no team has spend in the period: the spend without a team stays Unallocated'],
  [{ team: 'x' }, { a: 1, '': 2 }, 2, 'team x has no spend of its own in the period'],
  [{ team: 'x' }, { a: 1 }, 0, undefined],
])('%j on %j: %i unallocated, note %s', (rule, recorded, unallocated, note) => {
  const result = allocate(spend(recorded), rule);
  expect([result.unallocated, result.note]).toEqual([unallocated, note]);
});

test.each<[AllocationRule, string]>([
  ['unallocated', 'kept as Unallocated'],
  ['proportional', 'proportional to team spend'],
  [{ team: 'platform' }, 'charged to team platform'],
])('%j is %s', (rule, text) => {
  expect(describeRule(rule)).toBe(text);
});
