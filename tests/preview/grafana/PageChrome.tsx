/**
 * Stands in for Grafana's page chrome: the navigation Grafana builds from the app's plugin.json
 * page includes, and the Page component that @grafana/runtime's PluginPage renders inside
 * Grafana (title, subtitle, tabs from pageNav.children, actions).
 */
import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2, NavModelItem } from '@grafana/data';
import type { PluginPageProps } from '@grafana/runtime';
import { Tab, TabsBar, useStyles2 } from '@grafana/ui';
import { Link, useLocation } from 'react-router-dom';
import appPluginJson from '../../../src/plugin.json';
import { APP_CONFIG_URL, APP_PLUGIN_ID } from '../../../src/constants';

function appNavItems(): Array<{ text: string; url: string }> {
  const pages = appPluginJson.includes
    .filter((i) => i.type === 'page' && 'addToNav' in i && i.addToNav && 'path' in i)
    .map((i) => ({ text: i.name, url: (i as { path: string }).path.replace('%PLUGIN_ID%', APP_PLUGIN_ID) }));
  return [...pages, { text: 'Configuration', url: APP_CONFIG_URL }];
}

export function PreviewNav() {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <nav className={styles.nav} aria-label="AI Spend">
      <div className={styles.product}>{appPluginJson.name}</div>
      <ul className={styles.list}>
        {appNavItems().map((item) => (
          <li key={item.url}>
            <Link
              className={cx(
                styles.link,
                here.startsWith(item.url.split('?')[0]) &&
                  (item.url.includes('?') ? here === item.url : true) &&
                  styles.active
              )}
              to={item.url}
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function activeChild(pageNav?: NavModelItem): NavModelItem | undefined {
  return pageNav?.children?.find((c) => c.active);
}

export function PreviewPluginPage({ pageNav, subTitle, actions, children, renderTitle }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const parent = pageNav?.parentItem;
  const title = pageNav?.text ?? '';
  return (
    <main className={styles.page}>
      {parent && (
        <div className={styles.breadcrumb}>
          <Link to={parent.url ?? '#'}>{parent.text}</Link> / {title}
        </div>
      )}
      <div className={styles.header}>
        <div>
          {renderTitle ? renderTitle(title) : <h1 className={styles.title}>{title}</h1>}
          {(subTitle ?? pageNav?.subTitle) && <div className={styles.subTitle}>{subTitle ?? pageNav?.subTitle}</div>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      {pageNav?.children && pageNav.children.length > 0 && (
        <TabsBar className={styles.tabs}>
          {pageNav.children.map((child) => (
            <Tab
              key={child.url}
              label={child.text}
              active={child === activeChild(pageNav)}
              href={child.url}
              icon={child.icon as never}
            />
          ))}
        </TabsBar>
      )}
      <div className={styles.content}>{children}</div>
    </main>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  nav: css({
    width: 220,
    flexShrink: 0,
    borderRight: `1px solid ${theme.colors.border.weak}`,
    padding: theme.spacing(2, 1),
    background: theme.colors.background.primary,
  }),
  product: css({ fontWeight: theme.typography.fontWeightMedium, padding: theme.spacing(0, 1, 2) }),
  list: css({ listStyle: 'none', margin: 0, padding: 0 }),
  link: css({
    display: 'block',
    padding: theme.spacing(0.75, 1),
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.secondary,
    '&:hover': { background: theme.colors.action.hover, color: theme.colors.text.primary },
  }),
  active: css({ background: theme.colors.action.selected, color: theme.colors.text.primary }),
  page: css({
    flexGrow: 1,
    minWidth: 0,
    padding: theme.spacing(2, 3),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  breadcrumb: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, a: { textDecoration: 'underline' } }),
  header: css({ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: theme.spacing(2) }),
  title: css({ margin: 0, fontSize: theme.typography.h2.fontSize }),
  subTitle: css({ color: theme.colors.text.secondary }),
  actions: css({ display: 'flex', gap: theme.spacing(1) }),
  tabs: css({ marginBottom: theme.spacing(1) }),
  content: css({ flexGrow: 1, display: 'flex', flexDirection: 'column' }),
});
