/** The Configuration page's checklists (families, recording health): one row per item, a mark and its text. */
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const checklistRowStyle = (theme: GrafanaTheme2) =>
  css({
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: theme.spacing(1),
    alignItems: 'baseline',
    padding: theme.spacing(0.75, 0),
    borderTop: `1px solid ${theme.colors.border.weak}`,
  });
