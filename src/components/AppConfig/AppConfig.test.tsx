import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataSourceInstanceSettings, OrgRole } from '@grafana/data';
import { config, getBackendSrv, getDataSourceSrv } from '@grafana/runtime';
import { of, throwError } from 'rxjs';
import type { KpiDataSourceOptions } from '../../datasource/types';
import { FAMILIES } from '../../engine/conventions';
import { AppSettings, DEFAULT_APP_SETTINGS, SettingsConflictError } from '../../settings/appSettings';
import { testIds } from '../testIds';
import AppConfig, { AppConfigProps } from './AppConfig';
import { reloadPage } from './reloadPage';

// The real picker lists Grafana's datasources; this stand-in shows its filter and picks "prom-b".
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: jest.fn(),
  getDataSourceSrv: jest.fn(),
  DataSourcePicker: (props: { type: string[]; current?: string; disabled?: boolean; onChange: (ds: { uid: string }) => void }) => (
    <button disabled={props.disabled} onClick={() => props.onChange({ uid: 'prom-b' })}>
      {`pick ${props.type.join(' | ')} (current: ${props.current ?? 'none'})`}
    </button>
  ),
}));
jest.mock('./reloadPage', () => ({ reloadPage: jest.fn() }));

const SAVED: AppSettings = { ...DEFAULT_APP_SETTINGS, prometheusUid: 'prom-a', version: 2 };
const DS_NAMES: Record<string, string> = { 'prom-a': 'Prometheus A', 'prom-b': 'Mimir B' };
const S = FAMILIES;
/** Prometheus A has every litellm family but budget spend (and, as the profile says, no retries). */
const METRIC_NAMES = ['up', 'litellm_spend_metric_total', S.spend, S.requests, S.tokens, S.cache_hits, S.fallbacks, S.spend_by_user, S.budget_limit].map(
  (f) => (typeof f === 'string' ? f : f.series)
);

interface Backend {
  stored: { enabled: boolean; pinned: boolean; jsonData: AppSettings };
  fetch: jest.Mock;
  datasourcePost?: () => unknown;
}

function mockBackend(storedVersion = SAVED.version): Backend {
  const backend: Backend = { stored: { enabled: true, pinned: false, jsonData: { ...SAVED, version: storedVersion } }, fetch: jest.fn() };
  backend.fetch.mockImplementation((req: { url: string; method: string; data?: unknown }) => {
    if (req.url === '/api/plugins/aispend-finops-app/settings') {
      return of({ data: req.method === 'GET' ? backend.stored : { message: 'Plugin settings updated' } });
    }
    if (req.url === '/api/datasources' && req.method === 'POST') {
      const failure = backend.datasourcePost?.();
      return failure ? throwError(() => failure) : of({ data: { id: 7, message: 'Datasource added' } });
    }
    return throwError(() => new Error(`unexpected ${req.method} ${req.url}`));
  });
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: backend.fetch });
  return backend;
}

function mockDatasources(kpiInstances: Array<Partial<DataSourceInstanceSettings<KpiDataSourceOptions>>>) {
  const metricFindQuery = jest.fn(async () => METRIC_NAMES.map((text) => ({ text })));
  const srv = {
    getList: jest.fn(({ pluginId }: { pluginId: string }) => (pluginId === 'aispend-kpi-datasource' ? kpiInstances : [])),
    getInstanceSettings: jest.fn((uid: string) => (DS_NAMES[uid] ? { uid, name: DS_NAMES[uid] } : undefined)),
    // `query` answers the recording-health panel (RecordingHealthPanel.test.tsx) with no data
    get: jest.fn(async ({ uid }: { uid: string }) => ({ name: DS_NAMES[uid], metricFindQuery, query: () => of({ data: [] }) })),
  };
  (getDataSourceSrv as jest.Mock).mockReturnValue(srv);
  return { srv, metricFindQuery };
}

const KPI_ON_A: Partial<DataSourceInstanceSettings<KpiDataSourceOptions>> = {
  uid: 'kpi-1',
  name: 'AI Spend KPI',
  jsonData: { prometheusUid: 'prom-a', profile: 'litellm' },
};

function renderPage(role: OrgRole, jsonData: Partial<AppSettings> = SAVED) {
  config.bootData.user = { ...config.bootData.user, orgRole: role };
  const plugin = { meta: { jsonData } } as unknown as AppConfigProps['plugin'];
  return render(<AppConfig plugin={plugin} query={{}} />);
}

const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

async function retype(testId: string, text: string) {
  await userEvent.clear(field(testId));
  if (text) {
    await userEvent.type(field(testId), text);
  }
}

beforeEach(() => {
  jest.clearAllMocks();
});

