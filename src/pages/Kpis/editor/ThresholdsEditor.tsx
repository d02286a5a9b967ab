/** The thresholds of a custom KPI: boundaries from which a state (good / warning / critical) applies. */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, IconButton, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import type { KpiDirection, ThresholdState } from '../../../engine/catalog';
import type { ThresholdDraft } from './kpiDraft';

const STATES: Array<{ label: string; value: ThresholdState }> = [
  { label: 'good', value: 'good' },
  { label: 'warning', value: 'warning' },
  { label: 'critical', value: 'critical' },
];

export interface ThresholdsEditorProps {
  thresholds: ThresholdDraft[];
  direction: KpiDirection;
  onChange(thresholds: ThresholdDraft[]): void;
}

/** What a value below every boundary counts as (as datasource/frames.ts colours it). */
export function stateBelowFirst(direction: KpiDirection): ThresholdState {
  return direction === 'higher-is-better' ? 'critical' : 'good';
}

export function ThresholdsEditor({ thresholds, direction, onChange }: ThresholdsEditorProps) {
  const styles = useStyles2(getStyles);
  const set = (i: number, change: Partial<ThresholdDraft>) =>
    onChange(thresholds.map((t, j) => (j === i ? { ...t, ...change } : t)));
  const next: ThresholdState = stateBelowFirst(direction) === 'good' ? 'warning' : 'good';
  return (
    <div>
      <div className={styles.hint}>
        Below the lowest value: <strong>{stateBelowFirst(direction)}</strong>
        {thresholds.length === 0 && ' (no thresholds: the KPI has no status)'}
      </div>
      {thresholds.map((t, i) => (
        <div key={i} className={styles.row}>
          <span className={styles.from}>from</span>
          <Input
            aria-label={`Threshold ${i + 1} value`}
            width={14}
            type="number"
            value={t.value}
            onChange={(e) => set(i, { value: e.currentTarget.value })}
          />
          <RadioButtonGroup size="sm" options={STATES} value={t.state} onChange={(state) => set(i, { state })} />
          <IconButton
            name="times"
            tooltip="Remove this threshold"
            onClick={() => onChange(thresholds.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <Button
        size="sm"
        variant="secondary"
        icon="plus"
        onClick={() => onChange([...thresholds, { value: '', state: next }])}
      >
        Add threshold
      </Button>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  hint: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    marginBottom: theme.spacing(1),
  }),
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginBottom: theme.spacing(1) }),
  from: css({ color: theme.colors.text.secondary, width: 36 }),
});
