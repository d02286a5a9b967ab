/**
 * A TSDB block's `index` file, format version 2 (tsdb/docs/format/index.md): symbols, series with
 * their chunk metadata, postings per label pair, the postings offset table and the TOC. The label
 * indices and their offset table are left empty: version 2 readers do not use them.
 */
import fs from 'fs';
import { ByteBuffer, crc32c } from './encoding';

const MAGIC_INDEX = 0xbaaad700;
const FORMAT_V2 = 2;

export type LabelPairs = Array<[name: string, value: string]>;

export interface ChunkMetas {
  count: number;
  mints: Float64Array;
  maxts: Float64Array;
  refs: Float64Array;
}

export interface IndexSeries {
  /** sorted by name, no empty values */
  labels: LabelPairs;
  chunks: ChunkMetas;
}

const beyondBmpOrder = /[\ud800-\uffff]/;

/** Go's byte-wise string order (UTF-16 order differs from it only from U+D800 on). */
export function compareStrings(a: string, b: string): number {
  if (beyondBmpOrder.test(a) || beyondBmpOrder.test(b)) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** labels.Compare: pair by pair, name then value; a prefix sorts first. */
export function compareLabels(a: LabelPairs, b: LabelPairs): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const byName = compareStrings(a[i][0], b[i][0]);
    if (byName) {
      return byName;
    }
    const byValue = compareStrings(a[i][1], b[i][1]);
    if (byValue) {
      return byValue;
    }
  }
  return a.length - b.length;
}

/** Buffered sequential writes that know their position. */
export class FileOut {
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(1 << 20);
  private used = 0;
  pos = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.buffer.length) {
      this.flush();
    }
    if (bytes.length > this.buffer.length) {
      fs.writeSync(this.fd, bytes);
    } else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
    }
    this.pos += bytes.length;
  }

  /** Zero bytes up to the next multiple of `alignment`. */
  pad(alignment: number): void {
    const gap = (alignment - (this.pos % alignment)) % alignment;
    if (gap) {
      this.write(new Uint8Array(gap));
    }
  }

  flush(): void {
    if (this.used) {
      fs.writeSync(this.fd, this.buffer.subarray(0, this.used));
      this.used = 0;
    }
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** A section of `len <4b> | body | CRC32C(body)`. */
function section(body: ByteBuffer): Uint8Array {
  const out = new ByteBuffer(body.length + 8).be32(body.length).raw(body.view());
  return out.crcFrom(4).view();
}

function symbolTable(series: readonly IndexSeries[]): { bytes: Uint8Array; index: Map<string, number> } {
  const all = new Set<string>();
  for (const s of series) {
    for (const [name, value] of s.labels) {
      all.add(name).add(value);
    }
  }
  const sorted = [...all].sort(compareStrings);
  const body = new ByteBuffer(1 << 16).be32(sorted.length);
  sorted.forEach((sym) => body.uvarintString(sym));
  return { bytes: section(body), index: new Map(sorted.map((sym, i) => [sym, i])) };
}

function seriesEntry(s: IndexSeries, symbols: Map<string, number>, body: ByteBuffer): Uint8Array {
  body.reset().uvarint(s.labels.length);
  for (const [name, value] of s.labels) {
    body.uvarint(symbols.get(name)!).uvarint(symbols.get(value)!);
  }
  const { count, mints, maxts, refs } = s.chunks;
  body.uvarint(count);
  for (let i = 0; i < count; i++) {
    if (i === 0) {
      body.varint(mints[0]).uvarint(maxts[0] - mints[0]).uvarint(refs[0]);
    } else {
      body.uvarint(mints[i] - maxts[i - 1]).uvarint(maxts[i] - mints[i]).varint(refs[i] - refs[i - 1]);
    }
  }
  return new ByteBuffer(body.length + 12).uvarint(body.length).raw(body.view()).be32(crc32c(body.bytes, 0, body.length)).view();
}

/** Writes the index of `series`, which must be sorted by compareLabels and have chunk refs that grow with it. */
export function writeIndexFile(file: string, series: readonly IndexSeries[]): void {
  const out = new FileOut(file);
  out.write(new ByteBuffer(5).be32(MAGIC_INDEX).byte(FORMAT_V2).view());
  const toc = { symbols: out.pos, series: 0, labelIndices: 0, labelIndicesTable: 0, postings: 0, postingsTable: 0 };
  const { bytes, index } = symbolTable(series);
  out.write(bytes);
  toc.series = out.pos;
  // label name → value → series refs (ascending, as the series are written in order)
  const postings = new Map<string, Map<string, number[]>>([['', new Map([['', []]])]]);
  const body = new ByteBuffer(1 << 14);
  for (const s of series) {
    out.pad(16);
    const ref = out.pos / 16;
    postings.get('')!.get('')!.push(ref);
    for (const [name, value] of s.labels) {
      const values = postings.get(name) ?? postings.set(name, new Map()).get(name)!;
      const refs = values.get(value) ?? values.set(value, []).get(value)!;
      refs.push(ref);
    }
    out.write(seriesEntry(s, index, body));
  }
  out.pad(4);
  toc.labelIndices = out.pos;
  toc.postings = out.pos;
  const offsets = new ByteBuffer(1 << 16);
  let entries = 0;
  for (const name of [...postings.keys()].sort(compareStrings)) {
    const values = postings.get(name)!;
    for (const value of [...values.keys()].sort(compareStrings)) {
      out.pad(4);
      offsets.uvarint(2).uvarintString(name).uvarintString(value).uvarint(out.pos);
      entries++;
      const refs = values.get(value)!;
      const list = new ByteBuffer(4 + 4 * refs.length).be32(refs.length);
      refs.forEach((r) => list.be32(r));
      out.write(section(list));
    }
  }
  toc.labelIndicesTable = out.pos;
  out.write(section(new ByteBuffer(4).be32(0)));
  toc.postingsTable = out.pos;
  out.write(section(new ByteBuffer(offsets.length + 4).be32(entries).raw(offsets.view())));
  const tocBytes = new ByteBuffer(52);
  for (const ref of [toc.symbols, toc.series, toc.labelIndices, toc.labelIndicesTable, toc.postings, toc.postingsTable]) {
    tocBytes.be64(ref);
  }
  out.write(tocBytes.crcFrom(0).view());
  out.close();
}
