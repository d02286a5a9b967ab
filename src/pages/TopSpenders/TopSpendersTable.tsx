/**
 * The ranked table of Top spenders: the top 10 of the chosen dimension with spend, share,
 * previous period and change (red: more spend), then Others and the total. Reads the page's
 * shared query runner; each spender links to its drilldown with the range and filters. A change
 * is a percentage only when both periods have data (src/analysis/coverage.ts).
 */
import React, { useMemo } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { LoadingState } from '@grafana/data';
import { SceneComponentProps, sceneGraph, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import { coverageVerdict, type CoverageVerdict, type PercentChange } from '../../analysis/coverage';
import { DEFAULT_TOP_N, SpenderDimension, SpenderRow } from '../../analysis/topSpenders';
import { testIds } from '../../components/testIds';
import { spendChangeTone } from '../../components/ValueTable/format';
import { formatPercent, formatUsd } from '../../format/numbers';
import { PanelFrame } from '../../components/ValueTable/PanelFrame';
import { ValueColumn, ValueTable } from '../../components/ValueTable/ValueTable';
import { VARIABLES } from '../../constants';
import { NO_VALUE } from '../../datasource/frames';
import { useCoverage } from '../../scenes/coverageProvider';
import { DIMENSION_NAMES, isSpenderDimension, spenderHref, spenderName } from './spenderNames';
import { REF_CURRENT, REF_PREVIOUS, spenderPercentChange, topSpendersFromFrames, TopSpendersView, TOTAL_KEY, totalRow } from './topSpendersView';
import { explainedPanelErrors } from '../../datasource/queryErrors';

interface RankedRow extends SpenderRow {
  /** 1 … N for spenders; null for Others and the total */
  rank: number | null;
}

export function tableRows(view: TopSpendersView): { rows: RankedRow[]; footer: RankedRow[] } {
  const footer = [...(view.others ? [view.others] : []), ...(view.rows.length ? [totalRow(view)] : [])];
  return { rows: view.rows.map((r, i) => ({ ...r, rank: i + 1 })), footer: footer.map((r) => ({ ...r, rank: null })) };
}

function percentText(change: PercentChange): string {
  return change.kind === 'percent'
    ? formatPercent(change.percent, { signed: true })
    : change.kind === 'new'
      ? 'new'
      : NO_VALUE;
}

function columns(dimension: SpenderDimension, search: string, verdict: CoverageVerdict): Array<ValueColumn<RankedRow>> {
  return [
    { id: 'rank', header: '#', numeric: true, render: (r) => r.rank ?? '' },
    {
      id: 'spender',
      header: DIMENSION_NAMES[dimension].one,
      render: (r) =>
        r.rank === null ? (
          r.key
        ) : (
          <Link to={spenderHref(dimension, r.key, search)}>{spenderName(r.key, dimension)}</Link>
        ),
    },
    { id: 'spend', header: 'Spend', numeric: true, render: (r) => formatUsd(r.spend) },
    { id: 'share', header: 'Share', numeric: true, render: (r) => formatPercent(r.sharePercent) },
    { id: 'previous', header: 'Previous period', numeric: true, render: (r) => formatUsd(r.previous) },
    {
      id: 'change',
      header: 'Change',
      numeric: true,
      render: (r) => formatUsd(r.change, { signed: true }),
      tone: (r) => spendChangeTone(r.change),
    },
    {
      id: 'changePercent',
      header: 'Change %',
      numeric: true,
      render: (r) => percentText(spenderPercentChange(r, verdict)),
      tone: (r) => spendChangeTone(r.change),
    },
  ];
}

const CELL_TEST_IDS: Record<string, ((rank: number) => string) | undefined> = {
  spender: testIds.topSpenders.spender,
  spend: testIds.topSpenders.spend,
  change: testIds.topSpenders.change,
  changePercent: testIds.topSpenders.changePercent,
};

function cellTestId(row: RankedRow, column: string): string | undefined {
  if (row.rank === null) {
    return row.key === TOTAL_KEY && column === 'spend' ? testIds.topSpenders.total : undefined;
  }
  return CELL_TEST_IDS[column]?.(row.rank);
}

export class TopSpendersTable extends SceneObjectBase<SceneObjectState> {
  static Component = TopSpendersTableRenderer;
}

function TopSpendersTableRenderer({ model }: SceneComponentProps<TopSpendersTable>) {
  const { data } = sceneGraph.getData(model).useState();
  const variable = sceneGraph.lookupVariable(VARIABLES.spenderDimension, model);
  // re-render when the choice changes (the variable always exists on this page)
  (variable ?? model).useState();
  const value = variable?.getValue();
  const dimension: SpenderDimension = isSpenderDimension(value) ? value : 'team';
  const { search } = useLocation();
  const view = useMemo(() => topSpendersFromFrames(data?.series ?? [], dimension), [data?.series, dimension]);
  const { rows, footer } = tableRows(view);
  const names = DIMENSION_NAMES[dimension];
  const verdict = coverageVerdict(useCoverage(model));
  return (
    <PanelFrame
      title={`Top ${DEFAULT_TOP_N} ${names.many}`}
      description="Spend in the selected range, share of the total, and change vs the previous period of the same length (red: more spend, green: less)."
      state={data?.state}
      errors={explainedPanelErrors(data, { [REF_CURRENT]: `Top ${DEFAULT_TOP_N} ${names.many}`, [REF_PREVIOUS]: `Top ${DEFAULT_TOP_N} ${names.many}, previous period` })}
    >
      {rows.length === 0 && data?.state === LoadingState.Done ? (
        <p>No spend recorded for these filters in the selected range.</p>
      ) : (
        <>
          {!verdict.comparable && (
            <p data-testid={testIds.topSpenders.coverage}>{verdict.note}: changes in USD only, no percentages.</p>
          )}
          <ValueTable
            caption={`${names.one} ranked by spend in the selected range${view.others ? `; Others: everyone below the top ${rows.length}` : ''}`}
            columns={columns(dimension, search, verdict)}
            rows={rows}
            footer={footer}
            rowKey={(r) => (r.rank === null ? `~${r.key}` : `#${r.key}`)}
            cellTestId={cellTestId}
            testId={testIds.topSpenders.table}
          />
        </>
      )}
    </PanelFrame>
  );
}
