/**
 * The budgets table: one row per team (and the global budget), riskiest first, from the page's
 * three instant queries (the runner in its state). Thresholds come from the app settings in the
 * plugin meta; the team filter narrows the rows without new queries (budget series have only
 * team and period labels, so provider / model filters do not apply). Burn rates come from the days
 * of their window that have data (the page's coverage query), and say so when those are fewer.
 */
import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2, LoadingState } from '@grafana/data';
import {
  sceneGraph,
  SceneComponentProps,
  SceneObjectBase,
  SceneObjectState,
  SceneDataProvider,
  MultiValueVariable,
  VariableDependencyConfig,
} from '@grafana/scenes';
import { Alert, Badge, LoadingPlaceholder, useStyles2, useTheme2 } from '@grafana/ui';
import { coveredPart, type PeriodCoverage } from '../../analysis/coverage';
import { VARIABLES } from '../../constants';
import { testIds } from '../../components/testIds';
import { budgetRows } from '../../budgets/budgetRows';
import type { BudgetThresholds } from '../../budgets/budgetMath';
import { BURN_WINDOW_DAYS } from '../../budgets/budgetQueries';
import { BudgetGauge } from './BudgetGauge';
import { budgetRowView, BudgetRowView, GrafanaColour, NO_VALUE, rowsForTeams, selectedTeams } from './budgetRowView';
import { budgetResultsFromFrames } from './budgetTargets';
import { useBudgetThresholds } from './budgetThresholds';
import { useCoverage } from '../../scenes/coverageProvider';
import { explainedPanelErrors } from '../../datasource/queryErrors';

/** The budget queries as a panel error names them. */
const BUDGET_QUERY_TITLES: Record<string, string> = { limit: 'Budget limits', spend: 'Spend in the budget period', burnRate: 'Burn rate (7 days)' };

export interface BudgetTableState extends SceneObjectState {
  /** the page's instant queries (budgetTargets) */
  $data: SceneDataProvider;
}

export class BudgetTable extends SceneObjectBase<BudgetTableState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VARIABLES.team],
    onReferencedVariableValueChanged: () => this.forceRender(),
  });

  static Component = BudgetTableRenderer;
}

/** The team filter's selection (null: All); its state, as getValue() expands All to the option list. */
function teamSelection(model: BudgetTable): string[] | null {
  const variable = sceneGraph.lookupVariable(VARIABLES.team, model);
  return variable instanceof MultiValueVariable ? selectedTeams(variable.state.value) : null;
}

const BADGE_COLOURS = { critical: 'red', warning: 'orange', ok: 'green' } as const;

const COLUMNS = [
  'Team',
  'Status',
  'Utilization',
  'Spend / limit (period)',
  'Remaining',
  `Burn rate (${BURN_WINDOW_DAYS}-day avg)`,
  'Days to exhaustion',
  'Projected at period end',
];

function BudgetTableRenderer({ model }: SceneComponentProps<BudgetTable>) {
  const styles = useStyles2(getStyles);
  // subscribed so that forceRender (a team filter change) renders again
  model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const timeRange = sceneGraph.getTimeRange(model);
  const { value: range } = timeRange.useState();
  const timeZone = timeRange.getTimeZone();
  const { thresholds, problem } = useBudgetThresholds();
  const coverage = useCoverage(model);
  const burnCoverage = coverage.state === 'known' ? coverage.periods[0] : undefined;
  const teams = teamSelection(model);
  if (!data || (data.state === LoadingState.Loading && !data.series.length)) {
    return <LoadingPlaceholder text="Loading budgets…" />;
  }
  if (data.state === LoadingState.Error) {
    const detail = explainedPanelErrors(data, BUDGET_QUERY_TITLES)
      .map((e) => e.message)
      .filter(Boolean)
      .join('; ');
    return (
      <Alert severity="error" title="The budget queries failed">
        {detail || 'Prometheus returned an error.'}
      </Alert>
    );
  }
  // a handful of rows: computed on each render, no memo to keep in step with the inputs
  const rows = budgetRows(budgetResultsFromFrames(data.series), {
    nowMs: range.to.valueOf(),
    thresholds,
    burnCoverage,
  });
  const shown = rowsForTeams(rows, teams).map(budgetRowView);
  return (
    <div className={styles.wrapper}>
      {problem && <Alert severity="warning" title={problem} />}
      <p className={styles.note}>
        As of {dateTimeFormat(range.to, { timeZone })}: gauges are green below {thresholds.warningPercent} %, orange
        from {thresholds.warningPercent} % and red from {thresholds.criticalPercent} % (app settings). Burn rate:
        average daily spend over the {BURN_WINDOW_DAYS} days before; projections assume it holds to the end of the
        period.
        {burnCoverage && !burnCoverage.complete && <BurnWindowNote coverage={burnCoverage} />}
      </p>
      {shown.length === 0 ? (
        <Alert severity="info" title="No budgets and no spend">
          No team has a budget or spend in the {BURN_WINDOW_DAYS} days before the end of the selected range
          {teams ? ' among the selected teams' : ''}.
        </Alert>
      ) : (
        <BudgetRowsTable rows={shown} thresholds={thresholds} />
      )}
    </div>
  );
}

