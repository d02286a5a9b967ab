/**
 * The Chargeback page's scene on a fake Prometheus datasource (answers from src/chargeback's
 * November fixture) and a fake settings endpoint: what it asks, when it asks again, and what it
 * shows, downloads and tells.
 */
import React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDataFrame, DataQueryRequest, FieldType, LoadingState, OrgRole, PanelData } from '@grafana/data';
import { config, getBackendSrv, setDataSourceSrv, setRunRequest, type DataSourceSrv } from '@grafana/runtime';
import { Observable, of } from 'rxjs';
import { reportToCsv } from '../../chargeback/csv';
import { novemberAnswers, NOW } from '../../chargeback/testing/answers';
import type { ChargebackResults, QueryAnswer } from '../../chargeback/types';
import { installComboboxJsdomShims } from '../../components/testing/comboboxJsdom';
import { testIds } from '../../components/testIds';
import { DEFAULT_APP_SETTINGS } from '../../settings/appSettings';
import { downloadText } from '../Kpis/deepDive/csvDownload';
import { FakeSettingsBackend } from '../Kpis/testing/fakeGrafana';
import { ChargebackReportScene } from './ChargebackReportScene';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));
jest.mock('../Kpis/deepDive/csvDownload', () => ({ downloadText: jest.fn() }));
jest.setTimeout(30_000);

const datasources = {
  kpi: { uid: 'kpi', type: 'aispend-kpi-datasource' },
  prometheus: { uid: 'prom', type: 'prometheus' },
};

/** Frames of an answer as Grafana's Prometheus datasource delivers them: one per series. */
function framesOf(refId: string, answer: QueryAnswer | undefined) {
  if (!answer) {
    return [];
  }
  const series =
    answer.kind === 'instant'
      ? answer.values.map((v) => ({ labels: v.labels, points: [{ timeSec: NOW, value: v.value }] }))
      : answer.series;
  return series.map((s) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: s.points.map((p) => p.timeSec * 1000) },
        { name: 'Value', type: FieldType.number, values: s.points.map((p) => p.value), labels: { ...s.labels } },
      ],
    })
  );
}

const requests: DataQueryRequest[] = [];
let answers: ChargebackResults = novemberAnswers();
let failWith: string | undefined;
let backend: FakeSettingsBackend;

beforeAll(() => {
  installComboboxJsdomShims();
  const prometheus = { uid: 'prom', type: 'prometheus', getRef: () => datasources.prometheus };
  const kpi = {
    metricFindQuery: async (q: string) => (q === 'teams' ? [{ text: 'a' }, { text: 'b' }] : [{ text: 'k1' }]),
  };
  setDataSourceSrv({
    get: async (ref: { uid: string }) => (ref.uid === 'kpi' ? kpi : prometheus),
    getInstanceSettings: () => undefined,
  } as unknown as DataSourceSrv);
  setRunRequest((_ds, request): Observable<PanelData> => {
    requests.push(request);
    const base = { timeRange: request.range, request };
    if (failWith) {
      return of({ ...base, state: LoadingState.Error, series: [], errors: [{ message: failWith }] });
    }
    const series = request.targets.flatMap((t) => framesOf(t.refId, answers[t.refId as keyof ChargebackResults]));
    return of({ ...base, state: LoadingState.Done, series });
  });
});

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW * 1000);
  requests.length = 0;
  answers = novemberAnswers();
  failWith = undefined;
  config.bootData.user.orgRole = OrgRole.Admin;
  backend = new FakeSettingsBackend({ ...DEFAULT_APP_SETTINGS, version: 2 });
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: backend.fetch });
  (downloadText as jest.Mock).mockClear();
});

afterEach(() => jest.restoreAllMocks());

async function openScene(selection?: ConstructorParameters<typeof ChargebackReportScene>[0]['selection']) {
  const scene = new ChargebackReportScene({ ...datasources, selection });
  const view = render(<scene.Component model={scene} />);
  let deactivate = () => {};
  act(() => {
    deactivate = scene.activate();
  });
  return { scene, view, deactivate };
}

const section = (id: string) => screen.getByTestId(testIds.chargeback.section(id));
const firstColumn = (id: string) =>
  within(section(id))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent);

test('opens the last full month for all teams; waits for the settings, then runs the report in one request per time', async () => {
  const { scene, deactivate } = await openScene();
  // the anomaly threshold is a setting: nothing runs before the settings are read
  expect(requests).toEqual([]);
  expect(scene.getUrlState()).toMatchObject({ month: '2026-11', team: null, api_key: null });
  await screen.findByTestId(testIds.chargeback.heading);
  expect(screen.getByTestId(testIds.chargeback.heading)).toHaveTextContent('Chargeback report: 2026-11 · all teams');
  // instant at the month's end, at the previous month's end, and the daily range
  expect(requests.map((r) => [r.range.to.toISOString(), r.targets.length > 0])).toEqual([
    ['2026-12-01T00:00:00.000Z', true],
    ['2026-11-01T00:00:00.000Z', true],
    ['2026-12-01T00:00:00.000Z', true],
  ]);
  expect(screen.getByTestId(testIds.chargeback.total)).toHaveTextContent('$100.00');
  expect(firstColumn('teams')).toEqual(['a', 'b', 'Unallocated', 'Total']);
  expect(firstColumn('api_keys')).toEqual(['k1', 'k2', '(no API key)', 'Total']);
  expect(firstColumn('daily')).toHaveLength(31);
  expect(
    within(section('forecast')).getByText('No forecast: a forecast is made for the current month only.')
  ).toBeInTheDocument();
  expect(within(section('anomalies')).getByText('2026-11-20 13:00 UTC')).toBeInTheDocument();
  expect(screen.getByTestId(testIds.chargeback.warnings)).toHaveTextContent(
    '1 model used without a price: llama-x — 4.20 M tokens'
  );
  deactivate();
});

