/**
 * @jest-environment node
 */
import { ALERT_FOLDER_UID, ALERT_KPI_RULE_GROUP } from '../../../constants';
import { findStandardKpi } from '../../../engine/catalog';
import { buildKpiAlert, defaultAlertForm, describeFilters, kpiAlertRuleUid, type KpiAlertForm } from './kpiAlert';

const kpi = (id: string) => findStandardKpi(id)!;

test.each<[string, Partial<KpiAlertForm>]>([
  ['cost_per_inference', { threshold: '0.01', when: 'above' }],
  ['cache_hit_rate', { threshold: '10', when: 'below' }],
  ['total_spend', { threshold: '', when: 'above' }],
  ['budget_utilization', { threshold: '70', when: 'above', groupBy: 'team' }],
])('default form of %s: alert as it gets worse, from its warning threshold', (id, expected) => {
  expect(defaultAlertForm(kpi(id))).toEqual({
    severity: 'warning',
    window: '1h',
    pendingFor: '5m',
    groupBy: undefined,
    ...expected,
  });
});

const form: KpiAlertForm = { threshold: '0.02', when: 'above', severity: 'critical', window: '1d', pendingFor: '10m' };

test('the rule: the shared builder’s Grafana-managed rule, in the KPI group of the app folder, with a fixed uid', () => {
  const built = buildKpiAlert(kpi('cost_per_inference'), form, 'prom-uid', { provider: ['openai'] });
  expect(built.ok).toBe(true);
  const rule = built.ok ? built.rule : undefined;
  expect(rule).toMatchObject({
    uid: kpiAlertRuleUid('cost_per_inference', form, { provider: ['openai'] }),
    title: 'Cost per inference above 0.02 USD (provider openai)',
    folderUID: ALERT_FOLDER_UID,
    ruleGroup: ALERT_KPI_RULE_GROUP,
    condition: 'C',
    for: '10m',
    labels: { aispend_kpi: 'cost_per_inference', severity: 'critical' },
  });
  expect(rule?.data[0]).toMatchObject({
    refId: 'A',
    datasourceUid: 'prom-uid',
    model: {
      expr: '(sum(sum_over_time(aigateway:spend_usd:increase1m{provider="openai"}[86399999ms])) / sum(sum_over_time(aigateway:requests:increase1m{provider="openai"}[86399999ms])))',
    },
  });
  expect(rule?.data[2].model).toMatchObject({
    type: 'threshold',
    conditions: [{ evaluator: { type: 'gt', params: [0.02] } }],
  });
});

test('uids: stable, at most 40 characters, different per direction / severity / group / filters', () => {
  const uid = kpiAlertRuleUid('a_very_long_custom_kpi_id_that_goes_on_and_on', form);
  expect(uid).toMatch(/^aispend-kpi-[0-9a-f]{8}$/);
  expect(uid.length).toBeLessThanOrEqual(40);
  expect(kpiAlertRuleUid('cost_per_inference', form)).toBe(kpiAlertRuleUid('cost_per_inference', { ...form }));
  const variants = [
    kpiAlertRuleUid('cost_per_inference', form),
    kpiAlertRuleUid('cost_per_inference', { ...form, when: 'below' }),
    kpiAlertRuleUid('cost_per_inference', { ...form, severity: 'warning' }),
    kpiAlertRuleUid('cost_per_inference', { ...form, groupBy: 'team' }),
    kpiAlertRuleUid('cost_per_inference', form, { team: ['ml'] }),
    kpiAlertRuleUid('cache_hit_rate', form),
  ];
  expect(new Set(variants).size).toBe(variants.length);
});

test.each<[string, Partial<KpiAlertForm>, string | undefined, string]>([
  ['no threshold', { threshold: '' }, 'p', 'The threshold must be a number'],
  ['a window that is no duration', { window: 'a day' }, 'p', 'Window "a day" is not a duration like 1h or 1d'],
  [
    'a pending period that is no duration',
    { pendingFor: 'soon' },
    'p',
    'Pending period "soon" is not a duration like 5m',
  ],
  [
    'no Prometheus datasource',
    {},
    undefined,
    'No Prometheus datasource is configured for the KPI datasource: the rule would have nothing to query.',
  ],
])('refused: %s', (_, change, prometheusUid, message) => {
  expect(buildKpiAlert(kpi('total_spend'), { ...form, ...change }, prometheusUid)).toEqual({ ok: false, message });
});

test('describeFilters', () => {
  expect(describeFilters({})).toBe('');
  expect(describeFilters({ provider: ['openai', 'anthropic'], team: ['ml'], model: [] })).toBe(
    'provider openai, anthropic; team ml'
  );
});
