/**
 * The Chargeback page's report: the period and scope (in the URL), the allocation rule (app
 * settings), the report's queries on the Prometheus datasource and the report built from their
 * answers by src/chargeback (the page does no report arithmetic). The queries run when the period
 * or scope changes, or on Refresh; a change of allocation rule rebuilds the report from the answers
 * it has, since the queries do not depend on it.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, LoadingState } from '@grafana/data';
import {
  SceneComponentProps,
  SceneObjectBase,
  SceneObjectState,
  SceneObjectUrlSyncConfig,
  SceneObjectUrlValues,
} from '@grafana/scenes';
import type { DataSourceRef } from '@grafana/schema';
import { Alert, LoadingBar, useStyles2 } from '@grafana/ui';
import { Subscription } from 'rxjs';
import { chargebackQueries } from '../../chargeback/queries';
import { buildChargebackReport } from '../../chargeback/report';
import type { ChargebackOutcome, ChargebackRequest, ChargebackResults } from '../../chargeback/types';
import { testIds } from '../../components/testIds';
import { CHARGEBACK_URL_KEYS } from '../../constants';
import { AllocationSetting } from './AllocationSetting';
import { ReportBody } from './ReportBody';
import { ReportControls } from './ReportControls';
import { runReportQueries } from './reportQueries';
import { defaultSelection, ReportSelection, sameSelection, selectionFromUrl, selectionToUrl } from './reportSelection';

export interface ChargebackReportState extends SceneObjectState {
  prometheus: DataSourceRef;
  /** the KPI datasource: the teams and API keys the scope picker offers */
  kpi: DataSourceRef;
  selection: ReportSelection;
  allocation: AllocationSetting;
  loading: boolean;
  /** errors of the last run's requests */
  errors?: string[];
  /** the last run's answers and the time they were asked at (the report is built for the same time) */
  answers?: { results: ChargebackResults; nowSec: number };
  outcome?: ChargebackOutcome;
}

const currentSec = () => Math.floor(Date.now() / 1000);

export class ChargebackReportScene extends SceneObjectBase<ChargebackReportState> {
  protected _urlSync = new SceneObjectUrlSyncConfig(this, { keys: Object.values(CHARGEBACK_URL_KEYS) });
  private run?: { key: string; subscription: Subscription };

  constructor(state: Pick<ChargebackReportState, 'prometheus' | 'kpi'> & { selection?: ReportSelection }) {
    super({
      ...state,
      selection: state.selection ?? defaultSelection(currentSec()),
      allocation: new AllocationSetting(),
      loading: false,
    });
    this.addActivationHandler(() => this.onActivate());
  }

  private onActivate() {
    const allocation = this.state.allocation;
    const subscriptions = [
      this.subscribeToState((next, previous) => next.selection !== previous.selection && this.runQueries()),
      allocation.subscribeToState((next, previous) => {
        // the anomaly threshold comes with the settings: the queries wait for them
        if (this.settingsKnown() && !(previous.saved || previous.loadError)) {
          this.runQueries();
        } else if (next.choice !== previous.choice || next.team !== previous.team || next.saved !== previous.saved) {
          this.rebuild();
        }
      }),
    ];
    this.runQueries();
    return () => {
      subscriptions.forEach((s) => s.unsubscribe());
      this.run?.subscription.unsubscribe();
      this.run = undefined;
    };
  }

  getUrlState(): SceneObjectUrlValues {
    return selectionToUrl(this.state.selection);
  }

  updateFromUrl(values: SceneObjectUrlValues): void {
    const selection = selectionFromUrl(values, currentSec());
    if (!sameSelection(selection, this.state.selection)) {
      this.setState({ selection });
    }
  }

  select(change: Partial<ReportSelection>): void {
    const selection = { ...this.state.selection, ...change };
    if (!sameSelection(selection, this.state.selection)) {
      this.setState({ selection });
    }
  }

  private settingsKnown(): boolean {
    const { saved, loadError } = this.state.allocation.state;
    return Boolean(saved || loadError);
  }

  request(): ChargebackRequest {
    const { selection, allocation } = this.state;
    return { ...selection, allocation: allocation.rule(), anomalySigma: allocation.state.saved?.anomalySigma };
  }

  /** Runs the report's queries unless the same ones already ran (`force`: Refresh, new data). */
  runQueries = (force = false): void => {
    if (!this.isActive || !this.settingsKnown()) {
      return;
    }
    const nowSec = currentSec();
    const request = this.request();
    const queries = chargebackQueries(request, nowSec);
    const key = JSON.stringify(queries);
    if (!force && key === this.run?.key) {
      return;
    }
    this.run?.subscription.unsubscribe();
    this.setState({ loading: true, errors: undefined });
    const subscription = runReportQueries(this.state.prometheus, queries).subscribe({
      next: (data) => {
        if (data.state === LoadingState.Done) {
          this.setState({ loading: false, answers: { results: data.results, nowSec } });
          this.rebuild();
        } else if (data.state === LoadingState.Error) {
          this.setState({ loading: false, errors: data.errors, answers: undefined, outcome: undefined });
        }
      },
      error: (e: unknown) =>
        this.setState({
          loading: false,
          errors: [e instanceof Error ? e.message : String(e)],
          answers: undefined,
          outcome: undefined,
        }),
    });
    this.run = { key, subscription };
  };

  /** The report from the answers at hand, under the current allocation rule. */
  private rebuild(): void {
    const { answers, allocation } = this.state;
    if (!answers) {
      return;
    }
    const outcome = buildChargebackReport(this.request(), answers.results, answers.nowSec);
    this.setState({ outcome });
    if (outcome.ok) {
      const teams = outcome.report.teams.map((t) => t.key).filter((team) => team !== '');
      allocation.setState({ teams });
    }
  }

  static Component = ChargebackReportRenderer;
}

function ChargebackReportRenderer({ model }: SceneComponentProps<ChargebackReportScene>) {
  const { allocation, loading, errors, outcome } = model.useState();
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.page} data-testid={testIds.chargeback.report}>
      <div className={styles.loading}>{loading && <LoadingBar width={400} ariaLabel="Loading" />}</div>
      <ReportControls model={model} />
      <allocation.Component model={allocation} />
      {errors && (
        <Alert severity="error" title="The report's queries failed">
          {errors.join('; ')}
        </Alert>
      )}
      {outcome && !outcome.ok && (
        <Alert severity="warning" title="No report for this period and scope" data-testid={testIds.chargeback.problems}>
          {outcome.problems.map((p) => (
            <p key={p.kind}>{p.message[0].toUpperCase() + p.message.slice(1)}.</p>
          ))}
        </Alert>
      )}
      {outcome?.ok && !errors && <ReportBody report={outcome.report} stale={loading} />}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ position: 'relative', display: 'flex', flexDirection: 'column', gap: theme.spacing(2), width: '100%' }),
  loading: css({ position: 'absolute', top: 0, left: 0, right: 0, height: 2 }),
});
