/**
 * "Create alert rule" on a KPI deep-dive: the form's choices as a Grafana-managed alert rule built
 * by the shared alert-rule builder (src/alerts/alertRule.ts), with a uid fixed by KPI, direction,
 * severity and group, so creating the same alert again updates it instead of adding a twin.
 */
import { ALERT_FOLDER_TITLE, ALERT_FOLDER_UID, ALERT_KPI_RULE_GROUP } from '../../../constants';
import type { KpiDefinition } from '../../../engine/catalog';
import type { BaseLabel } from '../../../engine/conventions';
import { parseDurationSeconds } from '../../../engine/duration';
import type { Filters } from '../../../engine/language';
import { AlertRuleError, buildKpiAlertRule, type ProvisionedAlertRule } from '../../../alerts/alertRule';

export interface KpiAlertForm {
  threshold: string;
  when: 'above' | 'below';
  severity: 'warning' | 'critical';
  /** the window the KPI is computed over at each evaluation, e.g. "1h", "1d" */
  window: string;
  groupBy?: BaseLabel;
  /** how long the condition must hold */
  pendingFor: string;
}

export const KPI_ALERT_FOLDER = { folderUid: ALERT_FOLDER_UID, folderTitle: ALERT_FOLDER_TITLE };

/** Alerting on a value that gets worse: above for lower-is-better (and neutral) KPIs, below for higher-is-better. */
export function defaultAlertForm(kpi: KpiDefinition): KpiAlertForm {
  const when = kpi.direction === 'higher-is-better' ? 'below' : 'above';
  const warning = kpi.thresholds.find((t) => t.state === 'warning');
  return {
    threshold: warning ? String(warning.value) : '',
    when,
    severity: 'warning',
    window: '1h',
    groupBy: kpi.defaultGroupBy as BaseLabel | undefined,
    pendingFor: '5m',
  };
}

/** FNV-1a, 32 bit: a short stable hash for rule uids (Grafana allows at most 40 characters). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** "provider openai, anthropic; team ml", or "" without filters. */
export function describeFilters(filters: Filters): string {
  return (Object.entries(filters) as Array<[string, string[] | undefined]>)
    .filter(([, values]) => values?.length)
    .map(([label, values]) => `${label} ${values!.join(', ')}`)
    .join('; ');
}

/** Same KPI, direction, severity, group and filters: the same rule (updated, not duplicated). */
export function kpiAlertRuleUid(
  kpiId: string,
  form: Pick<KpiAlertForm, 'when' | 'severity' | 'groupBy'>,
  filters: Filters = {}
): string {
  return `aispend-kpi-${fnv1a([kpiId, form.when, form.severity, form.groupBy ?? '', describeFilters(filters)].join('\u0000'))}`;
}

export type KpiAlertBuild = { ok: true; rule: ProvisionedAlertRule & { uid: string } } | { ok: false; message: string };

export function buildKpiAlert(
  kpi: KpiDefinition,
  form: KpiAlertForm,
  prometheusUid: string | undefined,
  filters: Filters = {}
): KpiAlertBuild {
  if (!prometheusUid) {
    return {
      ok: false,
      message: 'No Prometheus datasource is configured for the KPI datasource: the rule would have nothing to query.',
    };
  }
  const threshold = form.threshold.trim() === '' ? NaN : Number(form.threshold);
  const windowSeconds = parseDurationSeconds(form.window);
  if (!windowSeconds) {
    return { ok: false, message: `Window "${form.window}" is not a duration like 1h or 1d` };
  }
  if (!parseDurationSeconds(form.pendingFor) && form.pendingFor !== '0s') {
    return { ok: false, message: `Pending period "${form.pendingFor}" is not a duration like 5m` };
  }
  try {
    const rule = buildKpiAlertRule({
      kpi,
      threshold,
      when: form.when,
      groupBy: form.groupBy,
      filters,
      windowSeconds,
      prometheusUid,
      folderUid: ALERT_FOLDER_UID,
      ruleGroup: ALERT_KPI_RULE_GROUP,
      pendingFor: form.pendingFor,
      severity: form.severity,
    });
    // Grafana wants rule titles unique in a folder: rules on other filters need their own
    const scope = describeFilters(filters);
    const title = scope ? `${rule.title} (${scope})` : rule.title;
    return { ok: true, rule: { ...rule, title, uid: kpiAlertRuleUid(kpi.id, form, filters) } };
  } catch (e) {
    if (e instanceof AlertRuleError) {
      return { ok: false, message: e.message };
    }
    throw e;
  }
}
