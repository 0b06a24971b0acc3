/**
 * The IFF container: `FOR1`, u32 form size, `BEAM`, then chunks of
 * `Id[4] u32 Size Data[Size]`, each padded to a 4-byte boundary (the padding
 * is not counted in Size but must be present, as ERTS's loader requires).
 * A whole file may also be gzip-compressed (`erlc +compressed`, magic 1F 8B).
 */
import { InflateError, ZlibError, rawInflate, zlibUncompress } from '../../runtime/terms/zlib.js';
import { concatBytes } from '../../runtime/terms/binary.js';
import { ByteReader } from './bytes.js';
import { BeamFormatError } from './errors.js';
import type { RawChunk } from './types.js';

/** Larger inflated data than this is treated as corrupt (a zip bomb guard). */
const MAX_INFLATED = 1 << 30;

export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * gunzip (RFC 1952) without node:zlib, so the reader also runs in browsers.
 * A file is one or more members, each `header · deflate data · CRC32 · ISIZE`;
 * their data is concatenated. Anything after the last member that is not
 * another member is an error: ERTS refuses such a file (`badfile`).
 * Errors are BeamFormatErrors at the offending byte of the gzip input.
 */
export function gunzip(bytes: Uint8Array, file: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let p = 0;
  do {
    const { data, end } = gunzipMember(bytes, p, MAX_INFLATED - total, file);
    parts.push(data);
    total += data.length;
    p = end;
  } while (p < bytes.length && isGzip(bytes.subarray(p)));
  if (p < bytes.length) throw gzipError(file, p, `${bytes.length - p} bytes of garbage after the gzip data`);
  return concatBytes(parts);
}

const gzipError = (file: string, at: number, msg: string): BeamFormatError =>
  new BeamFormatError(file, undefined, at, `bad gzip data: ${msg}`);

// Header flag bits (RFC 1952, 2.3.1); bits 5-7 are reserved and must be 0.
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const FRESERVED = 0xe0;

/** One member at `start`: its data and the offset just after its trailer. */
function gunzipMember(bytes: Uint8Array, start: number, maxOut: number, file: string): { data: Uint8Array; end: number } {
  const need = (p: number, n: number, what: string): void => {
    if (p + n > bytes.length) throw gzipError(file, Math.min(p, bytes.length), `truncated ${what}`);
  };
  need(start, 10, 'header');
  if (bytes[start + 2] !== 8) throw gzipError(file, start + 2, `unknown compression method ${bytes[start + 2]}`);
  const flags = bytes[start + 3]!;
  if (flags & FRESERVED) throw gzipError(file, start + 3, `reserved header flags set (0x${flags.toString(16)})`);
  let p = start + 10;
  if (flags & FEXTRA) {
    need(p, 2, 'extra field length');
    const xlen = bytes[p]! | (bytes[p + 1]! << 8);
    need(p + 2, xlen, 'extra field');
    p += 2 + xlen;
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const zero = bytes.indexOf(0, p);
    if (zero < 0) throw gzipError(file, bytes.length, `truncated ${flag === FNAME ? 'file name' : 'comment'}`);
    p = zero + 1;
  }
  if (flags & FHCRC) {
    need(p, 2, 'header CRC');
    const want = bytes[p]! | (bytes[p + 1]! << 8);
    if ((crc32(bytes, start, p) & 0xffff) !== want) throw gzipError(file, p, 'incorrect header CRC');
    p += 2;
  }
  let res: { data: Uint8Array; end: number };
  try {
    res = rawInflate(bytes, p, maxOut);
  } catch (e) {
    if (e instanceof InflateError) throw gzipError(file, e.offset, e.message);
    throw e;
  }
  const t = res.end;
  need(t, 8, 'trailer (CRC32 and size)');
  const crc = readU32LE(bytes, t);
  if (crc32(res.data, 0, res.data.length) !== crc) throw gzipError(file, t, 'incorrect data check (CRC32)');
  const isize = readU32LE(bytes, t + 4);
  if (isize !== res.data.length % 2 ** 32) {
    throw gzipError(file, t + 4, `size ${isize} in the trailer, but ${res.data.length} bytes inflated`);
  }
  return { data: res.data, end: t + 8 };
}

const readU32LE = (b: Uint8Array, p: number): number =>
  (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) of `data[from, to)`. */
function crc32(data: Uint8Array, from: number, to: number): number {
  let table = CRC_TABLE;
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    CRC_TABLE = table;
  }
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Inflate the zlib stream (RFC 1950) at `bytes[start]`, which must not
 * exceed `maxLength` bytes. Errors go to `fail` with the offset (in `bytes`)
 * of the bad byte; bytes after the stream are ignored.
 */
export function inflate(bytes: Uint8Array, start: number, maxLength: number,
  fail: (msg: string, at: number) => Error): Uint8Array {
  try {
    return zlibUncompress(bytes, start, Math.max(1, Math.min(maxLength, MAX_INFLATED))).data;
  } catch (e) {
    if (e instanceof ZlibError) throw fail(`bad zlib data: ${e.message}`, e.offset);
    throw e;
  }
}

/** Chunk ids are four bytes; show them as text when printable. */
export function chunkId(b: Uint8Array, p: number): string {
  let s = '';
  for (let i = 0; i < 4; i++) {
    const c = b[p + i]!;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return s;
}

/** Split the container into chunks (file order). */
export function readContainer(bytes: Uint8Array, file: string): RawChunk[] {
  const r = new ByteReader(bytes, 0, file, undefined);
  if (bytes.length < 12) {
    throw r.error(`truncated header: ${bytes.length} bytes, a BEAM file has at least 12`, 0);
  }
  if (chunkId(bytes, 0) !== 'FOR1') {
    throw r.error(`not a BEAM file: expected "FOR1" magic, found "${chunkId(bytes, 0)}"`, 0);
  }
  r.pos = 4;
  const formSize = r.u32('form size');
  if (chunkId(bytes, 8) !== 'BEAM') {
    throw r.error(`not a BEAM file: IFF form type is "${chunkId(bytes, 8)}", not "BEAM"`, 8);
  }
  if (formSize + 8 > bytes.length) {
    throw r.error(`truncated file: the header declares ${formSize + 8} bytes, the file has ${bytes.length}`, 4);
  }
  if (formSize < 4) throw r.error(`form size ${formSize} is too small`, 4);
  const end = formSize + 8;
  const chunks: RawChunk[] = [];
  const cr = new ByteReader(bytes, 0, file, undefined, 12, end);
  while (!cr.atEnd) {
    const at = cr.pos;
    cr.need(8, 'chunk header');
    const id = chunkId(bytes, at);
    cr.pos += 4;
    const size = cr.u32('chunk size');
    const padded = size + ((4 - (size % 4)) % 4);
    if (size > cr.remaining || padded > cr.remaining) {
      throw new BeamFormatError(file, id, at,
        `chunk overruns the file: ${size} bytes declared, ${cr.remaining} left`);
    }
    const dataAt = cr.pos;
    chunks.push({ id, offset: dataAt, data: bytes.subarray(dataAt, dataAt + size) });
    cr.pos = dataAt + padded;
  }
  return chunks;
}
