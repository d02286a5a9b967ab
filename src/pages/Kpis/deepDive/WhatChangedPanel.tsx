/**
 * "What changed": the contributors (models, teams or providers) ranked by their part of the KPI's
 * change vs the previous period of equal length (src/analysis/whatChanged.ts), on the breakdown
 * queries the tables above already ran. When a period lacks data (src/analysis/coverage.ts) the
 * panel says how much it has and shows no shares.
 */
import React from 'react';
import { css, cx } from '@emotion/css';
import { DataFrame, GrafanaTheme2, LoadingState } from '@grafana/data';
import { SceneComponentProps, sceneGraph, SceneObjectBase, SceneObjectState, SceneQueryRunner } from '@grafana/scenes';
import { Alert, Badge, RadioButtonGroup, Spinner, useStyles2 } from '@grafana/ui';
import type { KpiDefinition } from '../../../engine/catalog';
import type { BaseLabel } from '../../../engine/conventions';
import { type Contribution, type WhatChanged, withoutShares } from '../../../analysis/whatChanged';
import { coverageVerdict, type CoverageVerdict } from '../../../analysis/coverage';
import { currentCoverage, useCoverage } from '../../../scenes/coverageProvider';
import { testIds } from '../../../components/testIds';
import { formatKpiValue, formatPercent } from '../../../format/numbers';
import { formatChange } from '../kpiValues';
import { isAdditiveFormula } from './additive';
import { groupName, LABEL_TITLES, whatChangedFrame, whatChangedOf } from './breakdownFrames';
import { DATA_KEYS, type Comparability } from './deepDiveQueries';
import { PanelBox } from './PanelBox';
import { stickyHeaderTable } from './tableStyles';

export interface WhatChangedState extends SceneObjectState {
  kpi: KpiDefinition;
  comparable: Comparability;
  label: BaseLabel;
}

const LABEL_OPTIONS = (['model', 'team', 'provider'] as const).map((value) => ({ label: `By ${value}`, value }));

export class WhatChangedPanel extends SceneObjectBase<WhatChangedState> {
  constructor(state: Omit<WhatChangedState, 'label'> & { label?: BaseLabel }) {
    // a KPI read by team (budgets) changes by team; others by model first
    super({ label: (state.kpi.defaultGroupBy as BaseLabel | undefined) ?? 'model', ...state });
  }

  runner(label: BaseLabel): SceneQueryRunner | undefined {
    const found = sceneGraph.findByKey(this, DATA_KEYS.breakdown(label));
    return found instanceof SceneQueryRunner ? found : undefined;
  }

  /** The rows shown, as a frame (for the CSV export). */
  shownFrames(): DataFrame[] {
    const { kpi, label, comparable } = this.state;
    const frames = this.runner(label)?.state.data?.series;
    const verdict = coverageVerdict(currentCoverage(this));
    return comparable.ok && frames ? [whatChangedFrame(shownChange(frames, label, verdict), label, kpi)] : [];
  }

  static Component = WhatChangedRenderer;
}

function WhatChangedRenderer({ model }: SceneComponentProps<WhatChangedPanel>) {
  const { kpi, comparable, label } = model.useState();
  const verdict = coverageVerdict(useCoverage(model));
  const runner = model.runner(label);
  return (
    <PanelBox
      title="What changed vs the previous period"
      data-testid={testIds.kpis.whatChanged}
      actions={
        comparable.ok && (
          <RadioButtonGroup
            size="sm"
            options={LABEL_OPTIONS}
            value={label}
            onChange={(l) => model.setState({ label: l })}
          />
        )
      }
    >
      {!comparable.ok ? (
        <Alert severity="info" title="Not available for this KPI">
          {comparable.message}
        </Alert>
      ) : runner ? (
        <Ranking key={label} runner={runner} kpi={kpi} label={label} verdict={verdict} />
      ) : null}
    </PanelBox>
  );
}

function changeClass(kpi: KpiDefinition, delta: number, styles: ReturnType<typeof getStyles>): string | undefined {
  if (delta === 0 || kpi.direction === 'neutral') {
    return undefined;
  }
  const better = kpi.direction === 'higher-is-better' ? delta > 0 : delta < 0;
  return better ? styles.better : styles.worse;
}

function Row({ kpi, label, row }: { kpi: KpiDefinition; label: BaseLabel; row: Contribution }) {
  const styles = useStyles2(getStyles);
  return (
    <tr>
      <td>{groupName(label, row.key)}</td>
      <td className={styles.number}>{formatKpiValue(kpi, row.previous)}</td>
      <td className={styles.number}>{formatKpiValue(kpi, row.current)}</td>
      <td className={cx(styles.number, changeClass(kpi, row.delta, styles))}>{formatChange(kpi, row.delta)}</td>
      <td className={styles.number}>{formatPercent(row.sharePercent)}</td>
      <td>{row.status === 'new' || row.status === 'vanished' ? <Badge color="blue" text={row.status} /> : null}</td>
    </tr>
  );
}

/** The ranking as shown: without shares when a period lacks data. */
function shownChange(frames: readonly DataFrame[], label: BaseLabel, verdict: CoverageVerdict): WhatChanged {
  const changed = whatChangedOf(frames, label);
  return verdict.comparable ? changed : withoutShares(changed);
}

interface RankingProps {
  runner: SceneQueryRunner;
  kpi: KpiDefinition;
  label: BaseLabel;
  verdict: CoverageVerdict;
}

function Ranking({ runner, kpi, label, verdict }: RankingProps) {
  const styles = useStyles2(getStyles);
  const { data } = runner.useState();
  if (!data || data.state === LoadingState.Loading) {
    return <Spinner />;
  }
  if (data.errors?.length) {
    return <Alert severity="error" title={data.errors[0].message ?? 'The query failed'} />;
  }
  const changed = shownChange(data.series, label, verdict);
  if (!changed.rows.length) {
    return <div className={styles.secondary}>No {label} has data in this period or the previous one.</div>;
  }
  const additive = isAdditiveFormula(kpi.formula);
  return (
    <>
      <div className={styles.summary}>
        {additive ? (
          <>
            Total change:{' '}
            <strong className={changeClass(kpi, changed.totalDelta, styles)}>
              {formatChange(kpi, changed.totalDelta)}
            </strong>
          </>
        ) : (
          `A ratio: the ${label}s' changes do not add up to the KPI's change; shares are of their sum.`
        )}
      </div>
      {!verdict.comparable && (
        <div className={styles.summary} data-testid={testIds.kpis.whatChangedCoverage}>
          {verdict.note}: no shares of the change.
        </div>
      )}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="Contributors to the change">
        <table className={styles.table}>
          <thead>
            <tr>
              <th>{LABEL_TITLES[label]}</th>
              <th className={styles.number}>Previous period</th>
              <th className={styles.number}>This period</th>
              <th className={styles.number}>Change</th>
              <th className={styles.number}>Share of the change</th>
              <th aria-label="Status" />
            </tr>
          </thead>
          <tbody>
            {changed.rows.map((row) => (
              <Row key={row.key} kpi={kpi} label={label} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  summary: css({ marginBottom: theme.spacing(1) }),
  scroll: css({ maxHeight: 360, overflowY: 'auto' }),
  table: stickyHeaderTable(theme),
  number: css({ textAlign: 'right !important' as 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }),
  better: css({ color: theme.colors.success.text }),
  worse: css({ color: theme.colors.error.text }),
  secondary: css({ color: theme.colors.text.secondary }),
});
