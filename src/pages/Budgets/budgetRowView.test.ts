import { BudgetThresholds, DEFAULT_BUDGET_THRESHOLDS } from '../../budgets/budgetMath';
import { BudgetQueryResults, budgetRows } from '../../budgets/budgetRows';
import {
  budgetRowView,
  daysColour,
  formatDays,
  formatUtilization,
  GLOBAL_ROW_KEY,
  rowsForTeams,
  selectedTeams,
} from './budgetRowView';
import { budgetThresholdsOf } from './budgetThresholds';

const END_OF_HISTORY = Date.UTC(2026, 9, 31, 12); // half a day left in the month
const MID_MONTH = Date.UTC(2026, 9, 21); // 11 days left

const sample = (team: string, value: number, period?: string) => ({
  labels: { team, ...(period ? { period } : {}) },
  value,
});

/** The preview's LiteLLM history at its end: one team at warning, one critical, one without budget. */
const HISTORY: BudgetQueryResults = {
  limit: [sample('data-science', 5880), sample('marketing', 2680), sample('platform', 540), sample('research', 6190)],
  spend: [
    sample('data-science', 5703.57),
    sample('marketing', 1207.74),
    sample('platform', 476.29),
    sample('research', 3837.56),
  ],
  burnRate: [
    sample('data-science', 194.6),
    sample('marketing', 46.5),
    sample('platform', 16.2),
    sample('research', 131.4),
    sample('support', 6.8),
    sample('', 400),
  ],
};

function views(
  results: BudgetQueryResults,
  nowMs = END_OF_HISTORY,
  thresholds: BudgetThresholds = DEFAULT_BUDGET_THRESHOLDS
) {
  return budgetRows(results, { nowMs, thresholds }).map(budgetRowView);
}

test('riskiest first: critical, warning, ok by utilization, then the team without a budget, listed as such', () => {
  expect(views(HISTORY).map((v) => [v.team, v.status, v.colour, v.utilization])).toEqual([
    ['data-science', 'Critical', 'red', '97.0 %'],
    ['platform', 'Warning', 'orange', '88.2 %'],
    ['research', 'OK', 'green', '62.0 %'],
    ['marketing', 'OK', 'green', '45.1 %'],
    ['support', 'No budget', null, 'no budget'],
  ]);
});

test.each<[number, BudgetThresholds, string, string]>([
  [0, DEFAULT_BUDGET_THRESHOLDS, 'green', 'OK'],
  [79.9, DEFAULT_BUDGET_THRESHOLDS, 'green', 'OK'],
  [80, DEFAULT_BUDGET_THRESHOLDS, 'orange', 'Warning'],
  [94.9, DEFAULT_BUDGET_THRESHOLDS, 'orange', 'Warning'],
  [95, DEFAULT_BUDGET_THRESHOLDS, 'red', 'Critical'],
  [120, DEFAULT_BUDGET_THRESHOLDS, 'red', 'Critical'],
  [69.9, { warningPercent: 70, criticalPercent: 90 }, 'green', 'OK'],
  [75, { warningPercent: 70, criticalPercent: 90 }, 'orange', 'Warning'],
  [90, { warningPercent: 70, criticalPercent: 90 }, 'red', 'Critical'],
])('spend %p of a 100 USD limit with thresholds %o: gauge %s', (spend, thresholds, colour, status) => {
  const [row] = views(
    { limit: [sample('t', 100)], spend: [sample('t', spend)], burnRate: [] },
    END_OF_HISTORY,
    thresholds
  );
  expect([row.colour, row.status]).toEqual([colour, status]);
});

test('every cell of a warning row', () => {
  expect(views(HISTORY).find((v) => v.team === 'platform')).toEqual({
    key: 'platform',
    team: 'platform',
    risk: 'warning',
    status: 'Warning',
    colour: 'orange',
    utilization: '88.2 %',
    utilizationPercent: (476.29 / 540) * 100,
    spend: '$476.29',
    limit: '$540.00',
    spendOfLimit: '$476.29 / $540.00',
    remaining: '$63.71',
    burnRate: '$16.20/day',
    burnNote: null,
    daysToExhaustion: '3.9 days',
    daysColour: 'red',
    projected: '$484.39',
    overrun: 'within the limit',
    overrunColour: 'green',
    period: 'monthly (assumed)',
  });
});

