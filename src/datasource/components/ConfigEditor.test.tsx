import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataSourceSettings } from '@grafana/data';
import type { KpiDataSourceOptions } from '../types';
import { ConfigEditor } from './ConfigEditor';

// The real picker lists Grafana's datasources through its datasource service; this stand-in
// shows which type it filters on and picks one.
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  DataSourcePicker: ({ type, current, onChange }: { type: string; current?: string; onChange: (ds: { uid: string }) => void }) => (
    <button onClick={() => onChange({ uid: 'mimir-prod' })}>{`pick ${type} (current: ${current ?? 'none'})`}</button>
  ),
}));

function Harness({ seen }: { seen: (o: DataSourceSettings<KpiDataSourceOptions>) => void }) {
  const [options, setOptions] = useState({ jsonData: {} } as DataSourceSettings<KpiDataSourceOptions>);
  return (
    <ConfigEditor
      options={options}
      onOptionsChange={(o) => {
        seen(o);
        setOptions(o);
      }}
    />
  );
}

test('picks a Prometheus-type datasource, the metric profile and the rule interval', async () => {
  const seen: Array<DataSourceSettings<KpiDataSourceOptions>> = [];
  render(<Harness seen={(o) => seen.push(o)} />);
  await userEvent.click(screen.getByRole('button', { name: 'pick prometheus (current: none)' }));
  expect(seen[seen.length - 1].jsonData.prometheusUid).toBe('mimir-prod');
  expect(screen.getByRole('button', { name: 'pick prometheus (current: mimir-prod)' })).toBeInTheDocument();

  expect(screen.getByText('Rules file to load into Prometheus: provisioning/prometheus/rules/litellm.rules.yaml')).toBeInTheDocument();
  await userEvent.click(screen.getByLabelText('otel'));
  expect(seen[seen.length - 1].jsonData).toMatchObject({ prometheusUid: 'mimir-prod', profile: 'otel' });
  expect(screen.getByText('Rules file to load into Prometheus: provisioning/prometheus/rules/otel.rules.yaml')).toBeInTheDocument();

  const interval = screen.getByLabelText('Rule evaluation interval');
  await userEvent.clear(interval);
  await userEvent.type(interval, '30');
  expect(seen[seen.length - 1].jsonData.ruleIntervalSeconds).toBe(30);
});
