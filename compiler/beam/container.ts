/**
 * The IFF container: `FOR1`, u32 form size, `BEAM`, then chunks of
 * `Id[4] u32 Size Data[Size]`, each padded to a 4-byte boundary (the padding
 * is not counted in Size but must be present, as ERTS's loader requires).
 * A whole file may also be gzip-compressed (`erlc +compressed`, magic 1F 8B).
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import { ByteReader } from './bytes.js';
import { BeamFormatError } from './errors.js';
import type { RawChunk } from './types.js';

/** Larger inflated data than this is treated as corrupt (a zip bomb guard). */
const MAX_INFLATED = 1 << 30;

export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** gunzip, with zlib's errors turned into BeamFormatError. */
export function gunzip(bytes: Uint8Array, file: string): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED });
  } catch (e) {
    throw new BeamFormatError(file, undefined, 0, `bad gzip data: ${zlibMessage(e)}`);
  }
}

/**
 * inflate a zlib stream that must not exceed `maxLength` bytes; zlib's
 * errors become the caller's BeamFormatError via `fail`.
 */
export function inflate(bytes: Uint8Array, maxLength: number, fail: (msg: string) => Error): Uint8Array {
  try {
    return inflateSync(bytes, { maxOutputLength: Math.max(1, Math.min(maxLength, MAX_INFLATED)) });
  } catch (e) {
    throw fail(`bad zlib data: ${zlibMessage(e)}`);
  }
}

function zlibMessage(e: unknown): string {
  if (e instanceof RangeError) return 'inflated data larger than declared';
  return e instanceof Error ? e.message : String(e);
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
