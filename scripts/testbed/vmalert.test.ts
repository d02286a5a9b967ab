/** @jest-environment node */
import { replayArgs, replayStages, RuleDoc } from './vmalert';

const doc: RuleDoc = {
  groups: [
    {
      name: 'canonical',
      interval: '1m',
      rules: [
        { record: 'a:spend:increase1m', expr: 'sum(increase(raw_spend_total[1m]))' },
        { record: 'a:requests:increase1m', expr: 'sum(increase(raw_requests_total[1m]))', labels: { status: 'success' } },
        { record: 'a:requests:increase1m', expr: 'sum(increase(raw_failed_total[1m]))', labels: { status: 'failure' } },
        { record: 'a:spend:increase1h', expr: 'sum_over_time(a:spend:increase1m[1h]) and on () (minute() == 0)' },
        { record: 'a:spend:increase1d', expr: 'sum_over_time(a:spend:increase1h[1d]) and on () (hour() == 0 and minute() == 0)' },
        // a name that merely starts like a recorded one is no dependency
        { record: 'a:spend:increase1m_ratio', expr: 'sum(raw_spend_total) / sum(a:spend:increase1m_x)' },
      ],
    },
    {
      name: 'derived',
      interval: '1m',
      rules: [
        { record: 'a:cost_per_request:1h', expr: 'sum(sum_over_time(a:spend:increase1m[1h])) / sum(sum_over_time(a:requests:increase1m[1h]))' },
        { alert: 'Expensive', expr: 'a:cost_per_request:1h > 1', for: '5m' },
      ],
    },
  ],
};

const names = (stage: RuleDoc) => stage.groups.map((g) => `${g.name}: ${g.rules.map((r) => r.record ?? r.alert).join(', ')}`);

test('rules that read a series recorded earlier in the file wait for a later stage; groups and order kept', () => {
  expect(replayStages(doc).map(names)).toEqual([
    ['canonical: a:spend:increase1m, a:requests:increase1m, a:requests:increase1m, a:spend:increase1m_ratio'],
    ['canonical: a:spend:increase1h', 'derived: a:cost_per_request:1h'],
    ['canonical: a:spend:increase1d', 'derived: Expensive'],
  ]);
});

test('a stage keeps the group settings and the rules whole (labels, for)', () => {
  const [first, , third] = replayStages(doc);
  expect(first.groups[0]).toMatchObject({ name: 'canonical', interval: '1m' });
  expect(first.groups[0].rules[2]).toEqual(doc.groups[0].rules[2]);
  expect(third.groups[1].rules[0]).toEqual({ alert: 'Expensive', expr: 'a:cost_per_request:1h > 1', for: '5m' });
});

test('a file without chained rules is one stage', () => {
  expect(replayStages({ groups: [doc.groups[0]].map((g) => ({ ...g, rules: g.rules.slice(0, 3) })) })).toHaveLength(1);
});

test('the replay command line: datasource and remote write on the same server, RFC 3339 range, extra flags last', () => {
  expect(
    replayArgs({ rulesFile: 'r.yaml', url: 'http://127.0.0.1:8428', fromSec: 1793361600, toSec: 1793448000, flags: ['-datasource.queryStep=1m'] })
  ).toEqual([
    '-rule=r.yaml',
    '-datasource.url=http://127.0.0.1:8428',
    '-remoteWrite.url=http://127.0.0.1:8428',
    '-replay.timeFrom=2026-10-30T12:00:00Z',
    '-replay.timeTo=2026-10-31T12:00:00Z',
    '-replay.disableProgressBar',
    '-datasource.queryStep=1m',
  ]);
});
