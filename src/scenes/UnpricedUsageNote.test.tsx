import React from 'react';
import { render, screen } from '@testing-library/react';
import { createDataFrame, FieldType, getDefaultTimeRange, LoadingState, type PanelData } from '@grafana/data';
import { SceneQueryRunner } from '@grafana/scenes';
import { testIds } from '../components/testIds';
import { UNPRICED_REQUESTS_REF, UNPRICED_TOKENS_REF, UnpricedUsageNote, unpricedNoteText } from './UnpricedUsageNote';

/** One instant frame per series, labels on the value field, as the Prometheus datasource answers. */
const series = (refId: string, model: string, value: number) =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [1] },
      { name: 'Value', type: FieldType.number, labels: { provider: 'self-hosted', model }, values: [value] },
    ],
  });

const data = (state: LoadingState, frames = [series(UNPRICED_TOKENS_REF, 'llama', 4_200_000), series(UNPRICED_REQUESTS_REF, 'llama', 900)], errors?: PanelData['errors']): PanelData => ({
  state,
  series: frames,
  timeRange: getDefaultTimeRange(),
  errors,
});

test.each<[string, PanelData | undefined, string | null]>([
  ['an unpriced model', data(LoadingState.Done), '1 model used without a price: llama — 4.20 M tokens'],
  [
    'two, one with requests only',
    data(LoadingState.Done, [series(UNPRICED_TOKENS_REF, 'llama', 1500), series(UNPRICED_REQUESTS_REF, 'img', 12)]),
    '2 models used without a price: llama, img — 1.50 k tokens',
  ],
  ['every model priced', data(LoadingState.Done, []), null],
  ['still loading', data(LoadingState.Loading), null],
  ['failed', data(LoadingState.Error, [], [{ message: 'bad gateway' }]), null],
  ['not run yet', undefined, null],
])('%s', (_, answer, text) => {
  expect(unpricedNoteText(answer)).toBe(text);
});

test('renders the warning from its runner; nothing without one', () => {
  const note = new UnpricedUsageNote({ uid: 'prom', type: 'prometheus' });
  (note.state.$data as SceneQueryRunner).setState({ data: data(LoadingState.Done) });
  const { unmount } = render(<note.Component model={note} />);
  expect(screen.getByTestId(testIds.unpricedNote)).toHaveTextContent('1 model used without a price: llama — 4.20 M tokens');
  unmount();
  (note.state.$data as SceneQueryRunner).setState({ data: data(LoadingState.Done, []) });
  render(<note.Component model={note} />);
  expect(screen.queryByTestId(testIds.unpricedNote)).toBeNull();
});
