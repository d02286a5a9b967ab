import type { AnomalyInPeriodRow, DailyRow, ForecastRow, SummaryRow, TeamRow } from '../../chargeback/types';
import type { ValueColumn } from '../../components/ValueTable/ValueTable';
import { anomalyColumns, dailyColumns, forecastColumns, summaryColumns, teamColumns } from './sectionColumns';

function cells<Row>(columns: Array<ValueColumn<Row>>, row: Row) {
  return Object.fromEntries(columns.map((c) => [c.header, [c.render(row), c.tone?.(row) ?? '']]));
}

const summary = (over: Partial<SummaryRow>): SummaryRow => ({
  key: 'gpt-4o',
  label: 'gpt-4o',
  spend: 1234.5,
  sharePercent: 61.25,
  previous: 1000,
  change: { kind: 'percent', percent: 23.45 },
  ...over,
});

test.each<[string, SummaryRow, Record<string, [unknown, string]>]>([
  [
    'more spend than before: red change, the percentage',
    summary({}),
    {
      Model: ['gpt-4o', ''],
      Spend: ['$1,234.50', ''],
      Share: ['61.3 %', ''],
      'Previous period': ['$1,000.00', ''],
      Change: ['+$234.50', 'bad'],
      'Change %': ['+23.5 %', 'bad'],
    },
  ],
  [
    'a previous period short of data: USD only',
    summary({ spend: 800, change: { kind: 'withheld', note: 'previous period has data for 3 of 30 days' } }),
    { Change: ['−$200.00', 'good'], 'Change %': ['—', 'good'] },
  ],
  [
    'nothing before: "new", no USD change',
    summary({ previous: null, change: { kind: 'new' } }),
    { 'Previous period': ['—', ''], Change: ['—', 'neutral'], 'Change %': ['new', 'neutral'] },
  ],
  [
    'the residual row: no share, no comparison',
    summary({
      label: '(not attributed to an API key)',
      spend: 12.34,
      sharePercent: null,
      previous: null,
      change: { kind: 'none' },
      residual: true,
    }),
    { Model: ['(not attributed to an API key)', ''], Share: ['—', ''], 'Change %': ['—', 'neutral'] },
  ],
])('summary columns: %s', (_name, row, expected) => {
  expect(cells(summaryColumns('Model'), row)).toMatchObject(expected);
});

const team = (over: Partial<TeamRow>): TeamRow => ({
  ...summary({ key: 'research', label: 'research' }),
  recorded: 1000,
  allocated: 234.5,
  ...over,
});

test.each<[string, TeamRow, Record<string, [unknown, string]>]>([
  [
    'a team that receives unteamed spend',
    team({}),
    { Team: ['research', ''], Recorded: ['$1,000.00', ''], Allocated: ['+$234.50', ''], Charged: ['$1,234.50', ''] },
  ],
  [
    'the Unallocated row that gives it away',
    team({ key: '', label: 'Unallocated', recorded: 234.5, allocated: -234.5, spend: 0 }),
    { Team: ['Unallocated', ''], Allocated: ['−$234.50', ''], Charged: ['$0.00', ''] },
  ],
  ['a team the rule does not touch', team({ allocated: 0 }), { Allocated: ['—', ''] }],
])('team columns: %s', (_name, row, expected) => {
  expect(cells(teamColumns(), row)).toMatchObject(expected);
});

test('daily columns: the day, its change vs the day before, and how much of it has data', () => {
  const day: DailyRow = {
    day: '2026-11-03',
    startSec: Date.UTC(2026, 10, 3) / 1000,
    spend: 50,
    sharePercent: 2.5,
    previous: 40,
    change: { kind: 'percent', percent: 25 },
    coverage: 0.875,
  };
  expect(cells(dailyColumns(), day)).toEqual({
    'Day (UTC)': ['2026-11-03', ''],
    Spend: ['$50.00', ''],
    Share: ['2.5 %', ''],
    'Day before': ['$40.00', ''],
    Change: ['+$10.00', 'bad'],
    'Change %': ['+25.0 %', 'bad'],
    Data: ['88 %', ''],
  });
});

test.each<[string, ForecastRow, Record<string, [unknown, string]>]>([
  [
    'a model with a week of history',
    {
      model: 'claude-3-5-sonnet',
      monthToDate: 310.2,
      projectedMonthEnd: 1204.75,
      forecastDailyRate: 41.2,
      trend: 'increasing',
      shortHistory: false,
      sharePercent: 40,
    },
    {
      Model: ['claude-3-5-sonnet', ''],
      'Month to date': ['$310.20', ''],
      'Forecast rate': ['$41.20/day', ''],
      'Projected month end': ['$1,204.75', ''],
      Share: ['40.0 %', ''],
      Trend: ['increasing', 'bad'],
    },
  ],
  [
    'a new model',
    {
      model: '',
      monthToDate: 3,
      projectedMonthEnd: 9,
      forecastDailyRate: 0.3,
      trend: 'stable',
      shortHistory: true,
      sharePercent: null,
    },
    { Model: ['(no model)', ''], Trend: ['stable (under 7 days of history)', 'neutral'], Share: ['—', ''] },
  ],
])('forecast columns: %s', (_name, row, expected) => {
  expect(cells(forecastColumns(), row)).toMatchObject(expected);
});

test.each<[string, AnomalyInPeriodRow, Record<string, [unknown, string]>]>([
  [
    'a spike',
    {
      provider: 'openai',
      model: 'gpt-4o',
      team: '',
      firstDetectedSec: Date.UTC(2026, 10, 12, 14) / 1000,
      anomalousHours: 5,
      peakDailyRate: 812.5,
      deviationPercent: 412.3,
    },
    {
      Model: ['gpt-4o', ''],
      Provider: ['openai', ''],
      Team: ['(no team)', ''],
      'First detected': ['2026-11-12 14:00 UTC', ''],
      'Hours anomalous': ['5', ''],
      'Peak rate': ['$812.50/day', ''],
      'Deviation from baseline': ['+412.3 %', 'bad'],
    },
  ],
  [
    'a rise on a zero baseline is infinite; an unknown first hour is —',
    {
      provider: 'anthropic',
      model: 'claude',
      team: 'ml',
      firstDetectedSec: NaN,
      anomalousHours: 1,
      peakDailyRate: 10,
      deviationPercent: Infinity,
    },
    { 'First detected': ['—', ''], 'Deviation from baseline': ['+∞ %', 'bad'] },
  ],
])('anomaly columns: %s', (_name, row, expected) => {
  expect(cells(anomalyColumns(), row)).toMatchObject(expected);
});
