/** Ids, routes and variable names, defined once; pages, the datasource and tests import them. */
import pluginJson from './plugin.json';

export const APP_PLUGIN_ID = 'aispend-finops-app';
export const KPI_DATASOURCE_PLUGIN_ID = 'aispend-kpi-datasource';
/** Name of the KPI datasource instance that provisioning and the configuration page create. */
export const KPI_DATASOURCE_NAME = 'AI Spend KPI';
/**
 * Datasource plugin types that run Prometheus queries with the core Prometheus query model
 * (Mimir, Thanos, VictoriaMetrics are added as `prometheus`; AWS and Azure managed Prometheus
 * have their own plugins built on the same library).
 */
export const PROMETHEUS_COMPATIBLE_TYPES = ['prometheus', 'grafana-amazonprometheus-datasource', 'grafana-azureprometheus-datasource'];
export const CLI_NAME = 'aispend';

export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

export enum ROUTES {
  Overview = 'overview',
  Kpis = 'kpis',
  Budgets = 'budgets',
  TopSpenders = 'top-spenders',
  Forecasts = 'forecasts',
  Chargeback = 'chargeback',
}

/** URL parameter names of drilldowns (route params under their page). */
export const ROUTE_PARAMS = {
  kpiId: 'kpiId',
  /** top spenders drilldown: team, user, api_key or model */
  dimension: 'dimension',
  spender: 'spender',
} as const;

/** URL parameters of the Chargeback page: its period and scope (no time range or variables there). */
export const CHARGEBACK_URL_KEYS = {
  /** a calendar month, YYYY-MM */
  month: 'month',
  /** a custom period: its first and last day, YYYY-MM-DD (UTC), both included */
  start: 'start',
  end: 'end',
  /** one team (its label value) or one API key; neither: all teams */
  team: 'team',
  apiKey: 'api_key',
} as const;

/** Grafana's own URL of the app's configuration page (Administration > Plugins > AI Spend). */
export const APP_CONFIG_URL = `/plugins/${pluginJson.id}?page=configuration`;

/** Grafana alerting folder and rule group the Budgets page manages. */
export const ALERT_FOLDER_UID = 'aispend-budgets';
export const ALERT_FOLDER_TITLE = 'AI Spend';
export const ALERT_RULE_GROUP = 'aispend-budgets';
/** Rule group of the alerts created from KPI deep-dives (the budget group is rewritten as a whole). */
export const ALERT_KPI_RULE_GROUP = 'aispend-kpis';

/** Scene / dashboard variable names. */
export const VARIABLES = {
  /** datasource variable of the shipped dashboard: the KPI datasource instance its panels query */
  kpiDatasource: 'kpi_datasource',
  prometheus: 'prometheus',
  provider: 'provider',
  model: 'model',
  team: 'team',
  /** Top spenders: rank by team, user, api_key or model */
  spenderDimension: 'dimension',
} as const;

/** Settings API of the app (custom KPIs and configuration live in its jsonData). */
export const APP_SETTINGS_URL = `/api/plugins/${APP_PLUGIN_ID}/settings`;
