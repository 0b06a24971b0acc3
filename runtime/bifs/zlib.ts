/**
 * The `zlib` module over our own deflate/inflate (runtime/terms/zlib*.ts,
 * byte-identical to the zlib 1.2 that erl links).
 *
 * Overlaid at the public functions: zlib.erl reaches its NIFs by local calls,
 * which compiled code makes directly, so every exported function on the way
 * to a NIF is here, with zlib.erl's argument checks and error reasons
 * (`bad_compression_level`, `bad_windowbits`, `not_initialized`,
 * `data_error`, ...) and its output shapes: the NIF-level functions below
 * (`deflateChunk`, `inflateChunk`) hand out `{continue | finished, [Bin]}`
 * chunks and `collect` joins them as zlib.erl's append_iolist does.
 * crc32/2,3, adler32/2,3 and the combines stay Erlang (they call erlang BIFs).
 *
 * The deflater is one-shot, so a stream buffers its input and compresses it
 * at `finish`, emitting the zlib or gzip header at the first deflate call as
 * zlib does. For the usual pattern (deflate with `none`, then `finish`) and
 * for compress/zip/gzip the bytes and the iolist shapes are erl's.
 * Differences: a `sync` or `full` flush emits nothing until `finish` (zlib
 * ends the block there); inflate returns output only once the whole stream is
 * in (zlib gives what it can decode of a partial stream); windowBits below 15
 * and memLevel/strategy settings compress as the defaults; dictionaries are
 * `not_supported`; crc32/1 is 0.
 */
import { crc32 } from './erlang-digest.js';
import {
  InflateError, adler32, rawDeflate, rawInflate,
} from '../terms/zlib.js';
import { concatBytes, iolistToBinary } from '../terms/binary.js';
import { BitString, Cons, NIL, Ref, binary, isInteger, list, type Term } from '../terms/types.js';
import { badarg, bifTable, fail, type Bif } from './erlang-args.js';

type Format = 'zlib' | 'raw' | 'gzip' | 'auto';

interface Stream {
  mode: 'none' | 'deflate' | 'inflate';
  closed: boolean;
  format: Format;
  level: number;
  /** inflate's end-of-stream behaviour: 0 error, 1 reset, 2 cut. */
  eos: number;
  input: Uint8Array[];
  headerSent: boolean;
  /** Output made but not yet handed out, in chunks. */
  pending: Uint8Array[];
  finished: boolean;
  bufSize: number;
  stash: Term | undefined;
}

const streams = new WeakMap<Ref, Stream>();
let fallbackRefs = 0;

function open(p: { rt?: { refs?: { make(): Ref } } }): Term {
  const ref = p.rt?.refs?.make() ?? new Ref([++fallbackRefs, 0x7a6c6962, 0]);
  streams.set(ref, {
    mode: 'none', closed: false, format: 'zlib', level: 6, eos: 2, input: [], headerSent: false,
    pending: [], finished: false, bufSize: 4000, stash: undefined,
  });
  return ref;
}

/** The open stream behind `z`: `badarg` for anything else, `not_initialized` once closed. */
function streamOf(z: Term): Stream {
  const s = (z instanceof Ref ? streams.get(z) : undefined) ?? badarg();
  return s.closed ? fail('not_initialized') : s;
}

function inMode(z: Term, mode: 'deflate' | 'inflate'): Stream {
  const s = streamOf(z);
  return s.mode === mode ? s : fail('not_initialized');
}

function formatOf(bits: number): Format {
  if (bits < 0) return 'raw';
  if (bits >= 32) return 'auto';
  return bits >= 16 ? 'gzip' : 'zlib';
}

function reset(s: Stream): void {
  s.input = [];
  s.pending = [];
  s.headerSent = false;
  s.finished = false;
}

