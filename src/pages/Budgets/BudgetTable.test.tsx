import React from 'react';
import { act, render, screen, within } from '@testing-library/react';
import { AppRootProps, createDataFrame, FieldType, getDefaultTimeRange, LoadingState, PanelData } from '@grafana/data';
import { CustomVariable, EmbeddedScene, SceneDataNode, SceneTimeRange, SceneVariableSet } from '@grafana/scenes';
import { DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import { of } from 'rxjs';
import { testIds } from '../../components/testIds';
import { COVERAGE_REF, CoverageProvider } from '../../scenes/coverageProvider';
import { PluginPropsContext } from '../../utils/utils.plugin';
import { BudgetTable } from './BudgetTable';

const frame = (refId: string, team: string, value: number) =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [Date.UTC(2026, 9, 31, 12)] },
      { name: 'Value', type: FieldType.number, values: [value], labels: { team } },
    ],
  });

const FRAMES = [
  frame('limit', 'platform', 540),
  frame('spend', 'platform', 476.29),
  frame('limit', 'data-science', 5880),
  frame('spend', 'data-science', 5703.57),
  frame('limit', 'marketing', 2680),
  frame('spend', 'marketing', 1207.74),
  frame('burnRate', 'platform', 16.2),
  frame('burnRate', 'data-science', 194.6),
  frame('burnRate', 'marketing', 46.5),
  frame('burnRate', 'support', 6.8),
];

/** Hours of the 7-day burn window with data, as the page's coverage query answers. */
let burnWindowHours = 168;

beforeAll(() => {
  setDataSourceSrv({
    get: async () => ({ uid: 'prom', type: 'prometheus', getRef: () => ({ uid: 'prom' }) }),
  } as unknown as DataSourceSrv);
  setRunRequest((_ds, request) =>
    of({
      state: LoadingState.Done,
      series: [
        createDataFrame({
          refId: COVERAGE_REF,
          fields: [{ name: 'Value', type: FieldType.number, values: [burnWindowHours], labels: { aispend_period: 'current' } }],
        }),
      ],
      timeRange: request.range,
      request,
    })
  );
});

async function renderTable(jsonData: object = {}, frames = FRAMES, hours = 168, answer: Partial<PanelData> = {}) {
  burnWindowHours = hours;
  const table = new BudgetTable({
    $data: new SceneDataNode({ data: { state: LoadingState.Done, series: frames, timeRange: getDefaultTimeRange(), ...answer } }),
  });
  const team = new CustomVariable({
    name: 'team',
    query: 'data-science,marketing,platform,support',
    isMulti: true,
    includeAll: true,
    value: '$__all',
    text: 'All',
  });
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({
      from: '2026-10-01T12:00:00.000Z',
      to: '2026-10-31T12:00:00.000Z',
      timeZone: 'utc',
    }),
    $variables: new SceneVariableSet({ variables: [team] }),
    $behaviors: [new CoverageProvider({ uid: 'prom', type: 'prometheus' }, { periods: 1, trailingDays: 7 })],
    body: table,
  });
  // the page is active in the app: its variable set then tells the table about filter changes
  scene.activate();
  render(
    <PluginPropsContext.Provider value={{ meta: { jsonData } } as unknown as AppRootProps}>
      <table.Component model={table} />
    </PluginPropsContext.Provider>
  );
  // the page's coverage query answers
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return { team };
}

const ids = testIds.budgets;
const rowKeys = () =>
  screen
    .getAllByTestId(/^data-testid budgets-row-/)
    .map((r) => r.getAttribute('data-testid')!.replace('data-testid budgets-row-', ''));

test('one row per team, riskiest first, with the team and utilization cells and a coloured gauge', async () => {
  await renderTable();
  expect(rowKeys()).toEqual(['data-science', 'platform', 'marketing', 'support']);
  expect(screen.getByTestId(ids.team('platform'))).toHaveTextContent('platform');
  expect(screen.getByTestId(ids.utilization('platform'))).toHaveTextContent('88.2 %');
  expect(screen.getByTestId(ids.utilization('data-science'))).toHaveTextContent('97.0 %');
  const gauges = screen.getAllByRole('meter');
  expect(
    gauges.map((g) => [g.getAttribute('aria-label'), g.getAttribute('aria-valuenow'), g.getAttribute('data-colour')])
  ).toEqual([
    ['Budget utilization of data-science', '97', 'red'],
    ['Budget utilization of platform', '88.2', 'orange'],
    ['Budget utilization of marketing', '45.1', 'green'],
  ]);
  const support = screen.getByTestId(ids.row('support'));
  expect(within(support).queryByRole('meter')).toBeNull();
  expect(screen.getByTestId(ids.utilization('support'))).toHaveTextContent('no budget');
  expect(within(screen.getByTestId(ids.row('platform'))).getByText('$476.29 / $540.00')).toBeInTheDocument();
  expect(within(screen.getByTestId(ids.row('platform'))).getByText('3.9 days')).toBeInTheDocument();
});

test('the thresholds of the app settings colour the gauges and are stated', async () => {
  await renderTable({ budgetWarningPercent: 40, budgetCriticalPercent: 88 });
  expect(screen.getAllByRole('meter').map((g) => g.getAttribute('data-colour'))).toEqual(['red', 'red', 'orange']);
  expect(screen.getByText(/gauges are green below 40 %, orange from 40 % and red from 88 %/)).toBeInTheDocument();
});

test('the team filter narrows the rows', async () => {
  const { team } = await renderTable();
  act(() => team.changeValueTo(['support', 'platform']));
  expect(rowKeys()).toEqual(['platform', 'support']);
});

test('nothing to show says so', async () => {
  await renderTable({}, []);
  expect(screen.getByText('No budgets and no spend')).toBeInTheDocument();
});

test('the whole burn window has data: the 7-day rate, no note', async () => {
  await renderTable();
  expect(within(screen.getByTestId(ids.row('platform'))).getByText('$16.20/day')).toBeInTheDocument();
  expect(screen.queryByTestId(ids.burnCoverage)).toBeNull();
});

test('2 of the 7 days have data (a new installation): burn rates over those days, said on the page and per row', async () => {
  await renderTable({}, FRAMES, 48);
  expect(await screen.findByTestId(ids.burnCoverage)).toHaveTextContent(
    'The 7 days before have data for 2 of 7 days: burn rates are over those days'
  );
  const platform = within(screen.getByTestId(ids.row('platform')));
  expect(platform.getByText('$56.70/day')).toBeInTheDocument();
  expect(platform.getByText('from 2 of 7 days')).toBeInTheDocument();
  // 63.71 remaining at 56.70 a day
  expect(platform.getByText('1.1 days')).toBeInTheDocument();
});

test('a burn-rate query Prometheus refuses at scale: the table is an error naming the query and the limit, no rows', async () => {
  await renderTable({}, [], 168, {
    state: LoadingState.Error,
    errors: [{ refId: 'burnRate', message: 'query processing would load too many samples into memory in query execution' }],
    request: { targets: [{ refId: 'burnRate', expr: 'sum(x) / 7' }] } as unknown as PanelData['request'],
  });
  expect(screen.getByText('The budget queries failed')).toBeInTheDocument();
  expect(
    screen.getByText(
      'Prometheus refused "Burn rate (7 days)" (sum(x) / 7): it would load more samples than --query.max-samples allows (50,000,000 by default). Narrow the time range or the filters, or raise --query.max-samples.'
    )
  ).toBeInTheDocument();
  expect(screen.queryAllByTestId(/^data-testid budgets-row-/)).toEqual([]);
});