test('an Admin saves the thresholds on the loaded version, then the page reloads', async () => {
  const backend = mockBackend();
  mockDatasources([KPI_ON_A]);
  renderPage(OrgRole.Admin);
  expect(screen.getByRole('button', { name: /current: prom-a/ })).toHaveTextContent(
    'pick prometheus | grafana-amazonprometheus-datasource | grafana-azureprometheus-datasource'
  );
  await retype(testIds.appConfig.budgetWarning, '85');
  await retype(testIds.appConfig.budgetCritical, '97.5');
  await retype(testIds.appConfig.anomalySigma, '2.5');
  await userEvent.click(screen.getByTestId(testIds.appConfig.submit));

  await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
  const post = backend.fetch.mock.calls.map(([req]) => req).find((req) => req.method === 'POST');
  expect(post).toEqual({
    url: '/api/plugins/aispend-finops-app/settings',
    method: 'POST',
    data: {
      enabled: true,
      pinned: false,
      jsonData: { ...SAVED, budgetWarningPercent: 85, budgetCriticalPercent: 97.5, anomalySigma: 2.5, version: 3 },
    },
    showErrorAlert: false,
  });
  expect(screen.getByTestId(testIds.appConfig.status)).toHaveTextContent('Settings saved.');
});

test('a conflicting save shows the conflict and keeps the draft', async () => {
  const backend = mockBackend(SAVED.version + 1);
  mockDatasources([KPI_ON_A]);
  renderPage(OrgRole.Admin);
  await retype(testIds.appConfig.budgetWarning, '85');
  await userEvent.click(screen.getByTestId(testIds.appConfig.submit));

  const status = await screen.findByTestId(testIds.appConfig.status);
  expect(status).toHaveTextContent('Not saved: someone else saved first');
  expect(status).toHaveTextContent(new SettingsConflictError({ ...SAVED, version: 3 }).message);
  expect(field(testIds.appConfig.budgetWarning)).toHaveValue(85);
  expect(backend.fetch.mock.calls.filter(([req]) => req.method === 'POST')).toEqual([]);
  expect(reloadPage).not.toHaveBeenCalled();
});

test.each([OrgRole.Viewer, OrgRole.Editor])('a %s sees the values read-only, with the reason, and no Save or Create', async (role) => {
  mockBackend();
  mockDatasources([]);
  renderPage(role, { ...SAVED, budgetWarningPercent: 70 });
  expect(screen.getByTestId(testIds.appConfig.readOnlyNote)).toHaveTextContent(
    `Only organization Admins can change these settings: Grafana lets only them write an app's settings. You are signed in as ${role}.`
  );
  expect(screen.queryByTestId(testIds.appConfig.submit)).not.toBeInTheDocument();
  expect(screen.queryByTestId(testIds.appConfig.createKpiDatasource)).not.toBeInTheDocument();
  expect(screen.getByText('Only organization Admins can create datasources: ask one to open this page.')).toBeInTheDocument();
  expect(field(testIds.appConfig.budgetWarning)).toHaveValue(70);
  for (const id of [testIds.appConfig.budgetWarning, testIds.appConfig.budgetCritical, testIds.appConfig.anomalySigma]) {
    expect(field(id)).toBeDisabled();
  }
  expect(screen.getByRole('button', { name: /current: prom-a/ })).toBeDisabled();
  expect(within(screen.getByTestId(testIds.appConfig.profile)).getByLabelText('otel')).toBeDisabled();
  await screen.findByText(/families present/);
});

test.each([
  [testIds.appConfig.budgetWarning, '96', 'Must be below the critical threshold (95 %)'],
  [testIds.appConfig.budgetWarning, '0', 'Must be above 0 %'],
  [testIds.appConfig.budgetWarning, '', 'Enter a number'],
  [testIds.appConfig.budgetCritical, '101', 'Must be at most 100 %'],
  [testIds.appConfig.anomalySigma, '0', 'Must be above 0'],
  [testIds.appConfig.anomalySigma, '-1', 'Must be above 0'],
])('validation: %s = %j shows "%s" and blocks Save', async (testId, text, message) => {
  mockBackend();
  mockDatasources([KPI_ON_A]);
  renderPage(OrgRole.Admin);
  await retype(testId, text);
  expect(screen.getByText(message)).toBeInTheDocument();
  expect(screen.getByTestId(testIds.appConfig.submit)).toBeDisabled();
  await screen.findByText(/families present/);
});

test('without a KPI datasource an Admin creates one on the Prometheus and profile of the form, then the page reloads', async () => {
  const backend = mockBackend();
  mockDatasources([]);
  renderPage(OrgRole.Admin);
  expect(screen.getByTestId(testIds.appConfig.kpiDatasource)).toHaveTextContent('There is no AI Spend KPI datasource yet.');
  await userEvent.click(screen.getByRole('button', { name: /current: prom-a/ }));
  await userEvent.click(within(screen.getByTestId(testIds.appConfig.profile)).getByLabelText('seed'));
  await userEvent.click(screen.getByTestId(testIds.appConfig.createKpiDatasource));

  await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
  expect(backend.fetch).toHaveBeenCalledWith({
    url: '/api/datasources',
    method: 'POST',
    data: { name: 'AI Spend KPI', type: 'aispend-kpi-datasource', access: 'proxy', jsonData: { prometheusUid: 'prom-b', profile: 'seed' } },
    showErrorAlert: false,
  });
});

