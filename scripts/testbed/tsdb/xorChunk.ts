/**
 * Prometheus' XOR chunk (tsdb/chunkenc/xor.go, Gorilla compression): a big-endian sample count,
 * the first timestamp as a varint and value as 64 bits, the second timestamp as a delta, then
 * delta-of-deltas in buckets of 14/17/20/64 bits and every value XORed with the one before.
 */
import { BitWriter, ByteBuffer } from './encoding';

/** Samples per chunk, as Prometheus' head cuts them. */
export const SAMPLES_PER_CHUNK = 120;
/** Chunk encoding byte of XOR chunks in a chunks file. */
export const ENCODING_XOR = 1;

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const [LO, HI] = LITTLE_ENDIAN ? [0, 1] : [1, 0];

function trailingZeros32(x: number): number {
  return 31 - Math.clz32(x & -x);
}

const inRange = (x: number, nbits: number) => -(2 ** (nbits - 1) - 1) <= x && x <= 2 ** (nbits - 1);

/** Writes `bytes` bit-aligned as whole bytes (bstream.writeByte). */
function writeBytes(w: BitWriter, bytes: Uint8Array): void {
  for (const b of bytes) {
    w.bits(b, 8);
  }
}

const scratch = new ByteBuffer(16);

function writeDod(w: BitWriter, dod: number): void {
  if (dod === 0) {
    w.bits(0, 1);
  } else if (inRange(dod, 14)) {
    w.bits(0b10, 2);
    w.bits(dod & 0x3fff, 14);
  } else if (inRange(dod, 17)) {
    w.bits(0b110, 3);
    w.bits(dod & 0x1ffff, 17);
  } else if (inRange(dod, 20)) {
    w.bits(0b1110, 4);
    w.bits(dod & 0xfffff, 20);
  } else {
    w.bits(0b1111, 4);
    // two's complement of a safe integer: the high word is the floor of dod / 2^32
    w.bits64(Math.floor(dod / 2 ** 32) >>> 0, dod >>> 0, 0, 64);
  }
}

/** State of the value stream between samples. */
interface ValueState {
  hi: number;
  lo: number;
  /** 0xff until the first leading/trailing pair is written */
  leading: number;
  trailing: number;
}

function writeValue(w: BitWriter, value: number, s: ValueState): void {
  float[0] = value;
  const hi = words[HI];
  const lo = words[LO];
  const dhi = (hi ^ s.hi) >>> 0;
  const dlo = (lo ^ s.lo) >>> 0;
  s.hi = hi;
  s.lo = lo;
  if (dhi === 0 && dlo === 0) {
    w.bits(0, 1);
    return;
  }
  w.bits(1, 1);
  let leading = dhi ? Math.clz32(dhi) : 32 + Math.clz32(dlo);
  const trailing = dlo ? trailingZeros32(dlo) : 32 + trailingZeros32(dhi);
  if (leading >= 32) {
    leading = 31;
  }
  if (s.leading !== 0xff && leading >= s.leading && trailing >= s.trailing) {
    w.bits(0, 1);
    w.bits64(dhi, dlo, s.trailing, 64 - s.leading - s.trailing);
    return;
  }
  s.leading = leading;
  s.trailing = trailing;
  w.bits(1, 1);
  w.bits(leading, 5);
  const significant = 64 - leading - trailing;
  // 64 significant bits are written as 0 (6 bits): a reader reads 0 back as 64
  w.bits(significant & 63, 6);
  w.bits64(dhi, dlo, trailing, significant);
}

// the largest sample: 4 + 64 timestamp bits, 2 + 5 + 6 + 64 value bits
const writer = new BitWriter(2 + SAMPLES_PER_CHUNK * 19 + 16);

/** The chunk data (count header included) of samples [from, to) of `times` (ms) and `values`. */
export function encodeXorChunk(times: ArrayLike<number>, values: ArrayLike<number>, from: number, to: number): Uint8Array {
  const count = to - from;
  if (count < 1 || count > 0xffff) {
    throw new RangeError(`an XOR chunk holds 1 to 65535 samples (got ${count})`);
  }
  if (count > SAMPLES_PER_CHUNK) {
    throw new RangeError(`chunks of this writer hold at most ${SAMPLES_PER_CHUNK} samples`);
  }
  writer.reset(2);
  writer.bytes[0] = count >> 8;
  writer.bytes[1] = count & 0xff;
  const state: ValueState = { hi: 0, lo: 0, leading: 0xff, trailing: 0 };
  writeBytes(writer, scratch.reset().varint(times[from]).view());
  float[0] = values[from];
  state.hi = words[HI];
  state.lo = words[LO];
  writer.bits64(state.hi, state.lo, 0, 64);
  let tDelta = 0;
  for (let i = from + 1; i < to; i++) {
    const delta = times[i] - times[i - 1];
    if (i === from + 1) {
      writeBytes(writer, scratch.reset().uvarint(delta).view());
    } else {
      writeDod(writer, delta - tDelta);
    }
    tDelta = delta;
    writeValue(writer, values[i], state);
  }
  return writer.bytes.slice(0, writer.byteCount());
}
