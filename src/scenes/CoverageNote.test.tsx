import React from 'react';
import { render, screen } from '@testing-library/react';
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout } from '@grafana/scenes';
import type { CoverageReading } from '../analysis/coverage';
import { covered } from '../analysis/testing/coverageFixtures';
import { testIds } from '../components/testIds';
import { CoverageNote } from './CoverageNote';
import { CoverageProvider } from './coverageProvider';


function noteOnPage(reading: CoverageReading, periods: number) {
  const note = new CoverageNote({ periods });
  const provider = new CoverageProvider({ uid: 'prom', type: 'prometheus' }, { periods: 2 });
  provider.setState({ reading });
  new EmbeddedScene({ $behaviors: [provider], body: new SceneFlexLayout({ children: [new SceneFlexItem({ body: note })] }) });
  return note;
}

test.each<[string, CoverageReading, number, string | null]>([
  ['the range 20 of 30 days', { state: 'known', periods: [covered('current', 20), covered('previous', 30)] }, 1, 'current period has data for 20 of 30 days'],
  ['the range full: nothing to say', { state: 'known', periods: [covered('current', 30), covered('previous', 1)] }, 1, null],
  ['current vs previous, previous 1 of 30 days', { state: 'known', periods: [covered('current', 30), covered('previous', 1)] }, 2, 'previous period has data for 1 of 30 days'],
  ['still checking: nothing yet', { state: 'checking' }, 1, null],
])('%s', (_name, reading, periods, text) => {
  const note = noteOnPage(reading, periods);
  render(<note.Component model={note} />);
  if (text === null) {
    expect(screen.queryByTestId(testIds.coverageNote)).toBeNull();
  } else {
    expect(screen.getByTestId(testIds.coverageNote)).toHaveTextContent(text);
  }
});
