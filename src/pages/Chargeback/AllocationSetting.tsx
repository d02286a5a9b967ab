/**
 * The allocation rule for spend without a team, stored in the app settings: everyone sees the
 * saved rule; org admins (the only ones Grafana lets write app settings) can try another one (the
 * report follows the unsaved choice at once) and save it. A save carries the version the page read,
 * so one over someone else's newer save is refused; their rule is then shown and the choice stays
 * for the admin to save again.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { SceneComponentProps, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import { Alert, Button, Combobox, Field, RadioButtonGroup, Stack, Text, useStyles2 } from '@grafana/ui';
import { describeRule } from '../../chargeback/allocation';
import { DEFAULT_ALLOCATION, type AllocationRule } from '../../chargeback/types';
import { testIds } from '../../components/testIds';
import { loadAppSettings, SettingsConflictError, type AppSettings } from '../../settings/appSettings';
import { isOrgAdmin } from '../Kpis/permissions';
import { ALLOCATION_CHOICES, AllocationChoice, choiceOf, ruleOf, ruleSentence, sameRule } from './allocationRule';
import { saveAllocationRule } from './allocationStore';

export interface AllocationSettingState extends SceneObjectState {
  /** the settings as last read or saved: the rule in force and the base of the next save */
  saved?: AppSettings;
  choice: AllocationChoice;
  /** the team of "charge to a team" */
  team: string;
  /** teams with spend in the report, offered for "charge to a team" */
  teams: string[];
  loadError?: string;
  saving: boolean;
  notice?: { severity: 'error' | 'success'; text: string };
}

const message = (e: unknown) =>
  e instanceof Error ? e.message : ((e as { data?: { message?: string } })?.data?.message ?? String(e));

export class AllocationSetting extends SceneObjectBase<AllocationSettingState> {
  constructor() {
    super({ choice: choiceOf(DEFAULT_ALLOCATION), team: '', teams: [], saving: false });
    this.addActivationHandler(() => {
      if (!this.state.saved && !this.state.loadError) {
        this.load();
      }
    });
  }

  async load(): Promise<void> {
    try {
      this.showSaved((await loadAppSettings()).settings);
    } catch (e) {
      // the report still works with the default rule
      this.setState({ loadError: `Could not read the allocation rule from the app settings: ${message(e)}` });
    }
  }

  private showSaved(saved: AppSettings) {
    const rule = saved.chargebackAllocation;
    this.setState({ saved, choice: choiceOf(rule), team: typeof rule === 'object' ? rule.team : '' });
  }

  /** The rule the report applies: the admin's complete choice, else the saved rule. */
  rule(): AllocationRule {
    return ruleOf(this.state.choice, this.state.team) ?? this.savedRule();
  }

  savedRule(): AllocationRule {
    return this.state.saved?.chargebackAllocation ?? DEFAULT_ALLOCATION;
  }

  /** The report follows a choice that differs from the saved rule. */
  unsaved(): boolean {
    return !sameRule(this.rule(), this.savedRule());
  }

  choose = (choice: AllocationChoice) => this.setState({ choice, notice: undefined });

  setTeam = (team: string) => this.setState({ team, notice: undefined });

  save = async (): Promise<void> => {
    const { saved } = this.state;
    const rule = ruleOf(this.state.choice, this.state.team);
    if (!saved || !rule || !isOrgAdmin()) {
      return;
    }
    this.setState({ saving: true, notice: undefined });
    try {
      const next = await saveAllocationRule(rule, saved.version);
      this.setState({ saved: next, saving: false, notice: { severity: 'success', text: 'Allocation rule saved.' } });
    } catch (e) {
      // their rule is the one in force now; the admin's choice stays, to be saved on top of it
      const current = e instanceof SettingsConflictError ? e.current : saved;
      this.setState({ saved: current, saving: false, notice: { severity: 'error', text: `Not saved. ${message(e)}` } });
    }
  };

  static Component = AllocationSettingRenderer;
}

function teamOptions(teams: string[], team: string) {
  const names = team && !teams.includes(team) ? [team, ...teams] : teams;
  return names.map((name) => ({ value: name, label: name }));
}

function AllocationSettingRenderer({ model }: SceneComponentProps<AllocationSetting>) {
  const { choice, team, teams, saved, saving, notice, loadError } = model.useState();
  const styles = useStyles2(getStyles);
  const admin = isOrgAdmin();
  const unsaved = model.unsaved();
  return (
    <section
      className={styles.box}
      aria-label="Allocation of spend without a team"
      data-testid={testIds.chargeback.allocation}
    >
      {loadError && <Alert severity="warning" title={loadError} />}
      {notice && (
        <Alert severity={notice.severity} title={notice.text} onRemove={() => model.setState({ notice: undefined })} />
      )}
      {admin ? (
        <Stack direction="row" gap={2} alignItems="flex-end" wrap="wrap">
          <Field label="Spend without a team" noMargin>
            <RadioButtonGroup
              options={[...ALLOCATION_CHOICES]}
              value={choice}
              onChange={model.choose}
              disabled={!saved}
            />
          </Field>
          {choice === 'team' && (
            <Field label="Team" noMargin>
              <Combobox
                options={teamOptions(teams, team)}
                value={team || null}
                createCustomValue
                placeholder="Choose a team"
                width={24}
                onChange={(option) => model.setTeam(option?.value ?? '')}
                data-testid={testIds.chargeback.allocationTeam}
              />
            </Field>
          )}
          <Button
            icon="save"
            onClick={model.save}
            disabled={!saved || saving || !unsaved || !ruleOf(choice, team)}
            data-testid={testIds.chargeback.saveAllocation}
          >
            {saving ? 'Saving…' : 'Save rule'}
          </Button>
        </Stack>
      ) : null}
      <Text color="secondary" element="p">
        {ruleSentence(model.savedRule())}
        {unsaved ? ` This report applies your unsaved choice (${describeRule(model.rule())}).` : ''}
        {!admin ? ' An org admin sets this rule.' : ''}
      </Text>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
});
