import React, { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { STANDARD_KPIS } from '../../engine/catalog';
import type { KpiDataSource } from '../datasource';
import type { KpiQuery } from '../types';
import { QueryEditor } from './QueryEditor';

// typing character by character through Grafana's components is slow in jsdom
jest.setTimeout(30_000);

// Combobox measures its text on a canvas and virtualises its options: jsdom has neither
// a 2D context nor layout, so both get a stand-in size.
beforeAll(() => {
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    value: () => ({ measureText: (text: string) => ({ width: text.length * 8 }), font: '' }),
  });
  // the floating menu watches its anchor's visibility
  global.IntersectionObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
  for (const size of ['offsetHeight', 'offsetWidth', 'clientHeight', 'clientWidth']) {
    Object.defineProperty(HTMLElement.prototype, size, { configurable: true, get: () => 400 });
  }
  Object.defineProperty(Element.prototype, 'getBoundingClientRect', {
    configurable: true,
    value: () => ({ width: 400, height: 400, top: 0, left: 0, bottom: 400, right: 400, x: 0, y: 0, toJSON: () => ({}) }),
  });
});

const datasource = {
  catalog: { all: () => STANDARD_KPIS, refresh: async () => undefined },
  ruleIntervalSeconds: 60,
  metricFindQuery: async (kind: string) => (kind === 'providers' ? [{ text: 'openai' }, { text: 'anthropic' }] : []),
} as unknown as KpiDataSource;

function Harness({ initial, onRun = () => undefined, seen }: { initial: KpiQuery; onRun?: () => void; seen?: (q: KpiQuery) => void }) {
  const [query, setQuery] = useState(initial);
  return (
    <QueryEditor
      query={query}
      datasource={datasource}
      onRunQuery={onRun}
      onChange={(q) => {
        seen?.(q);
        setQuery(q);
      }}
    />
  );
}

test('typing a bad formula shows the diagnostic at its column', async () => {
  render(<Harness initial={{ refId: 'A', formula: '' }} />);
  const input = screen.getByRole('combobox', { name: 'Formula' });
  await userEvent.type(input, 'total_cost / totl_cost');
  const problems = await screen.findByRole('list', { name: 'Formula problems' });
  expect(within(problems).getByText(/column 14: unknown measure `totl_cost` — did you mean `total_cost`\?/)).toBeInTheDocument();
  expect(input).toHaveAttribute('aria-invalid', 'true');
  await userEvent.clear(input);
  await userEvent.type(input, 'total_cost / total_inferences');
  expect(screen.queryByRole('list', { name: 'Formula problems' })).not.toBeInTheDocument();
  expect(input).toHaveAttribute('aria-invalid', 'false');
});

test('picking a KPI fills the query and runs it', async () => {
  const seen: KpiQuery[] = [];
  const onRun = jest.fn();
  render(<Harness initial={{ refId: 'A', formula: 'total_cost' }} onRun={onRun} seen={(q) => seen.push(q)} />);
  const picker = screen.getByRole('combobox', { name: 'KPI' });
  // typing over the selected display value, as a user does after clicking into the picker
  await userEvent.type(picker, 'Cost per inf', { initialSelectionStart: 0, initialSelectionEnd: (picker as HTMLInputElement).value.length });
  await userEvent.click(await screen.findByRole('option', { name: /Cost per inference/ }));
  expect(seen[seen.length - 1]).toMatchObject({ kpiId: 'cost_per_inference' });
  expect(onRun).toHaveBeenCalled();
  expect(screen.queryByRole('combobox', { name: 'Formula' })).not.toBeInTheDocument();
});

test('the PromQL toggle shows the expression the query runs', async () => {
  render(<Harness initial={{ refId: 'A', kpiId: 'cost_per_inference', mode: 'instant', groupBy: 'team' }} />);
  await userEvent.click(screen.getByLabelText('Show PromQL'));
  expect(screen.getByLabelText('Compiled PromQL').textContent).toBe(
    '(sum by (team) (sum_over_time(aigateway:spend_usd:increase1m[86399999ms])) / ignoring () sum by (team) (sum_over_time(aigateway:requests:increase1m[86399999ms])))'
  );
});

test('completion offers measures and provider names read from Prometheus', async () => {
  render(<Harness initial={{ refId: 'A', formula: '' }} />);
  const input = screen.getByRole('combobox', { name: 'Formula' });
  await userEvent.type(input, 'total_c');
  expect(await screen.findByRole('option', { name: /total_cost/ })).toBeInTheDocument();
  await userEvent.clear(input);
  // `[` opens a key descriptor in user-event's syntax: `[[` is the character itself
  await userEvent.type(input, 'provider[["');
  expect(await screen.findByRole('option', { name: /anthropic/ })).toBeInTheDocument();
});
