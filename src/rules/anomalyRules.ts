/**
 * Rules of the Forecasts & anomalies page, the same for every profile (they read canonical series):
 * the daily spend rate by provider, model and team, its 30-day baseline, and the spend anomaly alert
 * at the default threshold. The page and the alert then read four recorded series instead of
 * summing 30 days of per-minute samples on every refresh.
 */
import { deviationPercentPromQL } from '../analysis/anomalies';
import { ANALYSIS_SERIES, ANOMALY_BASELINE_DAYS, BASE_LABELS, DEFAULT_ANOMALY_SIGMA } from '../engine/conventions';
import type { Expr } from '../engine/language';
import { compileIR } from '../engine/language/compile';
import type { AlertingRule } from './derived';
import { RULE_INTERVAL, RecordingRule } from './profile';
import type { RuleGroup } from './ruleGroup';

export const SPEND_ANOMALY_ALERT = 'AISpendSpendAnomaly';

const DAY_SECONDS = 86400;
const TOTAL_COST: Expr = { kind: 'measure', measure: 'total_cost', scope: {} };

/** Spend over the trailing 24 h, compiled like the KPI `total_cost` over one day by provider, model, team. */
export function spendDailyRule(): RecordingRule {
  return {
    record: ANALYSIS_SERIES.spendDaily,
    expr: compileIR(TOTAL_COST, { mode: 'instant', windowSeconds: DAY_SECONDS, groupBy: [...BASE_LABELS] }),
  };
}

/**
 * `fn` over the daily rate at the 30 UTC midnights M with now − 31 d < M ≤ now − 1 d: the subquery
 * steps are aligned to whole days, `offset 1d` keeps every baseline day out of the current 24 h, and
 * the range stops 1 ms short because Prometheus 2 ranges include both ends (31 points otherwise).
 */
function overBaseline(fn: string): string {
  const range = `${ANOMALY_BASELINE_DAYS * DAY_SECONDS * 1000 - 1}ms`;
  return `${fn}(${ANALYSIS_SERIES.spendDaily}[${range}:1d] offset 1d)`;
}

export function baselineRules(): RecordingRule[] {
  return [
    { record: ANALYSIS_SERIES.spendDailyAvg30d, expr: overBaseline('avg_over_time') },
    { record: ANALYSIS_SERIES.spendDailyStddev30d, expr: overBaseline('stddev_over_time') },
    { record: ANALYSIS_SERIES.spendDailyCount30d, expr: overBaseline('count_over_time') },
  ];
}

export function spendAnomalyAlert(sigma = DEFAULT_ANOMALY_SIGMA): AlertingRule {
  return {
    alert: SPEND_ANOMALY_ALERT,
    expr: deviationPercentPromQL(sigma),
    for: '5m',
    labels: { severity: 'warning' },
    annotations: {
      summary:
        'Spend of model "{{ $labels.model }}", team "{{ $labels.team }}" is {{ printf "%+.1f" $value }} % off its ' +
        `${ANOMALY_BASELINE_DAYS}-day baseline`,
      description:
        `Spend over the last 24 h deviates from the mean of the ${ANOMALY_BASELINE_DAYS} days before by more than ` +
        `${sigma} standard deviations (the app's anomaly threshold can differ; this alert uses the default).`,
    },
  };
}

/**
 * Two groups: backfill (`promtool tsdb create-blocks-from rules`) evaluates a group against what is
 * already stored, so the baselines need the daily rate written by a group before theirs.
 */
export function anomalyRuleGroups(): RuleGroup[] {
  return [
    { name: 'aispend-analysis-daily', interval: RULE_INTERVAL, rules: [spendDailyRule()] },
    { name: 'aispend-analysis-baselines', interval: RULE_INTERVAL, rules: [...baselineRules(), spendAnomalyAlert()] },
  ];
}
