/**
 * The columns of the report's tables: the summaries (team, API key, model, provider), the daily
 * breakdown, the forecast and the anomalies. Money with the app's formats (src/format/numbers.ts),
 * changes red for more spend; a change in percent only where the report says it stands.
 */
import type {
  AnomalyInPeriodRow,
  Comparison,
  DailyRow,
  ForecastRow,
  SummaryRow,
  TeamRow,
} from '../../chargeback/types';
import { spendChangeTone } from '../../components/ValueTable/format';
import type { ValueColumn } from '../../components/ValueTable/ValueTable';
import { formatKpiValue, formatNumber, formatPercent, formatUsd, NO_VALUE } from '../../format/numbers';
import { trendTone } from '../Forecasts/trendDisplay';
import { changePercentText, changeUsd, utcMinute } from './reportView';

type Compared = Comparison & { spend: number; sharePercent: number | null };

const USD_PER_DAY = { unit: 'USD/day', decimals: 2 };

function spendColumns<Row extends Compared>(spendHeader = 'Spend'): Array<ValueColumn<Row>> {
  return [
    { id: 'spend', header: spendHeader, numeric: true, render: (r) => formatUsd(r.spend) },
    { id: 'share', header: 'Share', numeric: true, render: (r) => formatPercent(r.sharePercent) },
  ];
}

function changeColumns<Row extends Compared>(): Array<ValueColumn<Row>> {
  return [
    { id: 'previous', header: 'Previous period', numeric: true, render: (r) => formatUsd(r.previous) },
    {
      id: 'change',
      header: 'Change',
      numeric: true,
      render: (r) => formatUsd(changeUsd(r), { signed: true }),
      tone: (r) => spendChangeTone(changeUsd(r)),
    },
    {
      id: 'changePercent',
      header: 'Change %',
      numeric: true,
      render: (r) => changePercentText(r.change),
      tone: (r) => spendChangeTone(changeUsd(r)),
      title: 'A percentage only where both periods have data for at least 90 % of their span',
    },
  ];
}

/** API keys, models, providers: the name, spend, share and change. */
export function summaryColumns(nameHeader: string): Array<ValueColumn<SummaryRow>> {
  return [
    { id: 'name', header: nameHeader, render: (r) => r.label },
    ...spendColumns<SummaryRow>(),
    ...changeColumns<SummaryRow>(),
  ];
}

/** Teams: what each recorded, what the allocation rule moved, and what it is charged. */
export function teamColumns(): Array<ValueColumn<TeamRow>> {
  return [
    { id: 'name', header: 'Team', render: (r) => r.label },
    { id: 'recorded', header: 'Recorded', numeric: true, render: (r) => formatUsd(r.recorded) },
    {
      id: 'allocated',
      header: 'Allocated',
      numeric: true,
      render: (r) => (r.allocated === 0 ? NO_VALUE : formatUsd(r.allocated, { signed: true })),
    },
    ...spendColumns<TeamRow>('Charged'),
    ...changeColumns<TeamRow>(),
  ];
}

/** Days: spend, share, change vs the day before, and how much of the day has data. */
export function dailyColumns(): Array<ValueColumn<DailyRow>> {
  return [
    { id: 'day', header: 'Day (UTC)', render: (r) => r.day },
    ...spendColumns<DailyRow>(),
    ...changeColumns<DailyRow>().map((c) => (c.id === 'previous' ? { ...c, header: 'Day before' } : c)),
    { id: 'coverage', header: 'Data', numeric: true, render: (r) => formatPercent(r.coverage * 100, { decimals: 0 }) },
  ];
}

export function forecastColumns(): Array<ValueColumn<ForecastRow>> {
  return [
    { id: 'model', header: 'Model', render: (r) => r.model || '(no model)' },
    { id: 'monthToDate', header: 'Month to date', numeric: true, render: (r) => formatUsd(r.monthToDate) },
    {
      id: 'rate',
      header: 'Forecast rate',
      numeric: true,
      render: (r) => formatKpiValue(USD_PER_DAY, r.forecastDailyRate),
    },
    { id: 'projected', header: 'Projected month end', numeric: true, render: (r) => formatUsd(r.projectedMonthEnd) },
    { id: 'share', header: 'Share', numeric: true, render: (r) => formatPercent(r.sharePercent) },
    {
      id: 'trend',
      header: 'Trend',
      render: (r) => (r.shortHistory ? `${r.trend} (under 7 days of history)` : r.trend),
      tone: (r) => trendTone(r.trend),
    },
  ];
}

export function anomalyColumns(): Array<ValueColumn<AnomalyInPeriodRow>> {
  return [
    { id: 'model', header: 'Model', render: (r) => r.model || '(no model)' },
    { id: 'provider', header: 'Provider', render: (r) => r.provider || '(no provider)' },
    { id: 'team', header: 'Team', render: (r) => r.team || '(no team)' },
    { id: 'first', header: 'First detected', render: (r) => utcMinute(r.firstDetectedSec) },
    { id: 'hours', header: 'Hours anomalous', numeric: true, render: (r) => formatNumber(r.anomalousHours, 0) },
    { id: 'peak', header: 'Peak rate', numeric: true, render: (r) => formatKpiValue(USD_PER_DAY, r.peakDailyRate) },
    {
      id: 'deviation',
      header: 'Deviation from baseline',
      numeric: true,
      render: (r) => formatPercent(r.deviationPercent, { signed: true }),
      tone: (r) => spendChangeTone(r.deviationPercent),
    },
  ];
}
