import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, FieldSet, Icon, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import { DEFAULT_LOOKBACK_SECONDS } from '../../health/healthQueries';
import { HealthContext, HealthFinding, healthySentence } from '../../health/recordingHealth';
import type { ProfileId } from '../../rules/profile';
import { getProfile } from '../../rules/registry';
import { testIds } from '../testIds';
import { datasourceName } from './kpiDatasource';
import { runRecordingHealth } from './recordingHealthQuery';
import { errorMessage } from './settingsForm';
import { checklistRowStyle } from './checklistStyles';

interface CheckResult {
  key: string;
  findings?: HealthFinding[];
  error?: string;
}

/** One check per datasource and profile choice, over the week up to now. */
function useRecordingHealth(prometheusUid: string | undefined, ctx: Omit<HealthContext, 'nowSec'>) {
  const key = `${prometheusUid}/${ctx.profile.id}`;
  const [result, setResult] = useState<CheckResult>();
  useEffect(() => {
    if (!prometheusUid) {
      return;
    }
    let current = true;
    runRecordingHealth(prometheusUid, { ...ctx, nowSec: Math.floor(Date.now() / 1000) }).then(
      (findings) => current && setResult({ key, findings }),
      (e) => current && setResult({ key, error: errorMessage(e) })
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names everything the check depends on
  }, [key]);
  // a result for another choice than the current one is stale: still loading
  const fresh = prometheusUid && result?.key === key ? result : undefined;
  return { loading: Boolean(prometheusUid) && !fresh, findings: fresh?.findings, error: fresh?.error };
}

function Finding({ finding, index }: { finding: HealthFinding; index: number }) {
  const styles = useStyles2(getStyles);
  const error = finding.severity === 'error';
  return (
    <li
      className={styles.row}
      data-testid={testIds.appConfig.healthFinding(index)}
      aria-label={`${finding.severity}: ${finding.message}`}
    >
      <Icon
        name={error ? 'exclamation-circle' : 'exclamation-triangle'}
        className={error ? styles.error : styles.warning}
        title={finding.severity}
      />
      <div>
        <Text element="p">{finding.message}.</Text>
        <Text color="secondary">Fix: {finding.fix}</Text>
      </div>
    </li>
  );
}

interface Props {
  prometheusUid?: string;
  profile: ProfileId;
}

/**
 * Whether the rules write the canonical series as they should: every minute, up to now, without
 * gaps. A family recorded every 5 minutes looks fine on every page, with totals ~80 % low.
 */
export function RecordingHealthPanel({ prometheusUid, profile }: Props) {
  const styles = useStyles2(getStyles);
  const ctx = { profile: getProfile(profile), lookbackSeconds: DEFAULT_LOOKBACK_SECONDS };
  const state = useRecordingHealth(prometheusUid, ctx);
  const title = prometheusUid ? `Recording health of ${datasourceName(prometheusUid)}` : 'Recording health';
  return (
    <FieldSet label={title}>
      <div data-testid={testIds.appConfig.recordingHealth}>
        {!prometheusUid && (
          <Text color="secondary">
            Pick the Prometheus datasource to check how its aigateway:* series are recorded.
          </Text>
        )}
        {state.loading && <LoadingPlaceholder text="Checking the recorded series…" />}
        {state.error && (
          <Alert severity="error" title="Could not check the recorded series">
            {state.error}
          </Alert>
        )}
        {state.findings?.length === 0 && (
          <Text element="p">
            <Icon name="check-circle" className={styles.ok} /> Healthy: {healthySentence(ctx)}.
          </Text>
        )}
        {Boolean(state.findings?.length) && (
          <ul className={styles.list}>
            {state.findings!.map((finding, index) => (
              <Finding key={index} finding={finding} index={index} />
            ))}
          </ul>
        )}
      </div>
    </FieldSet>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', margin: 0, padding: 0 }),
  row: checklistRowStyle(theme),
  ok: css({ color: theme.colors.success.text }),
  error: css({ color: theme.colors.error.text }),
  warning: css({ color: theme.colors.warning.text }),
});
