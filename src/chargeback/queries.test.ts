import { forecastQueries } from '../analysis/forecast';
import { unpricedUsageQueries } from '../analysis/unpriced';
import type { GroupByLabel } from '../engine/conventions';
import type { Filters } from '../engine/language';
import { compileIR } from '../engine/language/compile';
import { anomalyInPeriodQueries, chargebackQueries, dailyGrid } from './queries';
import type { ChargebackQuery, ChargebackRequest, ChargebackScope } from './types';

const t = (iso: string) => Date.parse(iso) / 1000;
const NOW = t('2026-12-15T10:20:30Z');
const NOV = { kind: 'month', month: '2026-11' } as const;
const DEC = { kind: 'month', month: '2026-12' } as const;
const request = (scope: ChargebackScope, period: ChargebackRequest['period'] = NOV): ChargebackRequest => ({ period, scope, allocation: 'unallocated' });
const spend = (windowSeconds: number, groupBy: GroupByLabel[], filters: Filters = {}) =>
  compileIR({ kind: 'measure', measure: 'total_cost', scope: {} }, { mode: 'instant', windowSeconds, groupBy, filters });
const byId = (queries: ChargebackQuery[]) => new Map(queries.map((q) => [q.id, q]));

const NOV_SECONDS = 30 * 86400;
const OCT_SECONDS = 31 * 86400;
const NOV_END = t('2026-12-01T00:00:00Z');
const OCT_END = t('2026-11-01T00:00:00Z');

describe('chargebackQueries: every spend figure is total_cost from the KPI compiler', () => {
  const all = byId(chargebackQueries(request({ kind: 'all' }), NOW));
  const team = byId(chargebackQueries(request({ kind: 'team', team: 'data-science' }), NOW));
  const key = byId(chargebackQueries(request({ kind: 'api_key', apiKey: 'sk-1' }), NOW));
  const ds = { team: ['data-science'] };
  const scopes = { all, team, 'api key': key };

  test.each([
    // scope, id, window, group-by, filters, evaluated at
    ['all', 'total', NOV_SECONDS, [], {}, NOV_END],
    ['all', 'previousTotal', OCT_SECONDS, [], {}, OCT_END],
    ['all', 'teams', NOV_SECONDS, ['team'], {}, NOV_END],
    ['all', 'previousTeams', OCT_SECONDS, ['team'], {}, OCT_END],
    ['all', 'apiKeys', NOV_SECONDS, ['api_key'], {}, NOV_END],
    ['all', 'models', NOV_SECONDS, ['model'], {}, NOV_END],
    ['all', 'previousProviders', OCT_SECONDS, ['provider'], {}, OCT_END],
    ['team', 'total', NOV_SECONDS, [], ds, NOV_END],
    ['team', 'teams', NOV_SECONDS, ['team'], {}, NOV_END],
    ['team', 'previousTeams', OCT_SECONDS, ['team'], {}, OCT_END],
    ['team', 'apiKeys', NOV_SECONDS, ['api_key'], ds, NOV_END],
    ['team', 'models', NOV_SECONDS, ['model'], ds, NOV_END],
    ['api key', 'total', NOV_SECONDS, ['api_key'], {}, NOV_END],
    ['api key', 'teams', NOV_SECONDS, ['team', 'api_key'], {}, NOV_END],
    ['api key', 'apiKeys', NOV_SECONDS, ['api_key'], {}, NOV_END],
    ['api key', 'previousModels', OCT_SECONDS, ['model', 'api_key'], {}, OCT_END],
    ['api key', 'providers', NOV_SECONDS, ['provider', 'api_key'], {}, NOV_END],
  ] as const)('%s: %s over %i s by %j, filters %j, at %i', (scope, id, window, groups, filters, at) => {
    expect(scopes[scope].get(id)).toEqual({ id, kind: 'instant', expr: spend(window, [...groups], filters), timeSec: at });
  });

  test('the daily breakdown: one point per day from the period start, each covering the day before', () => {
    expect(all.get('daily')).toEqual({
      id: 'daily',
      kind: 'range',
      expr: compileIR({ kind: 'measure', measure: 'total_cost', scope: {} }, { mode: 'range', stepSeconds: 86400, groupBy: [], filters: {} }),
      startSec: OCT_END,
      endSec: NOV_END,
      stepSec: 86400,
    });
    expect(all.get('dailyCoverage')).toEqual({
      id: 'dailyCoverage',
      kind: 'range',
      expr: 'label_replace(count_over_time(group(present_over_time(aigateway:requests:increase1m[3599999ms]))[86399999ms:3600s]), "aispend_period", "current", "", "")',
      startSec: OCT_END,
      endSec: NOV_END,
      stepSec: 86400,
    });
  });

  test.each([
    ['coverage', NOV_SECONDS, NOV_END],
    ['previousCoverage', OCT_SECONDS, OCT_END],
  ] as const)('%s: hours with data over %i s at %i', (id, window, at) => {
    expect(all.get(id)).toEqual({
      id,
      kind: 'instant',
      expr: `label_replace(count_over_time(group(present_over_time(aigateway:requests:increase1m[3599999ms]))[${window * 1000 - 1}ms:3600s]), "aispend_period", "current", "", "")`,
      timeSec: at,
    });
  });

  test('unpriced usage over the period, in the scope', () => {
    expect(team.get('unpricedTokens')).toEqual({ id: 'unpricedTokens', kind: 'instant', expr: unpricedUsageQueries(NOV_SECONDS, ds).tokens, timeSec: NOV_END });
    expect(all.get('unpricedRequests')?.expr).toBe(unpricedUsageQueries(NOV_SECONDS).requests);
  });

  test.each([
    ['all', true],
    ['team', true],
    ['api key', false],
  ] as const)('%s: anomalies and unpriced usage queried: %s; a past month has no forecast', (scope, perModel) => {
    const queries = scopes[scope];
    expect(queries.has('anomalyHours')).toBe(perModel);
    expect(queries.has('unpricedTokens')).toBe(perModel);
    expect(queries.has('forecastDaily')).toBe(false);
    expect(queries.has('dailyPartial')).toBe(false);
  });
});

