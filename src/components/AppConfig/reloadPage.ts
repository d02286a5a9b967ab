/**
 * Grafana reads plugin settings and the datasource list once at boot; after a save or a new
 * datasource the page reloads so every part of Grafana sees the change (as the scaffold's
 * config page does). Its own module so tests can replace it (jsdom cannot navigate).
 */
export function reloadPage(): void {
  window.location.reload();
}
