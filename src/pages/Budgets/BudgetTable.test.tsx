import React from 'react';
import { act, render, screen, within } from '@testing-library/react';
import { AppRootProps, createDataFrame, FieldType, getDefaultTimeRange, LoadingState } from '@grafana/data';
import { CustomVariable, EmbeddedScene, SceneDataNode, SceneTimeRange, SceneVariableSet } from '@grafana/scenes';
import { testIds } from '../../components/testIds';
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

function renderTable(jsonData: object = {}, frames = FRAMES) {
  const table = new BudgetTable({
    $data: new SceneDataNode({ data: { state: LoadingState.Done, series: frames, timeRange: getDefaultTimeRange() } }),
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
    body: table,
  });
  // the page is active in the app: its variable set then tells the table about filter changes
  scene.activate();
  render(
    <PluginPropsContext.Provider value={{ meta: { jsonData } } as unknown as AppRootProps}>
      <table.Component model={table} />
    </PluginPropsContext.Provider>
  );
  return { team };
}

const ids = testIds.budgets;
const rowKeys = () =>
  screen
    .getAllByTestId(/^data-testid budgets-row-/)
    .map((r) => r.getAttribute('data-testid')!.replace('data-testid budgets-row-', ''));

test('one row per team, riskiest first, with the team and utilization cells and a coloured gauge', () => {
  renderTable();
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

test('the thresholds of the app settings colour the gauges and are stated', () => {
  renderTable({ budgetWarningPercent: 40, budgetCriticalPercent: 88 });
  expect(screen.getAllByRole('meter').map((g) => g.getAttribute('data-colour'))).toEqual(['red', 'red', 'orange']);
  expect(screen.getByText(/gauges are green below 40 %, orange from 40 % and red from 88 %/)).toBeInTheDocument();
});

test('the team filter narrows the rows', () => {
  const { team } = renderTable();
  act(() => team.changeValueTo(['support', 'platform']));
  expect(rowKeys()).toEqual(['platform', 'support']);
});

test('nothing to show says so', () => {
  renderTable({}, []);
  expect(screen.getByText('No budgets and no spend')).toBeInTheDocument();
});
