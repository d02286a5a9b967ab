import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, FieldSet, Icon, IconName, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import { presentCanonicalSeries } from '../../datasource/canonicalSeries';
import type { ProfileId } from '../../rules/profile';
import { getProfile } from '../../rules/registry';
import { testIds } from '../testIds';
import { checklistSummary, familyChecklist, FamilyRow, FamilyStatus } from './familyChecklist';
import { datasourceName } from './kpiDatasource';
import { errorMessage } from './settingsForm';
import { checklistRowStyle } from './checklistStyles';

interface SeriesResult {
  uid: string;
  found?: ReadonlySet<string>;
  error?: string;
}

/** The canonical series the Prometheus datasource holds: one label-values call per datasource choice. */
function useCanonicalSeries(prometheusUid: string | undefined): { loading: boolean; found?: ReadonlySet<string>; error?: string } {
  const [result, setResult] = useState<SeriesResult>();
  useEffect(() => {
    if (!prometheusUid) {
      return;
    }
    let current = true;
    getDataSourceSrv()
      .get({ uid: prometheusUid })
      .then(presentCanonicalSeries)
      .then(
        (found) => current && setResult({ uid: prometheusUid, found }),
        (e) => current && setResult({ uid: prometheusUid, error: errorMessage(e) })
      );
    return () => {
      current = false;
    };
  }, [prometheusUid]);
  // a result for another datasource than the chosen one is stale: still loading
  const fresh = prometheusUid && result?.uid === prometheusUid ? result : undefined;
  return { loading: Boolean(prometheusUid) && !fresh, found: fresh?.found, error: fresh?.error };
}

const STATUS_ICON: Record<FamilyStatus, { icon: IconName; label: string }> = {
  present: { icon: 'check-circle', label: 'present' },
  'expected-missing': { icon: 'minus-circle', label: 'absent, as the profile expects' },
  missing: { icon: 'exclamation-triangle', label: 'missing' },
};

function Row({ row }: { row: FamilyRow }) {
  const styles = useStyles2(getStyles);
  const { icon, label } = STATUS_ICON[row.status];
  return (
    <li className={styles.row} data-testid={testIds.appConfig.family(row.family.id)} aria-label={`${row.family.id}: ${label}`}>
      <Icon name={icon} className={styles[row.status]} title={label} />
      <div>
        <div>
          <code className={styles.series}>{row.family.series}</code> <Text color="secondary">{row.usedFor}</Text>
        </div>
        {row.note && <Text color={row.status === 'missing' ? 'warning' : 'secondary'}>{row.note}</Text>}
      </div>
    </li>
  );
}

interface Props {
  prometheusUid?: string;
  profile: ProfileId;
}

/** Which canonical families the chosen Prometheus has, against what the metric profile provides. */
export function FamiliesChecklist({ prometheusUid, profile }: Props) {
  const styles = useStyles2(getStyles);
  const state = useCanonicalSeries(prometheusUid);
  const title = prometheusUid ? `Canonical series in ${datasourceName(prometheusUid)}` : 'Canonical series';
  const rows = state.found ? familyChecklist(state.found, getProfile(profile)) : undefined;
  return (
    <FieldSet label={title}>
      <div data-testid={testIds.appConfig.families}>
        {!prometheusUid && <Text color="secondary">Pick the Prometheus datasource to see which aigateway:* families it holds.</Text>}
        {state.loading && <LoadingPlaceholder text="Listing metric names…" />}
        {state.error && (
          <Alert severity="error" title="Could not list the metric names of this Prometheus">
            {state.error}
          </Alert>
        )}
        {rows && (
          <>
            <Text element="p">{checklistSummary(rows)}.</Text>
            <ul className={styles.list}>
              {rows.map((row) => (
                <Row key={row.family.id} row={row} />
              ))}
            </ul>
          </>
        )}
      </div>
    </FieldSet>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', margin: theme.spacing(1, 0, 0), padding: 0 }),
  row: checklistRowStyle(theme),
  series: css({ fontSize: theme.typography.bodySmall.fontSize }),
  present: css({ color: theme.colors.success.text }),
  'expected-missing': css({ color: theme.colors.text.secondary }),
  missing: css({ color: theme.colors.warning.text }),
});
