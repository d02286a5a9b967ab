/** Uids of the preview's datasources and the URLs of its server (see scripts/preview/server.ts). */
export const PREVIEW_PROMETHEUS_UID = 'preview-prometheus';
export const PREVIEW_KPI_UID = 'preview-aispend-kpi';
/** Same-origin proxy to the real Prometheus, like Grafana's datasource proxy route. */
export const PROMETHEUS_PROXY_PATH = `/api/datasources/proxy/uid/${PREVIEW_PROMETHEUS_UID}`;
/** How the page tells the preview server its role (Grafana knows it from the session cookie). */
export const ROLE_HEADER = 'x-preview-role';