test('the allocation rule rebuilds the report from the answers it has: no new request', async () => {
  const { deactivate } = await openScene();
  await screen.findByTestId(testIds.chargeback.heading);
  const asked = requests.length;
  await userEvent.click(screen.getByRole('radio', { name: 'Spread proportionally' }));
  await waitFor(() =>
    expect(screen.getByTestId(testIds.chargeback.heading).nextSibling).toHaveTextContent('proportional to team spend')
  );
  const unallocated = within(section('teams')).getByRole('row', { name: /^Unallocated/ });
  expect(unallocated).toHaveTextContent('−$10.00');
  expect(requests).toHaveLength(asked);
  deactivate();
});

test('the URL drives the period and scope: a team runs the report again, the same URL does not', async () => {
  const { scene, deactivate } = await openScene();
  await screen.findByTestId(testIds.chargeback.heading);
  act(() => scene.updateFromUrl({ month: '2026-11', team: 'a' }));
  await waitFor(() => expect(screen.getByTestId(testIds.chargeback.heading)).toHaveTextContent('2026-11 · team a'));
  expect(requests.length).toBeGreaterThan(3);
  expect(firstColumn('teams')).toEqual(['a', 'Total']);
  const asked = requests.length;
  act(() => scene.updateFromUrl({ month: '2026-11', team: 'a' }));
  expect(requests).toHaveLength(asked);
  deactivate();
});

test('month navigation: back one month; no step past the current month', async () => {
  const { scene, deactivate } = await openScene({
    period: { kind: 'month', month: '2026-12' },
    scope: { kind: 'all' },
  });
  expect(screen.getByTestId(testIds.chargeback.month)).toHaveTextContent('December 2026');
  expect(screen.getByTestId(testIds.chargeback.nextMonth)).toBeDisabled();
  await userEvent.click(screen.getByTestId(testIds.chargeback.previousMonth));
  expect(scene.state.selection.period).toEqual({ kind: 'month', month: '2026-11' });
  expect(screen.getByTestId(testIds.chargeback.nextMonth)).toBeEnabled();
  deactivate();
});

test('a month in the future: its problem, no queries, no CSV', async () => {
  const { deactivate } = await openScene({ period: { kind: 'month', month: '2027-02' }, scope: { kind: 'all' } });
  const problems = await screen.findByTestId(testIds.chargeback.problems);
  expect(problems).toHaveTextContent('2027-02 is in the future: the last full month is 2026-11.');
  expect(requests).toEqual([]);
  expect(screen.queryByTestId(testIds.chargeback.heading)).toBeNull();
  expect(screen.getByTestId(testIds.chargeback.downloadCsv)).toBeDisabled();
  deactivate();
});

test('an unknown team: the report says so instead of an empty report', async () => {
  const { deactivate } = await openScene({
    period: { kind: 'month', month: '2026-11' },
    scope: { kind: 'team', team: 'nobody' },
  });
  const problems = await screen.findByTestId(testIds.chargeback.problems);
  expect(problems).toHaveTextContent('Unknown team "nobody"');
  deactivate();
});

test('failed queries: the error, no report', async () => {
  failWith = 'bad_data: 1:1: parse error';
  const { deactivate } = await openScene();
  expect(await screen.findByText('bad_data: 1:1: parse error')).toBeInTheDocument();
  expect(screen.queryByTestId(testIds.chargeback.heading)).toBeNull();
  deactivate();
});

test('Download CSV: the report as one CSV file named after its period and scope', async () => {
  const { scene, deactivate } = await openScene();
  await screen.findByTestId(testIds.chargeback.heading);
  await userEvent.click(screen.getByTestId(testIds.chargeback.downloadCsv));
  const outcome = scene.state.outcome!;
  expect(outcome.ok).toBe(true);
  expect(downloadText).toHaveBeenCalledWith(
    'aispend-chargeback-2026-11-all-teams.csv',
    reportToCsv(outcome.ok ? outcome.report : (undefined as never))
  );
  deactivate();
});

test('the print layout: the stylesheet is on the page while the report is, and each section carries the running header', async () => {
  const { view, deactivate } = await openScene();
  await screen.findByTestId(testIds.chargeback.heading);
  const style = view.container.querySelector('style')!.textContent!;
  expect(style).toContain('@media print');
  expect(style).toContain('break-before: page');
  expect(within(section('models')).getByText('Chargeback report · 2026-11 · all teams')).toBeInTheDocument();
  deactivate();
});
