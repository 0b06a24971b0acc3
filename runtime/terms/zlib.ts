/**
 * zlib streams (RFC 1950) in plain TypeScript, for `term_to_binary(T, [compressed])`,
 * `binary_to_term/1,2` and later the `zlib` BIFs.
 *
 * Why not `node:zlib`: it is absent in browsers, and Node bundles Chromium's zlib
 * fork, whose deflate picks different matches than the system zlib BEAM links
 * (measured on OTP 25.2.3 / zlib 1.2.13 against Node 20's zlib 1.3.1: different
 * bytes, and sizes, at every level 1-9). `term_to_binary` must be byte-identical, so
 * the compressor here reproduces zlib 1.2.x's algorithm (./zlib-deflate.ts,
 * ./zlib-trees.ts). Decompression (./zlib-inflate.ts) only has to be correct.
 */
import { rawDeflate } from './zlib-deflate.js';
import { InflateError, rawInflate } from './zlib-inflate.js';

export { rawDeflate, rawInflate, InflateError };

/** A malformed zlib stream; `offset` is the byte offset in the input. */
export class ZlibError extends Error {
  constructor(
    message: string,
    public readonly offset: number,
  ) {
    super(message);
    this.name = 'ZlibError';
  }
}

/** Adler-32 of `data[start, end)` (RFC 1950, 8.2). */
export function adler32(data: Uint8Array, start = 0, end = data.length, init = 1): number {
  let a = init & 0xffff;
  let b = init >>> 16;
  let i = start;
  while (i < end) {
    // 5552 is the most bytes before b can overflow 2^32 (zlib's NMAX).
    const stop = Math.min(end, i + 5552);
    for (; i < stop; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * The zlib stream zlib's `compress2(level)` writes (windowBits 15, memLevel 8),
 * byte for byte. `level` is 0-9 (zlib's Z_DEFAULT_COMPRESSION is 6).
 */
export function zlibCompress(data: Uint8Array, level = 6): Uint8Array {
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new ZlibError(`compression level must be 0..9, got ${level}`, 0);
  }
  const levelFlags = level < 2 ? 0 : level < 6 ? 1 : level === 6 ? 2 : 3;
  let header = (0x78 << 8) | (levelFlags << 6);
  header += 31 - (header % 31);
  const body = rawDeflate(data, level);
  const out = new Uint8Array(body.length + 6);
  out[0] = header >>> 8;
  out[1] = header & 0xff;
  out.set(body, 2);
  const check = adler32(data);
  const t = body.length + 2;
  out[t] = check >>> 24;
  out[t + 1] = (check >>> 16) & 0xff;
  out[t + 2] = (check >>> 8) & 0xff;
  out[t + 3] = check & 0xff;
  return out;
}

/**
 * Decode the zlib stream at `input[start]`. Returns the data and the offset just
 * after the stream (bytes after it are not looked at). Output beyond `maxOut`
 * bytes is an error, which bounds the memory a hostile stream can claim.
 */
export function zlibUncompress(
  input: Uint8Array,
  start = 0,
  maxOut = Number.MAX_SAFE_INTEGER,
): { data: Uint8Array; end: number } {
  if (start + 2 > input.length) throw new ZlibError('truncated zlib header', start);
  const cmf = input[start]!;
  const flg = input[start + 1]!;
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7) throw new ZlibError('unknown compression method', start);
  if (((cmf << 8) | flg) % 31 !== 0) throw new ZlibError('incorrect header check', start);
  if (flg & 0x20) throw new ZlibError('preset dictionary required', start + 1);
  let res: { data: Uint8Array; end: number };
  try {
    res = rawInflate(input, start + 2, maxOut);
  } catch (e) {
    if (e instanceof InflateError) throw new ZlibError(e.message, e.offset);
    throw e;
  }
  const t = res.end;
  if (t + 4 > input.length) throw new ZlibError('truncated adler-32 check', t);
  const want = ((input[t]! << 24) | (input[t + 1]! << 16) | (input[t + 2]! << 8) | input[t + 3]!) >>> 0;
  if (adler32(res.data) !== want) throw new ZlibError('incorrect data check', t);
  return { data: res.data, end: t + 4 };
}
