import React from 'react';
import { render, screen } from '@testing-library/react';
import { createDataFrame, FieldType, LoadingState, type DataFrame } from '@grafana/data';
import { EmbeddedScene, sceneGraph, SceneQueryRunner, SceneTimeRange } from '@grafana/scenes';
import type { CoverageReading } from '../../../analysis/coverage';
import { FULL_COVERAGE, ONE_DAY_BEFORE } from '../../../analysis/testing/coverageFixtures';
import { testIds } from '../../../components/testIds';
import { findStandardKpi } from '../../../engine/catalog';
import { CoverageProvider } from '../../../scenes/coverageProvider';
import { ComparisonGate } from './ComparisonGate';
import { DATA_KEYS } from './deepDiveQueries';
import { deepDiveLayout } from './deepDiveLayout';
import { WhatChangedPanel } from './WhatChangedPanel';

const END = Date.UTC(2026, 9, 31, 12);

const byModel = (refId: string, entries: Array<[string, number]>): DataFrame[] =>
  entries.map(([model, value]) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [END] },
        { name: 'Value', type: FieldType.number, values: [value], labels: { model } },
      ],
    })
  );

function page(kpiId: string, reading: CoverageReading) {
  const body = deepDiveLayout({ kpi: findStandardKpi(kpiId)!, datasource: { uid: 'kpi', type: 'aispend-kpi-datasource' } });
  const coverage = new CoverageProvider({ uid: 'prom', type: 'prometheus' }, { periods: 2 });
  coverage.setState({ reading });
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: '2026-10-01T12:00:00.000Z', to: '2026-10-31T12:00:00.000Z' }),
    $behaviors: [coverage],
    body,
  });
  const all = sceneGraph.findAllObjects(scene, () => true);
  const breakdown = all.find((o) => o.state.key === DATA_KEYS.breakdown('model')) as SceneQueryRunner;
  breakdown.setState({
    data: {
      state: LoadingState.Done,
      series: [...byModel('current', [['gpt-4o', 10], ['claude-opus-4', 30]]), ...byModel('previous', [['gpt-4o', 12]])],
      timeRange: sceneGraph.getTimeRange(scene).state.value,
    },
  });
  return { all, whatChanged: all.find((o) => o instanceof WhatChangedPanel) as WhatChangedPanel };
}

test('what changed, previous period 1 of 30 days: the sentence, the changes in USD, no percentage', () => {
  const { whatChanged } = page('total_spend', ONE_DAY_BEFORE);
  render(<whatChanged.Component model={whatChanged} />);
  expect(screen.getByTestId(testIds.kpis.whatChangedCoverage)).toHaveTextContent(
    'previous period has data for 1 of 30 days: no shares of the change.'
  );
  const panel = screen.getByTestId(testIds.kpis.whatChanged);
  expect(panel).toHaveTextContent('claude-opus-4');
  expect(panel.textContent).not.toContain('%');
});

test('what changed with both periods full: the shares of the change, no sentence', () => {
  const { whatChanged } = page('total_spend', FULL_COVERAGE);
  render(<whatChanged.Component model={whatChanged} />);
  expect(screen.queryByTestId(testIds.kpis.whatChangedCoverage)).toBeNull();
  expect(screen.getByTestId(testIds.kpis.whatChanged)).toHaveTextContent(/107\.1 %/);
});

test('MoM growth, previous period 1 of 30 days: "—" and the sentence instead of its value', () => {
  const { all } = page('mom_growth', ONE_DAY_BEFORE);
  const gate = all.find((o) => o instanceof ComparisonGate) as ComparisonGate;
  render(<gate.Component model={gate} />);
  const box = screen.getByTestId(testIds.kpis.withheldValue);
  expect(box).toHaveTextContent('For the range—previous period has data for 1 of 30 days');
  expect(box.textContent).not.toContain('%');
});
