/**
 * The value panel of a KPI that is itself a comparison of two periods (growth): shown only when
 * both periods have data for at least 90 % of their span (src/analysis/coverage.ts); otherwise
 * "—" and how much of the period has data. The panel's queries run only once it is shown.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { SceneComponentProps, SceneObjectBase, SceneObjectState, VizPanel } from '@grafana/scenes';
import { useStyles2 } from '@grafana/ui';
import { coverageVerdict } from '../../../analysis/coverage';
import { testIds } from '../../../components/testIds';
import { NO_VALUE } from '../../../datasource/frames';
import { useCoverage } from '../../../scenes/coverageProvider';
import { PanelBox } from './PanelBox';

export interface ComparisonGateState extends SceneObjectState {
  body: VizPanel;
}

export class ComparisonGate extends SceneObjectBase<ComparisonGateState> {
  static Component = ComparisonGateRenderer;
}

function ComparisonGateRenderer({ model }: SceneComponentProps<ComparisonGate>) {
  const { body } = model.useState();
  const verdict = coverageVerdict(useCoverage(model));
  const styles = useStyles2(getStyles);
  if (verdict.comparable) {
    return <body.Component model={body} />;
  }
  return (
    <PanelBox title={body.state.title} data-testid={testIds.kpis.withheldValue}>
      <div className={styles.value}>{NO_VALUE}</div>
      <div className={styles.note}>{verdict.note}</div>
    </PanelBox>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  value: css({ fontSize: theme.typography.h1.fontSize, textAlign: 'center', margin: theme.spacing(2, 0, 1) }),
  note: css({ color: theme.colors.text.secondary, textAlign: 'center' }),
});
