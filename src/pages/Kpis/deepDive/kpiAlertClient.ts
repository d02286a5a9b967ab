/**
 * Creates or updates a KPI alert rule through Grafana's alerting provisioning API, with the
 * budget rules' client (its error messages, folder creation). Rules go to a group of their own:
 * the budget group is written as a whole and would drop them.
 */
import { ensureFolder, PROVISIONING_RULES_URL, send } from '../../../alerts/provisioningClient';
import type { ProvisionedAlertRule } from '../../../alerts/alertRule';
import { KPI_ALERT_FOLDER } from './kpiAlert';

export interface KpiAlertResult {
  uid: string;
  created: boolean;
}

// keeps the rule editable in Grafana's alerting UI
const NO_PROVENANCE = { 'X-Disable-Provenance': 'true' };

export async function upsertKpiAlertRule(rule: ProvisionedAlertRule & { uid: string }): Promise<KpiAlertResult> {
  // the org's rules rather than a GET by uid: a rule not created yet is no failed (404) request
  const rules = await send<Array<{ uid?: string }>>(
    { url: PROVISIONING_RULES_URL, method: 'GET' },
    'list the alert rules',
    'read'
  );
  if (rules.some((r) => r.uid === rule.uid)) {
    const url = `${PROVISIONING_RULES_URL}/${encodeURIComponent(rule.uid)}`;
    await send(
      { url, method: 'PUT', data: rule, headers: NO_PROVENANCE },
      `update the alert rule "${rule.title}"`,
      'write'
    );
    return { uid: rule.uid, created: false };
  }
  await ensureFolder(KPI_ALERT_FOLDER);
  await send(
    { url: PROVISIONING_RULES_URL, method: 'POST', data: rule, headers: NO_PROVENANCE },
    `create the alert rule "${rule.title}"`,
    'write'
  );
  return { uid: rule.uid, created: true };
}

/** Grafana's page of one alert rule. */
export const alertRuleViewUrl = (uid: string) => `/alerting/grafana/${encodeURIComponent(uid)}/view`;
