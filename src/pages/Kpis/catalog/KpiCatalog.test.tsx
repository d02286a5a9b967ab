/**
 * The catalog and its editor through the UI, on a fake settings endpoint and KPI datasource:
 * values, permissions, validation, save, conflict (nothing lost), edit and delete.
 */
import React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { OrgRole } from '@grafana/data';
import { config, getBackendSrv, getDataSourceSrv, getRunRequest } from '@grafana/runtime';
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout, SceneTimeRange } from '@grafana/scenes';
import { testIds } from '../../../components/testIds';
import { DEFAULT_APP_SETTINGS, type CustomKpiSetting } from '../../../settings/model';
import { fakeDataSourceSrv, fakeKpiDatasource, fakeRunRequest, FakeSettingsBackend } from '../testing/fakeGrafana';
import { KpiCatalog } from './KpiCatalog';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: jest.fn(),
  getDataSourceSrv: jest.fn(),
  getRunRequest: jest.fn(),
}));

// typing through Grafana's inputs is slow in jsdom
jest.setTimeout(30_000);

beforeAll(() => {
  // Combobox measures text on a canvas and watches its anchor: jsdom has neither
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    value: () => ({ measureText: (text: string) => ({ width: text.length * 8 }), font: '' }),
  });
  global.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  global.IntersectionObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
});

const teamShare: CustomKpiSetting = {
  id: 'team_share',
  name: 'Team share',
  formula: 'team["ml"].total_cost / total_cost * 100',
  unit: '%',
  decimals: 1,
  direction: 'neutral',
  thresholds: [],
  description: 'ML share of spend',
};

let settings: FakeSettingsBackend;
let ds: ReturnType<typeof fakeKpiDatasource>;

function renderCatalog(role: 'Admin' | 'Editor' | 'Viewer', customKpis: CustomKpiSetting[] = [teamShare]) {
  config.bootData.user.orgRole = OrgRole[role];
  settings = new FakeSettingsBackend({ ...DEFAULT_APP_SETTINGS, customKpis, version: 7 });
  settings.role = role;
  // the KPI's value by id; an inline formula (the editor's preview) is worth 42
  ds = fakeKpiDatasource((q) =>
    q.kpiId === 'total_spend' ? 11394.5 : q.kpiId === 'team_share' ? 12.5 : q.formula ? 42 : undefined
  );
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: settings.fetch });
  (getDataSourceSrv as jest.Mock).mockReturnValue(fakeDataSourceSrv(ds));
  (getRunRequest as jest.Mock).mockReturnValue(fakeRunRequest);
  const catalog = new KpiCatalog({ datasource: { uid: 'kpi', type: 'aispend-kpi-datasource' } });
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-30d', to: 'now' }),
    body: new SceneFlexLayout({ children: [new SceneFlexItem({ body: catalog })] }),
  });
  render(
    <MemoryRouter initialEntries={['/a/aispend-finops-app/kpis']}>
      <scene.Component model={scene} />
    </MemoryRouter>
  );
  return catalog;
}

const row = (id: string) => document.querySelector(`tr[data-kpi-id="${id}"]`) as HTMLElement;
/** The row once its value arrived. */
const loadedRow = async (id: string) => {
  await waitFor(() => expect(row(id)).not.toBeNull());
  return row(id);
};
const saveButton = () => screen.getByTestId(testIds.kpis.save);

async function openNewKpi(name: string, formula: string) {
  await userEvent.click(await screen.findByRole('button', { name: 'New KPI' }));
  await userEvent.type(screen.getByRole('textbox', { name: /^Name/ }), name);
  await userEvent.type(screen.getByRole('combobox', { name: 'Formula' }), formula);
}

test('values for the range; standard KPIs read-only; Admins get + New, gear and trash on custom KPIs', async () => {
  renderCatalog('Admin');
  await waitFor(() => expect(within(row('total_spend')).getByText('$11,394.50')).toBeInTheDocument());
  expect(within(row('team_share')).getByText('12.5 %')).toBeInTheDocument();
  expect(within(row('team_share')).getByText('custom')).toBeInTheDocument();
  expect(within(row('team_share')).getByRole('button', { name: 'Edit Team share' })).toBeInTheDocument();
  expect(within(row('team_share')).getByRole('button', { name: 'Delete Team share' })).toBeInTheDocument();
  expect(within(row('total_spend')).queryByRole('button')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'New KPI' })).toBeInTheDocument();
  expect(within(row('total_spend')).getByRole('link', { name: 'Total spend' })).toHaveAttribute(
    'href',
    '/a/aispend-finops-app/kpis/total_spend'
  );
});

test.each(['Viewer', 'Editor'] as const)('%s: no + New, no gear, no trash', async (role) => {
  renderCatalog(role);
  await waitFor(() => expect(within(row('team_share')).getByText('12.5 %')).toBeInTheDocument());
  expect(screen.queryByRole('button', { name: 'New KPI' })).not.toBeInTheDocument();
  expect(within(row('team_share')).queryByRole('button')).not.toBeInTheDocument();
});

