/** @jest-environment node */
import { PADDING_METRIC, PADDING_SERIES, paddingOpenMetrics, parseVmctlCounts, realSamplesImported } from './vmctl';

// vmctl 1.79's report as `script` captures it (progress bar escapes and CRs included)
const REPORT = [
  'Prometheus import mode',
  'Prometheus snapshot stats:',
  '  blocks found: 2;',
  '  blocks skipped by time filter: 0;',
  '  min time: 1790769600000 (2026-09-30T12:00:00Z);',
  '  max time: 1793451660001 (2026-10-31T12:01:00Z);',
  '  samples: 14717613;',
  '  series: 379.',
  '\x1b[1A\x1b[34m\x1b[0m\r',
  '2026/12/05 12:26:12 Import finished!',
  '2026/12/05 12:26:12 VictoriaMetrics importer stats:',
  '  idle duration: 207.526302ms;',
  '  time spent while importing: 8.207720982s;',
  '  total samples: 14717600;',
  '  samples/s: 1793140.51;',
  '  import requests: 66;',
].join('\r\n');

test('the snapshot and importer sample counts are read from the report', () => {
  expect(parseVmctlCounts(REPORT)).toEqual({ snapshot: 14717613, imported: 14717600 });
});

test('a report without counts (vmctl failed early) is an error with its output', () => {
  expect(() => parseVmctlCounts('error: ping to "http://127.0.0.1:9" failed')).toThrow(/did not report its sample counts:\nerror: ping/);
});

test.each([
  ['nothing lost', 1000 + PADDING_SERIES, 1000 + PADDING_SERIES, 1000],
  ['some padding lost', 1000 + PADDING_SERIES, 1000 + 3, 1000],
  ['all padding lost', 1000 + PADDING_SERIES, 1000, 1000],
])('%s: every real sample was sent', (_, snapshot, imported, real) => {
  expect(realSamplesImported({ snapshot, imported })).toBe(real);
});

test.each([
  ['a real series lost as well', 1000 + PADDING_SERIES, 999],
  ['more samples than the snapshot', 1000 + PADDING_SERIES, 1001 + PADDING_SERIES],
])('%s: the import fails', (_, snapshot, imported) => {
  expect(() => realSamplesImported({ snapshot, imported })).toThrow(`vmctl imported ${imported} of ${snapshot} samples`);
});

test('the padding series sort after every real series and have one sample each', () => {
  const lines = paddingOpenMetrics(1793451600).trimEnd().split('\n');
  const samples = lines.filter((l) => !l.startsWith('#'));
  expect(samples).toHaveLength(PADDING_SERIES);
  expect(samples.every((l) => l.startsWith(`${PADDING_METRIC}{n="`) && l.endsWith(' 0 1793451600'))).toBe(true);
  expect(new Set(samples).size).toBe(PADDING_SERIES);
  expect([PADDING_METRIC, 'aigateway:spend_usd:increase1m', 'litellm_total_tokens_metric_total'].sort().pop()).toBe(PADDING_METRIC);
  expect(lines[lines.length - 1]).toBe('# EOF');
});
