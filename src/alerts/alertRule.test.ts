/** @jest-environment node */
import { findStandardKpi } from '../engine/catalog';
import { AlertRuleError, buildKpiAlertRule, EXPRESSION_DATASOURCE_UID } from './alertRule';

const base = { windowSeconds: 86400, prometheusUid: 'aispend-prometheus', folderUid: 'aispend', ruleGroup: 'aispend-kpis' };

test('a KPI threshold by team becomes query, reduce and threshold in the provisioning API shape', () => {
  const rule = buildKpiAlertRule({ ...base, kpi: findStandardKpi('cost_per_inference')!, threshold: 0.05, groupBy: 'team', severity: 'critical' });
  expect(rule).toMatchObject({
    title: 'Cost per inference above 0.05 USD',
    ruleGroup: 'aispend-kpis',
    folderUID: 'aispend',
    condition: 'C',
    for: '5m',
    noDataState: 'OK',
    execErrState: 'Error',
    labels: { aispend_kpi: 'cost_per_inference', severity: 'critical' },
    isPaused: false,
  });
  expect(rule.data.map((d) => [d.refId, d.datasourceUid, d.model.type ?? 'prometheus'])).toEqual([
    ['A', 'aispend-prometheus', 'prometheus'],
    ['B', EXPRESSION_DATASOURCE_UID, 'reduce'],
    ['C', EXPRESSION_DATASOURCE_UID, 'threshold'],
  ]);
  expect(rule.data[0].model).toMatchObject({
    expr: '(sum by (team) (sum_over_time(aigateway:spend_usd:increase1m[86399999ms])) / ignoring () sum by (team) (sum_over_time(aigateway:requests:increase1m[86399999ms])))',
    instant: true,
  });
  expect(rule.data[1].model).toMatchObject({ expression: 'A', reducer: 'last' });
  expect(rule.data[2].model).toMatchObject({ expression: 'B', conditions: [{ evaluator: { type: 'gt', params: [0.05] } }] });
  expect(rule.annotations.summary).toBe('Cost per inference for team {{ $labels.team }} is {{ humanize $values.B.Value }} USD (above 0.05 USD)');
  // every refId a step reads exists before it
  const seen = new Set<string>();
  for (const step of rule.data) {
    if (step.model.expression) {
      expect(seen.has(step.model.expression as string)).toBe(true);
    }
    seen.add(step.refId);
  }
  expect(seen.has(rule.condition)).toBe(true);
});

test('"below" thresholds use lt, for KPIs where low is bad', () => {
  const rule = buildKpiAlertRule({ ...base, kpi: findStandardKpi('cache_hit_rate')!, threshold: 10, when: 'below' });
  expect(rule.title).toBe('Cache hit rate below 10 %');
  expect(rule.data[2].model.conditions).toEqual([{ evaluator: { type: 'lt', params: [10] } }]);
  expect(rule.labels.severity).toBe('warning');
});

test.each([
  [{ id: 'broken', name: 'Broken', formula: 'totl_cost', unit: 'USD' }, 1, 'KPI "broken": unknown measure `totl_cost` — did you mean `total_cost`? (column 1)'],
  [{ id: 'x', name: 'X', formula: 'total_cost', unit: 'USD' }, Number.NaN, 'The threshold must be a number'],
])('a bad KPI or threshold is refused with a message (%#)', (kpi, threshold, message) => {
  expect(() => buildKpiAlertRule({ ...base, kpi, threshold })).toThrow(new AlertRuleError(message));
});
