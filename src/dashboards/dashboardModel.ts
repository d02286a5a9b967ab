/**
 * The parts of a dashboard JSON model that the shipped dashboard's tests read: panels, their
 * KPI queries and the time window each query is evaluated over. Pure; no Grafana services.
 */
import { KPI_DATASOURCE_PLUGIN_ID } from '../constants';
import { planKpiQuery, QueryPlan } from '../datasource/queryPlan';
import type { KpiQuery } from '../datasource/types';
import { findStandardKpi } from '../engine/catalog';
import { RULE_INTERVAL_SECONDS } from '../engine/conventions';
import { parseDurationSeconds } from '../engine/duration';

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DatasourceRef {
  type?: string;
  uid?: string;
}

export interface PanelTarget extends Partial<KpiQuery> {
  refId: string;
  datasource?: DatasourceRef;
  expr?: string;
}

export interface Thresholds {
  mode: string;
  steps: Array<{ color: string; value: number | null }>;
}

export interface FieldOverride {
  matcher: { id: string; options?: unknown };
  properties: Array<{ id: string; value?: unknown }>;
}

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  gridPos: GridPos;
  datasource?: DatasourceRef;
  timeFrom?: string;
  targets?: PanelTarget[];
  transformations?: Array<{ id: string; options: unknown }>;
  fieldConfig?: {
    defaults: { unit?: string; decimals?: number; min?: number; max?: number; thresholds?: Thresholds };
    overrides: FieldOverride[];
  };
  options?: Record<string, unknown>;
}

export interface DashboardVariable {
  name: string;
  type: string;
  query: string;
  datasource?: DatasourceRef;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  current?: { value?: string | string[] };
}

export interface DashboardModel {
  uid: string;
  title: string;
  tags: string[];
  refresh: string;
  time: { from: string; to: string };
  links: Array<{ title: string; url: string }>;
  templating: { list: DashboardVariable[] };
  panels: DashboardPanel[];
}

export interface KpiTarget {
  panel: DashboardPanel;
  target: PanelTarget;
}

export function isKpiTarget(target: PanelTarget, panel: DashboardPanel): boolean {
  return (target.datasource ?? panel.datasource)?.type === KPI_DATASOURCE_PLUGIN_ID;
}

export function kpiTargets(dashboard: DashboardModel): KpiTarget[] {
  return dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).filter((t) => isKpiTarget(t, panel)).map((target) => ({ panel, target }))
  );
}

/** "now-24h" -> 86400; only the relative ranges a shipped dashboard uses. */
function relativeSeconds(from: string): number {
  const seconds = parseDurationSeconds(from.replace(/^now-/, ''));
  if (seconds === undefined) {
    throw new Error(`time range "${from}" is not of the form now-<duration>`);
  }
  return seconds;
}

/** The seconds a panel's queries cover: its relative time override, else the dashboard's default range. */
export function panelRangeSeconds(dashboard: DashboardModel, panel: DashboardPanel): number {
  return panel.timeFrom ? relativeSeconds(panel.timeFrom) : relativeSeconds(dashboard.time.from);
}

/** Whether two panels share a grid cell. */
export function overlaps(a: GridPos, b: GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The PromQL the KPI datasource runs for a panel's query at `toMs`, with no filter selected:
 * its range is the panel's, its step the query's, against the standard KPIs.
 */
export function planTarget(
  dashboard: DashboardModel,
  panel: DashboardPanel,
  target: PanelTarget,
  toMs: number
): QueryPlan {
  const plan = planKpiQuery(target, {
    fromMs: toMs - panelRangeSeconds(dashboard, panel) * 1000,
    toMs,
    intervalMs: RULE_INTERVAL_SECONDS * 1000,
    ruleIntervalSeconds: RULE_INTERVAL_SECONDS,
    filters: {},
    findKpi: findStandardKpi,
  });
  if (!plan.ok) {
    throw new Error(`${panel.title} ${target.refId}: ${plan.message}`);
  }
  return plan;
}
