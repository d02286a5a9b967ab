/**
 * The optimization recommendations of seed 001 §8 whose threshold the KPI crosses — for the whole
 * range or for one provider / model / team — with the readings that crossed it.
 */
import React from 'react';
import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2, LoadingState } from '@grafana/data';
import { SceneComponentProps, sceneGraph, SceneObjectBase, SceneObjectState, SceneQueryRunner } from '@grafana/scenes';
import { Icon, Spinner, useStyles2 } from '@grafana/ui';
import type { KpiDefinition } from '../../../engine/catalog';
import type { BaseLabel } from '../../../engine/conventions';
import { thresholdsFromSettings } from '../../../analysis/recommendations';
import type { AppSettings } from '../../../settings/model';
import { testIds } from '../../../components/testIds';
import { formatKpiValue } from '../../../format/numbers';
import { groupName } from './breakdownFrames';
import { DATA_KEYS } from './deepDiveQueries';
import { kpiReadings, triggeredRecommendations, type TriggeredRecommendation } from './deepDiveRecommendations';
import { PanelBox } from './PanelBox';

export interface RecommendationsState extends SceneObjectState {
  kpi: KpiDefinition;
  settings?: AppSettings;
}

const EMPTY_RUNNER = new SceneQueryRunner({ queries: [] });

export class RecommendationsPanel extends SceneObjectBase<RecommendationsState> {
  runner(key: string): SceneQueryRunner {
    const found = sceneGraph.findByKey(this, key);
    return found instanceof SceneQueryRunner ? found : EMPTY_RUNNER;
  }

  static Component = ({ model }: SceneComponentProps<RecommendationsPanel>) => {
    const { kpi, settings } = model.useState();
    const value = model.runner(DATA_KEYS.value).useState().data;
    const provider = model.runner(DATA_KEYS.breakdown('provider')).useState().data;
    const modelData = model.runner(DATA_KEYS.breakdown('model')).useState().data;
    const team = model.runner(DATA_KEYS.breakdown('team')).useState().data;
    const all = [value, provider, modelData, team];
    const loading = all.some((d) => !d || d.state === LoadingState.Loading);
    const frames = (d: typeof value): DataFrame[] => d?.series ?? [];
    const triggered = loading
      ? []
      : triggeredRecommendations(
          kpiReadings(
            kpi.id,
            { frames: frames(value), groupBy: kpi.defaultGroupBy as BaseLabel | undefined },
            {
              provider: frames(provider),
              model: frames(modelData),
              team: frames(team),
            }
          ),
          thresholdsFromSettings(settings ?? {})
        );
    return (
      <PanelBox title="Recommendations" data-testid={testIds.kpis.recommendations}>
        {loading ? <Spinner /> : <RecommendationList kpi={kpi} triggered={triggered} />}
      </PanelBox>
    );
  };
}

function RecommendationList({ kpi, triggered }: { kpi: KpiDefinition; triggered: TriggeredRecommendation[] }) {
  const styles = useStyles2(getStyles);
  if (!triggered.length) {
    return (
      <div className={styles.secondary}>
        <Icon name="check-circle" /> No threshold of the seed&apos;s recommendations is crossed in this range.
      </div>
    );
  }
  return (
    <ul className={styles.list}>
      {triggered.map(({ recommendation: r, readings }) => (
        <li key={r.id} className={styles.item}>
          <div>
            <Icon name="exclamation-triangle" className={styles.icon} /> <strong>{r.signal}</strong>: {r.recommendation}
          </div>
          <div className={styles.secondary}>
            {r.comparison} {formatKpiValue(kpi, r.threshold)} — {r.source}
          </div>
          <div className={styles.readings}>
            {readings
              .map(
                (x) =>
                  `${x.group ? `${groupName(x.group.label as BaseLabel, x.group.value)}: ` : ''}${formatKpiValue(kpi, x.value)}`
              )
              .join(' · ')}
          </div>
        </li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', margin: 0, padding: 0 }),
  item: css({
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    '&:last-child': { borderBottom: 'none' },
  }),
  icon: css({ color: theme.colors.warning.text }),
  secondary: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  readings: css({ fontSize: theme.typography.bodySmall.fontSize, fontVariantNumeric: 'tabular-nums' }),
});
