/**
 * The forecast half of Forecasts & anomalies: daily spend by model over the trailing 30 days (a
 * range query with a 1-day step; the fit uses the last 7 points) and spend by model since the
 * start of the month (an instant query), both from src/analysis/forecast.ts; per model the
 * forecast and trend, and the chart's frames (daily spend and the forecast to month end).
 */
import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { labeledValuesFromFrames } from '../../analysis/frameValues';
import { DailyPoint, forecastByModel, forecastQueries, ModelForecast, utcMonthOf } from '../../analysis/forecast';
import { valuesByLabel } from '../../analysis/labeledValues';
import type { Filters } from '../../engine/language';
import { instantTarget, PrometheusTarget, rangeTarget } from '../../scenes/prometheusTargets';

export const REF_DAILY = 'daily';
export const REF_MONTH_TO_DATE = 'monthToDate';
/** the forecast series computed here, not queried */
export const REF_FORECAST = 'forecast';
/** Days of daily spend the chart shows (the forecast fits the last 7 of them). */
export const CHART_DAYS = 30;
export const FORECAST_SERIES = 'Forecast (all models)';
const DAY = 86400;

/** The queries as of `toMs` (the end of the page's range), the daily one over the runner's 30 days. */
export function forecastTargets(toMs: number, filters: Filters): PrometheusTarget[] {
  const queries = forecastQueries(toMs, filters);
  return [
    rangeTarget(REF_DAILY, queries.daily.expr, queries.daily.stepSec, '{{model}}'),
    instantTarget(REF_MONTH_TO_DATE, queries.monthToDate.expr),
  ];
}

/** Daily points by model from the range query's frames (one frame per model, labels on the value). */
export function dailyPointsByModel(frames: readonly DataFrame[]): Map<string, DailyPoint[]> {
  const out = new Map<string, DailyPoint[]>();
  for (const frame of frames.filter((f) => f.refId === REF_DAILY)) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    for (const field of frame.fields.filter((f) => f.type === FieldType.number)) {
      const model = field.labels?.model ?? '';
      const points = out.get(model) ?? [];
      field.values.forEach((value, i) => {
        if (value !== null && value !== undefined && time) {
          points.push({ timeSec: Number(time.values[i]) / 1000, value: Number(value) });
        }
      });
      out.set(model, points);
    }
  }
  return out;
}

export function forecastsFromFrames(frames: readonly DataFrame[], nowMs: number): ModelForecast[] {
  const monthToDate = valuesByLabel(
    labeledValuesFromFrames(frames.filter((f) => f.refId === REF_MONTH_TO_DATE)),
    'model'
  );
  return forecastByModel(dailyPointsByModel(frames), monthToDate, Math.floor(nowMs / 1000));
}

export interface ForecastTotals {
  monthToDate: number;
  forecastDailyRate: number;
  projectedMonthEnd: number;
}

export function forecastTotals(forecasts: readonly ModelForecast[]): ForecastTotals {
  const sum = (pick: (f: ModelForecast) => number) => forecasts.reduce((s, f) => s + pick(f), 0);
  return {
    monthToDate: sum((f) => f.monthToDate),
    forecastDailyRate: sum((f) => f.forecastDailyRate),
    projectedMonthEnd: sum((f) => f.projectedMonthEnd),
  };
}

/**
 * The forecast as a series: the summed daily rate of every model held from now to the end of the
 * month (the projection's assumption), one point per day and one at the month's end.
 */
export function forecastFrame(forecasts: readonly ModelForecast[], nowMs: number): DataFrame {
  const nowSec = Math.floor(nowMs / 1000);
  const endSec = utcMonthOf(nowSec).endSec;
  const times: number[] = [];
  for (let t = nowSec; t < endSec; t += DAY) {
    times.push(t * 1000);
  }
  times.push(endSec * 1000);
  const rate = forecastTotals(forecasts).forecastDailyRate;
  return createDataFrame({
    refId: REF_FORECAST,
    name: FORECAST_SERIES,
    fields: [
      { name: 'Time', type: FieldType.time, values: times },
      {
        name: FORECAST_SERIES,
        type: FieldType.number,
        values: times.map(() => rate),
        config: { displayNameFromDS: FORECAST_SERIES },
      },
    ],
  });
}

/** The queries' frames and, when anything was spent, the forecast series after them. */
export function withForecastFrame(frames: readonly DataFrame[], nowMs: number): DataFrame[] {
  const forecasts = forecastsFromFrames(frames, nowMs);
  return forecasts.length ? [...frames, forecastFrame(forecasts, nowMs)] : [...frames];
}