/** The burn window lacks data (a new installation): the rates are over the days that have it. */
function BurnWindowNote({ coverage }: { coverage: PeriodCoverage }) {
  return (
    <span data-testid={testIds.budgets.burnCoverage}>
      {' '}
      The {BURN_WINDOW_DAYS} days before have data for {coveredPart(coverage)}: burn rates are over those days (the
      days-to-exhaustion alert rules divide by all {BURN_WINDOW_DAYS}).
    </span>
  );
}

function BudgetRowsTable({ rows, thresholds }: { rows: BudgetRowView[]; thresholds: BudgetThresholds }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid={testIds.budgets.table}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <BudgetTableRow key={row.key} row={row} thresholds={thresholds} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Coloured({ colour, children }: { colour: GrafanaColour | null; children: React.ReactNode }) {
  const theme = useTheme2();
  // the theme's text variant of a colour stays readable on both dark and light backgrounds
  const text = colour
    ? theme.colors[colour === 'orange' ? 'warning' : colour === 'red' ? 'error' : 'success'].text
    : undefined;
  return <span style={text ? { color: text } : undefined}>{children}</span>;
}

function BudgetTableRow({ row, thresholds }: { row: BudgetRowView; thresholds: BudgetThresholds }) {
  const styles = useStyles2(getStyles);
  const ids = testIds.budgets;
  return (
    <tr data-testid={ids.row(row.key)} data-risk={row.risk}>
      <td className={styles.team} data-testid={ids.team(row.key)}>
        {row.team}
      </td>
      <td>
        {/* Grafana's grey badge is too faint on the light theme: no budget is plain text */}
        {row.risk === 'none' ? (
          <span className={styles.noBudget}>{row.status}</span>
        ) : (
          <Badge text={row.status} color={BADGE_COLOURS[row.risk]} />
        )}
      </td>
      <td>
        <div className={styles.utilization}>
          {row.colour && row.utilizationPercent !== null && (
            <BudgetGauge
              percent={row.utilizationPercent}
              colour={row.colour}
              thresholds={thresholds}
              label={`Budget utilization of ${row.team}`}
              testId={ids.gauge(row.key)}
            />
          )}
          <span className={styles.percent} data-testid={ids.utilization(row.key)}>
            {row.utilization}
          </span>
        </div>
      </td>
      <td>
        {row.spendOfLimit}
        {row.period !== NO_VALUE && <div className={styles.sub}>{row.period}</div>}
      </td>
      <td>{row.remaining}</td>
      <td>
        {row.burnRate}
        {row.burnNote && <div className={styles.sub}>{row.burnNote}</div>}
      </td>
      <td>
        <Coloured colour={row.daysColour}>{row.daysToExhaustion}</Coloured>
      </td>
      <td>
        {row.projected}
        {row.overrun !== NO_VALUE && (
          <div className={styles.sub}>
            <Coloured colour={row.overrunColour}>{row.overrun}</Coloured>
          </div>
        )}
      </td>
    </tr>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), width: '100%' }),
  note: css({ color: theme.colors.text.secondary, margin: 0 }),
  scroll: css({ overflowX: 'auto' }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(1, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
      fontVariantNumeric: 'tabular-nums',
    },
    th: {
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
      whiteSpace: 'normal',
      verticalAlign: 'bottom',
    },
  }),
  team: css({ fontWeight: theme.typography.fontWeightMedium }),
  noBudget: css({ color: theme.colors.text.secondary }),
  utilization: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), minWidth: 180 }),
  percent: css({ minWidth: '5.5em', textAlign: 'right', fontWeight: theme.typography.fontWeightMedium }),
  sub: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
});
