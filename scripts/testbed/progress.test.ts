/** @jest-environment node */
import { estimateRemainingMs, formatCount, formatDuration, formatProgressLine, startProgress } from './progress';

test.each([
  [0, '0 s'],
  [42_400, '42 s'],
  [65_000, '1 m 05 s'],
  [600_000, '10 m 00 s'],
])('%i ms reads %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});

test.each([
  [999, '999'],
  [12_345, '12.3 k'],
  [4_560_000, '4.56 M'],
  [39_900_000_000, '39.9 G'],
])('%i counts as %s', (n, text) => {
  expect(formatCount(n)).toBe(text);
});

test.each([
  [0, 100, 10_000, null],
  [10, 100, 100, null],
  [25, 100, 10_000, 30_000],
  [100, 100, 10_000, 0],
])('%i of %i after %i ms leaves %p ms', (done, total, elapsed, remaining) => {
  expect(estimateRemainingMs(done, total, elapsed)).toBe(remaining);
});

test.each([
  [{ label: 'raw', done: 0, total: 200, elapsedMs: 0 }, 'raw [------------------------] 0 % (0 / 200) ETA …'],
  [{ label: 'raw', done: 50, total: 200, elapsedMs: 10_000, note: '1/4 slices' }, 'raw [######------------------] 25 % (50 / 200, 1/4 slices) ETA 30 s'],
  [{ label: 'rules', done: 109, total: 109, elapsedMs: 107_000 }, 'rules [########################] 100 % (109 / 109) done in 1 m 47 s'],
])('%j', (line, text) => {
  expect(formatProgressLine(line)).toBe(text);
});

test('on a log it prints one line per 10 % and the final line once', () => {
  const lines: string[] = [];
  let now = 0;
  const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
  const progress = startProgress('work', 100, { stream, now: () => now });
  for (let done = 1; done <= 100; done++) {
    now += 1000;
    progress.update(done);
  }
  progress.finish();
  expect(lines.map((l) => l.match(/(\d+) %/)![1])).toEqual(['1', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
  expect(lines[lines.length - 1]).toContain('done in 1 m 40 s');
});

test('on a terminal it redraws one line in place', () => {
  const written: string[] = [];
  let now = 0;
  const stream = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  const progress = startProgress('work', 10, { stream, now: () => now });
  progress.update(1);
  progress.update(2); // within the redraw interval: not drawn
  now += 500;
  progress.update(5);
  progress.finish();
  expect(written).toHaveLength(3);
  expect(written.every((w) => w.startsWith('\r\x1b[K'))).toBe(true);
  expect(written[2].endsWith('\n')).toBe(true);
});
