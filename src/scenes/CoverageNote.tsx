/**
 * How much of the periods a panel reads has data, where that is under 90 % of a period
 * (src/analysis/coverage.ts), e.g. in a panel's title bar; nothing when they are covered or while
 * the page still checks.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { SceneComponentProps, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import { useStyles2 } from '@grafana/ui';
import { coverageVerdict } from '../analysis/coverage';
import { testIds } from '../components/testIds';
import { useCoverage } from './coverageProvider';

export interface CoverageNoteState extends SceneObjectState {
  /** periods back from the end of the range that the panel reads (1: the range itself) */
  periods: number;
}

export class CoverageNote extends SceneObjectBase<CoverageNoteState> {
  static Component = CoverageNoteRenderer;
}

function CoverageNoteRenderer({ model }: SceneComponentProps<CoverageNote>) {
  const { periods } = model.useState();
  const reading = useCoverage(model);
  const styles = useStyles2(getStyles);
  const verdict = coverageVerdict(reading, periods);
  if (reading.state !== 'known' || verdict.comparable) {
    return null;
  }
  return (
    <span className={styles.note} data-testid={testIds.coverageNote}>
      {verdict.note}
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