describe('the running month', () => {
  const dec = byId(chargebackQueries(request({ kind: 'team', team: 'support' }, DEC), NOW));
  const end = t('2026-12-15T10:20:00Z');
  const todayStart = t('2026-12-15T00:00:00Z');

  test('ends now: totals at the last whole minute, the grid at the last midnight, today on its own', () => {
    expect(dec.get('total')).toMatchObject({ kind: 'instant', timeSec: end, expr: spend(end - t('2026-12-01T00:00:00Z'), [], { team: ['support'] }) });
    expect(dec.get('previousTotal')).toMatchObject({ timeSec: t('2026-11-15T10:20:00Z') });
    expect(dec.get('daily')).toMatchObject({ startSec: t('2026-12-01T00:00:00Z'), endSec: todayStart, stepSec: 86400 });
    expect(dec.get('dailyPartial')).toEqual({ id: 'dailyPartial', kind: 'instant', expr: spend(end - todayStart, [], { team: ['support'] }), timeSec: end });
    expect(dec.get('dailyPartialCoverage')).toEqual({
      id: 'dailyPartialCoverage',
      kind: 'instant',
      expr: 'label_replace(count_over_time(group(present_over_time(aigateway:requests:increase1m[299999ms]))[37199999ms:300s]), "aispend_period", "current", "", "")',
      timeSec: end,
    });
  });

  test("has the Forecasts page's forecast at the report's end", () => {
    const { daily, monthToDate } = forecastQueries(end * 1000, { team: ['support'] });
    expect(dec.get('forecastDaily')).toEqual({ id: 'forecastDaily', kind: 'range', ...daily });
    expect(dec.get('forecastMonthToDate')).toEqual({ id: 'forecastMonthToDate', kind: 'instant', expr: monthToDate.expr, timeSec: end });
  });
});

test('a period that cannot be resolved has no queries', () => {
  expect(chargebackQueries(request({ kind: 'all' }, { kind: 'month', month: '2027-02' }), NOW)).toEqual([]);
});

test.each([
  [{ startSec: t('2026-11-01T00:00:00Z'), endSec: t('2026-12-01T00:00:00Z'), label: '' }, t('2026-12-01T00:00:00Z')],
  [{ startSec: t('2026-12-01T00:00:00Z'), endSec: t('2026-12-15T10:20:00Z'), label: '' }, t('2026-12-15T00:00:00Z')],
  [{ startSec: t('2026-12-01T00:00:00Z'), endSec: t('2026-12-01T00:05:00Z'), label: '' }, t('2026-12-01T00:00:00Z')],
])('daily grid of %j ends at %i', (span, end) => {
  expect(dailyGrid(span)).toEqual({ startSec: span.startSec, endSec: end, stepSec: 86400 });
});

test('anomalies inside the period: the anomaly condition at every hour of the period, summarised per row', () => {
  const day = { startSec: t('2026-11-03T00:00:00Z'), endSec: t('2026-11-04T00:00:00Z'), label: '' };
  const rate = 'aigateway:spend_daily:model_team{team="a"}';
  const mean = 'aigateway:spend_daily:model_team:avg_over_time30d{team="a"}';
  const condition =
    ` and abs(${rate} - ${mean}) > 2.5 * aigateway:spend_daily:model_team:stddev_over_time30d{team="a"} + 1e-9 * ${mean}` +
    ' and aigateway:spend_daily:model_team:count_over_time30d{team="a"} >= 7';
  const anomalous = `${rate}${condition}`;
  const deviation = `100 * (${rate} - ${mean}) / ${mean}${condition}`;
  const at = day.endSec;
  expect(anomalyInPeriodQueries(day, 2.5, { team: ['a'] })).toEqual([
    { id: 'anomalyHours', kind: 'instant', expr: `count_over_time((${anomalous})[86399999ms:3600s])`, timeSec: at },
    { id: 'anomalyFirst', kind: 'instant', expr: `min_over_time((timestamp(${anomalous}))[86399999ms:3600s])`, timeSec: at },
    { id: 'anomalyPeakRate', kind: 'instant', expr: `max_over_time((${anomalous})[86399999ms:3600s])`, timeSec: at },
    { id: 'anomalyMaxDeviation', kind: 'instant', expr: `max_over_time((${deviation})[86399999ms:3600s])`, timeSec: at },
    { id: 'anomalyMinDeviation', kind: 'instant', expr: `min_over_time((${deviation})[86399999ms:3600s])`, timeSec: at },
  ]);
});
