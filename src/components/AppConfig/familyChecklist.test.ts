/** @jest-environment node */
import { FAMILIES, FamilyId } from '../../engine/conventions';
import { getProfile } from '../../rules/registry';
import type { ProfileId } from '../../rules/profile';
import { checklistSummary, familyChecklist, FamilyStatus, measuresOf } from './familyChecklist';

const ALL = Object.values(FAMILIES).map((f) => f.series);
const without = (...ids: FamilyId[]) => new Set(ALL.filter((s) => !ids.some((id) => FAMILIES[id].series === s)));
const statuses = (found: Set<string>, profile: ProfileId) =>
  Object.fromEntries(familyChecklist(found, getProfile(profile)).map((r) => [r.family.id, r.status]));

test.each<[string, ProfileId, Set<string>, Partial<Record<FamilyId, FamilyStatus>>, string]>([
  ['seed: everything loaded', 'seed', new Set(ALL), {}, '9 of 9 families present'],
  ['litellm: no retry counter', 'litellm', without('retries'), { retries: 'expected-missing' }, '8 of 9 families present, 1 absent as the profile expects'],
  [
    'litellm: budgets not exported either',
    'litellm',
    without('retries', 'budget_limit', 'budget_spend'),
    { retries: 'expected-missing', budget_limit: 'missing', budget_spend: 'missing' },
    '6 of 9 families present, 1 absent as the profile expects, 2 missing',
  ],
  [
    'otel: only spend, requests and tokens exist',
    'otel',
    without('cache_hits', 'retries', 'fallbacks', 'spend_by_user', 'budget_limit', 'budget_spend'),
    {
      cache_hits: 'expected-missing',
      retries: 'expected-missing',
      fallbacks: 'expected-missing',
      spend_by_user: 'expected-missing',
      budget_limit: 'expected-missing',
      budget_spend: 'expected-missing',
    },
    '3 of 9 families present, 6 absent as the profile expects',
  ],
  [
    'rules not loaded: other metric names only',
    'seed',
    new Set(['up', 'litellm_spend_total']),
    Object.fromEntries(Object.keys(FAMILIES).map((id) => [id, 'missing'])),
    '0 of 9 families present, 9 missing',
  ],
])('checklist: %s', (_, profile, found, absent, summary) => {
  const expected = Object.fromEntries(Object.keys(FAMILIES).map((id) => [id, absent[id as FamilyId] ?? 'present']));
  expect(statuses(found, profile)).toEqual(expected);
  expect(checklistSummary(familyChecklist(found, getProfile(profile)))).toBe(summary);
});

test('absent families say why and what to do', () => {
  const rows = familyChecklist(without('retries', 'budget_limit'), getProfile('litellm'));
  const byId = Object.fromEntries(rows.map((r) => [r.family.id, r]));
  expect(byId.retries.note).toBe(
    'Expected for the litellm profile: its source does not export retries, so KPIs that use retries show "—" (missing), never 0.'
  );
  expect(byId.budget_limit.note).toBe(
    'No series: load provisioning/prometheus/rules/litellm.rules.yaml into this Prometheus, or check that the gateway exports this data.'
  );
  expect(byId.spend.note).toBeUndefined();
});

test.each<[FamilyId, string[]]>([
  ['spend', ['total_cost']],
  ['requests', ['total_inferences', 'failed_inferences']],
  ['tokens', ['input_tokens', 'output_tokens', 'total_tokens']],
  ['spend_by_user', ['total_cost by user / api_key']],
  ['budget_spend', ['budget_spend']],
])('what the %s family is for: KPI measures %j', (id, measures) => {
  expect(measuresOf(id)).toEqual(measures);
});

test('each row says what its family is for', () => {
  const spend = familyChecklist(new Set(ALL), getProfile('seed')).find((r) => r.family.id === 'spend');
  expect(spend?.usedFor).toBe('spend in USD; KPI measures: total_cost');
});
