/**
 * Rules over the canonical series that are the same for every profile: the seed's
 * Appendix A series (exact names) and the budget alerts at 80 % / 95 % utilization.
 */
import {
  APPENDIX_A,
  BUDGET_CRITICAL_PERCENT,
  BUDGET_WARNING_PERCENT,
  FAMILIES,
  TOKEN_TYPE_LABEL,
} from '../engine/conventions';
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
    {
      record: APPENDIX_A.budgetUtilizationTeam,
      expr: `sum by (team) (${FAMILIES.budget_spend.series}) / sum by (team) (${FAMILIES.budget_limit.series})`,
    },
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

const utilization = `100 * ${APPENDIX_A.budgetUtilizationTeam}`;

export function budgetAlertRules(): AlertingRule[] {
  const annotations = (level: string) => ({
    summary: `Budget of team "{{ $labels.team }}" is {{ printf "%.1f" $value }} % used (${level})`,
    description:
      'Spend in the current budget period has reached {{ printf "%.1f" $value }} % of the limit. ' +
      'Team "" is the global budget.',
  });
  return [
    {
      alert: 'AISpendBudgetWarning',
      expr: `${utilization} >= ${BUDGET_WARNING_PERCENT} < ${BUDGET_CRITICAL_PERCENT}`,
      for: '5m',
      labels: { severity: 'warning' },
      annotations: annotations(`warning at ${BUDGET_WARNING_PERCENT} %`),
    },
    {
      alert: 'AISpendBudgetCritical',
      expr: `${utilization} >= ${BUDGET_CRITICAL_PERCENT}`,
      for: '5m',
      labels: { severity: 'critical' },
      annotations: annotations(`critical at ${BUDGET_CRITICAL_PERCENT} %`),
    },
  ];
}
