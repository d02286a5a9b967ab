/** @jest-environment node */
import { DEFAULT_APP_SETTINGS } from '../../settings/model';
import { errorMessage, FormErrors, formFromSettings, parseNumber, SettingsForm, validateSettingsForm } from './settingsForm';

const form = (warning: string, critical: string, sigma: string): SettingsForm => ({
  prometheusUid: 'prom-a',
  profile: 'litellm',
  budgetWarningPercent: warning,
  budgetCriticalPercent: critical,
  anomalySigma: sigma,
});

test('the form starts from the saved settings, numbers as text', () => {
  expect(formFromSettings({ ...DEFAULT_APP_SETTINGS, prometheusUid: 'prom-a', anomalySigma: 2.5 })).toEqual(form('80', '95', '2.5'));
});

test.each([
  ['80', 80],
  [' 2.5 ', 2.5],
  ['0', 0],
  ['-1', -1],
  ['', undefined],
  ['  ', undefined],
  ['abc', undefined],
  ['1e999', undefined],
])('parseNumber(%j) = %j', (text, expected) => {
  expect(parseNumber(text)).toBe(expected);
});

test.each<[string, string, string, string, FormErrors]>([
  ['defaults are valid', '80', '95', '3', {}],
  ['critical may be 100', '99.5', '100', '0.5', {}],
  ['warning just above 0', '0.1', '0.2', '1', {}],
  ['warning 0', '0', '95', '3', { budgetWarningPercent: 'Must be above 0 %' }],
  ['warning negative', '-5', '95', '3', { budgetWarningPercent: 'Must be above 0 %' }],
  ['warning equal to critical', '95', '95', '3', { budgetWarningPercent: 'Must be below the critical threshold (95 %)' }],
  ['warning above critical', '96', '95', '3', { budgetWarningPercent: 'Must be below the critical threshold (95 %)' }],
  ['critical above 100', '80', '100.5', '3', { budgetCriticalPercent: 'Must be at most 100 %' }],
  ['critical 0', '80', '0', '3', { budgetCriticalPercent: 'Must be above 0 %' }],
  ['both empty', '', '', '3', { budgetWarningPercent: 'Enter a number', budgetCriticalPercent: 'Enter a number' }],
  ['critical not a number, warning alone is not compared', '80', 'x', '3', { budgetCriticalPercent: 'Enter a number' }],
  ['sigma 0', '80', '95', '0', { anomalySigma: 'Must be above 0' }],
  ['sigma negative', '80', '95', '-3', { anomalySigma: 'Must be above 0' }],
  ['sigma empty', '80', '95', '', { anomalySigma: 'Enter a number' }],
  ['everything wrong', '0', '101', '0', { budgetWarningPercent: 'Must be above 0 %', budgetCriticalPercent: 'Must be at most 100 %', anomalySigma: 'Must be above 0' }],
])('validation: %s', (_, warning, critical, sigma, errors) => {
  const result = validateSettingsForm(form(warning, critical, sigma));
  expect(result.ok ? {} : result.errors).toEqual(errors);
});

test('a valid form saves exactly the settings this page owns, as numbers', () => {
  expect(validateSettingsForm({ ...form('85', '97.5', '2.5'), profile: 'otel' })).toEqual({
    ok: true,
    change: { prometheusUid: 'prom-a', profile: 'otel', budgetWarningPercent: 85, budgetCriticalPercent: 97.5, anomalySigma: 2.5 },
  });
});

test.each<[string, unknown, string]>([
  ['Grafana API error', { status: 403, data: { message: 'Permission denied' } }, 'Grafana answered HTTP 403: Permission denied'],
  ['Grafana API error without a body', { status: 502, statusText: 'Bad Gateway' }, 'Grafana answered HTTP 502: Bad Gateway'],
  ['thrown Error', new Error('network down'), 'network down'],
  ['anything else', 'boom', 'boom'],
])('errorMessage: %s', (_, error, expected) => {
  expect(errorMessage(error)).toBe(expected);
});
