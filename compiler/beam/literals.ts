/**
 * Chunks holding external term format: LitT (the literal table) and the
 * single-term chunks Attr, CInf, Meta, Dbgi (and Docs/ExCk on request).
 *
 * LitT has two encodings: `u32 UncompressedSize` + zlib(table) up to OTP 27,
 * and `u32 0` + the raw table from OTP 28. The table is `u32 N`, then
 * N × (`u32 Size`, ETF bytes starting with 131).
 *
 * ETF decoding (compressed or not) is `binaryToTerm` from the runtime; whatever
 * it throws is turned into a BeamFormatError at the literal's offset. No
 * node:zlib anywhere: the reader must also run in browsers.
 */
import { binaryToTerm } from '../../runtime/terms/etf.js';
import type { Term } from '../../runtime/terms/types.js';
import { ByteReader } from './bytes.js';
import { inflate } from './container.js';
import { BeamFormatError } from './errors.js';
import type { RawChunk } from './types.js';

/**
 * Decode one ETF blob; any failure becomes a BeamFormatError at `offset`.
 * Compressed ETF (tag 80: u32 size + zlib, as in Dbgi and Docs) is handled by
 * binaryToTerm itself.
 */
export function decodeEtf(bytes: Uint8Array, file: string, chunk: string, offset: number, what: string): Term {
  try {
    return binaryToTerm(bytes);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new BeamFormatError(file, chunk, offset, `${what} is not valid external term format: ${msg}`);
  }
}

export function parseLiterals(chunk: RawChunk, file: string): Term[] {
  const r = new ByteReader(chunk.data, chunk.offset, file, chunk.id);
  const declared = r.u32('literal table size');
  if (declared === 0) {
    // OTP 28+: the table follows uncompressed.
    return parseTable(new ByteReader(chunk.data, chunk.offset, file, chunk.id, 4), file, false);
  }
  const table = inflate(chunk.data, 4, declared,
    (msg, at) => new BeamFormatError(file, chunk.id, chunk.offset + at, `literal table: ${msg}`));
  return parseTable(new InflatedReader(table, chunk.offset, file, chunk.id), file, true);
}

/**
 * Offsets inside the inflated table are not file offsets: errors point at the
 * chunk and say where in the inflated data the problem is.
 */
class InflatedReader extends ByteReader {
  override error(message: string, at: number = this.pos): BeamFormatError {
    return new BeamFormatError(this.file, this.chunk, this.base,
      `${message} (at byte ${at} of the inflated literal table)`);
  }
}

function parseTable(r: ByteReader, file: string, inflated: boolean): Term[] {
  const n = r.count(5, 'literal');
  const out: Term[] = new Array<Term>(n);
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    const size = r.u32('literal size');
    const bytes = r.bytes(size, `literal ${i}`);
    if (size === 0 || bytes[0] !== 131) {
      throw r.error(`literal ${i} does not start with the ETF version byte 131`, at + 4);
    }
    const offset = inflated ? r.base : r.base + at + 4;
    out[i] = decodeEtf(bytes, file, r.chunk ?? 'LitT', offset,
      inflated ? `literal ${i} (at byte ${at + 4} of the inflated table)` : `literal ${i}`);
  }
  return out;
}

/** Attr, CInf, Meta, Dbgi, Docs, ExCk: one term_to_binary blob. */
export function parseTermChunk(chunk: RawChunk, file: string): Term {
  return decodeEtf(chunk.data, file, chunk.id, chunk.offset, `${chunk.id} chunk`);
}
