/**
 * Chunks holding external term format: LitT (the literal table) and the
 * single-term chunks Attr, CInf, Meta, Dbgi (and Docs/ExCk on request).
 *
 * LitT has two encodings: `u32 UncompressedSize` + zlib(table) up to OTP 27,
 * and `u32 0` + the raw table from OTP 28. The table is `u32 N`, then
 * N × (`u32 Size`, ETF bytes starting with 131).
 *
 * ETF decoding is `binaryToTerm` from the runtime; whatever it throws is
 * turned into a BeamFormatError at the literal's offset.
 */
import { binaryToTerm } from '../../runtime/terms/etf.js';
import type { Term } from '../../runtime/terms/types.js';
import { ByteReader } from './bytes.js';
import { inflate } from './container.js';
import { BeamFormatError } from './errors.js';
import type { RawChunk } from './types.js';

/** Decode one ETF blob; any failure becomes a BeamFormatError at `offset`. */
export function decodeEtf(bytes: Uint8Array, file: string, chunk: string, offset: number, what: string): Term {
  let data = bytes;
  // Compressed ETF (tag 80: u32 size + zlib), as in Dbgi and Docs: inflate here
  // so the term decoder only ever sees plain ETF.
  if (data.length >= 6 && data[0] === 131 && data[1] === 80) {
    const size = ((data[2]! << 24) >>> 0) + ((data[3]! << 16) | (data[4]! << 8) | data[5]!);
    const inflated = inflate(data.subarray(6), size,
      (msg) => new BeamFormatError(file, chunk, offset, `${what}: ${msg}`));
    data = new Uint8Array(inflated.length + 1);
    data[0] = 131;
    data.set(inflated, 1);
  }
  try {
    return binaryToTerm(data);
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
  const table = inflate(chunk.data.subarray(4), declared,
    (msg) => new BeamFormatError(file, chunk.id, chunk.offset + 4, `literal table: ${msg}`));
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
