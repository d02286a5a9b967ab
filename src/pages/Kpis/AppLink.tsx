/**
 * A link to another page of the app: client-side navigation (the scenes keep their state and no
 * reload happens), styled as Grafana's links.
 */
import React, { ReactNode } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { Link } from 'react-router-dom';

export function AppLink({ to, title, children }: { to: string; title?: string; children: ReactNode }) {
  const styles = useStyles2(getStyles);
  return (
    <Link to={to} title={title} className={styles.link}>
      {children}
    </Link>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  link: css({
    color: theme.colors.text.link,
    '&:hover, &:focus-visible': { textDecoration: 'underline' },
  }),
});
