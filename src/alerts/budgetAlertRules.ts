/**
 * The Grafana-managed budget alert rules: one rule group in the app's folder with a warning and
 * a critical rule on utilization per team (the warning only below the critical threshold, so that
 * a team above it gets one alert, not two) and a rule for exhaustion within 15 days. The Budgets
 * page posts this group through the provisioning API and the same group, serialized by
 * alertRuleFile.ts, is file-provisioned for `npm run server`: one builder for both.
 * Fixed rule uids make create-or-update idempotent.
 */
import { ALERT_FOLDER_TITLE, ALERT_FOLDER_UID, ALERT_RULE_GROUP, PLUGIN_BASE_URL, ROUTES } from '../constants';
import { BUDGET_ALERT_POLICY, BUDGET_OWNER_TEMPLATE } from '../budgets/budgetAlertPolicy';
import { budgetLimit, budgetSpend, BURN_WINDOW_DAYS, ofTightestBudget, teamDaysToExhaustion, teamUtilizationPercent } from '../budgets/budgetQueries';
import { AlertRuleError, expressionStep, ProvisionedAlertRule, prometheusQuery, reduceLastStep } from './alertRule';

export const BUDGET_ALERT_RULE_UIDS = {
  warning: 'aispend-budget-warning',
  critical: 'aispend-budget-critical',
  exhaustion: 'aispend-budget-exhaustion',
} as const;

/** Rule group evaluation interval, as the Prometheus rules (1m). */
export const BUDGET_ALERT_INTERVAL_SECONDS = 60;

export interface BudgetAlertOptions {
  prometheusUid: string;
  /** from the app settings; default 80 / 95 */
  warningPercent?: number;
  criticalPercent?: number;
}

export interface BudgetAlertRuleGroup {
  folderUid: string;
  folderTitle: string;
  name: string;
  intervalSeconds: number;
  rules: Array<ProvisionedAlertRule & { uid: string }>;
}

const BUDGETS_PAGE = `${PLUGIN_BASE_URL}/${ROUTES.Budgets}`;

/** `printf` of an instant query's value for the alert instance, or "unknown" when it has none. */
function valueOf(refId: string, format: string): string {
  return `{{ $v := "unknown" }}{{ range $k, $x := $values }}{{ if eq $k "${refId}" }}{{ $v = printf "${format}" $x.Value }}{{ end }}{{ end }}{{ $v }}`;
}

function annotations(summary: string): Record<string, string> {
  return {
    summary,
    description:
      `Spend ${valueOf('SPEND', '%.2f')} USD of a ${valueOf('LIMIT', '%.2f')} USD limit in the current period; ` +
      `at the ${BURN_WINDOW_DAYS}-day burn rate the budget runs out in ${valueOf('DAYS', '%.1f')} days.`,
    // Grafana's root URL ends with "/"; the link must not have two
    budgets_page: `{{ reReplaceAll "/$" "" externalURL }}${BUDGETS_PAGE}`,
  };
}

interface RuleSpec {
  uid: string;
  title: string;
  measure: string;
  condition: string;
  for: string;
  severity: 'warning' | 'critical';
  summary: string;
}

function budgetRule(spec: RuleSpec, prometheusUid: string): ProvisionedAlertRule & { uid: string } {
  return {
    uid: spec.uid,
    title: spec.title,
    ruleGroup: ALERT_RULE_GROUP,
    folderUID: ALERT_FOLDER_UID,
    condition: 'C',
    data: [
      prometheusQuery('A', spec.measure, prometheusUid),
      reduceLastStep('B', 'A'),
      // math, not a threshold step: ">=" is in every Grafana version's math expressions
      expressionStep('C', { type: 'math', expression: spec.condition }),
      prometheusQuery('SPEND', ofTightestBudget(budgetSpend()), prometheusUid),
      prometheusQuery('LIMIT', ofTightestBudget(budgetLimit()), prometheusUid),
      prometheusQuery('DAYS', teamDaysToExhaustion(), prometheusUid),
    ],
    // no budgets (or no budget series yet) is not an incident
    noDataState: 'OK',
    execErrState: 'Error',
    for: spec.for,
    labels: { severity: spec.severity },
    annotations: annotations(spec.summary),
    isPaused: false,
  };
}

function checkThresholds(warning: number, critical: number): void {
  if (!Number.isFinite(warning) || !Number.isFinite(critical) || warning <= 0 || warning >= critical) {
    throw new AlertRuleError(`Budget thresholds must be numbers with 0 < warning < critical (got ${warning} and ${critical})`);
  }
}

export function budgetAlertRuleGroup(options: BudgetAlertOptions): BudgetAlertRuleGroup {
  const { warning, critical, exhaustion } = BUDGET_ALERT_POLICY;
  const warningPercent = options.warningPercent ?? warning.percent;
  const criticalPercent = options.criticalPercent ?? critical.percent;
  checkThresholds(warningPercent, criticalPercent);
  const used = `Budget of ${BUDGET_OWNER_TEMPLATE} is {{ printf "%.1f" $values.B.Value }} % used`;
  const specs: RuleSpec[] = [
    {
      uid: BUDGET_ALERT_RULE_UIDS.warning,
      title: `AI Spend budget at ${warningPercent} %`,
      measure: teamUtilizationPercent(),
      // exclusive, unlike the Prometheus rules: Grafana-managed alerting has no inhibition before
      // Grafana 13, so above the critical threshold the warning resolves instead of firing too
      condition: `$B >= ${warningPercent} && $B < ${criticalPercent}`,
      for: warning.for,
      severity: 'warning',
      summary: `${used} (warning at ${warningPercent} %)`,
    },
    {
      uid: BUDGET_ALERT_RULE_UIDS.critical,
      title: `AI Spend budget at ${criticalPercent} %`,
      measure: teamUtilizationPercent(),
      condition: `$B >= ${criticalPercent}`,
      for: critical.for,
      severity: 'critical',
      summary: `${used} (critical at ${criticalPercent} %)`,
    },
    {
      uid: BUDGET_ALERT_RULE_UIDS.exhaustion,
      title: `AI Spend budget runs out within ${exhaustion.days} days`,
      measure: teamDaysToExhaustion(),
      condition: `$B < ${exhaustion.days}`,
      for: exhaustion.for,
      severity: 'warning',
      summary: `Budget of ${BUDGET_OWNER_TEMPLATE} runs out in {{ printf "%.1f" $values.B.Value }} days at the ${BURN_WINDOW_DAYS}-day burn rate (alert below ${exhaustion.days})`,
    },
  ];
  return {
    folderUid: ALERT_FOLDER_UID,
    folderTitle: ALERT_FOLDER_TITLE,
    name: ALERT_RULE_GROUP,
    intervalSeconds: BUDGET_ALERT_INTERVAL_SECONDS,
    rules: specs.map((spec) => budgetRule(spec, options.prometheusUid)),
  };
}

/** The body of `PUT /api/v1/provisioning/folder/{folderUid}/rule-groups/{group}` (AlertRuleGroup). */
export function ruleGroupRequestBody(group: BudgetAlertRuleGroup) {
  return { title: group.name, folderUid: group.folderUid, interval: group.intervalSeconds, rules: group.rules };
}
