import { createDataFrame, FieldType } from '@grafana/data';
import { labeledValuesFromFrames } from './frameValues';

test('table format: label columns and a value per row (null rows left out)', () => {
  const frame = createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: [1, 1, 1] },
      { name: 'model', type: FieldType.string, values: ['a', 'b,c', ''] },
      { name: 'team', type: FieldType.string, values: ['t', 't', 't'] },
      { name: 'Value #A', type: FieldType.number, values: [1.5, null, 3] },
    ],
  });
  expect(labeledValuesFromFrames([frame])).toEqual([
    { labels: { model: 'a', team: 't' }, value: 1.5 },
    { labels: { model: '', team: 't' }, value: 3 },
  ]);
});

test('time series format: labels on the value field, the last value that is set', () => {
  const frames = [
    createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [1, 2, 3] },
        { name: 'Value', type: FieldType.number, labels: { team: 'a' }, values: [1, 2, null] },
      ],
    }),
    createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [1] },
        { name: 'Value', type: FieldType.number, labels: {}, values: [Infinity] },
      ],
    }),
    createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [1] },
        { name: 'Value', type: FieldType.number, values: [null] },
      ],
    }),
  ];
  expect(labeledValuesFromFrames(frames)).toEqual([
    { labels: { team: 'a' }, value: 2 },
    { labels: {}, value: Infinity },
  ]);
});
