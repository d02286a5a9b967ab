/**
 * The configuration form as data: what the inputs hold (numbers as typed, so a field can be
 * cleared while editing), its validation and the change it saves. No React, no Grafana services.
 */
import type { ProfileId } from '../../rules/profile';
import type { AppSettings } from '../../settings/model';

export interface SettingsForm {
  prometheusUid?: string;
  profile: ProfileId;
  budgetWarningPercent: string;
  budgetCriticalPercent: string;
  anomalySigma: string;
}

/** The settings this page owns; custom KPIs and the version are left as they are. */
export type SettingsChange = Pick<
  AppSettings,
  'prometheusUid' | 'profile' | 'budgetWarningPercent' | 'budgetCriticalPercent' | 'anomalySigma'
>;

export type NumberField = 'budgetWarningPercent' | 'budgetCriticalPercent' | 'anomalySigma';
export type FormErrors = Partial<Record<NumberField, string>>;

export type Validation = { ok: true; change: SettingsChange } | { ok: false; errors: FormErrors };

export function formFromSettings(settings: AppSettings): SettingsForm {
  return {
    prometheusUid: settings.prometheusUid,
    profile: settings.profile,
    budgetWarningPercent: String(settings.budgetWarningPercent),
    budgetCriticalPercent: String(settings.budgetCriticalPercent),
    anomalySigma: String(settings.anomalySigma),
  };
}

/** A finite number, or undefined for empty or non-numeric text ("", "abc", "1e999"). */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const ENTER_A_NUMBER = 'Enter a number';

/** 0 < warning < critical ≤ 100: one message per field, on the field that has to change. */
function thresholdErrors(warning: number | undefined, critical: number | undefined): FormErrors {
  const errors: FormErrors = {};
  if (warning === undefined) {
    errors.budgetWarningPercent = ENTER_A_NUMBER;
  } else if (warning <= 0) {
    errors.budgetWarningPercent = 'Must be above 0 %';
  }
  if (critical === undefined) {
    errors.budgetCriticalPercent = ENTER_A_NUMBER;
  } else if (critical > 100) {
    errors.budgetCriticalPercent = 'Must be at most 100 %';
  } else if (critical <= 0) {
    errors.budgetCriticalPercent = 'Must be above 0 %';
  }
  if (!errors.budgetWarningPercent && !errors.budgetCriticalPercent && warning! >= critical!) {
    errors.budgetWarningPercent = `Must be below the critical threshold (${critical} %)`;
  }
  return errors;
}

export function validateSettingsForm(form: SettingsForm): Validation {
  const warning = parseNumber(form.budgetWarningPercent);
  const critical = parseNumber(form.budgetCriticalPercent);
  const sigma = parseNumber(form.anomalySigma);
  const errors = thresholdErrors(warning, critical);
  if (sigma === undefined) {
    errors.anomalySigma = ENTER_A_NUMBER;
  } else if (sigma <= 0) {
    errors.anomalySigma = 'Must be above 0';
  }
  if (Object.keys(errors).length) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    change: {
      prometheusUid: form.prometheusUid,
      profile: form.profile,
      budgetWarningPercent: warning!,
      budgetCriticalPercent: critical!,
      anomalySigma: sigma!,
    },
  };
}

/** Grafana's API errors are { status, data: { message } }; thrown Errors have a message. */
export function errorMessage(e: unknown): string {
  const err = (e ?? {}) as { message?: string; status?: number; statusText?: string; data?: { message?: string } };
  const detail = err.data?.message ?? err.message ?? err.statusText;
  if (err.status) {
    return `Grafana answered HTTP ${err.status}${detail ? `: ${detail}` : ''}`;
  }
  return detail ?? String(e);
}
