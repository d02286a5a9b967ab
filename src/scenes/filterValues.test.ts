import type { VariableValue } from '@grafana/scenes';
import type { Filters } from '../engine/language';
import { filtersFromVariableValues, FilterLabel } from './filterValues';

test.each<[string, Partial<Record<FilterLabel, VariableValue | null | undefined>>, Filters]>([
  ['no variables', {}, {}],
  ['All is no filter', { provider: '$__all', model: ['$__all'], team: ['a', '$__all'] }, {}],
  ['"" before the options load is no filter', { provider: '', team: [''] }, {}],
  ['nothing selected is no filter', { model: [], team: null }, {}],
  ['one value', { team: 'data-science' }, { team: ['data-science'] }],
  ['several values, in order', { model: ['gpt-4o', 'claude-opus-4'] }, { model: ['gpt-4o', 'claude-opus-4'] }],
  ['each label on its own', { provider: 'openai', model: ['$__all'], team: ['a"b'] }, { provider: ['openai'], team: ['a"b'] }],
  ['numbers become text', { team: 42 }, { team: ['42'] }],
])('filtersFromVariableValues: %s', (_name, values, expected) => {
  expect(filtersFromVariableValues(values)).toEqual(expected);
});