function init(z: Term, mode: 'deflate' | 'inflate', level: number, bits: Term, eos: number): Term {
  // As zlib.c: only a fresh stream (not one in use, nor a closed one) can be initialised.
  const s = (z instanceof Ref ? streams.get(z) : undefined) ?? badarg();
  if (s.mode !== 'none' || s.closed) return fail('already_initialized');
  s.mode = mode;
  s.level = level === -1 ? 6 : level;
  s.format = formatOf(bits as number);
  s.eos = eos;
  reset(s);
  return 'ok';
}

function end(z: Term, mode: 'deflate' | 'inflate'): Term {
  const s = inMode(z, mode);
  const unfinished = mode === 'inflate' && s.input.some((b) => b.length > 0);
  s.mode = 'none';
  reset(s);
  return unfinished ? fail('data_error') : 'ok';
}

/** enqueue_nif: take the whole iovec (a list of binaries). */
function enqueue(z: Term, iovec: Term): Term {
  const s = streamOf(z);
  if (s.mode === 'none') return fail('not_initialized');
  for (let l = iovec; l !== undefined && typeof l === 'object' && 'hd' in l; l = (l as { tl: Term }).tl) {
    const b = (l as { hd: Term }).hd;
    if (!(b instanceof BitString && b.isBinary)) return badarg();
    if (!(s.finished && s.mode === 'inflate')) s.input.push(b.bytes.slice());
  }
  return 'ok';
}

function takeInput(s: Stream): Uint8Array {
  const all = concatBytes(s.input);
  s.input = [];
  return all;
}

/** Hand out pending output one chunk per call, as zlib.erl's loop expects. */
function nextChunk(s: Stream, chunkSize: number): Term {
  const first = s.pending.shift();
  if (first === undefined) return ['finished', list([])];
  if (first.length > chunkSize) {
    s.pending.unshift(first.subarray(chunkSize));
    return ['continue', list([binary(first.subarray(0, chunkSize))])];
  }
  return [s.pending.length > 0 ? 'continue' : 'finished', list([binary(first)])];
}

// ---- deflate ---------------------------------------------------------------

const ZLIB_HEADER: Record<number, number[]> = { 0: [0x78, 0x01], 1: [0x78, 0x01], 6: [0x78, 0x9c], 7: [0x78, 0xda], 8: [0x78, 0xda], 9: [0x78, 0xda] };

function header(s: Stream): Uint8Array {
  if (s.format === 'raw') return new Uint8Array(0);
  if (s.format === 'gzip') {
    const xfl = s.level === 9 ? 2 : s.level < 2 ? 4 : 0;
    return Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3);
  }
  return Uint8Array.from(ZLIB_HEADER[s.level] ?? [0x78, 0x5e]);
}

const be32 = (x: number): number[] => [x >>> 24, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff];
const le32 = (x: number): number[] => [x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, x >>> 24];

function trailer(s: Stream, data: Uint8Array): Uint8Array {
  if (s.format === 'raw') return new Uint8Array(0);
  if (s.format === 'gzip') return Uint8Array.from([...le32(crc32(data)), ...le32(data.length >>> 0)]);
  return Uint8Array.from(be32(adler32(data)));
}

/** deflate_nif(Z, InChunk, OutChunk, Flush): Flush 4 is finish. */
function deflateChunk(z: Term, outChunk: Term, flush: Term): Term {
  const s = inMode(z, 'deflate');
  if (s.pending.length === 0) {
    const parts: Uint8Array[] = [];
    if (!s.headerSent) {
      s.headerSent = true;
      parts.push(header(s));
    }
    if (flush === 4 && !s.finished) {
      const data = takeInput(s);
      parts.push(rawDeflate(data, s.level), trailer(s, data));
      s.finished = true;
    }
    // One buffer, cut into zlib.erl's output chunks as zlib's own output buffer is.
    const out = concatBytes(parts);
    if (out.length > 0) s.pending.push(out);
  }
  return nextChunk(s, outChunk as number);
}

// ---- inflate ---------------------------------------------------------------

class Truncated extends Error {}

