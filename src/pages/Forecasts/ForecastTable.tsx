/**
 * Forecast per model as of the end of the page's range: spend so far this month, the fitted daily
 * rate, the trend with its slope, and the projected month-end spend; all models in the footer.
 */
import React, { useMemo } from 'react';
import { dateTimeFormat } from '@grafana/data';
import { SceneComponentProps, sceneGraph, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import type { ModelForecast } from '../../analysis/forecast';
import { TREND_DEAD_BAND_PER_DAY } from '../../analysis/trend';
import { testIds } from '../../components/testIds';
import { formatPercent, formatUsd } from '../../format/numbers';
import { PanelFrame } from '../../components/ValueTable/PanelFrame';
import { ValueColumn, ValueTable } from '../../components/ValueTable/ValueTable';
import { explainedPanelErrors } from '../../datasource/queryErrors';
import { forecastsFromFrames, forecastTotals, REF_DAILY, REF_MONTH_TO_DATE } from './forecastView';
import { trendText, trendTone } from './trendDisplay';

const ALL_MODELS = 'All models';

/** The forecast's queries as a panel error names them. */
const FORECAST_QUERY_TITLES = { [REF_DAILY]: 'Daily spend by model', [REF_MONTH_TO_DATE]: 'Spend this month by model' };

type ForecastRow = Pick<ModelForecast, 'model' | 'monthToDate' | 'forecastDailyRate' | 'projectedMonthEnd'> &
  Partial<Pick<ModelForecast, 'trend' | 'relativeSlopePerDay' | 'days' | 'shortHistory'>>;

const COLUMNS: Array<ValueColumn<ForecastRow>> = [
  { id: 'model', header: 'Model', render: (r) => r.model || '(no model)' },
  { id: 'monthToDate', header: 'Spend this month', numeric: true, render: (r) => formatUsd(r.monthToDate) },
  {
    id: 'rate',
    header: 'Daily rate now',
    title: 'The 7-day least-squares line at the end of the range (USD per day)',
    numeric: true,
    render: (r) => formatUsd(r.forecastDailyRate),
  },
  {
    id: 'trend',
    header: 'Trend',
    render: (r) => (r.trend ? trendText(r.trend, r.relativeSlopePerDay ?? 0) : ''),
    tone: (r) => (r.trend ? trendTone(r.trend) : 'neutral'),
  },
  { id: 'projected', header: 'Projected month-end', numeric: true, render: (r) => formatUsd(r.projectedMonthEnd) },
  {
    id: 'days',
    header: 'Days fitted',
    numeric: true,
    render: (r) => (r.days === undefined ? '' : `${r.days}${r.shortHistory ? ' (short history)' : ''}`),
  },
];

function cellTestId(row: ForecastRow, column: string): string | undefined {
  if (row.trend === undefined) {
    return undefined;
  }
  return column === 'projected'
    ? testIds.forecasts.projected(row.model)
    : column === 'trend'
      ? testIds.forecasts.trend(row.model)
      : undefined;
}

const STABLE_BAND = `Stable: a slope within ±${formatPercent(TREND_DEAD_BAND_PER_DAY * 100, { decimals: 0 })}/day of the mean daily spend.`;

export const TREND_EXPLANATION =
  `Trend: slope of the least-squares line through the last 7 daily values, relative to their mean; ` +
  `within ±${formatPercent(TREND_DEAD_BAND_PER_DAY * 100, { decimals: 0 })}/day it is stable. ` +
  'Projected month-end: spend so far this month + the daily rate now × the days left in the month (UTC).';

export class ForecastTable extends SceneObjectBase<SceneObjectState> {
  static Component = ForecastTableRenderer;
}

function ForecastTableRenderer({ model }: SceneComponentProps<ForecastTable>) {
  const { data } = sceneGraph.getData(model).useState();
  const timeZone = sceneGraph.getTimeRange(model).getTimeZone();
  const nowMs = data?.timeRange.to.valueOf() ?? 0;
  const forecasts = useMemo(() => forecastsFromFrames(data?.series ?? [], nowMs), [data?.series, nowMs]);
  const footer: ForecastRow[] = forecasts.length ? [{ model: ALL_MODELS, ...forecastTotals(forecasts) }] : [];
  return (
    <PanelFrame
      title="7-day forecast by model"
      description={TREND_EXPLANATION}
      state={data?.state}
      errors={explainedPanelErrors(data, FORECAST_QUERY_TITLES)}
    >
      <ValueTable
        caption={`As of ${dateTimeFormat(nowMs, { timeZone })}, the end of the selected range. ${STABLE_BAND}`}
        columns={COLUMNS}
        rows={forecasts}
        footer={footer}
        rowKey={(r) => (r.trend === undefined ? `~${r.model}` : `#${r.model}`)}
        cellTestId={cellTestId}
        testId={testIds.forecasts.table}
      />
    </PanelFrame>
  );
}
