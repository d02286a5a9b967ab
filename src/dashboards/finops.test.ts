/**
 * The recommended FinOps dashboard (seed 001 §7) as shipped in src/dashboards/finops.json:
 * its 13 panels in the seed's layout, KPI queries that the datasource can plan, the budget
 * thresholds of alerting, filter variables whose "All" means no filter, and the top-10 table.
 */
import { DataQueryRequest, getFieldDisplayName } from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import fs from 'fs';
import path from 'path';
import { KPI_DATASOURCE_PLUGIN_ID, PLUGIN_BASE_URL, ROUTES, VARIABLES } from '../constants';
import { decorateFrame, GRAFANA_USD, grafanaUnit, thresholdsOf } from '../datasource/frames';
import { filtersFromRequest } from '../datasource/variables';
import { findStandardKpi } from '../engine/catalog';
import { BUDGET_CRITICAL_PERCENT, BUDGET_WARNING_PERCENT, GROUP_BY_LABELS } from '../engine/conventions';
import { check } from '../engine/language';
import appManifest from '../plugin.json';
import finops from './finops.json';
import {
  DashboardModel,
  DashboardPanel,
  kpiTargets,
  overlaps,
  panelRangeSeconds,
  PanelTarget,
  planTarget,
  Thresholds,
} from './dashboardModel';
import { applyPanelTransformations, prometheusTableFrame } from './panelTransforms';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getTemplateSrv: jest.fn() }));

const dashboard = finops as unknown as DashboardModel;
const KPI_DS_REF = { type: KPI_DATASOURCE_PLUGIN_ID, uid: `\${${VARIABLES.kpiDatasource}}` };
const byTitle = (title: string): DashboardPanel => dashboard.panels.find((p) => p.title === title)!;
const planFor = (panel: DashboardPanel, target: PanelTarget) =>
  planTarget(dashboard, panel, target, Date.UTC(2026, 0, 1));

/** Seed 001 §7, box by box, top to bottom and left to right. */
const SEED_ROWS: Array<Array<[string, string]>> = [
  [['AI Gateway FinOps Dashboard', 'text']],
  [
    ['Total Spend (24h)', 'stat'],
    ['Cost/Request (avg)', 'stat'],
    ['Budget Used (month)', 'stat'],
    ['Cache Hit %', 'stat'],
    ['Burn Rate (days remaining)', 'stat'],
  ],
  [['Hourly Spend by Model', 'timeseries']],
  [
    ['Cost Distribution by Team', 'piechart'],
    ['Budget Utilization', 'gauge'],
  ],
  [
    ['Provider Spend Breakdown', 'piechart'],
    ['Cost Per 1K Tokens', 'timeseries'],
  ],
  [['Token Usage: Input vs Output', 'timeseries']],
  [['Top 10 Spenders', 'table']],
];

test('the dashboard has exactly the 13 panels of seed 001 §7, with unique ids', () => {
  expect(dashboard.panels.map((p) => [p.title, p.type])).toEqual(SEED_ROWS.flat());
  expect(dashboard.panels).toHaveLength(13);
  expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(13);
});

test('the grid follows the seed: one row per line of boxes, left to right, each row the full 24 columns', () => {
  const rows = [...new Set(dashboard.panels.map((p) => p.gridPos.y))].sort((a, b) => a - b);
  const titlesByRow = rows.map((y) =>
    dashboard.panels
      .filter((p) => p.gridPos.y === y)
      .sort((a, b) => a.gridPos.x - b.gridPos.x)
      .map((p) => p.title)
  );
  expect(titlesByRow).toEqual(SEED_ROWS.map((row) => row.map(([title]) => title)));
  for (const y of rows) {
    expect(dashboard.panels.filter((p) => p.gridPos.y === y).reduce((sum, p) => sum + p.gridPos.w, 0)).toBe(24);
  }
});

test('no two panels overlap and every panel fits in 24 columns', () => {
  const panels = dashboard.panels;
  for (const [i, a] of panels.entries()) {
    expect(a.gridPos.x + a.gridPos.w).toBeLessThanOrEqual(24);
    for (const b of panels.slice(i + 1)) {
      expect([a.title, b.title, overlaps(a.gridPos, b.gridPos)]).toEqual([a.title, b.title, false]);
    }
  }
});

test('a stable uid, 30 s refresh, the last 24 h, tags, and links to the app pages', () => {
  expect(dashboard).toMatchObject({ uid: 'aispend-finops', refresh: '30s', time: { from: 'now-24h', to: 'now' } });
  expect(dashboard.tags).toEqual(expect.arrayContaining(['aispend', 'finops']));
  const routes = Object.values(ROUTES).map((route) => `${PLUGIN_BASE_URL}/${route}`);
  expect(dashboard.links.length).toBeGreaterThan(0);
  expect(dashboard.links.filter((l) => !routes.includes(l.url))).toEqual([]);
});

