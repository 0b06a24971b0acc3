/**
 * A bounds-checked big-endian cursor over one chunk's bytes.
 *
 * Every read checks that the bytes exist and throws a `BeamFormatError` with
 * the absolute file offset otherwise, so no chunk parser can index past its
 * data (a Uint8Array read past the end yields `undefined`, which would turn
 * into NaN or a TypeError far from the cause).
 */
import { BeamFormatError } from './errors.js';

export class ByteReader {
  pos: number;

  constructor(
    readonly data: Uint8Array,
    /** Absolute file offset of `data[0]`, for error messages. */
    readonly base: number,
    readonly file: string,
    readonly chunk: string | undefined,
    start = 0,
    readonly end: number = data.length,
  ) {
    this.pos = start;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** The absolute file offset of the cursor. */
  get fileOffset(): number {
    return this.base + this.pos;
  }

  error(message: string, at: number = this.pos): BeamFormatError {
    return new BeamFormatError(this.file, this.chunk, this.base + at, message);
  }

  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.end) {
      throw this.error(`truncated ${what}: need ${n} bytes, ${Math.max(0, this.end - this.pos)} left`);
    }
  }

  u8(what = 'byte'): number {
    if (this.pos >= this.end) throw this.error(`truncated ${what}: need 1 byte, 0 left`);
    return this.data[this.pos++]!;
  }

  u16(what = 'u16'): number {
    this.need(2, what);
    const d = this.data;
    const p = this.pos;
    this.pos = p + 2;
    return (d[p]! << 8) | d[p + 1]!;
  }

  u32(what = 'u32'): number {
    this.need(4, what);
    const d = this.data;
    const p = this.pos;
    this.pos = p + 4;
    return ((d[p]! << 24) >>> 0) + ((d[p + 1]! << 16) | (d[p + 2]! << 8) | d[p + 3]!);
  }

  i32(what = 'i32'): number {
    this.need(4, what);
    const d = this.data;
    const p = this.pos;
    this.pos = p + 4;
    return (d[p]! << 24) | (d[p + 1]! << 16) | (d[p + 2]! << 8) | d[p + 3]!;
  }

  /** A signed 64-bit big-endian integer as a bigint. */
  i64(what = 'i64'): bigint {
    this.need(8, what);
    const hi = BigInt(this.i32(what));
    const lo = BigInt(this.u32(what));
    return (hi << 32n) | lo;
  }

  /** `n` bytes as a view (no copy). */
  bytes(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const p = this.pos;
    this.pos = p + n;
    return this.data.subarray(p, p + n);
  }

  /**
   * A u32 count of items that each take at least `minItemSize` bytes: reject
   * counts the remaining bytes cannot hold before anyone allocates for them.
   */
  count(minItemSize: number, what: string): number {
    const at = this.pos;
    const n = this.u32(`${what} count`);
    if (n * minItemSize > this.remaining) {
      throw this.error(`${what} count ${n} does not fit in the ${this.remaining} bytes left`, at);
    }
    return n;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode UTF-8 bytes to a string; plain ASCII (almost every atom) takes a
 * loop without a decoder call. Throws a BeamFormatError for invalid UTF-8.
 */
export function utf8String(bytes: Uint8Array, r: ByteReader, at: number, what: string): string {
  const n = bytes.length;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii && n <= 64) {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
    return s;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw r.error(`${what} is not valid UTF-8`, at);
  }
}
