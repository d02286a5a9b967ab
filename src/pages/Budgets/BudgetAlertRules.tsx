/**
 * The Budgets page's alert-rules box: which of the Grafana-managed budget rules exist, and one
 * action that creates or updates them all through the alerting provisioning API (idempotent:
 * the whole group is written by fixed uids). Grafana lets only org Admins write provisioned
 * rules by default, so for everyone else the action is disabled and the reason is shown.
 * The rules are built from the app settings' thresholds and query the page's Prometheus.
 */
import React, { useEffect, useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, locationUtil } from '@grafana/data';
import { config } from '@grafana/runtime';
import { SceneComponentProps, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import { Alert, Badge, Button, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { BUDGET_ALERT_POLICY } from '../../budgets/budgetAlertPolicy';
import { budgetAlertRuleGroup, BudgetAlertRuleGroup } from '../../alerts/budgetAlertRules';
import { BudgetRuleStatus, listBudgetAlertRules, upsertBudgetAlertRules } from '../../alerts/provisioningClient';
import { actionBlocker, CREATE_RULES_LABEL, ruleStateView, upsertOutcome } from './budgetRulesView';
import { useBudgetThresholds } from './budgetThresholds';

export interface BudgetAlertRulesState extends SceneObjectState {
  /** the Prometheus datasource the rules query: the one the page's numbers come from */
  prometheusUid: string;
  statuses?: BudgetRuleStatus[];
  loadError?: string;
  busy: boolean;
  notice?: { severity: 'success' | 'error'; text: string };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class BudgetAlertRules extends SceneObjectBase<BudgetAlertRulesState> {
  constructor(state: Pick<BudgetAlertRulesState, 'prometheusUid'>) {
    super({ ...state, busy: false });
  }

  async load(group: BudgetAlertRuleGroup): Promise<void> {
    try {
      this.setState({ statuses: await listBudgetAlertRules(group), loadError: undefined });
    } catch (e) {
      this.setState({ statuses: undefined, loadError: messageOf(e) });
    }
  }

  async createOrUpdate(group: BudgetAlertRuleGroup): Promise<void> {
    if (actionBlocker(config.bootData.user.orgRole, this.state.statuses) !== null || this.state.busy) {
      return;
    }
    const before = this.state.statuses;
    this.setState({ busy: true, notice: undefined });
    try {
      const after = await upsertBudgetAlertRules(group);
      this.setState({
        statuses: after,
        loadError: undefined,
        notice: { severity: 'success', text: upsertOutcome(before, after, group.folderTitle) },
      });
    } catch (e) {
      this.setState({ notice: { severity: 'error', text: messageOf(e) } });
    } finally {
      this.setState({ busy: false });
    }
  }

  static Component = BudgetAlertRulesRenderer;
}

function BudgetAlertRulesRenderer({ model }: SceneComponentProps<BudgetAlertRules>) {
  const styles = useStyles2(getStyles);
  const { prometheusUid, statuses, loadError, busy, notice } = model.useState();
  const { thresholds } = useBudgetThresholds();
  const { warningPercent, criticalPercent } = thresholds;
  const group = useMemo(
    () => budgetAlertRuleGroup({ prometheusUid, warningPercent, criticalPercent }),
    [prometheusUid, warningPercent, criticalPercent]
  );
  useEffect(() => {
    model.load(group);
  }, [model, group]);
  const blocker = actionBlocker(config.bootData.user.orgRole, statuses);
  return (
    <section className={styles.box} data-testid={testIds.budgets.alertRules} aria-label="Budget alert rules">
      <h2 className={styles.title}>Grafana alert rules</h2>
      <p className={styles.note}>
        Warning at ≥ {warningPercent} % and critical at ≥ {criticalPercent} % utilization per team (labels{' '}
        <code>severity</code>, <code>team</code>), and budget exhaustion within {BUDGET_ALERT_POLICY.exhaustion.days}{' '}
        days; rule group <code>{group.name}</code> in the folder “{group.folderTitle}”, querying the Prometheus
        datasource <code>{prometheusUid}</code>. Created editable in Grafana’s alerting UI.
      </p>
      {loadError && (
        <Alert severity="warning" title="Cannot show which rules exist">
          {loadError}
        </Alert>
      )}
      {!statuses && !loadError && <LoadingPlaceholder text="Looking up the alert rules…" />}
      {statuses && <RuleStateList statuses={statuses} />}
      <div className={styles.action}>
        <Button
          icon={busy ? 'spinner' : 'bell'}
          disabled={blocker !== null || busy}
          onClick={() => model.createOrUpdate(group)}
          data-testid={testIds.budgets.createRules}
          tooltip={blocker ?? undefined}
        >
          {CREATE_RULES_LABEL}
        </Button>
        {blocker && <span className={styles.reason}>{blocker}</span>}
      </div>
      {notice && (
        <Alert severity={notice.severity} title={notice.text} onRemove={() => model.setState({ notice: undefined })} />
      )}
    </section>
  );
}

function RuleStateList({ statuses }: { statuses: BudgetRuleStatus[] }) {
  const styles = useStyles2(getStyles);
  return (
    <ul className={styles.rules}>
      {statuses.map((s) => {
        const view = ruleStateView(s);
        return (
          <li key={s.uid} className={styles.rule}>
            <span data-testid={testIds.budgets.ruleState(s.uid)} data-state={view.state}>
              <Badge text={view.state} color={view.state === 'present' ? 'green' : 'orange'} />
            </span>
            {view.state === 'present' ? (
              <a
                className={styles.link}
                href={locationUtil.assureBaseUrl(`/alerting/grafana/${encodeURIComponent(s.uid)}/view`)}
              >
                {s.title}
              </a>
            ) : (
              <span>{s.title}</span>
            )}
            {view.note && <span className={styles.ruleNote}>({view.note})</span>}
          </li>
        );
      })}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
    width: '100%',
  }),
  title: css({ margin: 0, fontSize: theme.typography.h5.fontSize }),
  note: css({ color: theme.colors.text.secondary, margin: 0 }),
  rules: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  rule: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  ruleNote: css({ color: theme.colors.text.secondary }),
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
  action: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(2), flexWrap: 'wrap' }),
  reason: css({ color: theme.colors.text.secondary }),
});