test('a refused creation shows Grafana’s reason and does not reload', async () => {
  const backend = mockBackend();
  backend.datasourcePost = () => ({ status: 409, data: { message: 'data source with the same name already exists' } });
  mockDatasources([]);
  renderPage(OrgRole.Admin);
  await userEvent.click(screen.getByTestId(testIds.appConfig.createKpiDatasource));
  expect(await screen.findByText('Grafana answered HTTP 409: data source with the same name already exists')).toBeInTheDocument();
  expect(reloadPage).not.toHaveBeenCalled();
  expect(screen.getByTestId(testIds.appConfig.createKpiDatasource)).toBeEnabled();
});

test('without a Prometheus datasource the KPI datasource cannot be created and no metric names are listed', () => {
  mockBackend();
  const { srv } = mockDatasources([]);
  renderPage(OrgRole.Admin, { ...SAVED, prometheusUid: undefined });
  expect(screen.getByTestId(testIds.appConfig.createKpiDatasource)).toBeDisabled();
  expect(screen.getByText('Pick the Prometheus datasource first.')).toBeInTheDocument();
  expect(screen.getByText('Pick the Prometheus datasource to see which aigateway:* families it holds.')).toBeInTheDocument();
  expect(srv.get).not.toHaveBeenCalled();
});

test('a KPI datasource on another Prometheus than the settings is called out', async () => {
  mockBackend();
  mockDatasources([{ ...KPI_ON_A, jsonData: { prometheusUid: 'prom-b', profile: 'litellm' } }]);
  renderPage(OrgRole.Admin);
  const section = screen.getByTestId(testIds.appConfig.kpiDatasource);
  expect(section).toHaveTextContent('AI Spend KPI differs from these settings');
  expect(section).toHaveTextContent('It queries the Prometheus datasource Mimir B; these settings use Prometheus A.');
  expect(within(section).getByRole('link', { name: 'AI Spend KPI' })).toHaveAttribute('href', '/connections/datasources/edit/kpi-1');
  await screen.findByText(/families present/);
});

test('a KPI datasource that agrees with the settings is linked, without a warning', async () => {
  mockBackend();
  mockDatasources([KPI_ON_A]);
  renderPage(OrgRole.Admin);
  expect(screen.getByTestId(testIds.appConfig.kpiDatasource)).toHaveTextContent(
    'AI Spend KPI exists and queries the Prometheus datasource of these settings.'
  );
  await screen.findByText(/families present/);
});

test('the families checklist comes from one label-values call on the chosen Prometheus', async () => {
  mockBackend();
  const { srv, metricFindQuery } = mockDatasources([KPI_ON_A]);
  renderPage(OrgRole.Admin);
  expect(await screen.findByText('7 of 9 families present, 1 absent as the profile expects, 1 missing.')).toBeInTheDocument();
  expect(screen.getByText('Canonical series in Prometheus A')).toBeInTheDocument();
  expect(srv.get).toHaveBeenCalledWith({ uid: 'prom-a' });
  expect(metricFindQuery.mock.calls).toEqual([['label_values(__name__)']]);
  const status = (id: string) => screen.getByTestId(testIds.appConfig.family(id)).getAttribute('aria-label');
  expect(Object.keys(FAMILIES).map(status)).toEqual([
    'spend: present',
    'requests: present',
    'tokens: present',
    'cache_hits: present',
    'retries: absent, as the profile expects',
    'fallbacks: present',
    'spend_by_user: present',
    'budget_limit: present',
    'budget_spend: missing',
  ]);
  expect(screen.getByTestId(testIds.appConfig.family('retries'))).toHaveTextContent(
    'Expected for the litellm profile: its source does not export retries, so KPIs that use retries show "—" (missing), never 0.'
  );
  expect(screen.getByTestId(testIds.appConfig.family('budget_spend'))).toHaveTextContent(
    'No series: load provisioning/prometheus/rules/litellm.rules.yaml into this Prometheus'
  );

  // another profile re-reads the same list; another Prometheus asks it
  await userEvent.click(within(screen.getByTestId(testIds.appConfig.profile)).getByLabelText('seed'));
  expect(screen.getByText('7 of 9 families present, 2 missing.')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: /current: prom-a/ }));
  expect(await screen.findByText('Canonical series in Mimir B')).toBeInTheDocument();
  expect(srv.get).toHaveBeenLastCalledWith({ uid: 'prom-b' });
});

test('a Prometheus that cannot list its metric names says why', async () => {
  mockBackend();
  const { metricFindQuery } = mockDatasources([KPI_ON_A]);
  metricFindQuery.mockRejectedValueOnce({ status: 502, data: { message: 'upstream down' } });
  renderPage(OrgRole.Admin);
  expect(await screen.findByText('Could not list the metric names of this Prometheus')).toBeInTheDocument();
  expect(screen.getByText('Grafana answered HTTP 502: upstream down')).toBeInTheDocument();
});
