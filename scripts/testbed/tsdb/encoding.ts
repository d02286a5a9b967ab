/**
 * The byte-level encodings of Prometheus' TSDB files (tsdb/encoding, tsdb/chunkenc/bstream.go):
 * big-endian integers, Go's varints, CRC32-Castagnoli, and a bit stream for XOR chunks.
 */

const CASTAGNOLI = 0x82f63b78;
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? (c >>> 1) ^ CASTAGNOLI : c >>> 1;
    }
    table[i] = c >>> 0;
  }
  return table;
})();

/** CRC32 with the Castagnoli polynomial, as every TSDB section and chunk carries. */
export function crc32c(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = from; i < to; i++) {
    crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A growable byte buffer with the encoders the index needs (Go's encoding.Encbuf). */
export class ByteBuffer {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(capacity);
  }

  private ensure(extra: number): void {
    if (this.length + extra > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
  }

  reset(): this {
    this.length = 0;
    return this;
  }

  byte(b: number): this {
    this.ensure(1);
    this.bytes[this.length++] = b;
    return this;
  }

  be32(n: number): this {
    this.ensure(4);
    new DataView(this.bytes.buffer, this.bytes.byteOffset).setUint32(this.length, n >>> 0);
    this.length += 4;
    return this;
  }

  be64(n: number): this {
    this.be32(Math.floor(n / 2 ** 32));
    return this.be32(n % 2 ** 32);
  }

  /** Unsigned LEB128 (Go's PutUvarint) of a non-negative safe integer. */
  uvarint(n: number): this {
    while (n >= 0x80) {
      this.byte((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    return this.byte(n);
  }

  /** Zig-zag then uvarint (Go's PutVarint). */
  varint(n: number): this {
    return this.uvarint(n >= 0 ? 2 * n : -2 * n - 1);
  }

  raw(bytes: Uint8Array): this {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  uvarintString(s: string): this {
    const utf8 = Buffer.from(s, 'utf8');
    return this.uvarint(utf8.length).raw(utf8);
  }

  /** Appends the CRC32C of bytes [from, end) (big-endian). */
  crcFrom(from: number): this {
    return this.be32(crc32c(this.bytes, from, this.length));
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * Bits written left to right into bytes (tsdb/chunkenc/bstream.go). The buffer must start zeroed:
 * writes only set bits.
 */
export class BitWriter {
  bytes: Uint8Array;
  /** bits written */
  bit = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  reset(startByte: number): void {
    this.bytes.fill(0);
    this.bit = startByte * 8;
  }

  /** The `n` (0–32) low bits of `value`, most significant first. */
  bits(value: number, n: number): void {
    while (n > 0) {
      const free = 8 - (this.bit & 7);
      const take = free < n ? free : n;
      const part = (value >>> (n - take)) & ((1 << take) - 1);
      this.bytes[this.bit >> 3] |= part << (free - take);
      this.bit += take;
      n -= take;
    }
  }

  /** The `n` (0–64) low bits of the 64-bit number hi:lo shifted right by `shift`. */
  bits64(hi: number, lo: number, shift: number, n: number): void {
    let shi: number;
    let slo: number;
    if (shift >= 32) {
      shi = 0;
      slo = hi >>> (shift - 32);
    } else if (shift > 0) {
      shi = hi >>> shift;
      slo = ((lo >>> shift) | (hi << (32 - shift))) >>> 0;
    } else {
      shi = hi >>> 0;
      slo = lo >>> 0;
    }
    if (n > 32) {
      this.bits(shi, n - 32);
      this.bits(slo, 32);
    } else {
      this.bits(slo, n);
    }
  }

  byteCount(): number {
    return Math.ceil(this.bit / 8);
  }
}
