/** The deep-dive's tables: compact rows, headers that stay visible while the body scrolls. */
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

export function stickyHeaderTable(theme: GrafanaTheme2): string {
  return css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: {
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
      position: 'sticky',
      top: 0,
      background: theme.colors.background.primary,
    },
  });
}
