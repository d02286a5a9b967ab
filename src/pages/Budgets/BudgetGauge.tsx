/**
 * A budget's utilization as a horizontal gauge (seed 002's budget status bar): filled up to the
 * utilization (full past 100 %), in the row's risk colour, with ticks where the warning and
 * critical thresholds are. An ARIA meter, so assistive tech and tests read its value.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { BudgetThresholds } from '../../budgets/budgetMath';
import type { GrafanaColour } from './budgetRowView';

interface Props {
  percent: number;
  colour: GrafanaColour;
  thresholds: BudgetThresholds;
  label: string;
  testId: string;
}

const clamp = (v: number) => Math.min(100, Math.max(0, v));

export function BudgetGauge({ percent, colour, thresholds, label, testId }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const fill = theme.visualization.getColorByName(colour);
  return (
    <div
      className={styles.track}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Number.isFinite(percent) ? Math.round(percent * 10) / 10 : 100}
      data-testid={testId}
      data-colour={colour}
    >
      <div
        className={styles.fill}
        style={{ width: `${clamp(Number.isFinite(percent) ? percent : 100)}%`, background: fill }}
      />
      {[thresholds.warningPercent, thresholds.criticalPercent].map((t) => (
        <div key={t} className={styles.tick} style={{ left: `${clamp(t)}%` }} />
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  track: css({
    position: 'relative',
    height: theme.spacing(1.5),
    minWidth: 96,
    flex: 1,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.canvas,
    border: `1px solid ${theme.colors.border.weak}`,
    overflow: 'hidden',
  }),
  fill: css({
    position: 'absolute',
    inset: 0,
    right: 'auto',
  }),
  tick: css({
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: 2,
    marginLeft: -1,
    background: theme.colors.text.primary,
    opacity: 0.6,
  }),
});
