/** Ids, routes and variable names, defined once; pages, the datasource and tests import them. */
import pluginJson from './plugin.json';

export const APP_PLUGIN_ID = 'aispend-finops-app';
export const KPI_DATASOURCE_PLUGIN_ID = 'aispend-kpi-datasource';
export const CLI_NAME = 'aispend';

export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

export enum ROUTES {
  Overview = 'overview',
}

/** Scene / dashboard variable names. */
export const VARIABLES = {
  prometheus: 'prometheus',
  provider: 'provider',
  model: 'model',
  team: 'team',
} as const;

/** Settings API of the app (custom KPIs and configuration live in its jsonData). */
export const APP_SETTINGS_URL = `/api/plugins/${APP_PLUGIN_ID}/settings`;
