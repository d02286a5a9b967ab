/**
 * Spend anomalies: model and team whose spend over the last 24 h deviates from its 30-day
 * baseline by more than the app's threshold (`anomalySigma`, read from the app settings in the
 * plugin meta). Says so explicitly when the anomaly recording rules are not loaded or their
 * baseline is still building, instead of an empty table.
 */
import React, { useEffect, useMemo } from 'react';
import { dateTimeFormat, LoadingState } from '@grafana/data';
import { config } from '@grafana/runtime';
import { SceneComponentProps, SceneObjectBase, SceneObjectState, SceneQueryRunner, sceneGraph } from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { Alert, LinkButton, Stack, Text } from '@grafana/ui';
import { ANOMALY_MIN_BASELINE_DAYS, AnomalyRow } from '../../analysis/anomalies';
import { testIds } from '../../components/testIds';
import { spendChangeTone } from '../../components/ValueTable/format';
import { formatNumber, formatPercent, formatUsd } from '../../format/numbers';
import { PanelFrame } from '../../components/ValueTable/PanelFrame';
import { ValueColumn, ValueTable } from '../../components/ValueTable/ValueTable';
import { APP_CONFIG_URL } from '../../constants';
import { ANALYSIS_SERIES, ANOMALY_BASELINE_DAYS } from '../../engine/conventions';
import { anomalyRuleGroups } from '../../rules/anomalyRules';
import { profileRulesPath, ProfileId } from '../../rules/registry';
import { builtQueryRunner, QueryContext } from '../../scenes/builtQueryRunner';
import { instantTarget } from '../../scenes/prometheusTargets';
import { AppSettings, withDefaults } from '../../settings/model';
import { usePluginMeta } from '../../utils/utils.plugin';
import { explainedPanelErrors } from '../../datasource/queryErrors';
import { anomalyQuery, AnomalyStatus, anomalyStatus, REF_ANOMALIES } from './anomalyView';

interface AnomalySectionState extends SceneObjectState {
  /** threshold in standard deviations; unknown until the section reads the app settings */
  sigma?: number;
  profile?: ProfileId;
  $data: SceneQueryRunner;
}

export function anomalyQueriesFor(ctx: QueryContext) {
  const sigma = ctx.owner instanceof AnomalySection ? ctx.owner.state.sigma : undefined;
  return sigma === undefined ? [] : [instantTarget(REF_ANOMALIES, anomalyQuery(sigma, ctx.filters))];
}

export class AnomalySection extends SceneObjectBase<AnomalySectionState> {
  static Component = AnomalySectionRenderer;

  constructor(prometheus: DataSourceRef) {
    super({ $data: builtQueryRunner(prometheus, anomalyQueriesFor) });
  }

  /** The runner rebuilds its query when this changes the threshold. */
  applySettings(settings: Pick<AppSettings, 'anomalySigma' | 'profile'>) {
    if (settings.anomalySigma !== this.state.sigma || settings.profile !== this.state.profile) {
      this.setState({ sigma: settings.anomalySigma, profile: settings.profile });
    }
  }
}

const COLUMNS: Array<ValueColumn<AnomalyRow & { detectedAt: string }>> = [
  { id: 'model', header: 'Model', render: (r) => r.model || '(no model)' },
  { id: 'team', header: 'Team', render: (r) => r.team || '(no team)' },
  { id: 'provider', header: 'Provider', render: (r) => r.provider || '(no provider)' },
  { id: 'rate', header: 'Current rate (24 h)', numeric: true, render: (r) => formatUsd(r.rate) },
  {
    id: 'baseline',
    header: `Baseline (${ANOMALY_BASELINE_DAYS}-day mean)`,
    numeric: true,
    render: (r) => formatUsd(r.baseline),
  },
  {
    id: 'deviation',
    header: 'Deviation',
    numeric: true,
    render: (r) => formatPercent(r.deviationPercent, { signed: true }),
    tone: (r) => spendChangeTone(r.rate - r.baseline),
  },
  { id: 'sigmas', header: 'σ', numeric: true, render: (r) => formatNumber(r.sigmas, 1) },
  { id: 'detectedAt', header: 'Detected at', render: (r) => r.detectedAt },
];

