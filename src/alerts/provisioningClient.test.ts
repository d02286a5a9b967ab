import { BackendSrvRequest, getBackendSrv } from '@grafana/runtime';
import { of, throwError } from 'rxjs';
import { ALERT_FOLDER_TITLE, ALERT_FOLDER_UID, ALERT_RULE_GROUP } from '../constants';
import type { ProvisionedAlertRule } from './alertRule';
import { budgetAlertRuleGroup, BUDGET_ALERT_RULE_UIDS } from './budgetAlertRules';
import { FOLDERS_PAGE_SIZE, listBudgetAlertRules, ProvisioningError, upsertBudgetAlertRules } from './provisioningClient';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

type Stored = ProvisionedAlertRule & { uid: string; provenance: string; id: number };

/**
 * Just enough of Grafana's folder and alerting provisioning API: folders by uid, rules by uid
 * with provenance, and the rule-group PUT that creates, updates and removes rules of the group.
 */
class FakeGrafana {
  folders = new Map<string, string>();
  rules = new Map<string, Stored>();
  calls: string[] = [];
  role: 'Admin' | 'Viewer' = 'Admin';
  private nextId = 1;

  fetch = jest.fn((req: BackendSrvRequest) => {
    this.calls.push(`${req.method} ${req.url}`);
    try {
      return of({ data: this.handle(req) });
    } catch (e) {
      return throwError(() => e);
    }
  });

  private handle(req: BackendSrvRequest): unknown {
    const fail = (status: number, message: string) => {
      throw { status, data: { message } };
    };
    if (req.method !== 'GET' && this.role !== 'Admin') {
      fail(403, 'You\'ll need additional permissions to perform this action. Permissions needed: alert.provisioning:write');
    }
    const [, path] = /^\/api\/(.*)$/.exec(req.url)!;
    let m: RegExpExecArray | null;
    if (path === 'folders' && req.method === 'GET') {
      // paged as Grafana does: limit per page, pages from 1
      const { limit, page } = req.params as { limit: number; page: number };
      return [...this.folders].map(([uid, title]) => ({ uid, title })).slice((page - 1) * limit, page * limit);
    }
    if ((m = /^folders\/([^/]+)$/.exec(path)) && req.method === 'GET') {
      return this.folders.has(m[1]) ? { uid: m[1], title: this.folders.get(m[1]) } : fail(404, 'folder not found');
    }
    if (path === 'folders' && req.method === 'POST') {
      this.folders.set(req.data.uid, req.data.title);
      return { uid: req.data.uid, title: req.data.title };
    }
    if (path === 'v1/provisioning/alert-rules' && req.method === 'GET') {
      return [...this.rules.values()];
    }
    if ((m = /^v1\/provisioning\/alert-rules\/([^/]+)$/.exec(path)) && req.method === 'GET') {
      return this.rules.get(m[1]) ?? fail(404, 'rule not found');
    }
    if ((m = /^v1\/provisioning\/folder\/([^/]+)\/rule-groups\/([^/]+)$/.exec(path)) && req.method === 'PUT') {
      return this.putGroup(decodeURIComponent(m[1]), decodeURIComponent(m[2]), req);
    }
    return fail(404, `no route ${req.method} ${req.url}`);
  }

  private putGroup(folderUid: string, group: string, req: BackendSrvRequest) {
    if (!this.folders.has(folderUid)) {
      throw { status: 404, data: { message: 'folder does not exist' } };
    }
    const provenance = req.headers?.['X-Disable-Provenance'] === 'true' ? '' : 'api';
    const keep = new Set(req.data.rules.map((r: Stored) => r.uid));
    for (const [uid, rule] of this.rules) {
      if (rule.folderUID === folderUid && rule.ruleGroup === group && !keep.has(uid)) {
        this.rules.delete(uid);
      }
    }
    for (const rule of req.data.rules as Stored[]) {
      const id = this.rules.get(rule.uid)?.id ?? this.nextId++;
      this.rules.set(rule.uid, { ...rule, folderUID: folderUid, ruleGroup: group, provenance, id, updated: `v${this.calls.length}` } as Stored);
    }
    return req.data;
  }
}

let grafana: FakeGrafana;
const group = budgetAlertRuleGroup({ prometheusUid: 'aispend-prometheus' });
const UIDS = Object.values(BUDGET_ALERT_RULE_UIDS);
const snapshot = () => [...grafana.rules.values()].map(({ updated: _updated, ...rule }: Stored & { updated?: string }) => rule);

beforeEach(() => {
  grafana = new FakeGrafana();
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: grafana.fetch });
});

test('first run creates the folder and the three rules, editable in the UI; the listing shows them', async () => {
  expect((await listBudgetAlertRules(group)).map((s) => [s.uid, s.exists])).toEqual(UIDS.map((uid) => [uid, false]));
  grafana.calls = [];
  const status = await upsertBudgetAlertRules(group);
  expect(grafana.calls).toEqual([
    'GET /api/v1/provisioning/alert-rules',
    'GET /api/folders',
    'POST /api/folders',
    `PUT /api/v1/provisioning/folder/${ALERT_FOLDER_UID}/rule-groups/${ALERT_RULE_GROUP}`,
    'GET /api/v1/provisioning/alert-rules',
  ]);
  expect(grafana.folders).toEqual(new Map([[ALERT_FOLDER_UID, ALERT_FOLDER_TITLE]]));
  expect(status).toEqual(UIDS.map((uid, i) => ({ uid, title: group.rules[i].title, exists: true, upToDate: true, provenance: '', folderUid: ALERT_FOLDER_UID })));
  const put = grafana.fetch.mock.calls.map(([req]) => req).find((req) => req.method === 'PUT')!;
  expect(put.headers).toEqual({ 'X-Disable-Provenance': 'true' });
  expect(put.data).toEqual({ title: ALERT_RULE_GROUP, folderUid: ALERT_FOLDER_UID, interval: 60, rules: group.rules });
});

