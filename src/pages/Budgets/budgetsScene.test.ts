import { createDataFrame, FieldType, LoadingState } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import { of } from 'rxjs';
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout, SceneQueryRunner } from '@grafana/scenes';
import { CoverageProvider } from '../../scenes/coverageProvider';
import { BudgetAlertRules } from './BudgetAlertRules';
import { BudgetTable } from './BudgetTable';
import { budgetsScene } from './budgetsScene';
import { budgetResultsFromFrames } from './budgetTargets';

const datasources = {
  kpi: { uid: 'kpi', type: 'aispend-kpi-datasource' },
  prometheus: { uid: 'prom', type: 'prometheus' },
};

beforeAll(() => {
  // a Prometheus without the tier clock: the burn window reads the one-minute tier
  setDataSourceSrv({ get: async () => ({ uid: 'prom', type: 'prometheus' }), getInstanceSettings: () => undefined } as unknown as DataSourceSrv);
  setRunRequest((_ds, request) => of({ state: LoadingState.Done, series: [], timeRange: request.range }));
});

/** The table's queries once its runner is active (they are built when it activates). */
async function activeQueries(scene: EmbeddedScene) {
  const r = runner(scene);
  const deactivate = r.activate();
  await new Promise((resolve) => setTimeout(resolve, 0));
  deactivate();
  return r.state.queries;
}

function children(scene: EmbeddedScene) {
  return ((scene.state.body as SceneFlexLayout).state.children as SceneFlexItem[]).map((item) => item.state.body);
}

function runner(scene: EmbeddedScene): SceneQueryRunner {
  return (children(scene)[0] as BudgetTable).state.$data as SceneQueryRunner;
}

test('a budgets table and the alert rules box, on the Prometheus behind the KPI datasource', () => {
  const [table, rules] = children(budgetsScene(datasources));
  expect(table).toBeInstanceOf(BudgetTable);
  expect(rules).toBeInstanceOf(BudgetAlertRules);
  expect((rules as BudgetAlertRules).state.prometheusUid).toBe('prom');
  expect(runner(budgetsScene(datasources)).state.datasource).toEqual(datasources.prometheus);
});

// three requests for the whole table, each grouped by team, whatever the number of teams
test.each([
  ['limit', 'max by (team, period) (aigateway:budget_limit_usd < +Inf)'],
  ['spend', 'max by (team, period) (aigateway:budget_spend_usd)'],
  [
    'burnRate',
    '(sum by (team) (sum_over_time(aigateway:spend_usd:increase1m{team!=""}[604799999ms])) or ' +
      'sum(sum_over_time(aigateway:spend_usd:increase1m[604799999ms]))) / 7',
  ],
])('instant query %s', async (refId, expr) => {
  const queries = await activeQueries(budgetsScene(datasources));
  expect(queries).toHaveLength(3);
  expect(queries.find((q) => q.refId === refId)).toEqual({
    refId,
    expr,
    instant: true,
    range: false,
    editorMode: 'code',
  });
});

test('only the team filter (budgets have no provider or model), a 30-day range and the page controls', async () => {
  const scene = budgetsScene(datasources);
  expect(scene.state.$variables?.state.variables.map((v) => v.state.name)).toEqual(['team']);
  expect(scene.state.$timeRange?.state.from).toBe('now-30d');
  expect(scene.state.controls?.length).toBeGreaterThan(0);
  // the team filter narrows the rows on screen: changing it fires no query
  const queries = await activeQueries(scene);
  expect(queries).toHaveLength(3);
  expect(JSON.stringify(queries)).not.toContain('$');
});

test('frames of the three queries back to labelled samples, by refId', () => {
  const frame = (refId: string, value: number, labels: Record<string, string>) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [1] },
        { name: 'Value', type: FieldType.number, values: [value], labels },
      ],
    });
  const results = budgetResultsFromFrames([
    frame('limit', 540, { team: 'platform' }),
    frame('spend', 476.29, { team: 'platform' }),
    frame('burnRate', 16.2, { team: 'platform' }),
    frame('burnRate', 6.8, { team: 'support' }),
    frame('other', 1, { team: 'x' }),
  ]);
  expect(results).toEqual({
    limit: [{ labels: { team: 'platform' }, value: 540 }],
    spend: [{ labels: { team: 'platform' }, value: 476.29 }],
    burnRate: [
      { labels: { team: 'platform' }, value: 16.2 },
      { labels: { team: 'support' }, value: 6.8 },
    ],
  });
});

test('one coverage query: how much of the 7-day burn window has data', () => {
  const providers = budgetsScene(datasources).state.$behaviors!.filter((b): b is CoverageProvider => b instanceof CoverageProvider);
  expect(providers.map((p) => [p.state.periods, p.state.trailingDays])).toEqual([[1, 7]]);
  expect((providers[0].state.$data as SceneQueryRunner).state.datasource).toEqual(datasources.prometheus);
});
