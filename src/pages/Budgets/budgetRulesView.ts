/**
 * What the alert-rules box says about the Grafana-managed budget rules: each rule's state
 * (present / missing, and whether it matches what the button would write now) and the outcome of
 * a create-or-update. Pure, tested with tables.
 */
import type { BudgetRuleStatus } from '../../alerts/provisioningClient';

/** The one action of the box (also what the end-to-end spec clicks). */
export const CREATE_RULES_LABEL = 'Create / update alert rules';

export type RuleState = 'present' | 'missing';

export interface RuleStateView {
  state: RuleState;
  /** why a present rule differs from what would be written now, or where it comes from */
  note?: string;
}

export function ruleStateView(status: BudgetRuleStatus): RuleStateView {
  if (!status.exists) {
    return { state: 'missing' };
  }
  if (status.provenance === 'file') {
    return { state: 'present', note: 'provisioned from a file' };
  }
  return status.upToDate
    ? { state: 'present' }
    : { state: 'present', note: 'differs from the current settings: update it' };
}

const count = (n: number) => `${n} alert rule${n === 1 ? '' : 's'}`;

/** "Created 3 …", "Updated 3 …" or both, from the statuses before and after the write. */
export function upsertOutcome(
  before: BudgetRuleStatus[] | undefined,
  after: BudgetRuleStatus[],
  folderTitle: string
): string {
  const existed = new Set((before ?? []).filter((s) => s.exists).map((s) => s.uid));
  const present = after.filter((s) => s.exists);
  const created = present.filter((s) => !existed.has(s.uid)).length;
  const updated = present.length - created;
  const parts = [created ? `created ${count(created)}` : '', updated ? `updated ${count(updated)}` : ''].filter(
    Boolean
  );
  const text = parts.join(' and ') || 'wrote no alert rule';
  const missing = after.length - present.length;
  return `${text[0].toUpperCase()}${text.slice(1)} in the folder "${folderTitle}".${missing ? ` ${count(missing)} still missing.` : ''}`;
}

/**
 * Why the create / update action cannot run, or null when it can: Grafana lets only org Admins
 * write provisioned rules by default, and rules provisioned from a file can only change there
 * (`npm run server` file-provisions these same rules).
 */
export function actionBlocker(orgRole: string, statuses: BudgetRuleStatus[] | undefined): string | null {
  if (orgRole !== 'Admin') {
    return (
      'Only organization Admins can create or update these rules: Grafana’s alerting provisioning API needs the ' +
      `Admin role (you are ${orgRole || 'not in an org role'}). Ask an Admin to run it.`
    );
  }
  if ((statuses ?? []).some((s) => s.provenance === 'file')) {
    return (
      'These rules are provisioned from a file (provisioning/alerting/aispend-budgets.yaml): change the file and ' +
      'reload Grafana’s provisioning instead.'
    );
  }
  return null;
}
