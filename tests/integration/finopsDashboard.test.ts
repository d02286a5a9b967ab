/**
 * The shipped FinOps dashboard on the LiteLLM test bed: every query of every panel, planned by
 * the KPI datasource's own planner into PromQL, is accepted by a real Prometheus and answers
 * at the test bed's end; the panels agree with each other where they show the same money.
 * (Node environment: nothing here loads @grafana/data, which needs a window.)
 */
import { promNumber } from '../../src/cli/prometheusHttp';
import {
  DashboardModel,
  DashboardPanel,
  kpiTargets,
  PanelTarget,
  planTarget,
} from '../../src/dashboards/dashboardModel';
import finops from '../../src/dashboards/finops.json';
import { promQuery, testbed } from './testbed';

jest.setTimeout(60_000);

interface InstantSeries {
  metric: Record<string, string>;
  value: [number, string];
}

const dashboard = finops as unknown as DashboardModel;
const instance = testbed('litellm');
const END_MS = instance.endSec * 1000;
const byTitle = (title: string): DashboardPanel => dashboard.panels.find((p) => p.title === title)!;

/** The PromQL the datasource would run for this query at the test bed's end, evaluated at `atSec`. */
function run(panel: DashboardPanel, target: PanelTarget, atSec = instance.endSec): Promise<InstantSeries[]> {
  return promQuery(instance, planTarget(dashboard, panel, target, END_MS).promql, atSec);
}

const valuesOf = (series: InstantSeries[]) => series.map((s) => promNumber(s.value[1]));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
async function single(title: string): Promise<number> {
  const [value, ...rest] = valuesOf(await run(byTitle(title), byTitle(title).targets![0]));
  expect(rest).toEqual([]);
  return value;
}

/** What each query answered, printed once for the record. */
const figures: string[] = [];
afterAll(() =>
  process.stderr.write(`\n[finops dashboard @ ${new Date(END_MS).toISOString()}]\n${figures.join('\n')}\n`)
);

test.each(kpiTargets(dashboard).map(({ panel, target }) => [panel.title, target.refId, panel, target] as const))(
  '%s %s: Prometheus accepts the compiled PromQL and answers with data',
  async (title, refId, panel, target) => {
    const series = await run(panel, target);
    expect(series.length).toBeGreaterThan(0);
    const values = valuesOf(series);
    expect(values.filter(Number.isFinite).length).toBeGreaterThan(0);
    const shown = series.map((s, i) => `${Object.values(s.metric).join('/') || 'all'}=${values[i].toPrecision(4)}`);
    figures.push(
      `${title} ${refId} (${series.length}): ${shown.slice(0, 6).join(', ')}${series.length > 6 ? ', …' : ''}`
    );
  }
);

test('the team and provider pies add up to Total Spend (24h), over the same 24 h', async () => {
  const total = await single('Total Spend (24h)');
  expect(total).toBeGreaterThan(0);
  for (const title of ['Cost Distribution by Team', 'Provider Spend Breakdown']) {
    const slices = valuesOf(await run(byTitle(title), byTitle(title).targets![0]));
    expect(sum(slices)).toBeCloseTo(total, 6);
  }
});

test('the 24 hourly bars of Hourly Spend by Model add up to Total Spend (24h): no minute counted twice or missed', async () => {
  const panel = byTitle('Hourly Spend by Model');
  const bars = await Promise.all(
    Array.from({ length: 24 }, (_, k) => run(panel, panel.targets![0], instance.endSec - k * 3600))
  );
  expect(sum(bars.map((hour) => sum(valuesOf(hour))))).toBeCloseTo(await single('Total Spend (24h)'), 6);
});

test('Budget Used lies between the least and the most used team budget (it is their limit-weighted whole)', async () => {
  const teams = valuesOf(await run(byTitle('Budget Utilization'), byTitle('Budget Utilization').targets![0]));
  expect(teams.length).toBeGreaterThan(1);
  const overall = await single('Budget Used (month)');
  expect(overall).toBeGreaterThanOrEqual(Math.min(...teams));
  expect(overall).toBeLessThanOrEqual(Math.max(...teams));
});

test('Top 10 Spenders has more than ten users to rank (Grafana sorts and cuts them: src/dashboards/finops.test.ts)', async () => {
  const panel = byTitle('Top 10 Spenders');
  const series = await run(panel, panel.targets![0]);
  expect(series.length).toBeGreaterThan(10);
  const ranked = series
    .map((s) => ({ user: s.metric.user ?? '', spend: promNumber(s.value[1]) }))
    .sort((a, b) => b.spend - a.spend);
  figures.push(
    `Top 10 Spenders of ${series.length}: ${ranked
      .slice(0, 10)
      .map((r) => `${r.user}=${r.spend.toFixed(2)}`)
      .join(', ')}`
  );
});
