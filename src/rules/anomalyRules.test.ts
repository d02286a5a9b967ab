/** @jest-environment node */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { getProfile, PROFILE_IDS, profileRuleGroups, profileRulesPath } from '.';
import { anomalyRuleGroups, SPEND_ANOMALY_ALERT, spendAnomalyAlert } from './anomalyRules';

const ROOT = path.resolve(__dirname, '../..');
const D = 'aigateway:spend_daily:model_team';
const BASELINE = `${D}[2591999999ms:1d] offset 1d`;

test('the daily rate and its 30-day baseline, in two groups (backfill reads one group at a time)', () => {
  const [daily, baselines] = anomalyRuleGroups();
  expect(daily).toEqual({
    name: 'aispend-analysis-daily',
    interval: '1m',
    rules: [{ record: D, expr: 'sum by (provider, model, team) (sum_over_time(aigateway:spend_usd:increase1m[86399999ms]))' }],
  });
  expect(baselines.name).toBe('aispend-analysis-baselines');
  expect(baselines.rules.map((r) => ('record' in r ? [r.record, r.expr] : [r.alert, r.expr]))).toEqual([
    [`${D}:avg_over_time30d`, `avg_over_time(${BASELINE})`],
    [`${D}:stddev_over_time30d`, `stddev_over_time(${BASELINE})`],
    [`${D}:count_over_time30d`, `count_over_time(${BASELINE})`],
    [
      SPEND_ANOMALY_ALERT,
      `100 * (${D} - ${D}:avg_over_time30d) / ${D}:avg_over_time30d and abs(${D} - ${D}:avg_over_time30d) > 3 * ${D}:stddev_over_time30d + 1e-9 * ${D}:avg_over_time30d and ${D}:count_over_time30d >= 7`,
    ],
  ]);
});

test('the alert states its threshold', () => {
  expect(spendAnomalyAlert(4).expr).toContain(' > 4 * ');
  expect(spendAnomalyAlert(4).annotations.description).toContain('more than 4 standard deviations');
});

test.each(PROFILE_IDS)('profile %s: the analysis groups after the tiers and Appendix A, before the budget alerts, in the committed file too', (id) => {
  const groups = profileRuleGroups(getProfile(id));
  expect(groups.map((g) => g.name).slice(3)).toEqual([
    'aispend-appendix-a',
    'aispend-analysis-daily',
    'aispend-analysis-baselines',
    'aispend-unpriced-usage',
    'aispend-budget-alerts',
  ]);
  const committed = parse(fs.readFileSync(path.join(ROOT, profileRulesPath(id)), 'utf8')).groups;
  expect(committed.filter((g: { name: string }) => g.name.startsWith('aispend-analysis-'))).toEqual(anomalyRuleGroups());
});

test('promtool: a firing anomaly, a normal day, zero variance, too short a baseline', () => {
  execFileSync('promtool', ['test', 'rules', path.join(ROOT, 'provisioning/prometheus/tests/analysis.test.yaml')], { stdio: 'pipe' });
});