test('a formula with a problem shows it at its column and cannot be saved', async () => {
  renderCatalog('Admin');
  await openNewKpi('Cost ratio', 'total_cost / totl_cost');
  const problems = await screen.findByRole('list', { name: 'Formula problems' });
  expect(
    within(problems).getByText('column 14: unknown measure `totl_cost` — did you mean `total_cost`?')
  ).toBeInTheDocument();
  expect(saveButton()).toBeDisabled();
  expect(settings.posts).toEqual([]);
});

test('a duplicate id is refused', async () => {
  renderCatalog('Admin');
  await openNewKpi('Something', 'total_cost');
  const id = screen.getByRole('textbox', { name: /^Id/ });
  await userEvent.clear(id);
  await userEvent.type(id, 'team_share');
  expect(await screen.findByText('A custom KPI with the id "team_share" already exists')).toBeInTheDocument();
  expect(saveButton()).toBeDisabled();
});

test('save: the live preview, then the KPI written on top of the version the editor opened with', async () => {
  renderCatalog('Admin');
  await openNewKpi('Anthropic share', 'anthropic.total_cost / total_cost * 100');
  // the preview runs the inline formula through the KPI datasource
  await waitFor(() =>
    expect(within(screen.getByTestId(testIds.kpis.previewValue)).getByText('$42.00')).toBeInTheDocument()
  );
  expect(ds.queries).toContainEqual(
    expect.objectContaining({ refId: 'preview', formula: 'anthropic.total_cost / total_cost * 100', mode: 'instant' })
  );
  await userEvent.click(saveButton());
  await waitFor(() => expect(settings.posts).toHaveLength(1));
  expect(settings.posts[0].version).toBe(8);
  expect(settings.posts[0].customKpis).toEqual([
    teamShare,
    {
      id: 'anthropic_share',
      name: 'Anthropic share',
      formula: 'anthropic.total_cost / total_cost * 100',
      unit: 'USD',
      decimals: 2,
      direction: 'neutral',
      thresholds: [],
      description: '',
    },
  ]);
  expect(await screen.findByText('Saved "Anthropic share".')).toBeInTheDocument();
  expect(screen.queryByTestId(testIds.kpis.editor)).not.toBeInTheDocument();
  expect(within(row('anthropic_share')).getByText('custom')).toBeInTheDocument();
});

test('conflict: someone saved meanwhile — the message, the draft kept, and a save on top of theirs', async () => {
  renderCatalog('Admin');
  await openNewKpi('Anthropic share', 'anthropic.total_cost / total_cost * 100');
  const theirs = { ...teamShare, id: 'theirs', name: 'Theirs' };
  act(() => settings.saveFromElsewhere({ customKpis: [teamShare, theirs] }));
  await userEvent.click(saveButton());
  expect(await screen.findByText('Not saved: the settings changed')).toBeInTheDocument();
  expect(screen.getByText(/Someone saved the AI Spend settings in the meantime \(version 8\)/)).toBeInTheDocument();
  expect(settings.posts).toEqual([]);
  // nothing typed is lost
  expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Anthropic share');
  expect(screen.getByRole('combobox', { name: 'Formula' })).toHaveValue('anthropic.total_cost / total_cost * 100');

  await userEvent.click(screen.getByRole('button', { name: /Load the latest settings/ }));
  await waitFor(() => expect(row('theirs')).toBeInTheDocument());
  await userEvent.click(saveButton());
  await waitFor(() => expect(settings.posts).toHaveLength(1));
  expect(settings.posts[0].version).toBe(9);
  expect(settings.posts[0].customKpis.map((k) => k.id)).toEqual(['team_share', 'theirs', 'anthropic_share']);
});

test('edit (gear): the id stays, the formula changes in place', async () => {
  renderCatalog('Admin');
  await userEvent.click(await within(await loadedRow('team_share')).findByRole('button', { name: 'Edit Team share' }));
  expect(screen.getByRole('textbox', { name: /^Id/ })).toBeDisabled();
  const formula = screen.getByRole('combobox', { name: 'Formula' });
  await userEvent.clear(formula);
  // userEvent reads "[[" as a typed "["
  await userEvent.type(formula, 'team[["ml"].total_cost / 2');
  await userEvent.click(saveButton());
  await waitFor(() => expect(settings.posts).toHaveLength(1));
  expect(settings.posts[0].customKpis).toEqual([{ ...teamShare, formula: 'team["ml"].total_cost / 2' }]);
});

test('delete (trash): asks first, then removes the KPI', async () => {
  renderCatalog('Admin');
  await userEvent.click(
    await within(await loadedRow('team_share')).findByRole('button', { name: 'Delete Team share' })
  );
  expect(screen.getByText(/Delete "Team share" \(team_share\)\?/)).toBeInTheDocument();
  expect(settings.posts).toEqual([]);
  await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
  await waitFor(() => expect(settings.posts).toHaveLength(1));
  expect(settings.posts[0].customKpis).toEqual([]);
  expect(await screen.findByText('Deleted "Team share".')).toBeInTheDocument();
  expect(row('team_share')).toBeNull();
});

test('a write the server refuses (not an Admin there) keeps the draft and says why', async () => {
  renderCatalog('Admin');
  await openNewKpi('Anthropic share', 'anthropic.total_cost / total_cost * 100');
  settings.role = 'Editor';
  await userEvent.click(saveButton());
  expect(await screen.findByText('Not saved')).toBeInTheDocument();
  expect(screen.getByText('Permission denied')).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Anthropic share');
});
