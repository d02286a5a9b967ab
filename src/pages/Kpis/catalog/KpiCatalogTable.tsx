/** The catalog's table: one row per KPI with its value for the range, status and kind. */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, LoadingState, type PanelData, type UrlQueryMap } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { Badge, BadgeColor, Button, Icon, IconButton, Spinner, Tooltip, useStyles2 } from '@grafana/ui';
import type { KpiDefinition, ThresholdState } from '../../../engine/catalog';
import type { CoverageReading } from '../../../analysis/coverage';
import { testIds } from '../../../components/testIds';
import { AppLink } from '../AppLink';
import { kpiDeepDiveUrl } from '../kpiLinks';
import { catalogRows, type CatalogRow } from './catalogModel';

export interface KpiCatalogTableProps {
  kpis: KpiDefinition[];
  data?: PanelData;
  /** the page's coverage: a growth KPI shows a value only when both periods have data */
  coverage: CoverageReading;
  /** Admins: + New KPI, gear and trash on custom KPIs */
  canEdit: boolean;
  onNew(): void;
  onEdit(id: string): void;
  onDelete(kpi: KpiDefinition): void;
}

const STATUS_COLORS: Record<ThresholdState, BadgeColor> = { good: 'green', warning: 'orange', critical: 'red' };

function ValueCell({ row, loading }: { row: CatalogRow; loading: boolean }) {
  const styles = useStyles2(getStyles);
  if (loading) {
    return <Spinner inline />;
  }
  if (row.error) {
    return (
      <Tooltip content={row.error}>
        <span className={styles.error}>
          <Icon name="exclamation-triangle" /> error
        </span>
      </Tooltip>
    );
  }
  return (
    <span>
      {row.text}
      {row.group && (
        <span className={styles.secondary}>
          {' '}
          · {row.group.value || `(no ${row.group.label})`}, {row.group.pick} of {row.group.of} {row.group.label}s
        </span>
      )}
      {row.note && <div className={styles.secondary}>{row.note}</div>}
    </span>
  );
}

function StatusCell({ row }: { row: CatalogRow }) {
  const styles = useStyles2(getStyles);
  if (!row.kpi.thresholds.length) {
    return <span className={styles.secondary}>no thresholds</span>;
  }
  return row.status ? (
    <Badge color={STATUS_COLORS[row.status]} text={row.status} />
  ) : (
    <span className={styles.secondary}>—</span>
  );
}

function Actions({ row, props }: { row: CatalogRow; props: KpiCatalogTableProps }) {
  if (!props.canEdit || row.kpi.standard !== false) {
    return null;
  }
  return (
    <>
      <IconButton name="cog" tooltip={`Edit ${row.kpi.name}`} onClick={() => props.onEdit(row.kpi.id)} />
      <IconButton name="trash-alt" tooltip={`Delete ${row.kpi.name}`} onClick={() => props.onDelete(row.kpi)} />
    </>
  );
}

function CatalogRowView({
  row,
  loading,
  search,
  props,
}: {
  row: CatalogRow;
  loading: boolean;
  search: UrlQueryMap;
  props: KpiCatalogTableProps;
}) {
  const styles = useStyles2(getStyles);
  return (
    <tr data-kpi-id={row.kpi.id}>
      <td>
        <AppLink to={kpiDeepDiveUrl(row.kpi.id, search)} title={row.kpi.description}>
          {row.kpi.name}
        </AppLink>
        <div className={styles.secondary}>{row.kpi.id}</div>
      </td>
      <td>
        <code className={styles.formula}>{row.kpi.formula}</code>
      </td>
      <td>{row.kpi.unit}</td>
      <td className={styles.number}>
        <ValueCell row={row} loading={loading} />
      </td>
      <td className={styles.nowrap}>
        <StatusCell row={row} />
      </td>
      <td>
        <Badge
          color={row.kpi.standard === false ? 'purple' : 'darkgrey'}
          text={row.kpi.standard === false ? 'custom' : 'standard'}
        />
      </td>
      {props.canEdit && (
        <td className={styles.actions}>
          <Actions row={row} props={props} />
        </td>
      )}
    </tr>
  );
}

export function KpiCatalogTable(props: KpiCatalogTableProps) {
  const styles = useStyles2(getStyles);
  const loading = props.data?.state === LoadingState.Loading || !props.data;
  const rows = catalogRows(
    props.kpis,
    props.data && { series: props.data.series, errors: props.data.errors },
    props.coverage
  );
  const search = locationService.getSearchObject();
  return (
    <div data-testid={testIds.kpis.catalog}>
      <div className={styles.toolbar}>
        <span className={styles.secondary}>
          {props.kpis.filter((k) => k.standard !== false).length} standard,{' '}
          {props.kpis.filter((k) => k.standard === false).length} custom KPIs; values for the selected range and filters
        </span>
        {props.canEdit && (
          <Button icon="plus" onClick={props.onNew} data-testid={testIds.kpis.newKpi}>
            New KPI
          </Button>
        )}
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>KPI</th>
            <th>Formula</th>
            <th>Unit</th>
            <th className={styles.number}>Current value</th>
            <th>Status</th>
            <th>Kind</th>
            {props.canEdit && <th aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <CatalogRowView key={row.kpi.id} row={row} loading={loading} search={search} props={props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  toolbar: css({
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    marginBottom: theme.spacing(1),
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    th: {
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
      background: theme.colors.background.secondary,
    },
    'tbody tr:hover': { background: theme.colors.action.hover },
  }),
  number: css({ textAlign: 'right !important' as 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }),
  formula: css({
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    background: 'none',
    border: 'none',
    padding: 0,
  }),
  secondary: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  error: css({ color: theme.colors.error.text }),
  nowrap: css({ whiteSpace: 'nowrap' }),
  actions: css({ whiteSpace: 'nowrap', textAlign: 'right' }),
});
