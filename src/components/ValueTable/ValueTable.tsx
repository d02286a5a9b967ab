/**
 * A plain, themed table of already computed rows, for the app's own tables (ranked spenders,
 * forecasts, anomalies): cells can hold links and coloured changes, and rows carry test ids,
 * which a Grafana table panel cannot.
 */
import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { ChangeTone } from './format';

export interface ValueColumn<Row> {
  id: string;
  header: string;
  /** numbers right-aligned with tabular figures */
  numeric?: boolean;
  render(row: Row): React.ReactNode;
  tone?(row: Row): ChangeTone;
  title?: string;
}

interface Props<Row> {
  columns: Array<ValueColumn<Row>>;
  rows: Row[];
  rowKey(row: Row): string;
  /** test id of a row's cell; rows without one get none */
  cellTestId?(row: Row, column: string): string | undefined;
  /** rows after the body (Others, total), muted */
  footer?: Row[];
  testId?: string;
  caption: string;
}

export function ValueTable<Row>({ columns, rows, rowKey, cellTestId, footer = [], testId, caption }: Props<Row>) {
  const styles = useStyles2(getStyles);
  const cells = (row: Row) =>
    columns.map((c) => {
      const tone = c.tone?.(row);
      return (
        <td
          key={c.id}
          className={cx(c.numeric && styles.numeric, tone && styles[tone])}
          data-testid={cellTestId?.(row, c.id)}
        >
          {c.render(row)}
        </td>
      );
    });
  return (
    <table className={styles.table} data-testid={testId}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.id} scope="col" title={c.title} className={cx(c.numeric && styles.numeric)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>{cells(row)}</tr>
        ))}
      </tbody>
      {footer.length > 0 && (
        <tfoot>
          {footer.map((row) => (
            <tr key={rowKey(row)} className={styles.footer}>
              {cells(row)}
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.75, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    'tbody tr:hover': { background: theme.colors.action.hover },
    a: { color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } },
  }),
  caption: css({
    captionSide: 'top',
    textAlign: 'left',
    color: theme.colors.text.secondary,
    padding: theme.spacing(0, 1, 1),
  }),
  numeric: css({ textAlign: 'right !important' as 'right', fontVariantNumeric: 'tabular-nums' }),
  footer: css({ color: theme.colors.text.secondary }),
  bad: css({ color: theme.colors.error.text }),
  good: css({ color: theme.colors.success.text }),
  neutral: css({}),
});
