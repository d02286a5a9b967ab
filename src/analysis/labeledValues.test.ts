/** @jest-environment node */
import { fromPromInstant, LabeledValue, promSampleValue, valuesByLabel } from './labeledValues';

test.each([
  ['1.5', 1.5],
  ['+Inf', Infinity],
  ['-Inf', -Infinity],
  ['0', 0],
])('promSampleValue(%p) = %p', (text, value) => {
  expect(promSampleValue(text)).toBe(value);
});

test('NaN stays NaN', () => {
  expect(promSampleValue('NaN')).toBeNaN();
});

test('fromPromInstant keeps labels and parses values', () => {
  expect(fromPromInstant([{ metric: { team: 'a' }, value: [1, '+Inf'] }])).toEqual([{ labels: { team: 'a' }, value: Infinity }]);
});

test.each<[string, LabeledValue[], string, Array<[string, number]>]>([
  ['one per value', [{ labels: { team: 'a' }, value: 1 }, { labels: { team: 'b' }, value: 2 }], 'team', [['a', 1], ['b', 2]]],
  ['absent label is ""', [{ labels: {}, value: 3 }], 'team', [['', 3]]],
  ['same value adds up', [{ labels: { team: 'a', model: 'x' }, value: 1 }, { labels: { team: 'a', model: 'y' }, value: 2 }], 'team', [['a', 3]]],
  ['__proto__ is a key like any other', [{ labels: { team: '__proto__' }, value: 1 }], 'team', [['__proto__', 1]]],
])('valuesByLabel: %s', (_name, values, label, expected) => {
  expect([...valuesByLabel(values, label)]).toEqual(expected);
});
