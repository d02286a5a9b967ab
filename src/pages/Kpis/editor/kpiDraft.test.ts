/**
 * @jest-environment node
 */
import {
  draftToSetting,
  EMPTY_DRAFT,
  idFromName,
  renamed,
  settingToDraft,
  validateDraft,
  type KpiDraft,
} from './kpiDraft';

test.each<[string, string[], string]>([
  ['Anthropic share', [], 'anthropic_share'],
  ['  Cost / 1M output tokens  ', [], 'cost_1m_output_tokens'],
  ['Coût par requête', [], 'cout_par_requete'],
  ['95th percentile spend', [], 'kpi_95th_percentile_spend'],
  ['Anthropic share', ['anthropic_share'], 'anthropic_share_2'],
  ['Anthropic share', ['anthropic_share', 'anthropic_share_2'], 'anthropic_share_3'],
  // a standard KPI's id is taken too
  ['Total spend', [], 'total_spend_2'],
  ['!!!', [], ''],
  ['', [], ''],
])('idFromName(%p, taken %p) = %p', (name, taken, id) => {
  expect(idFromName(name, new Set(taken))).toBe(id);
});

test('ids are at most 64 characters, suffix included', () => {
  const long = 'a'.repeat(80);
  expect(idFromName(long, new Set())).toBe('a'.repeat(64));
  expect(idFromName(long, new Set(['a'.repeat(64)]))).toBe(`${'a'.repeat(62)}_2`);
});

const valid: KpiDraft = {
  ...EMPTY_DRAFT,
  name: 'Anthropic share',
  id: 'anthropic_share',
  formula: 'anthropic.total_cost / total_cost * 100',
  unit: '%',
  decimals: '1',
};

test.each<[string, Partial<KpiDraft>, Record<string, string>]>([
  ['a valid draft', {}, {}],
  ['no name', { name: '  ' }, { name: 'A name is required' }],
  ['no id', { id: '' }, { id: 'An id is required' }],
  [
    'an id with capitals',
    { id: 'Anthropic' },
    { id: 'Lower-case letters, digits and _, starting with a letter, at most 64 characters' },
  ],
  ['a standard id', { id: 'total_spend' }, { id: '"total_spend" is a standard KPI\'s id' }],
  ['a duplicate id', { id: 'team_share' }, { id: 'A custom KPI with the id "team_share" already exists' }],
  ['no formula', { formula: ' ' }, { formula: 'A formula is required' }],
  [
    'a formula with one problem',
    { formula: 'total_cost / totl_cost' },
    { formula: 'The formula has a problem: fix it to save' },
  ],
  ['decimals not whole', { decimals: '1.5' }, { decimals: 'A whole number from 0 to 10' }],
  ['decimals above 10', { decimals: '11' }, { decimals: 'A whole number from 0 to 10' }],
  ['empty decimals', { decimals: '' }, { decimals: 'A whole number from 0 to 10' }],
  [
    'a threshold without a number',
    { thresholds: [{ value: '', state: 'warning' }] },
    { thresholds: 'Every threshold needs a number' },
  ],
  [
    'two thresholds at one value',
    {
      thresholds: [
        { value: '5', state: 'warning' },
        { value: '5.0', state: 'critical' },
      ],
    },
    { thresholds: 'Two thresholds have the same value' },
  ],
])('validateDraft: %s', (_, change, errors) => {
  const result = validateDraft({ ...valid, ...change }, { customIds: ['team_share'] });
  expect(result.errors).toEqual(errors);
  expect(result.ok).toBe(Object.keys(errors).length === 0);
});

test("the formula's diagnostics come with their columns", () => {
  const { diagnostics } = validateDraft({ ...valid, formula: 'total_cost / totl_cost' }, { customIds: [] });
  expect(diagnostics).toEqual([
    expect.objectContaining({
      startColumn: 14,
      endColumn: 22,
      message: 'unknown measure `totl_cost` — did you mean `total_cost`?',
    }),
  ]);
});

test('an edited KPI keeps its own id', () => {
  expect(validateDraft({ ...valid, id: 'team_share' }, { customIds: ['team_share'], editingId: 'team_share' }).ok).toBe(
    true
  );
});

test('the saved form: trimmed, numbers, thresholds ascending; and back', () => {
  const draft: KpiDraft = {
    ...valid,
    name: ' Anthropic share ',
    description: ' Share of Anthropic ',
    direction: 'lower-is-better',
    thresholds: [
      { value: '80', state: 'critical' },
      { value: '50', state: 'warning' },
    ],
  };
  const setting = draftToSetting(draft);
  expect(setting).toEqual({
    id: 'anthropic_share',
    name: 'Anthropic share',
    formula: 'anthropic.total_cost / total_cost * 100',
    unit: '%',
    decimals: 1,
    direction: 'lower-is-better',
    thresholds: [
      { value: 50, state: 'warning' },
      { value: 80, state: 'critical' },
    ],
    description: 'Share of Anthropic',
  });
  expect(settingToDraft(setting)).toEqual({
    ...draft,
    name: 'Anthropic share',
    description: 'Share of Anthropic',
    idFromName: false,
    thresholds: [
      { value: '50', state: 'warning' },
      { value: '80', state: 'critical' },
    ],
  });
});

test('the id follows the name until the user types one', () => {
  const named = renamed(EMPTY_DRAFT, 'Cache share', new Set());
  expect(named.id).toBe('cache_share');
  const own = { ...named, id: 'mine', idFromName: false };
  expect(renamed(own, 'Cache share 2', new Set()).id).toBe('mine');
});