/** Skip a gzip member header (RFC 1952): the offset of its deflate data. */
function gzipHeader(b: Uint8Array, at: number): number {
  const need = (n: number): void => {
    if (n > b.length) throw new Truncated();
  };
  need(at + 10);
  if (b[at] !== 0x1f || b[at + 1] !== 0x8b || b[at + 2] !== 8) fail('data_error');
  const flg = b[at + 3]!;
  let i = at + 10;
  if (flg & 4) {
    need(i + 2);
    i += 2 + (b[i]! | (b[i + 1]! << 8));
  }
  for (const bit of [8, 16]) {
    if (flg & bit) {
      while (true) {
        need(i + 1);
        if (b[i++] === 0) break;
      }
    }
  }
  if (flg & 2) i += 2;
  need(i);
  return i;
}

/** Decode one member at `at`; returns its data and where it ends. */
function inflateMember(s: Stream, b: Uint8Array, at: number): { data: Uint8Array; end: number } {
  let fmt = s.format;
  if (fmt === 'auto') fmt = b[at] === 0x1f ? 'gzip' : 'zlib';
  let start = at;
  if (fmt === 'zlib') {
    if (at + 2 > b.length) throw new Truncated();
    if ((b[at]! & 0x0f) !== 8 || ((b[at]! << 8) | b[at + 1]!) % 31 !== 0) fail('data_error');
    if (b[at + 1]! & 0x20) fail('not_supported');
    start = at + 2;
  } else if (fmt === 'gzip') start = gzipHeader(b, at);
  let res: { data: Uint8Array; end: number };
  try {
    res = rawInflate(b, start);
  } catch (e) {
    if (e instanceof InflateError && e.message.startsWith('unexpected end')) throw new Truncated();
    if (e instanceof InflateError) return fail('data_error');
    throw e;
  }
  const t = res.end;
  const tl = fmt === 'raw' ? 0 : fmt === 'zlib' ? 4 : 8;
  if (t + tl > b.length) throw new Truncated();
  const word = (k: number, le: boolean): number => (le
    ? (b[k]! | (b[k + 1]! << 8) | (b[k + 2]! << 16) | (b[k + 3]! << 24)) >>> 0
    : ((b[k]! << 24) | (b[k + 1]! << 16) | (b[k + 2]! << 8) | b[k + 3]!) >>> 0);
  if (fmt === 'zlib' && word(t, false) !== adler32(res.data)) fail('data_error');
  if (fmt === 'gzip' && (word(t, true) !== crc32(res.data) || word(t + 4, true) !== res.data.length >>> 0)) fail('data_error');
  return { data: res.data, end: t + tl };
}

function inflateChunk(z: Term, outChunk: Term): Term {
  const s = inMode(z, 'inflate');
  if (s.pending.length === 0 && !s.finished && s.input.length > 0) {
    const b = takeInput(s);
    let at = 0;
    try {
      for (;;) {
        const m = inflateMember(s, b, at);
        s.pending.push(m.data);
        at = m.end;
        // cut: ignore what follows; reset: a next member may follow, now or later.
        if (s.eos === 2) s.finished = true;
        if (at >= b.length || s.eos === 2) break;
        if (s.eos === 0) fail('data_error');
      }
    } catch (e) {
      if (!(e instanceof Truncated)) throw e;
      // Not all in yet: keep the undecoded rest for the next call.
      s.input = [b.subarray(at)];
    }
  }
  return nextChunk(s, outChunk as number);
}

// ---- zlib.erl's glue ------------------------------------------------------

const LEVELS: Record<string, number> = { none: 0, best_speed: 1, best_compression: 9, default: -1 };
const FLUSH: Record<string, number> = { none: 0, sync: 2, full: 3, finish: 4 };
const STRATEGIES = new Set(['filtered', 'huffman_only', 'rle', 'default']);
const EOS: Record<string, number> = { error: 0, reset: 1, cut: 2 };

