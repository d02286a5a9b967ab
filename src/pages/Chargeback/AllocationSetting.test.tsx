/**
 * The allocation rule through the UI on a fake settings endpoint: who may change it, that the
 * report follows an unsaved choice, and the KPI catalog's no-lost-update rule on save.
 */
import React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrgRole } from '@grafana/data';
import { config, getBackendSrv } from '@grafana/runtime';
import type { AllocationRule } from '../../chargeback/types';
import { installComboboxJsdomShims } from '../../components/testing/comboboxJsdom';
import { testIds } from '../../components/testIds';
import { DEFAULT_APP_SETTINGS, SettingsConflictError } from '../../settings/appSettings';
import { FakeSettingsBackend } from '../Kpis/testing/fakeGrafana';
import { AllocationSetting } from './AllocationSetting';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

beforeAll(installComboboxJsdomShims);

let backend: FakeSettingsBackend;

async function renderSetting(role: 'Admin' | 'Viewer', stored: AllocationRule = 'proportional') {
  config.bootData.user.orgRole = OrgRole[role];
  backend = new FakeSettingsBackend({ ...DEFAULT_APP_SETTINGS, chargebackAllocation: stored, version: 4 });
  backend.role = role;
  (getBackendSrv as jest.Mock).mockReturnValue({ fetch: backend.fetch });
  const setting = new AllocationSetting();
  render(<setting.Component model={setting} />);
  const deactivate = setting.activate();
  await waitFor(() => expect(setting.state.saved).toBeDefined());
  return { setting, deactivate };
}

const radio = (name: string) => screen.getByRole('radio', { name });
const saveButton = () => screen.getByTestId(testIds.chargeback.saveAllocation);

test('a Viewer reads the saved rule, with no controls to change it', async () => {
  const { deactivate } = await renderSetting('Viewer', { team: 'platform' });
  expect(screen.queryByRole('radio')).toBeNull();
  expect(screen.queryByTestId(testIds.chargeback.saveAllocation)).toBeNull();
  expect(screen.getByTestId(testIds.chargeback.allocation)).toHaveTextContent(
    'Spend without a team: charged to team platform. An org admin sets this rule.'
  );
  deactivate();
});

test('an Admin: the report follows the unsaved choice at once; Save writes it on top of the version read', async () => {
  const { setting, deactivate } = await renderSetting('Admin');
  expect(radio('Spread proportionally')).toBeChecked();
  expect(saveButton()).toBeDisabled();
  await userEvent.click(radio('Keep as Unallocated'));
  expect(setting.rule()).toBe('unallocated');
  expect(setting.unsaved()).toBe(true);
  expect(screen.getByTestId(testIds.chargeback.allocation)).toHaveTextContent(
    'This report applies your unsaved choice (kept as Unallocated).'
  );
  await userEvent.click(saveButton());
  await screen.findByText('Allocation rule saved.');
  expect(backend.posts).toEqual([{ ...DEFAULT_APP_SETTINGS, chargebackAllocation: 'unallocated', version: 5 }]);
  expect(setting.unsaved()).toBe(false);
  expect(saveButton()).toBeDisabled();
  deactivate();
});

test('"charge to a team" without a team is no rule yet: the saved rule applies and Save waits', async () => {
  const { setting, deactivate } = await renderSetting('Admin');
  await userEvent.click(radio('Charge to a team'));
  expect(setting.rule()).toBe('proportional');
  expect(saveButton()).toBeDisabled();
  act(() => setting.setTeam('platform'));
  expect(setting.rule()).toEqual({ team: 'platform' });
  expect(saveButton()).toBeEnabled();
  deactivate();
});

test('a save over a newer one is refused: nothing written, their rule shown, the choice kept to save on top of it', async () => {
  const { setting, deactivate } = await renderSetting('Admin');
  await userEvent.click(radio('Keep as Unallocated'));
  backend.saveFromElsewhere({ chargebackAllocation: { team: 'finance' } });
  await userEvent.click(saveButton());
  const conflict = new SettingsConflictError({ ...backend.stored }).message;
  await screen.findByText(`Not saved. ${conflict}`);
  expect(backend.posts).toEqual([]);
  expect(setting.savedRule()).toEqual({ team: 'finance' });
  expect(setting.rule()).toBe('unallocated');
  expect(screen.getByTestId(testIds.chargeback.allocation)).toHaveTextContent(
    'Spend without a team: charged to team finance.'
  );

  await userEvent.click(saveButton());
  await screen.findByText('Allocation rule saved.');
  expect(backend.posts.map((p) => [p.chargebackAllocation, p.version])).toEqual([['unallocated', 6]]);
  deactivate();
});

test('settings that cannot be read: a warning, and the default rule for the report', async () => {
  config.bootData.user.orgRole = OrgRole.Admin;
  (getBackendSrv as jest.Mock).mockReturnValue({
    fetch: () => {
      throw new Error('Plugin not found');
    },
  });
  const setting = new AllocationSetting();
  render(<setting.Component model={setting} />);
  const deactivate = setting.activate();
  await screen.findByText('Could not read the allocation rule from the app settings: Plugin not found');
  expect(setting.rule()).toBe('unallocated');
  expect(radio('Keep as Unallocated')).toBeDisabled();
  deactivate();
});
