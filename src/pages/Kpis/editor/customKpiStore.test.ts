import { BackendSrvRequest, getBackendSrv } from '@grafana/runtime';
import { of } from 'rxjs';
import { APP_SETTINGS_URL } from '../../../constants';
import {
  DEFAULT_APP_SETTINGS,
  SettingsConflictError,
  type AppSettings,
  type CustomKpiSetting,
} from '../../../settings/appSettings';
import { deleteCustomKpi, saveCustomKpi, withCustomKpi, withoutCustomKpi } from './customKpiStore';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

const kpi = (id: string, formula = 'total_cost'): CustomKpiSetting => ({
  id,
  name: id,
  formula,
  unit: 'USD',
  decimals: 2,
  direction: 'neutral',
  thresholds: [],
  description: '',
});

test.each<[string, CustomKpiSetting[], CustomKpiSetting, string | undefined, string[]]>([
  ['a new KPI goes last', [kpi('a'), kpi('b')], kpi('c'), undefined, ['a', 'b', 'c']],
  ['an edit stays in place', [kpi('a'), kpi('b'), kpi('c')], kpi('b', 'total_tokens'), 'b', ['a', 'b', 'c']],
  ['an edit of a KPI deleted meanwhile is added back', [kpi('a')], kpi('b'), 'b', ['a', 'b']],
])('withCustomKpi: %s', (_, list, added, replacing, ids) => {
  const next = withCustomKpi(list, added, replacing);
  expect(next.map((k) => k.id)).toEqual(ids);
  expect(next.find((k) => k.id === added.id)).toBe(added);
});

test('withoutCustomKpi removes by id only', () => {
  expect(withoutCustomKpi([kpi('a'), kpi('b')], 'a').map((k) => k.id)).toEqual(['b']);
  expect(withoutCustomKpi([kpi('a')], 'zzz').map((k) => k.id)).toEqual(['a']);
});

/** The plugin settings endpoint: GET answers the stored jsonData, POST replaces it. */
function fakeSettings(stored: AppSettings) {
  const posts: Array<Partial<AppSettings>> = [];
  const fetch = jest.fn((req: BackendSrvRequest) => {
    expect(req.url).toBe(APP_SETTINGS_URL);
    if (req.method === 'POST') {
      posts.push(req.data.jsonData);
      stored = req.data.jsonData;
      return of({ data: {} });
    }
    return of({ data: { enabled: true, pinned: true, jsonData: stored } });
  });
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch });
  return posts;
}

test('a save writes the list on top of the version it was based on, one version up', async () => {
  const base: AppSettings = { ...DEFAULT_APP_SETTINGS, customKpis: [kpi('a')], version: 4 };
  const posts = fakeSettings(base);
  const saved = await saveCustomKpi(base, kpi('b'), 4);
  expect(saved.version).toBe(5);
  expect(posts).toEqual([{ ...base, customKpis: [kpi('a'), kpi('b')], version: 5 }]);
});

test('a save based on an older version is refused and writes nothing', async () => {
  const base: AppSettings = { ...DEFAULT_APP_SETTINGS, customKpis: [], version: 4 };
  const theirs: AppSettings = { ...base, customKpis: [kpi('theirs')], version: 5 };
  const posts = fakeSettings(theirs);
  const refused = saveCustomKpi(base, kpi('mine'), 4);
  await expect(refused).rejects.toBeInstanceOf(SettingsConflictError);
  await expect(refused).rejects.toMatchObject({ current: theirs });
  expect(posts).toEqual([]);
});

test('a delete removes the KPI and keeps the others', async () => {
  const base: AppSettings = { ...DEFAULT_APP_SETTINGS, customKpis: [kpi('a'), kpi('b')], version: 1 };
  const posts = fakeSettings(base);
  await deleteCustomKpi(base, 'a', 1);
  expect(posts.map((p) => p.customKpis?.map((k) => k.id))).toEqual([['b']]);
});
