/**
 * The external term format: `term_to_binary/1,2` and `binary_to_term/1,2`,
 * byte-identical to OTP 25.
 *
 *   termToBinary(t, { compressed, minorVersion, deterministic })  -> BitString
 *   binaryToTerm(bytes, { safe, used })                            -> Term ({T, Used} with used)
 *   binaryToTermUsed(bytes, { safe })                              -> { term, used }
 *
 * The encoding itself is in ./etf-encode.ts, the decoding in ./etf-decode.ts;
 * this module adds the version byte and compression (tag 80: the uncompressed
 * size, then a zlib stream). Compression follows BEAM exactly: the compressed
 * form is kept only when it is not longer than the plain one, and the zlib
 * bytes are those of the zlib BEAM links (./zlib.ts).
 *
 * Like BEAM, `binary_to_term/1` ignores bytes after the term (`used` tells how
 * many were read): `binary_to_term(<<131,97,1,0>>)` is 1 on OTP 25.
 */
import { TermBadArg } from './errors.js';
import {
  COMPRESSED, EtfError, VERSION_MAGIC, configureEtf, etfConfig, type EtfConfig,
} from './etf-common.js';
import { Decoder } from './etf-decode.js';
import { encodeBody } from './etf-encode.js';
import { BitString, binary, type Term } from './types.js';
import { ZlibError, zlibCompress, zlibUncompress } from './zlib.js';

export { EtfError, configureEtf, etfConfig, type EtfConfig };

export interface TermToBinaryOptions {
  /** zlib level 0..9 (`{compressed, N}`); `true` is `compressed`, level 6. 0 = none. */
  compressed?: number | boolean;
  /** 0: floats as text; 1 (default): binary floats; 2: also every atom as UTF-8. */
  minorVersion?: 0 | 1 | 2;
  /** Maps in map-key order, so equal terms give equal bytes. */
  deterministic?: boolean;
}

export interface BinaryToTermOptions {
  /** Reject atoms and exports that do not exist (see `EtfConfig.atomExists`). */
  safe?: boolean;
  /** Return `{Term, Used}` (a 2-tuple) as `binary_to_term(B, [used])` does. */
  used?: boolean;
}

/** `erlang:term_to_binary/1,2`. */
export function termToBinary(t: Term, opts: TermToBinaryOptions = {}): BitString {
  const minor = opts.minorVersion ?? 1;
  if (minor !== 0 && minor !== 1 && minor !== 2) throw new TermBadArg('badarg', `bad minor_version ${String(minor)}`);
  const level = opts.compressed === true ? 6 : opts.compressed === false ? 0 : (opts.compressed ?? 0);
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new TermBadArg('badarg', `bad compression level ${String(level)}`);
  }
  let body: Uint8Array;
  try {
    body = encodeBody(t, {
      oldFloats: minor === 0,
      utf8Atoms: minor === 2,
      deterministic: opts.deterministic === true,
    });
  } catch (e) {
    // Out of memory, or map keys too deep to sort on this engine's stack.
    if (e instanceof RangeError) throw new TermBadArg('system_limit', `term_to_binary: ${e.message}`);
    throw e;
  }
  if (level > 0) {
    const z = zlibCompress(body, level);
    // BEAM gives zlib only as much room as the plain encoding would take.
    if (z.length + 6 <= body.length + 1) {
      const out = new Uint8Array(z.length + 6);
      out[0] = VERSION_MAGIC;
      out[1] = COMPRESSED;
      new DataView(out.buffer).setUint32(2, body.length);
      out.set(z, 6);
      return binary(out);
    }
  }
  const out = new Uint8Array(body.length + 1);
  out[0] = VERSION_MAGIC;
  out.set(body, 1);
  return binary(out);
}

/** `erlang:binary_to_term/1,2`; with `used`, the tuple `{Term, BytesUsed}`. */
export function binaryToTerm(input: Uint8Array | BitString, opts: BinaryToTermOptions = {}): Term {
  const { term, used } = binaryToTermUsed(input, opts);
  return opts.used === true ? [term, used] : term;
}

/** `binary_to_term(B, [used])`: the term and how many bytes of `input` it took. */
export function binaryToTermUsed(
  input: Uint8Array | BitString,
  opts: BinaryToTermOptions = {},
): { term: Term; used: number } {
  let bytes: Uint8Array;
  if (input instanceof BitString) {
    if ((input.bitSize & 7) !== 0) throw new EtfError('not a binary', 0);
    bytes = input.bytes.subarray(0, input.bitSize >>> 3);
  } else {
    bytes = input;
  }
  const safe = opts.safe === true;
  if (bytes.length < 1 || bytes[0] !== VERSION_MAGIC) throw new EtfError('no version byte 131', 0);
  try {
    if (bytes.length >= 6 && bytes[1] === COMPRESSED) return decodeCompressed(bytes, safe);
    const d = new Decoder(bytes, 1, { safe, where: '' });
    const term = d.decode();
    return { term, used: d.pos };
  } catch (e) {
    // A term too large for this JS engine is bad input too, not a crash.
    if (e instanceof RangeError) throw new EtfError(`too large (${e.message})`, 0);
    throw e;
  }
}

function decodeCompressed(bytes: Uint8Array, safe: boolean): { term: Term; used: number } {
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(2);
  let data: Uint8Array;
  let end: number;
  try {
    ({ data, end } = zlibUncompress(bytes, 6, size));
  } catch (e) {
    if (e instanceof ZlibError) throw new EtfError(`bad compressed data: ${e.message}`, e.offset);
    throw e;
  }
  if (data.length !== size) throw new EtfError(`compressed size ${size} but ${data.length} bytes inflated`, 2);
  const d = new Decoder(data, 0, { safe, where: 'in the decompressed data' });
  const term = d.decode();
  return { term, used: end };
}
