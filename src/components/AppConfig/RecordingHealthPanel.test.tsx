import React from 'react';
import { render, screen } from '@testing-library/react';
import { createDataFrame, DataFrame, DataQueryRequest, DataQueryResponse, FieldType } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { of } from 'rxjs';
import { FamilyId } from '../../engine/conventions';
import { pointsPerHourQuery, recentQuery } from '../../health/healthQueries';
import { profileRawMetrics } from '../../health/rawMetrics';
import { litellmProfile } from '../../rules/profiles/litellm';
import type { PrometheusTarget } from '../../scenes/prometheusTargets';
import { testIds } from '../testIds';
import { RecordingHealthPanel } from './RecordingHealthPanel';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: jest.fn(),
}));

const HOUR_MS = 3_600_000;
const LITELLM_FAMILIES: FamilyId[] = [
  'spend',
  'requests',
  'tokens',
  'cache_hits',
  'fallbacks',
  'spend_by_user',
  'budget_limit',
  'budget_spend',
];

function frame(refId: string, labels: Record<string, string>, times: number[], values: number[]): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: times },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });
}

/** The datasource's answer: each litellm family with `pointsPerHour` in each hour of the week, all recent, all raw metrics arriving. */
function answer(pointsPerHour: (family: FamilyId) => number): DataQueryResponse {
  const end = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const times = Array.from({ length: 168 }, (_, i) => end - (167 - i) * HOUR_MS);
  return {
    data: [
      ...LITELLM_FAMILIES.map((id) =>
        frame(
          'hourly',
          { aispend_family: id },
          times,
          times.map(() => pointsPerHour(id))
        )
      ),
      ...LITELLM_FAMILIES.map((id) => frame('recent', { aispend_family: id }, [end], [1])),
      ...profileRawMetrics(litellmProfile).map((name) => frame('recent', { aispend_raw: name }, [end], [1])),
    ],
  };
}

function mockPrometheus(response: DataQueryResponse) {
  const query = jest.fn((_request: DataQueryRequest<PrometheusTarget>) => of(response));
  const get = jest.fn(async () => ({ name: 'VictoriaMetrics', query }));
  (getDataSourceSrv as jest.Mock).mockReturnValue({
    get,
    getInstanceSettings: (uid: string) => ({ uid, name: 'VictoriaMetrics' }),
  });
  return { get, query };
}

test('spend recorded every 5 minutes: the finding and its fix, from the two health queries on the chosen datasource', async () => {
  const { get, query } = mockPrometheus(answer((id) => (id === 'spend' ? 12 : 60)));
  render(<RecordingHealthPanel prometheusUid="vm" profile="litellm" />);

  const finding = await screen.findByTestId(testIds.appConfig.healthFinding(0));
  expect(finding).toHaveTextContent(
    'aigateway:spend_usd:increase1m: recorded every 5 m, not every 1 m (12 points per hour): totals are ~80 % low.' +
      "Fix: Run vmalert with -datasource.queryStep=1m (its default is 5m), or set your ruler's evaluation interval for the aispend rule groups to 1m."
  );
  expect(finding).toHaveAccessibleName(
    expect.stringMatching(/^error: aigateway:spend_usd:increase1m: recorded every 5 m/)
  );
  expect(screen.queryByTestId(testIds.appConfig.healthFinding(1))).not.toBeInTheDocument();
  expect(screen.getByText('Recording health of VictoriaMetrics')).toBeInTheDocument();

  expect(get).toHaveBeenCalledWith({ uid: 'vm' });
  expect(query).toHaveBeenCalledTimes(1);
  const request = query.mock.calls[0][0];
  expect(request.range.to.valueOf() - request.range.from.valueOf()).toBe(7 * 24 * HOUR_MS);
  expect(request.targets.map((t) => [t.refId, t.expr, t.range, t.instant, t.interval])).toEqual([
    ['hourly', pointsPerHourQuery(), true, false, '3600s'],
    ['recent', recentQuery(profileRawMetrics(litellmProfile)), false, true, undefined],
  ]);
});

test('every family every minute: healthy', async () => {
  mockPrometheus(answer(() => 60));
  render(<RecordingHealthPanel prometheusUid="vm" profile="litellm" />);
  expect(
    await screen.findByText(
      'Healthy: the litellm families are recorded every 1m, none stale, no gaps in the last 7 d.',
      {
        exact: false,
      }
    )
  ).toBeInTheDocument();
});

test('a query the datasource refuses: its reason', async () => {
  mockPrometheus({ data: [], errors: [{ refId: 'hourly', message: 'bad_data: parse error' }] });
  render(<RecordingHealthPanel prometheusUid="vm" profile="litellm" />);
  expect(await screen.findByText('bad_data: parse error')).toBeInTheDocument();
  expect(screen.getByText('Could not check the recorded series')).toBeInTheDocument();
});

test('without a Prometheus datasource: a hint and no query', () => {
  const { get } = mockPrometheus(answer(() => 60));
  render(<RecordingHealthPanel profile="litellm" />);
  expect(screen.getByTestId(testIds.appConfig.recordingHealth)).toHaveTextContent(
    'Pick the Prometheus datasource to check how its aigateway:* series are recorded.'
  );
  expect(get).not.toHaveBeenCalled();
});
