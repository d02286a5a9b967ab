/**
 * Writes a Prometheus TSDB block directly: what `promtool tsdb create-blocks-from openmetrics`
 * makes, without parsing text. promtool appends ~370 k samples/s on this machine, so the 600 M
 * samples of the largest scale test bed would take half an hour; encoding chunks here takes a few
 * minutes. Series may be added in any order: their chunks are spooled, then copied into the chunk
 * segments in label order (the format wants chunk refs to grow with the series), then the index.
 */
import { randomInt } from 'crypto';
import fs from 'fs';
import path from 'path';
import { ByteBuffer } from './encoding';
import { compareLabels, FileOut, IndexSeries, LabelPairs, writeIndexFile } from './indexFile';
import { encodeXorChunk, ENCODING_XOR, SAMPLES_PER_CHUNK } from './xorChunk';

const MAGIC_CHUNKS = 0x85bd40dd;
const CHUNKS_FORMAT_V1 = 1;
const SEGMENT_HEADER_BYTES = 8;
/** Prometheus' segment size (DefaultChunkSegmentSize). */
export const MAX_SEGMENT_BYTES = 512 * 1024 * 1024;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID (the block's directory name): 48 bits of milliseconds, 80 random bits. */
export function newUlid(nowMs = Date.now()): string {
  let time = '';
  for (let i = 9; i >= 0; i--) {
    time += CROCKFORD[Math.floor(nowMs / 32 ** i) % 32];
  }
  return time + Array.from({ length: 16 }, () => CROCKFORD[randomInt(32)]).join('');
}

/** `labels` as the index stores them: sorted by name, empty values dropped (Prometheus has no empty labels). */
export function labelPairs(labels: Record<string, string>): LabelPairs {
  return Object.entries(labels)
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

interface SpooledSeries {
  labels: LabelPairs;
  spoolOffset: number;
  /** bytes of each chunk record (len, encoding, data, CRC) */
  sizes: Uint32Array;
  mints: Float64Array;
  maxts: Float64Array;
}

export interface BlockStats {
  ulid: string;
  dir: string;
  minTime: number;
  maxTime: number;
  numSeries: number;
  numSamples: number;
  numChunks: number;
}

/** One chunk record of a chunks file: uvarint length, encoding, data, CRC32C(encoding + data). */
function chunkRecord(data: Uint8Array): Uint8Array {
  const record = new ByteBuffer(data.length + 10).uvarint(data.length);
  const from = record.length;
  return record.byte(ENCODING_XOR).raw(data).crcFrom(from).view();
}

export class BlockWriter {
  readonly ulid = newUlid();
  private readonly work: string;
  private readonly spoolFile: string;
  private readonly spool: FileOut;
  private readonly series: SpooledSeries[] = [];
  private minTime = Infinity;
  private maxTime = -Infinity;
  private samples = 0;
  private chunks = 0;

  constructor(private readonly dataDir: string) {
    this.work = path.join(dataDir, `${this.ulid}.tmp-for-creation`);
    fs.mkdirSync(path.join(this.work, 'chunks'), { recursive: true });
    this.spoolFile = path.join(this.work, 'spool');
    this.spool = new FileOut(this.spoolFile);
  }

  /** Samples [from, to) of one series (times in ms, ascending); a series without samples is skipped. */
  add(labels: Record<string, string>, times: ArrayLike<number>, values: ArrayLike<number>, from = 0, to = times.length): void {
    if (to <= from) {
      return;
    }
    const count = Math.ceil((to - from) / SAMPLES_PER_CHUNK);
    const s: SpooledSeries = {
      labels: labelPairs(labels),
      spoolOffset: this.spool.pos,
      sizes: new Uint32Array(count),
      mints: new Float64Array(count),
      maxts: new Float64Array(count),
    };
    for (let c = 0; c < count; c++) {
      const start = from + c * SAMPLES_PER_CHUNK;
      const end = Math.min(to, start + SAMPLES_PER_CHUNK);
      const record = chunkRecord(encodeXorChunk(times, values, start, end));
      this.spool.write(record);
      s.sizes[c] = record.length;
      s.mints[c] = times[start];
      s.maxts[c] = times[end - 1];
    }
    this.series.push(s);
    this.minTime = Math.min(this.minTime, times[from]);
    this.maxTime = Math.max(this.maxTime, times[to - 1]);
    this.samples += to - from;
    this.chunks += count;
  }

  /** Copies the chunks into segments in label order, writes index and meta.json, and moves the block into the data directory. */
  finish(): BlockStats {
    this.spool.close();
    if (!this.series.length) {
      throw new Error('a block needs at least one series');
    }
    this.series.sort((a, b) => compareLabels(a.labels, b.labels));
    for (let i = 1; i < this.series.length; i++) {
      if (compareLabels(this.series[i - 1].labels, this.series[i].labels) === 0) {
        throw new Error(`series added twice: ${JSON.stringify(this.series[i].labels)}`);
      }
    }
    const indexed = this.writeSegments();
    writeIndexFile(path.join(this.work, 'index'), indexed);
    fs.rmSync(this.spoolFile);
    const stats = { numSamples: this.samples, numSeries: this.series.length, numChunks: this.chunks };
    const meta = { ulid: this.ulid, minTime: this.minTime, maxTime: this.maxTime + 1, stats, compaction: { level: 1, sources: [this.ulid] }, version: 1 };
    fs.writeFileSync(path.join(this.work, 'meta.json'), JSON.stringify(meta, null, '\t'));
    const dir = path.join(this.dataDir, this.ulid);
    fs.renameSync(this.work, dir);
    return { ulid: this.ulid, dir, minTime: meta.minTime, maxTime: meta.maxTime, ...stats };
  }

  /** Abandons the block (its temporary directory goes). */
  discard(): void {
    try {
      this.spool.close();
    } catch {
      // already closed
    }
    fs.rmSync(this.work, { recursive: true, force: true });
  }

  private writeSegments(): IndexSeries[] {
    const spool = fs.openSync(this.spoolFile, 'r');
    let segment: FileOut | undefined;
    let sequence = -1;
    const openSegment = () => {
      segment?.close();
      sequence++;
      segment = new FileOut(path.join(this.work, 'chunks', String(sequence + 1).padStart(6, '0')));
      segment.write(new ByteBuffer(SEGMENT_HEADER_BYTES).be32(MAGIC_CHUNKS).byte(CHUNKS_FORMAT_V1).byte(0).byte(0).byte(0).view());
    };
    const indexed = this.series.map((s) => {
      const bytes = s.sizes.reduce((n, size) => n + size, 0);
      if (!segment || segment.pos + bytes > MAX_SEGMENT_BYTES) {
        openSegment();
      }
      const buffer = Buffer.alloc(bytes);
      fs.readSync(spool, buffer, 0, bytes, s.spoolOffset);
      const refs = new Float64Array(s.sizes.length);
      let offset = segment!.pos;
      s.sizes.forEach((size, i) => {
        refs[i] = sequence * 2 ** 32 + offset;
        offset += size;
      });
      segment!.write(buffer);
      return { labels: s.labels, chunks: { count: s.sizes.length, mints: s.mints, maxts: s.maxts, refs } };
    });
    segment?.close();
    fs.closeSync(spool);
    return indexed;
  }
}
