/**
 * "2 models used without a price: … — 4.20 M tokens" beside a page's spend: models with tokens
 * or requests in the range (and the page's filters) but no spend (src/analysis/unpriced.ts).
 * Nothing while the queries run, when they fail, or when every used model has spend.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, LoadingState, type PanelData } from '@grafana/data';
import { SceneComponentProps, SceneObjectBase, SceneObjectState, SceneQueryRunner } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { Icon, useStyles2 } from '@grafana/ui';
import { labeledValuesFromFrames } from '../analysis/frameValues';
import { unpricedModels, unpricedUsageQueries, unpricedWarning } from '../analysis/unpriced';
import { testIds } from '../components/testIds';
import { alignStep } from '../datasource/queryPlan';
import { RULE_INTERVAL_SECONDS } from '../engine/conventions';
import { builtQueryRunner } from './builtQueryRunner';
import { instantTarget } from './prometheusTargets';

export const UNPRICED_TOKENS_REF = 'unpricedTokens';
export const UNPRICED_REQUESTS_REF = 'unpricedRequests';

/** The warning of a finished answer; null while loading, on an error, or when nothing is unpriced. */
export function unpricedNoteText(data: PanelData | undefined): string | null {
  if (!data || data.state !== LoadingState.Done || data.errors?.length) {
    return null;
  }
  const values = (refId: string) => labeledValuesFromFrames(data.series.filter((f) => f.refId === refId));
  return unpricedWarning(unpricedModels(values(UNPRICED_TOKENS_REF), values(UNPRICED_REQUESTS_REF)));
}

export class UnpricedUsageNote extends SceneObjectBase<SceneObjectState> {
  static Component = UnpricedUsageNoteRenderer;

  constructor(prometheus: DataSourceRef) {
    super({
      // the range's length in whole rule intervals, as the KPI datasource evaluates the tiles
      $data: builtQueryRunner(prometheus, (ctx) => {
        const queries = unpricedUsageQueries(alignStep((ctx.toMs - ctx.fromMs) / 1000, RULE_INTERVAL_SECONDS), ctx.filters);
        return [instantTarget(UNPRICED_TOKENS_REF, queries.tokens), instantTarget(UNPRICED_REQUESTS_REF, queries.requests)];
      }),
    });
  }
}

function UnpricedUsageNoteRenderer({ model }: SceneComponentProps<UnpricedUsageNote>) {
  const { data } = (model.state.$data as SceneQueryRunner).useState();
  const styles = useStyles2(getStyles);
  const text = unpricedNoteText(data);
  if (!text) {
    return null;
  }
  return (
    <span className={styles.note} data-testid={testIds.unpricedNote} title="spend totals miss these models: the gateway records $0 for them">
      <Icon name="exclamation-triangle" /> {text}
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({
    alignSelf: 'center',
    color: theme.colors.warning.text,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