test('the plugin includes the dashboard by its path and uid, and the file is where it says', () => {
  const include = appManifest.includes.find((i) => i.type === 'dashboard') as {
    path: string;
    uid?: string;
    name: string;
  };
  expect(include).toMatchObject({ path: 'dashboards/finops.json', uid: dashboard.uid, name: dashboard.title });
  expect(fs.existsSync(path.join(__dirname, '..', include.path))).toBe(true);
});

describe('variables', () => {
  const variables = dashboard.templating.list;

  test('a datasource variable picks the KPI datasource, and every panel and query uses it', () => {
    expect(variables[0]).toMatchObject({
      name: VARIABLES.kpiDatasource,
      type: 'datasource',
      query: KPI_DATASOURCE_PLUGIN_ID,
    });
    for (const panel of dashboard.panels.filter((p) => p.targets)) {
      expect([panel.title, panel.datasource]).toEqual([panel.title, KPI_DS_REF]);
      expect(panel.targets!.map((t) => t.datasource)).toEqual(panel.targets!.map(() => KPI_DS_REF));
    }
  });

  test.each([
    [VARIABLES.provider, 'providers'],
    [VARIABLES.model, 'models'],
    [VARIABLES.team, 'teams'],
  ])('%s: a multi-value query variable of the KPI datasource (%s) with All selected', (name, kind) => {
    expect(variables.find((v) => v.name === name)).toMatchObject({
      type: 'query',
      query: kind,
      datasource: KPI_DS_REF,
      multi: true,
      includeAll: true,
      current: { value: ['$__all'] },
    });
  });

  /** Grafana formats `${var:json}` as the custom all value verbatim when All is selected, else the values as JSON. */
  function templateSrv(selected: Record<string, string[]>) {
    return {
      getVariables: () => variables,
      replace: (text: string) => {
        const name = /^\$\{(\w+):json\}$/.exec(text)?.[1];
        const variable = variables.find((v) => v.name === name);
        if (!variable) {
          return text;
        }
        const values = selected[variable.name] ?? ['$__all'];
        if (values[0] === '$__all') {
          return variable.allValue ?? JSON.stringify(['openai', 'anthropic']);
        }
        return JSON.stringify(values);
      },
    };
  }

  test.each([
    [{}, {}],
    [{ team: ['platform'] }, { team: ['platform'] }],
    [{ provider: ['openai', 'anthropic'], model: ['$__all'] }, { provider: ['openai', 'anthropic'] }],
  ])(
    'selection %j reaches the KPI datasource as filters %j ("All" is no filter, so unlabelled series stay in)',
    (selected, filters) => {
      (getTemplateSrv as jest.Mock).mockReturnValue(templateSrv(selected));
      expect(filtersFromRequest({ scopedVars: {} } as unknown as DataQueryRequest, Object.values(VARIABLES))).toEqual(
        filters
      );
    }
  );
});

describe('KPI queries', () => {
  const targets = kpiTargets(dashboard);

  test('every query of every panel goes through the KPI datasource', () => {
    const all = dashboard.panels.flatMap((p) => p.targets ?? []);
    expect(targets).toHaveLength(all.length);
    expect(all.length).toBe(14);
  });

  const describeTarget = (t: PanelTarget) =>
    [t.kpiId ?? `formula ${t.formula}`, t.mode, t.groupBy ?? '-', t.step ?? '-', t.legendFormat ?? '-'].join(' | ');

  test.each([
    ['Total Spend (24h)', ['total_spend | instant | - | - | -']],
    ['Cost/Request (avg)', ['cost_per_inference | instant | - | - | -']],
    ['Budget Used (month)', ['budget_utilization | instant | - | - | -']],
    ['Cache Hit %', ['cache_hit_rate | instant | - | - | -']],
    ['Burn Rate (days remaining)', ['days_to_exhaustion | instant | - | - | -']],
    ['Hourly Spend by Model', ['total_spend | range | model | 1h | -']],
    ['Cost Distribution by Team', ['total_spend | instant | team | - | -']],
    ['Budget Utilization', ['budget_utilization | instant | team | - | -']],
    ['Provider Spend Breakdown', ['total_spend | instant | provider | - | -']],
    [
      'Cost Per 1K Tokens',
      ['cost_per_1k_tokens | range | model | 1h | -', 'cost_per_1k_tokens | range | - | 1h | All models'],
    ],
    [
      'Token Usage: Input vs Output',
      ['formula input_tokens | range | - | 1h | Input', 'formula output_tokens | range | - | 1h | Output'],
    ],
    ['Top 10 Spenders', ['total_spend | instant | user | - | Spend']],
  ])('%s queries %j', (title, expected) => {
    expect(byTitle(title).targets!.map(describeTarget)).toEqual(expected);
  });

  test.each(targets.map(({ panel, target }) => [panel.title, target.refId, panel, target] as const))(
    '%s %s: a standard KPI or a formula that checks, planned into PromQL',
    (_title, _refId, panel, target) => {
      if (target.kpiId) {
        expect(findStandardKpi(target.kpiId)).toBeDefined();
      } else {
        expect(check(target.formula!).diagnostics).toEqual([]);
      }
      expect(['instant', 'range']).toContain(target.mode);
      expect(target.groupBy === undefined || (GROUP_BY_LABELS as readonly string[]).includes(target.groupBy)).toBe(
        true
      );
      const plan = planFor(panel, target);
      expect(plan.promql).toContain('aigateway:');
    }
  );
});