function argLevel(t: Term): number {
  if (typeof t === 'string' && t in LEVELS) return LEVELS[t]!;
  return typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= 9 ? t : fail('bad_compression_level');
}

function argBits(t: Term): number {
  const ok = typeof t === 'number' && Number.isInteger(t) && ((t >= 8 && t < 48) || (t >= -15 && t <= -8));
  return ok ? t : fail('bad_windowbits');
}

function argFlush(t: Term): number {
  return typeof t === 'string' && t in FLUSH ? FLUSH[t]! : fail('bad_flush_mode');
}

function deflateInit(z: Term, level: Term, method: Term, bits: Term, mem: Term, strategy: Term): Term {
  const l = argLevel(level);
  if (method !== 'deflated') return fail('bad_compression_method');
  const b = argBits(bits);
  if (typeof mem !== 'number' || !Number.isInteger(mem) || mem < 1 || mem > 9) return fail('bad_memlevel');
  if (typeof strategy !== 'string' || !STRATEGIES.has(strategy)) return fail('bad_compression_strategy');
  return init(z, 'deflate', l, b, 2);
}

function inflateInit(z: Term, bits: Term, eos: Term): Term {
  const b = argBits(bits);
  const e = typeof eos === 'string' && eos in EOS ? EOS[eos]! : fail('bad_eos_behavior');
  return init(z, 'inflate', 6, b, e);
}

/** enqueue_input/2: the data as an iovec (badarg for non-iodata), into the stream. */
function enqueueInput(z: Term, data: Term): void {
  let bytes: Uint8Array;
  try {
    bytes = iolistToBinary(data).bytes;
  } catch {
    return badarg();
  }
  // An empty iovec never reaches the NIF (so no not_initialized for it).
  if (bytes.length > 0) enqueue(z, list([binary(bytes)]));
}

/** append_iolist/2 of zlib.erl, so results nest exactly as on erl. */
function appendIolist(io: Term, d: Term): Term {
  if (io === NIL) return d instanceof Cons || d === NIL ? d : list([d]);
  if (d === NIL) return io;
  if (d instanceof Cons && d.tl === NIL) return list([io, d.hd]);
  return list([io, d]);
}

/** dequeue_all_chunks/2: call a chunk function until it says `finished`. */
function collect(next: () => Term): Term {
  let out: Term = NIL;
  for (;;) {
    const [mark, chunk] = next() as [string, Term];
    out = appendIolist(out, chunk);
    if (mark === 'finished') return out;
  }
}

const DEFLATE_OUT = 8 << 10;
const INFLATE_OUT = 16 << 10;

function deflate(z: Term, data: Term, flush: Term): Term {
  enqueueInput(z, data);
  const f = argFlush(flush);
  return collect(() => deflateChunk(z, DEFLATE_OUT, f));
}

function inflate(z: Term, data: Term): Term {
  enqueueInput(z, data);
  return collect(() => inflateChunk(z, INFLATE_OUT));
}

/** inflateChunk/1: one buffer's worth; `{more, Flat}` while output remains. */
function inflateBuffered(z: Term): Term {
  const [mark, out] = inflateChunk(z, streamOf(z).bufSize) as [string, Term];
  return mark === 'continue' ? ['more', out] : out;
}

function setBufSize(z: Term, size: Term): Term {
  if (!isInteger(size) || typeof size !== 'number' || size <= 16 || size >= 2 ** 24) return badarg();
  streamOf(z).bufSize = size;
  return 'ok';
}

/** compress/zip/gzip: one stream, deflate everything with finish. */
function oneShotDeflate(p: never, data: Term, bits: number): Term {
  const z = open(p);
  try {
    deflateInit(z, 'default', 'deflated', bits, 8, 'default');
    const out = deflate(z, data, 'finish');
    end(z, 'deflate');
    return binary(iolistToBinary(out).bytes);
  } finally {
    streamOf(z).closed = true;
  }
}

