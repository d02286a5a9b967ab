/**
 * Creates or updates the budget alert rule group through Grafana's alerting provisioning API
 * and reports which of its rules exist. One `PUT .../rule-groups/{group}` writes the whole group:
 * Grafana creates rules whose uid it does not know, updates the others and removes rules no longer
 * in the group, in one transaction, so running it twice leaves the same rules. `X-Disable-Provenance`
 * keeps the rules editable in Grafana's UI. Errors become messages a user can act on.
 */
import { BackendSrvRequest, getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import type { AlertQuery, ProvisionedAlertRule } from './alertRule';
import { BudgetAlertRuleGroup, ruleGroupRequestBody } from './budgetAlertRules';

export const PROVISIONING_RULES_URL = '/api/v1/provisioning/alert-rules';
export const FOLDERS_URL = '/api/folders';

export const ruleGroupUrl = (group: BudgetAlertRuleGroup) =>
  `/api/v1/provisioning/folder/${encodeURIComponent(group.folderUid)}/rule-groups/${encodeURIComponent(group.name)}`;

export interface BudgetRuleStatus {
  uid: string;
  title: string;
  exists: boolean;
  /** exists with the queries, thresholds, labels and annotations the builder gives now */
  upToDate: boolean;
  /** "" or "api" for rules this app may write; "file" for file-provisioned ones */
  provenance: string | null;
  folderUid: string | null;
}

export class ProvisioningError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message);
  }
}

interface FetchErrorLike {
  status?: number;
  data?: { message?: string };
  statusText?: string;
}

function toProvisioningError(error: unknown, action: string, access: 'read' | 'write'): ProvisioningError {
  const e = (error ?? {}) as FetchErrorLike;
  const detail = e.data?.message || e.statusText || (error instanceof Error ? error.message : '') || 'no details';
  switch (e.status) {
    case 401:
    case 403:
      return new ProvisioningError(`Only Admins, or Editors with alerting ${access} permission, can ${action} (Grafana: ${detail}).`, e.status);
    case 409:
      return new ProvisioningError(`Grafana refused to ${action}: ${detail}. Rules provisioned from files can only be changed in their file.`, 409);
    case 400:
      return new ProvisioningError(`Grafana refused to ${action}: ${detail}`, 400);
    case undefined:
    case 0:
      return new ProvisioningError(`Could not ${action}: Grafana did not answer (${detail}).`, e.status);
    default:
      return new ProvisioningError(`Could not ${action}: Grafana answered HTTP ${e.status}: ${detail}`, e.status);
  }
}

export async function send<T>(request: BackendSrvRequest, action: string, access: 'read' | 'write'): Promise<T> {
  try {
    const response = await lastValueFrom(getBackendSrv().fetch<T>({ showErrorAlert: false, ...request }));
    return response.data;
  } catch (error) {
    throw toProvisioningError(error, action, access);
  }
}

/** A GET that answers null for 404 (not there) and throws for everything else. */
export async function getOrNull<T>(url: string, action: string): Promise<T | null> {
  try {
    return await send<T>({ url, method: 'GET' }, action, 'read');
  } catch (error) {
    if (error instanceof ProvisioningError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

const queryEssence = (q: AlertQuery) => [q.refId, q.datasourceUid, q.model.type ?? null, q.model.expr ?? q.model.expression ?? null];

/** What a user would call "the same rule"; Grafana adds fields of its own to what it returns. */
function essence(rule: ProvisionedAlertRule) {
  const { title, condition, for: pendingFor, labels, annotations, noDataState, execErrState, isPaused } = rule;
  return JSON.stringify([title, condition, pendingFor, labels ?? {}, annotations ?? {}, noDataState, execErrState, isPaused, rule.data.map(queryEssence)]);
}

type StoredRule = ProvisionedAlertRule & { provenance?: string };

/**
 * One GET of the org's rules, matched by uid: a request per rule would answer 404 for each
 * missing one, which browsers log as failed requests on every visit before the first create.
 */
export async function listBudgetAlertRules(group: BudgetAlertRuleGroup): Promise<BudgetRuleStatus[]> {
  const all = await send<StoredRule[]>({ url: PROVISIONING_RULES_URL, method: 'GET' }, 'see which AI Spend budget alert rules exist', 'read');
  const byUid = new Map((all ?? []).map((rule) => [rule.uid, rule]));
  return group.rules.map((rule) => {
    const stored = byUid.get(rule.uid) ?? null;
    return {
      uid: rule.uid,
      title: rule.title,
      exists: stored !== null,
      upToDate: stored !== null && essence(stored) === essence(rule),
      provenance: stored ? (stored.provenance ?? '') : null,
      folderUid: stored?.folderUID ?? null,
    };
  });
}

/** Grafana's page size limit for GET /api/folders. */
export const FOLDERS_PAGE_SIZE = 1000;

/**
 * Whether a top-level folder exists, from the folder list (paged): a GET of the folder by uid
 * answers 404 before the first create, which browsers log as a failed request.
 */
async function folderExists(uid: string, title: string): Promise<boolean> {
  for (let page = 1; ; page++) {
    const params = { limit: FOLDERS_PAGE_SIZE, page };
    const folders = await send<Array<{ uid: string }>>({ url: FOLDERS_URL, method: 'GET', params }, `list the folders to find "${title}"`, 'read');
    if ((folders ?? []).some((f) => f.uid === uid)) {
      return true;
    }
    if ((folders ?? []).length < FOLDERS_PAGE_SIZE) {
      return false;
    }
  }
}

export async function ensureFolder(group: Pick<BudgetAlertRuleGroup, 'folderUid' | 'folderTitle'>): Promise<void> {
  if (await folderExists(group.folderUid, group.folderTitle)) {
    return;
  }
  await send(
    { url: FOLDERS_URL, method: 'POST', data: { uid: group.folderUid, title: group.folderTitle } },
    `create the alert folder "${group.folderTitle}"`,
    'write'
  );
}

/** Creates the folder if missing, then creates or updates the whole rule group; returns the new status. */
export async function upsertBudgetAlertRules(group: BudgetAlertRuleGroup): Promise<BudgetRuleStatus[]> {
  const before = await listBudgetAlertRules(group);
  const fromFile = before.filter((s) => s.provenance === 'file');
  if (fromFile.length > 0) {
    throw new ProvisioningError(
      `${fromFile.map((s) => `"${s.title}"`).join(', ')} ${fromFile.length > 1 ? 'are' : 'is'} provisioned from a file ` +
        '(provisioning/alerting/aispend-budgets.yaml): change the file and reload Grafana\'s provisioning instead.',
      409
    );
  }
  await ensureFolder(group);
  await send(
    { url: ruleGroupUrl(group), method: 'PUT', data: ruleGroupRequestBody(group), headers: { 'X-Disable-Provenance': 'true' } },
    'create or update the AI Spend budget alert rules',
    'write'
  );
  return listBudgetAlertRules(group);
}
