/**
 * The KPI by provider, model or team over the range, highest first, with each group's share of
 * the total when the KPI adds up. Its query runner also feeds "what changed" and the
 * recommendations; what it shows is breakdownFrame(), which is also what its CSV export writes.
 */
import React from 'react';
import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2, LoadingState } from '@grafana/data';
import { SceneComponentProps, SceneObjectBase, SceneObjectState, SceneQueryRunner } from '@grafana/scenes';
import { Alert, Spinner, useStyles2 } from '@grafana/ui';
import type { KpiDefinition } from '../../../engine/catalog';
import type { BaseLabel } from '../../../engine/conventions';
import { formatKpiValue, formatPercent } from '../../../format/numbers';
import { breakdownFrame, LABEL_TITLES } from './breakdownFrames';
import { PanelBox } from './PanelBox';
import { stickyHeaderTable } from './tableStyles';

export interface BreakdownPanelState extends SceneObjectState {
  kpi: KpiDefinition;
  label: BaseLabel;
  additive: boolean;
  $data: SceneQueryRunner;
}

export class BreakdownPanel extends SceneObjectBase<BreakdownPanelState> {
  /** The table as shown (for the CSV export); empty before the data arrives. */
  shownFrames(): DataFrame[] {
    const { kpi, label, additive, $data } = this.state;
    const series = $data.state.data?.series;
    return series ? [breakdownFrame(series, label, kpi, additive)] : [];
  }

  static Component = BreakdownPanelView;
}

function BreakdownPanelView({ model }: SceneComponentProps<BreakdownPanel>) {
  const { kpi, label, additive, $data } = model.useState();
  const { data } = $data.useState();
  const title = `By ${label}`;
  if (!data || data.state === LoadingState.Loading) {
    return (
      <PanelBox title={title}>
        <Spinner />
      </PanelBox>
    );
  }
  if (data.errors?.length) {
    return (
      <PanelBox title={title}>
        <Alert severity="error" title={data.errors[0].message ?? 'The query failed'} />
      </PanelBox>
    );
  }
  return (
    <PanelBox title={title}>
      <BreakdownTable frame={breakdownFrame(data.series, label, kpi, additive)} kpi={kpi} label={label} />
    </PanelBox>
  );
}

function BreakdownTable({ frame, kpi, label }: { frame: DataFrame; kpi: KpiDefinition; label: BaseLabel }) {
  const styles = useStyles2(getStyles);
  const [names, values, shares] = frame.fields;
  if (!frame.length) {
    return <div className={styles.secondary}>No {label} has data in this range.</div>;
  }
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={`${kpi.name} by ${label}`}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{LABEL_TITLES[label]}</th>
            <th className={styles.number}>{kpi.name}</th>
            {shares && <th className={styles.share}>Share</th>}
          </tr>
        </thead>
        <tbody>
          {names.values.map((name: string, i: number) => (
            <tr key={name}>
              <td className={styles.name}>{name}</td>
              <td className={styles.number}>{formatKpiValue(kpi, values.values[i])}</td>
              {shares && <ShareCell percent={shares.values[i]} />}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ShareCell({ percent }: { percent: number | null }) {
  const styles = useStyles2(getStyles);
  return (
    <td className={styles.share}>
      {percent === null ? (
        '—'
      ) : (
        <div className={styles.shareCell}>
          <div className={styles.track} aria-hidden>
            <div className={styles.bar} style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
          </div>
          <span className={styles.number}>{formatPercent(percent)}</span>
        </div>
      )}
    </td>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ maxHeight: 240, overflowY: 'auto' }),
  table: stickyHeaderTable(theme),
  name: css({ wordBreak: 'break-word' }),
  number: css({ textAlign: 'right !important' as 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }),
  share: css({ width: '40%' }),
  shareCell: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  track: css({
    flex: 1,
    height: 8,
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
  }),
  bar: css({ height: '100%', background: theme.colors.primary.main, borderRadius: theme.shape.radius.default }),
  secondary: css({ color: theme.colors.text.secondary }),
});
