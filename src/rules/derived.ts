/**
 * Rules over the canonical series that are the same for every profile: the seed's
 * Appendix A series (exact names) and the budget alerts at 80 % / 95 % utilization and on
 * exhaustion within 15 days (budget PromQL and alert policy from src/budgets).
 */
import { BUDGET_ALERT_POLICY, BUDGET_OWNER_TEMPLATE } from '../budgets/budgetAlertPolicy';
import { BURN_WINDOW_DAYS, teamDaysToExhaustion, teamUtilizationRatioExpr } from '../budgets/budgetQueries';
import { APPENDIX_A, FAMILIES, TOKEN_TYPE_LABEL } from '../engine/conventions';
import { RecordingRule } from './profile';

const total = (series: string, window: string, matchers = '') => `sum_over_time(${series}${matchers}[${window}])`;

const spend = FAMILIES.spend.series;
const requests = FAMILIES.requests.series;
const tokens = FAMILIES.tokens.series;

export function appendixARules(): RecordingRule[] {
  return [
    { record: APPENDIX_A.costPerRequest1h, expr: `sum(${total(spend, '1h')}) / sum(${total(requests, '1h')})` },
    {
      record: APPENDIX_A.costPer1kTokens1h,
      expr: `sum(${total(spend, '1h')}) / (sum(${total(tokens, '1h')}) / 1000)`,
    },
    // the tightest of a team's budgets (one per period); +Inf limits are no budget
    { record: APPENDIX_A.budgetUtilizationTeam, expr: teamUtilizationRatioExpr() },
    { record: APPENDIX_A.dailySpendModel, expr: `sum by (model) (${total(spend, '24h')})` },
    {
      record: APPENDIX_A.cacheHitRate1h,
      expr: `sum(${total(FAMILIES.cache_hits.series, '1h')}) / sum(${total(requests, '1h')})`,
    },
    {
      record: APPENDIX_A.tokenRatio1h,
      expr:
        `sum(${total(tokens, '1h', `{${TOKEN_TYPE_LABEL}="output"}`)})` +
        ` / sum(${total(tokens, '1h', `{${TOKEN_TYPE_LABEL}="input"}`)})`,
    },
  ];
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export const BUDGET_ALERTS = {
  warning: 'AISpendBudgetWarning',
  critical: 'AISpendBudgetCritical',
  exhaustion: 'AISpendBudgetExhaustionSoon',
} as const;

/**
 * Warning and critical are not exclusive: a team above 95 % fires both, so routing can send
 * critical to a pager and warning to a channel, and Alertmanager's inhibition
 * (provisioning/alertmanager/aispend.yml) mutes the warning. `for:` durations: see budgetAlertPolicy.ts.
 *
 * Critical comes first: Prometheus sends a group's alerts in rule order, and a restarted
 * Alertmanager notifies an alert that has fired longer than group_wait at once, so a warning that
 * arrived before its critical would be notified before there is anything to inhibit it (seen in
 * tests/integration/alertmanager.test.ts with the warning listed first).
 */
export function budgetAlertRules(): AlertingRule[] {
  const { warning, critical, exhaustion } = BUDGET_ALERT_POLICY;
  const level = (name: 'warning' | 'critical', percent: number, pendingFor: string): AlertingRule => ({
    alert: BUDGET_ALERTS[name],
    expr: `${APPENDIX_A.budgetUtilizationTeam} >= ${percent / 100}`,
    for: pendingFor,
    labels: { severity: name },
    annotations: {
      summary: `Budget of ${BUDGET_OWNER_TEMPLATE} is {{ $value | humanizePercentage }} used (${name} at ${percent} %)`,
      description: 'Spend in the current budget period has reached {{ $value | humanizePercentage }} of the limit (the tightest budget of the team).',
    },
  });
  return [
    level('critical', critical.percent, critical.for),
    level('warning', warning.percent, warning.for),
    {
      alert: BUDGET_ALERTS.exhaustion,
      expr: `${teamDaysToExhaustion()} < ${exhaustion.days}`,
      for: exhaustion.for,
      labels: { severity: 'warning' },
      annotations: {
        summary: `Budget of ${BUDGET_OWNER_TEMPLATE} runs out in {{ printf "%.1f" $value }} days at the ${BURN_WINDOW_DAYS}-day burn rate (alert below ${exhaustion.days})`,
        description:
          `What remains of the budget divided by the average daily spend of the last ${BURN_WINDOW_DAYS} days. ` +
          'A reset at the end of the period is not taken into account: see the projected period-end spend on the Budgets page.',
      },
    },
  ];
}