test('a projection past the limit, the global budget, a team with two budgets (the tightest shown)', () => {
  const rows = views(
    {
      limit: [sample('', 50000, 'month'), sample('ml', 1000, 'month'), sample('ml', 100, 'day')],
      spend: [sample('', 20000, 'month'), sample('ml', 900, 'month'), sample('ml', 10, 'day')],
      burnRate: [sample('', 1000), sample('ml', 100)],
    },
    MID_MONTH
  );
  expect(
    rows.map((v) => [
      v.key,
      v.team,
      v.utilization,
      v.projected,
      v.overrun,
      v.overrunColour,
      v.period,
      v.daysToExhaustion,
    ])
  ).toEqual([
    ['ml', 'ml', '90.0 %', '$2,000.00', 'overruns by $1,000.00', 'red', 'monthly (tightest of 2)', '1.0 days'],
    [
      GLOBAL_ROW_KEY,
      'Global budget (all teams)',
      '40.0 %',
      '$31,000.00',
      'within the limit',
      'green',
      'monthly',
      '30.0 days',
    ],
  ]);
});

test.each<[string, Parameters<typeof formatUtilization>[0], string]>([
  ['one decimal', { hasBudget: true, utilizationPercent: 96.99948365646259 }, '97.0 %'],
  ['over budget', { hasBudget: true, utilizationPercent: 112.345 }, '112.3 %'],
  ['thousands separated', { hasBudget: true, utilizationPercent: 1234.56 }, '1,234.6 %'],
  ['a spent zero budget', { hasBudget: true, utilizationPercent: Infinity }, '∞ %'],
  ['spend unknown', { hasBudget: true, utilizationPercent: null }, '—'],
  ['no budget', { hasBudget: false, utilizationPercent: null }, 'no budget'],
])('utilization: %s', (_, row, text) => {
  expect(formatUtilization(row)).toBe(text);
});

test.each<[number | null, string, string | null]>([
  [null, '—', null],
  [NaN, '—', null],
  [0, 'exhausted', 'red'],
  [14.96, '15.0 days', 'red'],
  [15, '15.0 days', 'orange'],
  [30, '30.0 days', 'orange'],
  [30.01, '30.0 days', 'green'],
  [1234.56, '1,234.6 days', 'green'],
  [Infinity, 'never (no spend)', 'green'],
])('days to exhaustion %p: %p in %p', (days, text, colour) => {
  expect(formatDays(days)).toBe(text);
  expect(daysColour(days)).toBe(colour);
});

test.each<[unknown, string[] | null]>([
  ['$__all', null],
  [['$__all'], null],
  [[], null],
  [undefined, null],
  ['platform', ['platform']],
  [
    ['platform', 'research'],
    ['platform', 'research'],
  ],
])('team filter value %p selects %p', (value, teams) => {
  expect(selectedTeams(value)).toEqual(teams);
});

test('a team selection keeps those teams and drops the global budget; All keeps every row', () => {
  const rows = [
    { team: '', isGlobal: true },
    { team: 'platform', isGlobal: false },
    { team: 'support', isGlobal: false },
  ];
  expect(rowsForTeams(rows, ['support']).map((r) => r.team)).toEqual(['support']);
  expect(rowsForTeams(rows, null)).toEqual(rows);
});

test.each<[string, object | undefined, BudgetThresholds, boolean]>([
  ['no settings: 80 / 95', undefined, { warningPercent: 80, criticalPercent: 95 }, false],
  [
    'the settings',
    { budgetWarningPercent: 70, budgetCriticalPercent: 90 },
    { warningPercent: 70, criticalPercent: 90 },
    false,
  ],
  [
    'warning not below critical: defaults',
    { budgetWarningPercent: 95, budgetCriticalPercent: 80 },
    { warningPercent: 80, criticalPercent: 95 },
    true,
  ],
  ['not numbers: defaults', { budgetWarningPercent: '80' }, { warningPercent: 80, criticalPercent: 95 }, true],
])('thresholds from %s', (_, jsonData, thresholds, problem) => {
  const setting = budgetThresholdsOf(jsonData as never);
  expect(setting.thresholds).toEqual(thresholds);
  expect(Boolean(setting.problem)).toBe(problem);
});

const burnWindow = (hours: number) => ({
  period: 'current' as const,
  spanSeconds: 7 * 86400,
  coveredSeconds: hours * 3600,
  ratio: hours / 168,
  complete: hours / 168 >= 0.9,
});

test.each<[string, number, string, string | null, string]>([
  // hours of the burn window with data; platform's burn rate, its note, its days to exhaustion
  ['the whole window', 168, '$16.20/day', null, '3.9 days'],
  ['2 of 7 days: the rate of those days, and the note', 48, '$56.70/day', 'from 2 of 7 days', '1.1 days'],
  ['36 hours', 36, '$75.60/day', 'from 1.5 of 7 days', '0.8 days'],
  ['5 hours: no rate', 5, '—', 'too little data for a daily rate (5 hours of 7 days)', '—'],
])('burn window %s', (_name, hours, burnRate, note, days) => {
  const rows = budgetRows(HISTORY, { nowMs: END_OF_HISTORY, burnCoverage: burnWindow(hours) }).map(budgetRowView);
  expect(rows.find((v) => v.team === 'platform')).toMatchObject({ burnRate, burnNote: note, daysToExhaustion: days });
});
