/**
 * One Overview tile: a KPI's value for the range (threshold colour), its change vs the previous
 * period (coloured by whether the KPI's direction makes it good news), a 14-day daily sparkline,
 * and a link to the KPI's deep-dive. Three queries, one Prometheus request each.
 */
import React, { useLayoutEffect, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { getDisplayProcessor, GrafanaTheme2, LoadingState } from '@grafana/data';
import { SceneComponentProps, SceneObjectBase, SceneObjectState, SceneQueryRunner } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { Icon, LoadingBar, Sparkline, Tooltip, useStyles2, useTheme2 } from '@grafana/ui';
import { Link, useLocation } from 'react-router-dom';
import { ROUTES } from '../../constants';
import type { KpiDefinition } from '../../engine/catalog';
import { prefixRoute } from '../../utils/utils.routing';
import { testIds } from '../../components/testIds';
import { formatKpiValue, formatPercent, NO_VALUE } from '../../format/numbers';
import { useCoverage } from '../../scenes/coverageProvider';
import { TileChange, tileModel, tileQueries } from './tileModel';

export interface KpiTileState extends SceneObjectState {
  kpi: KpiDefinition;
}

export class KpiTile extends SceneObjectBase<KpiTileState> {
  constructor(kpi: KpiDefinition, datasource: DataSourceRef) {
    super({ kpi, $data: new SceneQueryRunner({ datasource, queries: tileQueries(kpi) }) });
  }

  static Component = KpiTileRenderer;
}

function KpiTileRenderer({ model }: SceneComponentProps<KpiTile>) {
  const { kpi } = model.useState();
  const data = model.state.$data!.useState().data;
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const location = useLocation();
  const [sparkRef, sparkWidth] = useElementWidth();
  const coverage = useCoverage(model);
  const view = tileModel(data?.series ?? [], kpi, coverage);
  // Grafana's display processor for the threshold colour; the text is the app's, as in the catalog
  const display = view.valueField ? getDisplayProcessor({ field: view.valueField, theme })(view.value) : undefined;
  const loading =
    !data || data.state === LoadingState.Loading || (view.withheld?.value === true && coverage.state === 'checking');
  const error = data?.errors?.[0]?.message;
  return (
    <Link
      className={styles.tile}
      to={`${prefixRoute(ROUTES.Kpis)}/${kpi.id}${location.search}`}
      data-testid={testIds.overview.tile(kpi.id)}
    >
      {loading && <LoadingBar width={sparkWidth || 200} />}
      <div className={styles.header}>
        <span className={styles.title}>{kpi.name}</span>
        <Tooltip content={`${kpi.description} — ${kpi.formula}`}>
          <Icon name="info-circle" size="sm" className={styles.info} />
        </Tooltip>
      </div>
      {error ? (
        <div className={styles.error} role="alert">
          {error}
        </div>
      ) : (
        <div
          className={styles.value}
          style={{ color: kpi.thresholds.length && display?.color ? display.color : undefined }}
          data-testid={testIds.overview.tileValue(kpi.id)}
        >
          {view.value !== null ? formatKpiValue(kpi, view.value) : loading ? '' : NO_VALUE}
          {view.group !== undefined && (
            <span className={styles.group}>{view.group || `(no ${kpi.defaultGroupBy})`}</span>
          )}
        </div>
      )}
      <ChangeLine kpiId={kpi.id} change={view.change} withheld={view.withheld?.note} settled={!loading && !error} />
      <div ref={sparkRef} className={styles.sparkline}>
        {view.trend && sparkWidth > 0 && (
          <Sparkline
            width={sparkWidth}
            height={36}
            theme={theme}
            sparkline={{ x: view.trend.time, y: view.trend.values }}
            config={{ color: { mode: 'fixed' as never, fixedColor: theme.colors.primary.main } }}
          />
        )}
      </div>
    </Link>
  );
}

/** `withheld`: the coverage sentence that stands in for the change (src/analysis/coverage.ts). */
interface ChangeLineProps {
  kpiId: string;
  change: TileChange | null;
  withheld?: string;
  /** the tile's queries answered without error: only then is a missing change a fact to state */
  settled: boolean;
}

function ChangeLine({ kpiId, change, withheld, settled }: ChangeLineProps) {
  const styles = useStyles2(getStyles);
  if (withheld || !change) {
    return (
      <div className={styles.change} data-testid={testIds.overview.tileChange(kpiId)}>
        {withheld ?? (settled ? 'no previous period to compare' : '')}
      </div>
    );
  }
  const arrow = change.absolute > 0 ? 'arrow-up' : change.absolute < 0 ? 'arrow-down' : 'minus';
  const tone = change.favourable === null ? styles.neutral : change.favourable ? styles.good : styles.bad;
  const text = change.percent === null ? 'new this period' : formatPercent(Math.abs(change.percent));
  return (
    <div className={styles.change} data-testid={testIds.overview.tileChange(kpiId)}>
      <span className={tone}>
        <Icon name={arrow} size="sm" /> {text}
      </span>{' '}
      vs previous period
    </div>
  );
}

/** The width of an element, following resizes (the sparkline draws at a fixed pixel width). */
function useElementWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) {
      return;
    }
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

const getStyles = (theme: GrafanaTheme2) => ({
  tile: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1.5, 2),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.primary,
    position: 'relative',
    overflow: 'hidden',
    '&:hover': {
      borderColor: theme.colors.border.strong,
      background: theme.colors.emphasize(theme.colors.background.primary, 0.03),
    },
  }),
  header: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  title: css({ fontWeight: theme.typography.fontWeightMedium }),
  info: css({ color: theme.colors.text.secondary }),
  value: css({
    fontSize: theme.typography.h2.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    lineHeight: 1.2,
    minHeight: '1.2em',
  }),
  group: css({
    fontSize: theme.typography.body.fontSize,
    color: theme.colors.text.secondary,
    marginLeft: theme.spacing(1),
  }),
  change: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  good: css({ color: theme.colors.success.text }),
  bad: css({ color: theme.colors.error.text }),
  neutral: css({ color: theme.colors.text.primary }),
  sparkline: css({ marginTop: 'auto', height: 36 }),
  error: css({ color: theme.colors.error.text, fontSize: theme.typography.bodySmall.fontSize }),
});
