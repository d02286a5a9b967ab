import { BackendSrvRequest, getBackendSrv } from '@grafana/runtime';
import { of, throwError } from 'rxjs';
import { ALERT_FOLDER_TITLE, ALERT_FOLDER_UID } from '../../../constants';
import { findStandardKpi } from '../../../engine/catalog';
import { ProvisioningError } from '../../../alerts/provisioningClient';
import { buildKpiAlert } from './kpiAlert';
import { upsertKpiAlertRule } from './kpiAlertClient';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

/** Grafana's folder search and alert rule provisioning API, with the role's write permission. */
class FakeGrafana {
  folders: Array<{ uid: string; title: string }> = [];
  rules: Array<{ uid: string; title: string; provenance?: string }> = [];
  calls: string[] = [];
  headers: Array<Record<string, string> | undefined> = [];
  admin = true;

  fetch = jest.fn((req: BackendSrvRequest) => {
    this.calls.push(`${req.method} ${req.url}`);
    this.headers.push(req.headers);
    if (req.method !== 'GET' && !this.admin) {
      return throwError(() => ({ status: 403, data: { message: 'Permissions needed: alert.provisioning:write' } }));
    }
    return of({ data: this.answer(req) });
  });

  private answer(req: BackendSrvRequest): unknown {
    if (req.url === '/api/v1/provisioning/alert-rules' && req.method === 'GET') {
      return this.rules;
    }
    if (req.url === '/api/v1/provisioning/alert-rules' && req.method === 'POST') {
      this.rules.push({ ...req.data, provenance: '' });
      return req.data;
    }
    if (req.url.startsWith('/api/v1/provisioning/alert-rules/') && req.method === 'PUT') {
      this.rules = this.rules.map((r) => (r.uid === req.data.uid ? req.data : r));
      return req.data;
    }
    if (req.url.startsWith('/api/folders') && req.method === 'GET') {
      return this.folders;
    }
    if (req.url === '/api/folders' && req.method === 'POST') {
      this.folders.push(req.data);
      return req.data;
    }
    throw new Error(`unexpected ${req.method} ${req.url}`);
  }
}

const built = buildKpiAlert(
  findStandardKpi('cost_per_inference')!,
  { threshold: '0.02', when: 'above', severity: 'warning', window: '1h', pendingFor: '5m' },
  'prom'
);
const rule = built.ok ? built.rule : (undefined as never);

let grafana: FakeGrafana;
beforeEach(() => {
  grafana = new FakeGrafana();
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: grafana.fetch });
});

test('first time: the app folder is created, then the rule, editable in Grafana (no provenance)', async () => {
  await expect(upsertKpiAlertRule(rule)).resolves.toEqual({ uid: rule.uid, created: true });
  expect(grafana.folders).toEqual([{ uid: ALERT_FOLDER_UID, title: ALERT_FOLDER_TITLE }]);
  expect(grafana.rules.map((r) => r.uid)).toEqual([rule.uid]);
  const post = grafana.calls.indexOf('POST /api/v1/provisioning/alert-rules');
  expect(grafana.headers[post]).toEqual({ 'X-Disable-Provenance': 'true' });
});

test('second time: the same rule is updated in place, nothing is added', async () => {
  await upsertKpiAlertRule(rule);
  grafana.calls = [];
  await expect(upsertKpiAlertRule({ ...rule, title: 'Cost per inference above 0.03 USD' })).resolves.toEqual({
    uid: rule.uid,
    created: false,
  });
  expect(grafana.calls).toEqual([
    'GET /api/v1/provisioning/alert-rules',
    `PUT /api/v1/provisioning/alert-rules/${rule.uid}`,
  ]);
  expect(grafana.rules.map((r) => r.title)).toEqual(['Cost per inference above 0.03 USD']);
});

test('without the write permission: a message that says who can', async () => {
  grafana.admin = false;
  grafana.folders = [{ uid: ALERT_FOLDER_UID, title: ALERT_FOLDER_TITLE }];
  const refused = upsertKpiAlertRule(rule);
  await expect(refused).rejects.toBeInstanceOf(ProvisioningError);
  await expect(refused).rejects.toThrow(
    /^Only Admins, or Editors with alerting write permission, can create the alert rule/
  );
  expect(grafana.rules).toEqual([]);
});