function RulesMissing({ profile }: { profile: ProfileId }) {
  const groups = anomalyRuleGroups().map((g) => g.name);
  return (
    <Alert severity="warning" title="Anomaly rules not loaded" data-testid={testIds.forecasts.anomalyRulesMissing}>
      Load <code>{profileRulesPath(profile)}</code> into Prometheus (rule groups {groups.join(' and ')}): the page reads
      the recorded daily rate <code>{ANALYSIS_SERIES.spendDaily}</code> and its {ANOMALY_BASELINE_DAYS}-day baseline,
      and Prometheus has none of them.
    </Alert>
  );
}

function Body({
  status,
  sigma,
  profile,
  timeZone,
}: {
  status: AnomalyStatus;
  sigma: number;
  profile: ProfileId;
  timeZone: string;
}) {
  if (status.kind === 'rules-missing') {
    return <RulesMissing profile={profile} />;
  }
  if (status.kind === 'baseline-building') {
    return (
      <Alert severity="info" title="Baseline still building">
        The rules have recorded {status.days} daily values so far; anomalies need at least {ANOMALY_MIN_BASELINE_DAYS}.
      </Alert>
    );
  }
  if (status.rows.length === 0) {
    return (
      <p data-testid={testIds.forecasts.noAnomalies}>
        No anomalies: every model and team is within {sigma} σ of its {ANOMALY_BASELINE_DAYS}-day baseline.
      </p>
    );
  }
  const rows = status.rows.map((r) => ({
    ...r,
    detectedAt: r.detectedAtSec === null ? '—' : dateTimeFormat(r.detectedAtSec * 1000, { timeZone }),
  }));
  return (
    <ValueTable
      caption={`Spend over the last 24 h vs the mean of the ${ANOMALY_BASELINE_DAYS} days before, beyond ${sigma} standard deviations; largest deviation first.`}
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => JSON.stringify([r.provider, r.model, r.team])}
      testId={testIds.forecasts.anomalies}
    />
  );
}

function AnomalySectionRenderer({ model }: SceneComponentProps<AnomalySection>) {
  const settings = withDefaults(usePluginMeta()?.jsonData as Partial<AppSettings> | undefined);
  useEffect(() => model.applySettings(settings), [model, settings.anomalySigma, settings.profile]); // eslint-disable-line react-hooks/exhaustive-deps
  const { sigma, profile, $data } = model.useState();
  const { data } = $data.useState();
  const timeZone = sceneGraph.getTimeRange(model).getTimeZone();
  const status = useMemo(
    () => (sigma === undefined ? undefined : anomalyStatus(data?.series ?? [], sigma)),
    [data?.series, sigma]
  );
  const done = data?.state === LoadingState.Done;
  return (
    <PanelFrame
      title="Spend anomalies"
      description={`Spend over the last 24 h of the range vs the ${ANOMALY_BASELINE_DAYS}-day baseline of each model and team; an anomaly deviates by more than the threshold (standard deviations of the baseline).`}
      state={data?.state}
      errors={explainedPanelErrors(data, { [REF_ANOMALIES]: 'Spend anomalies' })}
    >
      <Stack direction="column" gap={1}>
        <Stack direction="row" gap={1} alignItems="center">
          <Text color="secondary" data-testid={testIds.forecasts.sigma}>
            Threshold: {sigma ?? '…'} σ (app settings)
          </Text>
          {config.bootData.user.orgRole === 'Admin' ? (
            <LinkButton size="sm" variant="secondary" fill="text" icon="cog" href={APP_CONFIG_URL}>
              Change threshold
            </LinkButton>
          ) : (
            <Text color="secondary">— an org admin can change it</Text>
          )}
        </Stack>
        {done && status && sigma !== undefined && (
          <Body status={status} sigma={sigma} profile={profile ?? 'litellm'} timeZone={timeZone} />
        )}
      </Stack>
    </PanelFrame>
  );
}
