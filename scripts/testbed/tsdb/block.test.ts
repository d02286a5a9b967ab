/** @jest-environment node */
/**
 * The block writer against Prometheus' own reader: `promtool tsdb dump` must give back every
 * sample of every series, whatever the timestamp gaps (each delta-of-delta bucket) and values
 * (zeros, repeats, extremes, negative zero, NaN).
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { PROMTOOL_BIN } from '../prometheus';
import { BlockWriter, labelPairs, newUlid } from './block';
import { ByteBuffer, crc32c } from './encoding';
import { compareLabels } from './indexFile';
import { SAMPLES_PER_CHUNK } from './xorChunk';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-block-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** series → [value, ms] as promtool dumps them */
function dump(dir: string): Map<string, Array<[number, number]>> {
  fs.mkdirSync(path.join(dir, 'wal'), { recursive: true });
  const text = execFileSync(PROMTOOL_BIN, ['tsdb', 'dump', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const out = new Map<string, Array<[number, number]>>();
  for (const line of text.trim().split('\n')) {
    const [, series, value, ms] = /^(.*) (\S+) (\S+)$/.exec(line)!;
    const number = value === '+Inf' ? Infinity : value === '-Inf' ? -Infinity : Number(value);
    out.set(series, [...(out.get(series) ?? []), [number, Number(ms)]]);
  }
  return out;
}

test('promtool reads back every sample, series sorted by labels, empty labels dropped', () => {
  // one gap per delta-of-delta bucket (0, 14, 17, 20 and 64 bits), both signs
  const gaps = [60_000, 60_000, 61_000, 1, 3_600_000, 60_000, 59_999, 8_000_000, 1_000_000, 130_000, 60_000, 600_000_000];
  const specials = [0, 0, -1e300, 5e-324, 2 ** 53, -0, 1 / 3, NaN, Infinity, 0.1 + 0.2];
  const times: number[] = [];
  const values: number[] = [];
  let t = 1_790_000_000_000;
  for (let i = 0; i < 1000; i++) {
    t += gaps[(i * 7) % gaps.length];
    times.push(t);
    values.push(i % 3 === 0 ? specials[i % specials.length] : ((i * 7919) % 1_000_003) / 1e6);
  }
  const writer = new BlockWriter(dataDir);
  writer.add({ __name__: 'x', team: 'b', empty: '' }, times, values);
  writer.add({ __name__: 'x', team: 'B' }, times, values, 10, 900);
  writer.add({ __name__: 'aa', z: 'q' }, times, values, 0, 1);
  const stats = writer.finish();
  expect(stats).toMatchObject({ numSeries: 3, numSamples: 1891, minTime: times[0], maxTime: times[999] + 1 });
  expect(stats.numChunks).toBe(Math.ceil(1000 / SAMPLES_PER_CHUNK) + Math.ceil(890 / SAMPLES_PER_CHUNK) + 1);
  const read = dump(dataDir);
  expect([...read.keys()]).toEqual(['{__name__="aa", z="q"}', '{__name__="x", team="B"}', '{__name__="x", team="b"}']);
  const expected = (from: number, to: number) => times.slice(from, to).map((ms, i) => [values[from + i], ms]);
  expect(read.get('{__name__="x", team="b"}')).toEqual(expected(0, 1000));
  expect(read.get('{__name__="x", team="B"}')).toEqual(expected(10, 900));
  expect(read.get('{__name__="aa", z="q"}')).toEqual(expected(0, 1));
});

test('a series added twice is refused; a block without series too', () => {
  const writer = new BlockWriter(dataDir);
  writer.add({ __name__: 'x' }, [1], [1]);
  writer.add({ __name__: 'x', team: '' }, [2], [2]);
  expect(() => writer.finish()).toThrow(/added twice/);
  writer.discard();
  const empty = new BlockWriter(dataDir);
  expect(() => empty.finish()).toThrow(/at least one series/);
  empty.discard();
  expect(fs.readdirSync(dataDir)).toEqual([]);
});

test.each([
  ['123456789', 0xe3069283],
  ['', 0],
])('crc32c(%j) = %i (the Castagnoli check value)', (text, crc) => {
  expect(crc32c(Buffer.from(text))).toBe(crc);
});

test.each([
  [0, [0]],
  [127, [127]],
  [128, [0x80, 1]],
  [2 ** 40 + 5, [0x85, 0x80, 0x80, 0x80, 0x80, 0x20]],
])('uvarint(%i) as Go writes it', (n, bytes) => {
  expect([...new ByteBuffer().uvarint(n).view()]).toEqual(bytes);
});

test.each([
  [0, [0]],
  [-1, [1]],
  [1, [2]],
  [-64, [127]],
  [64, [0x80, 1]],
])('varint(%i) zig-zags as Go writes it', (n, bytes) => {
  expect([...new ByteBuffer().varint(n).view()]).toEqual(bytes);
});

test.each([
  [{ b: '1', a: '2', c: '' }, [['a', '2'], ['b', '1']]],
  [{ __name__: 'x', _a: '1' }, [['__name__', 'x'], ['_a', '1']]],
])('labelPairs(%j): by name, empty values dropped', (labels, pairs) => {
  expect(labelPairs(labels)).toEqual(pairs);
});

test.each([
  [[['a', '1']], [['a', '2']], -1],
  [[['a', '1']], [['a', '1'], ['b', '1']], -1],
  [[['b', '1']], [['a', '1'], ['b', '1']], 1],
  [[['a', 'Z']], [['a', 'a']], -1],
])('compareLabels(%j, %j) has the sign of %i', (a, b, sign) => {
  expect(Math.sign(compareLabels(a as Array<[string, string]>, b as Array<[string, string]>))).toBe(sign);
});

test('ULIDs are 26 Crockford characters whose first ten encode the time', () => {
  const ulid = newUlid(Date.UTC(2026, 0, 1));
  expect(ulid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  expect(ulid.slice(0, 10)).toBe(newUlid(Date.UTC(2026, 0, 1)).slice(0, 10));
  expect(newUlid(Date.UTC(2026, 0, 2)).slice(0, 10) > ulid.slice(0, 10)).toBe(true);
});
