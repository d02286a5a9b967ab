import { config } from '@grafana/runtime';

/**
 * Grafana lets only org Admins write an app's settings (custom KPIs live there) and, by default,
 * use the alerting provisioning API; the KPI pages show their edit controls to Admins only.
 */
export function isOrgAdmin(): boolean {
  return config.bootData.user.orgRole === 'Admin';
}
