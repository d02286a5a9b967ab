import { getBackendSrv } from '@grafana/runtime';
import { of, throwError } from 'rxjs';
import { APP_SETTINGS_URL } from '../constants';
import { KpiCatalogSource } from './kpiCatalogSource';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

const custom = (id: string) => ({ id, name: id, formula: 'total_cost', unit: 'USD', decimals: 2, direction: 'neutral', thresholds: [], description: '' });
let saved: unknown[];
let fetch: jest.Mock;

beforeEach(() => {
  saved = [custom('first')];
  fetch = jest.fn(() => of({ data: { jsonData: { customKpis: saved } } }));
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch });
});

test('custom KPIs come from the app settings, after the standard ones, marked as custom', async () => {
  const catalog = new KpiCatalogSource(() => 0);
  await catalog.refresh(false);
  expect(fetch).toHaveBeenCalledWith({ url: APP_SETTINGS_URL, showErrorAlert: false });
  expect(catalog.all().slice(-1)).toEqual([{ ...custom('first'), standard: false }]);
  expect(catalog.all()).toHaveLength(19);
});

test('settings are cached for 30 s, then read again', async () => {
  let now = 0;
  const catalog = new KpiCatalogSource(() => now);
  await catalog.refresh(false);
  now = 29_000;
  await catalog.refresh(false);
  expect(fetch).toHaveBeenCalledTimes(1);
  now = 31_000;
  saved = [custom('second')];
  await catalog.refresh(false);
  expect(fetch).toHaveBeenCalledTimes(2);
  expect(catalog.all().map((k) => k.id)).toContain('second');
});

test('a KPI saved a moment ago is found: an unknown id forces a fresh read', async () => {
  const catalog = new KpiCatalogSource(() => 0);
  await catalog.refresh(false);
  saved = [custom('first'), custom('just_saved')];
  expect((await catalog.find('just_saved'))?.id).toBe('just_saved');
  expect(await catalog.find('never_saved')).toBeUndefined();
  // a standard id never needs the settings again
  const calls = fetch.mock.calls.length;
  await catalog.find('total_spend');
  expect(fetch.mock.calls.length).toBe(calls);
});

test('without access to the app settings only the standard KPIs exist', async () => {
  fetch.mockReturnValue(throwError(() => ({ status: 403 })));
  const catalog = new KpiCatalogSource(() => 0);
  await catalog.refresh(false);
  expect(catalog.all()).toHaveLength(18);
});