test('a second run updates the same rules in place: same uids, same content, no second folder', async () => {
  await upsertBudgetAlertRules(group);
  const first = snapshot();
  grafana.calls = [];
  const status = await upsertBudgetAlertRules(group);
  expect(grafana.calls).not.toContain('POST /api/folders');
  expect(snapshot()).toEqual(first);
  expect(grafana.rules.size).toBe(3);
  expect(status.every((s) => s.exists && s.upToDate)).toBe(true);
});

test('new thresholds from the app settings update the rules, which show as outdated until then', async () => {
  await upsertBudgetAlertRules(group);
  const stricter = budgetAlertRuleGroup({ prometheusUid: 'aispend-prometheus', warningPercent: 70, criticalPercent: 90 });
  expect((await listBudgetAlertRules(stricter)).map((s) => s.upToDate)).toEqual([false, false, true]);
  await upsertBudgetAlertRules(stricter);
  expect(grafana.rules.get(BUDGET_ALERT_RULE_UIDS.warning)!.data[2].model.expression).toBe('$B >= 70 && $B < 90');
  expect((await listBudgetAlertRules(stricter)).every((s) => s.upToDate)).toBe(true);
});

test('a Viewer gets a 403 mapped to who can do it, and nothing is written', async () => {
  grafana.role = 'Viewer';
  const attempt = upsertBudgetAlertRules(group);
  await expect(attempt).rejects.toThrow(ProvisioningError);
  await expect(attempt).rejects.toThrow(
    'Only Admins, or Editors with alerting write permission, can create the alert folder "AI Spend" (Grafana: ' +
      "You'll need additional permissions to perform this action. Permissions needed: alert.provisioning:write)."
  );
  expect(grafana.folders.size + grafana.rules.size).toBe(0);
});

test('a 403 on the rule group itself (folder already there) names the rules', async () => {
  grafana.folders.set(ALERT_FOLDER_UID, ALERT_FOLDER_TITLE);
  grafana.role = 'Viewer';
  await expect(upsertBudgetAlertRules(group)).rejects.toMatchObject({
    status: 403,
    message: expect.stringMatching(/^Only Admins, or Editors with alerting write permission, can create or update the AI Spend budget alert rules \(Grafana: /),
  });
});

test('file-provisioned rules are not overwritten: the message says where to change them', async () => {
  grafana.rules.set(BUDGET_ALERT_RULE_UIDS.critical, { ...group.rules[1], folderUID: 'xyz', provenance: 'file', id: 9 });
  await expect(upsertBudgetAlertRules(group)).rejects.toThrow(
    '"AI Spend budget at 95 %" is provisioned from a file (provisioning/alerting/aispend-budgets.yaml): change the file and reload Grafana\'s provisioning instead.'
  );
  expect(grafana.calls.some((c) => !c.startsWith('GET'))).toBe(false);
  expect((await listBudgetAlertRules(group))[1]).toMatchObject({ exists: true, provenance: 'file', folderUid: 'xyz' });
});

test.each([
  [400, { data: { message: 'invalid rule: condition C does not exist' } }, 'Grafana refused to create or update the AI Spend budget alert rules: invalid rule: condition C does not exist'],
  [500, { statusText: 'Internal Server Error' }, 'Could not create or update the AI Spend budget alert rules: Grafana answered HTTP 500: Internal Server Error'],
  [0, { data: {} }, 'Could not create or update the AI Spend budget alert rules: Grafana did not answer (no details).'],
])('HTTP %p on the write becomes a clear message', async (status, body, message) => {
  grafana.folders.set(ALERT_FOLDER_UID, ALERT_FOLDER_TITLE);
  const real = grafana.fetch.getMockImplementation()!;
  grafana.fetch.mockImplementation((req) => (req.method === 'PUT' ? throwError(() => ({ status, ...body })) : real(req)));
  await expect(upsertBudgetAlertRules(group)).rejects.toThrow(new ProvisioningError(message));
});

test('the listing is one request, and a refused listing (Grafana gives Viewers no provisioning read) says who can see it', async () => {
  await listBudgetAlertRules(group);
  expect(grafana.calls).toEqual(['GET /api/v1/provisioning/alert-rules']);
  grafana.fetch.mockImplementation(() => throwError(() => ({ status: 403, data: { message: 'Permissions needed: alert.provisioning:read' } })));
  await expect(listBudgetAlertRules(group)).rejects.toMatchObject({
    status: 403,
    message:
      'Only Admins, or Editors with alerting read permission, can see which AI Spend budget alert rules exist ' +
      '(Grafana: Permissions needed: alert.provisioning:read).',
  });
});

test('the folder is looked up page by page in the folder list (no 404 before the first create)', async () => {
  for (let i = 0; i < FOLDERS_PAGE_SIZE; i++) {
    grafana.folders.set(`other-${i}`, `Other ${i}`);
  }
  grafana.folders.set(ALERT_FOLDER_UID, ALERT_FOLDER_TITLE);
  await upsertBudgetAlertRules(group);
  const folderCalls = grafana.fetch.mock.calls.map(([req]) => req).filter((req) => req.url.startsWith('/api/folders'));
  expect(folderCalls.map((req) => [req.method, req.params])).toEqual([
    ['GET', { limit: FOLDERS_PAGE_SIZE, page: 1 }],
    ['GET', { limit: FOLDERS_PAGE_SIZE, page: 2 }],
  ]);
  expect(grafana.calls).not.toContain('POST /api/folders');
});
