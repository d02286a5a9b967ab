/**
 * The frame of the app's own panels (tables computed in code): a title with its description as a
 * tooltip, as Grafana's panels have, and the query's loading state or error.
 */
import React from 'react';
import { css } from '@emotion/css';
import { DataQueryError, GrafanaTheme2, LoadingState } from '@grafana/data';
import { Alert, Icon, LoadingBar, Tooltip, useStyles2 } from '@grafana/ui';

interface Props {
  title: string;
  description?: string;
  state?: LoadingState;
  errors?: DataQueryError[];
  testId?: string;
  children: React.ReactNode;
}

export function PanelFrame({ title, description, state, errors = [], testId, children }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.panel} data-testid={testId} aria-label={title}>
      <div className={styles.loading}>{state === LoadingState.Loading && <LoadingBar width={400} />}</div>
      <header className={styles.header}>
        <h2 className={styles.title}>{title}</h2>
        {description && (
          <Tooltip content={description}>
            <Icon name="info-circle" size="sm" className={styles.info} aria-label={description} tabIndex={0} />
          </Tooltip>
        )}
      </header>
      {errors.length > 0 && (
        <Alert severity="error" title="The query failed">
          {errors.map((e) => e.message ?? String(e)).join('; ')}
        </Alert>
      )}
      <div className={styles.body}>{children}</div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    width: '100%',
    height: '100%',
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    overflow: 'hidden',
  }),
  loading: css({ position: 'absolute', top: 0, left: 0, right: 0, height: 2 }),
  header: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), padding: theme.spacing(1, 1, 0.5) }),
  title: css({ fontSize: theme.typography.h6.fontSize, fontWeight: theme.typography.fontWeightMedium, margin: 0 }),
  info: css({ color: theme.colors.text.secondary }),
  body: css({ flex: 1, overflow: 'auto', padding: theme.spacing(0, 1, 1) }),
});
