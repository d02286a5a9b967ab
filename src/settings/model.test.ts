import { DEFAULT_APP_SETTINGS, isAllocationRule, withDefaults } from './model';

test.each<[string, unknown, boolean]>([
  ['keep as Unallocated', 'unallocated', true],
  ['spread proportionally', 'proportional', true],
  ['charge to a named team', { team: 'platform' }, true],
  ['a team of no name', { team: '' }, false],
  ['a team that is not text', { team: 7 }, false],
  ['an unknown word', 'split', false],
  ['null', null, false],
  ['missing', undefined, false],
])('isAllocationRule: %s', (_name, value, expected) => {
  expect(isAllocationRule(value)).toBe(expected);
});

test.each<[string, unknown, unknown]>([
  ['never saved: kept as Unallocated', undefined, 'unallocated'],
  ['saved: as saved', { team: 'platform' }, { team: 'platform' }],
  ['hand-edited into nonsense: the default', { team: '' }, 'unallocated'],
])('withDefaults, the chargeback allocation %s', (_name, stored, expected) => {
  const settings = withDefaults({ version: 3, ...(stored === undefined ? {} : { chargebackAllocation: stored as never }) });
  expect(settings.chargebackAllocation).toEqual(expected);
  expect(settings.version).toBe(3);
  expect(settings.customKpis).toEqual(DEFAULT_APP_SETTINGS.customKpis);
});
