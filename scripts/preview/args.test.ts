/** @jest-environment node */
import path from 'path';
import { testHistorySpec } from '../../tests/integration/testbed';
import { DEMO_HISTORY_DEFAULTS, demoHistorySpec } from '../testbed/demoHistory';
import { parsePreviewArgs } from './args';

const NOW_MS = Date.UTC(2026, 11, 5, 12);

test('defaults: the demo history on Prometheus, port 3300, watching, a temporary state', () => {
  expect(parsePreviewArgs([], NOW_MS)).toEqual({
    spec: demoHistorySpec({}, NOW_MS),
    historyName: 'demo',
    engine: 'prometheus',
    port: 3300,
    stateFile: undefined,
    watch: true,
  });
});

test.each([
  [['--engine', 'victoriametrics'], { engine: 'victoriametrics' }],
  [['--engine=prometheus'], { engine: 'prometheus' }],
  [
    ['--history', 'testbed', '--engine', 'victoriametrics'],
    { spec: testHistorySpec('litellm'), historyName: 'testbed', engine: 'victoriametrics' },
  ],
  [['--static', '--port', '3311'], { watch: false, port: 3311 }],
  [['--state', 'preview.json'], { stateFile: path.resolve('preview.json') }],
  [['--profile', 'otel', '--days', '14'], { spec: demoHistorySpec({ profile: 'otel', days: 14 }, NOW_MS) }],
])('%j', (argv, expected) => {
  expect(parsePreviewArgs(argv, NOW_MS)).toMatchObject(expected);
});

test.each([
  [['--engine', 'mimir'], '--engine must be prometheus or victoriametrics, not mimir'],
  [['--history', 'live'], '--history must be demo or testbed, not live'],
  [['--profile', 'openai'], '--profile must be seed, litellm or otel, not openai'],
  [['--engines', 'victoriametrics'], "Unknown option '--engines'"],
])('%j is refused: %s', (argv, message) => {
  expect(() => parsePreviewArgs(argv, NOW_MS)).toThrow(message);
});

test('the demo spec keeps its defaults', () => {
  expect(parsePreviewArgs([], NOW_MS).spec).toMatchObject({
    profile: DEMO_HISTORY_DEFAULTS.profile,
    days: DEMO_HISTORY_DEFAULTS.days,
  });
});