function oneShotInflate(p: never, data: Term, bits: number, eos: string): Term {
  const z = open(p);
  try {
    inflateInit(z, bits, eos);
    const out = inflate(z, data);
    end(z, 'inflate');
    return binary(iolistToBinary(out).bytes);
  } finally {
    streamOf(z).closed = true;
  }
}

/** uncompress/1: too short to be a zlib stream is data_error; non-iodata badarg. */
function uncompress(p: never, data: Term): Term {
  let size: number;
  try {
    size = iolistToBinary(data).bytes.length;
  } catch {
    return badarg();
  }
  return size >= 8 ? oneShotInflate(p, data, 15, 'cut') : fail('data_error');
}

const close = (z: Term): Term => {
  streamOf(z).closed = true;
  return 'ok';
};

export const zlibBifs: Map<string, Bif> = bifTable([
  ['open/0', (p) => open(p)],
  ['close/1', (_p, z) => close(z)],
  ['set_controlling_process/2', (_p, z) => (streamOf(z), 'ok')],
  ['deflateInit/1', (_p, z) => deflateInit(z, 'default', 'deflated', 15, 8, 'default')],
  ['deflateInit/2', (_p, z, l) => deflateInit(z, l, 'deflated', 15, 8, 'default')],
  ['deflateInit/6', (_p, z, l, m, b, mem, s) => deflateInit(z, l, m, b, mem, s)],
  ['deflateSetDictionary/2', (_p, z) => (streamOf(z), fail('not_supported'))],
  ['deflateReset/1', (_p, z) => (reset(inMode(z, 'deflate')), 'ok')],
  ['deflateParams/3', (_p, z, level, strategy) => {
    const l = argLevel(level);
    if (typeof strategy !== 'string' || !STRATEGIES.has(strategy)) return fail('bad_compression_strategy');
    inMode(z, 'deflate').level = l === -1 ? 6 : l;
    return 'ok';
  }],
  ['deflate/2', (_p, z, d) => deflate(z, d, 'none')],
  ['deflate/3', (_p, z, d, f) => deflate(z, d, f)],
  ['deflateEnd/1', (_p, z) => end(z, 'deflate')],
  ['inflateInit/1', (_p, z) => inflateInit(z, 15, 'cut')],
  ['inflateInit/2', (_p, z, b) => inflateInit(z, b, 'cut')],
  ['inflateInit/3', (_p, z, b, e) => inflateInit(z, b, e)],
  ['inflateSetDictionary/2', (_p, z) => (streamOf(z), fail('not_supported'))],
  ['inflateGetDictionary/1', (_p, z) => (streamOf(z), fail('enotsup'))],
  ['inflateReset/1', (_p, z) => (reset(inMode(z, 'inflate')), 'ok')],
  ['inflate/2', (_p, z, d) => inflate(z, d)],
  ['inflate/3', (_p, z, d) => inflate(z, d)],
  ['inflateChunk/1', (_p, z) => inflateBuffered(z)],
  ['inflateChunk/2', (_p, z, d) => (enqueueInput(z, d), inflateBuffered(z))],
  ['safeInflate/2', (_p, z, d) => (enqueueInput(z, d), inflateChunk(z, INFLATE_OUT))],
  ['inflateEnd/1', (_p, z) => end(z, 'inflate')],
  ['setBufSize/2', (_p, z, n) => setBufSize(z, n)],
  ['getBufSize/1', (_p, z) => streamOf(z).bufSize],
  ['crc32/1', (_p, z) => (streamOf(z), 0)],
  ['compress/1', (p, d) => oneShotDeflate(p as never, d, 15)],
  ['uncompress/1', (p, d) => uncompress(p as never, d)],
  ['zip/1', (p, d) => oneShotDeflate(p as never, d, -15)],
  ['unzip/1', (p, d) => oneShotInflate(p as never, d, -15, 'cut')],
  ['gzip/1', (p, d) => oneShotDeflate(p as never, d, 31)],
  ['gunzip/1', (p, d) => oneShotInflate(p as never, d, 31, 'reset')],
]);
