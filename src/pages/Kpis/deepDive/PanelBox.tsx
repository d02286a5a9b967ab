/** A panel frame (title, optional header actions, body) for the deep-dive's own React panels. */
import React, { ReactNode } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

export interface PanelBoxProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}

export function PanelBox({ title, actions, children, ...rest }: PanelBoxProps) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.box} aria-label={title} data-testid={rest['data-testid']}>
      <header className={styles.header}>
        <h2 className={styles.title}>{title}</h2>
        {actions}
      </header>
      <div className={styles.body}>{children}</div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    width: '100%',
    height: '100%',
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  header: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 1, 0, 1.5),
    minHeight: 32,
  }),
  title: css({ margin: 0, fontSize: theme.typography.h6.fontSize, fontWeight: theme.typography.fontWeightMedium }),
  body: css({ padding: theme.spacing(1, 1.5, 1.5) }),
});