describe('units, decimals and thresholds', () => {
  const steps = (t: Thresholds | undefined) => t?.steps.map((s) => [s.value, s.color]);
  const budgetSteps = [
    [null, 'green'],
    [BUDGET_WARNING_PERCENT, 'orange'],
    [BUDGET_CRITICAL_PERCENT, 'red'],
  ];

  test.each(['Budget Used (month)', 'Budget Utilization'])(
    "%s: warning at 80 %%, critical at 95 %%, over the KPI datasource's own",
    (title) => {
      const { defaults, overrides } = byTitle(title).fieldConfig!;
      expect(defaults.unit).toBe(grafanaUnit('%'));
      expect(steps(defaults.thresholds)).toEqual(budgetSteps);
      // a field's own config (the KPI's 70 / 90 from the datasource) wins over panel defaults, not over overrides
      expect(overrides).toEqual([
        {
          matcher: { id: 'byType', options: 'number' },
          properties: [{ id: 'thresholds', value: defaults.thresholds }],
        },
      ]);
    }
  );

  test.each(['Total Spend (24h)', 'Cost/Request (avg)', 'Cache Hit %', 'Burn Rate (days remaining)'])(
    '%s: the unit, decimals and thresholds of its KPI',
    (title) => {
      const panel = byTitle(title);
      const kpi = findStandardKpi(panel.targets![0].kpiId!)!;
      const { defaults } = panel.fieldConfig!;
      expect([defaults.unit, defaults.decimals]).toEqual([grafanaUnit(kpi.unit), kpi.decimals]);
      const expected = thresholdsOf(kpi)?.steps.map((s, i) => [i === 0 ? null : s.value, s.color]);
      expect(steps(defaults.thresholds)).toEqual(expected ?? [[null, 'blue']]);
    }
  );

  test('token counts in SI units (3.07 M), as the app shows token throughput', () => {
    expect(byTitle('Token Usage: Input vs Output').fieldConfig!.defaults).toMatchObject({ unit: 'sishort' });
    expect(byTitle('Token Usage: Input vs Output').fieldConfig!.defaults.decimals).toBeUndefined();
  });

  test.each(['Hourly Spend by Model', 'Cost Distribution by Team', 'Provider Spend Breakdown', 'Top 10 Spenders'])(
    '%s: amounts in full ($57,748.47), not abbreviated',
    (title) => {
      expect(byTitle(title).fieldConfig!.defaults).toMatchObject({ unit: GRAFANA_USD, decimals: 2 });
    }
  );

  test('the budget gauges run from 0 to 100 %', () => {
    expect(byTitle('Budget Utilization').fieldConfig!.defaults).toMatchObject({ min: 0, max: 100 });
  });

  test('Total Spend covers the last 24 h whatever the time picker says', () => {
    expect(byTitle('Total Spend (24h)').timeFrom).toBe('24h');
    expect(panelRangeSeconds(dashboard, byTitle('Total Spend (24h)'))).toBe(86_400);
  });

  test.each(['Cost Distribution by Team', 'Budget Utilization', 'Provider Spend Breakdown'])(
    '%s shows every row of its grouped instant table, not one reduced value',
    (title) => {
      expect(byTitle(title).options).toMatchObject({ reduceOptions: { values: true } });
    }
  );
});

describe('Top 10 Spenders', () => {
  const panel = byTitle('Top 10 Spenders');
  const users = Array.from({ length: 12 }, (_, i) => ({
    metric: { user: `u${String(i).padStart(2, '0')}` },
    value: [1_767_225_600, String(((i * 7) % 12) + 0.5)] as [number, string],
  }));

  test('the ten largest spenders, largest first, as User and Spend columns', async () => {
    const table = decorateFrame(
      prometheusTableFrame('A', users),
      planFor(panel, panel.targets![0]),
      panel.targets![0].legendFormat
    );
    const [frame] = await applyPanelTransformations(panel, [table]);
    expect(frame.fields.map((f) => getFieldDisplayName(f, frame))).toEqual(['User', 'Spend']);
    const spend = frame.fields[1].values as number[];
    expect(spend).toHaveLength(10);
    expect(spend).toEqual([...users.map((u) => Number(u.value[1]))].sort((a, b) => b - a).slice(0, 10));
    expect(frame.fields[0].values[0]).toBe(users.find((u) => Number(u.value[1]) === spend[0])!.metric.user);
  });

  test('without its legend format the datasource would name the value column after a group, and the sort would miss it', async () => {
    const { legendFormat, ...bare } = panel.targets![0];
    void legendFormat;
    const table = decorateFrame(prometheusTableFrame('A', users), planFor(panel, bare));
    const [frame] = await applyPanelTransformations(panel, [table]);
    expect(frame.fields.map((f) => getFieldDisplayName(f, frame))).not.toEqual(['User', 'Spend']);
  });
});
