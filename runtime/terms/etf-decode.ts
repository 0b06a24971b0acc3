/**
 * `binary_to_term` of an uncompressed term body: OTP 25's `dec_term` and
 * `decoded_size` (erts/emulator/beam/external.c), with the same acceptance
 * rules. Everything BEAM rejects is an `EtfError` naming the problem and the
 * byte offset; nothing else is thrown.
 *
 * Rules checked against OTP 25.2.3 (each is in test/terms/etf.test.ts):
 * - atoms: Latin-1 tags at most 255 bytes; UTF-8 tags valid UTF-8 (no overlong
 *   forms, no surrogates) of at most 255 characters; ATOM_CACHE_REF is for
 *   distribution only;
 * - bignums: the sign byte is negative when non-zero, leading zero bytes are
 *   dropped, at most 8 * (2^19 - 1) bytes;
 * - BIT_BINARY_EXT: 1..8 bits in the last byte, or 0 for an empty binary; the
 *   unused bits of the last byte are dropped;
 * - LIST_EXT of length 0 is just its tail; STRING_EXT is a list of bytes;
 * - floats must be finite; FLOAT_EXT text must look like `[+-]d+.d+[e[+-]d+]`;
 * - pids, ports and refs of this node (`etfConfig.localNode` with this node's
 *   creation or creation 0) have BEAM's local limits: pid number < 2^15 and
 *   serial < 2^13, port number < 2^28, at most 3 ref words whose first is
 *   < 2^18 (padded to 3 words); old tags' one-byte creations are at most 3;
 *   other nodes' refs have up to 5 words (0 words: see `ref`);
 * - EXPORT_EXT arity and NEW_FUN_EXT old index/uniq must be small integers;
 *   NEW_FUN_EXT has at most 255 free variables and its size field is ignored;
 * - maps with duplicate keys are rejected; FUN_EXT (pre-OTP 23) is rejected.
 *
 * Deviations (documented): a fun whose creator is not a pid and a V4 port
 * number above 2^53 are rejected, as the term types cannot hold them; a
 * FLOAT_EXT text of 31 bytes without a NUL is read as those 31 bytes, and a
 * 0-word reference at the very end of the data is an error (in both cases BEAM
 * reads on past the end of its buffer, so its verdict depends on memory).
 *
 * Nesting uses an explicit stack of frames, so a million-deep list decodes.
 */
import {
  ATOM_CACHE_REF, ATOM_EXT, ATOM_UTF8_EXT, BINARY_EXT, BIT_BINARY_EXT, EXPORT_EXT, EtfError,
  FLOAT_EXT, INTEGER_EXT, LARGE_BIG_EXT, LARGE_TUPLE_EXT, LIST_EXT, MAP_EXT, MAX_ATOM_CHARACTERS,
  MAX_ATOM_SZ_LIMIT, MAX_BIG_BYTES, MAX_FUN_FREE, NEW_FLOAT_EXT, NEW_FUN_EXT, NEW_PID_EXT,
  NEW_PORT_EXT, NEW_REFERENCE_EXT, NEWER_REFERENCE_EXT, NIL_EXT, PID_EXT, PORT_EXT, REFERENCE_EXT,
  SMALL_ATOM_EXT, SMALL_ATOM_UTF8_EXT, SMALL_BIG_EXT, SMALL_INTEGER_EXT, SMALL_TUPLE_EXT,
  STRING_EXT, V4_PORT_EXT, etfConfig,
} from './etf-common.js';
import { EMPTY_MAP, mapFromEntries } from './map.js';
import {
  BitString, Cons, ErlFloat, ExportFun, Fun, NIL, Pid, Port, Ref, normInt, type Atom, type Int, type Term,
} from './types.js';

export interface DecodeOptions {
  /** Reject atoms and exports that do not exist yet (`binary_to_term(B, [safe])`). */
  safe: boolean;
  /** Words for error messages, e.g. "in the decompressed data". */
  where: string;
}

const PENDING: unique symbol = Symbol('pending');
type Step = Term | typeof PENDING;

/** The largest integer BEAM holds as a small on 64-bit machines. */
const MAX_SMALL = 2n ** 59n - 1n;
const MIN_SMALL = -(2n ** 59n);

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A compound term being filled in; `add` returns the term once complete. */
interface Frame {
  add(v: Term, d: Decoder): Step;
}

class TupleFrame implements Frame {
  readonly items: Term[] = [];
  constructor(private readonly n: number) {}
  add(v: Term): Step {
    this.items.push(v);
    return this.items.length === this.n ? this.items : PENDING;
  }
}

class ListFrame implements Frame {
  private readonly items: Term[] = [];
  constructor(private readonly n: number) {}
  add(v: Term): Step {
    if (this.items.length < this.n) {
      this.items.push(v);
      return PENDING;
    }
    let l = v; // the tail
    for (let i = this.items.length - 1; i >= 0; i--) l = new Cons(this.items[i]!, l);
    return l;
  }
}

class MapFrame implements Frame {
  private readonly kvs: [Term, Term][] = [];
  private key: Term | typeof PENDING = PENDING;
  constructor(
    private readonly n: number,
    private readonly at: number,
  ) {}
  add(v: Term, d: Decoder): Step {
    if (this.key === PENDING) {
      this.key = v;
      return PENDING;
    }
    this.kvs.push([this.key, v]);
    this.key = PENDING;
    if (this.kvs.length < this.n) return PENDING;
    const m = mapFromEntries(this.kvs);
    if (m.size !== this.n) d.fail('duplicate map key', this.at);
    return m;
  }
}

interface FunHeader {
  module: Atom;
  index: number;
  uniq: Uint8Array;
  oldIndex: number;
  oldUniq: number;
  arity: number;
  numFree: number;
  at: number;
}

class FunFrame implements Frame {
  private pid: Pid | undefined;
  private readonly env: Term[] = [];
  constructor(private readonly h: FunHeader) {}
  add(v: Term, d: Decoder): Step {
    if (this.pid === undefined) {
      if (!(v instanceof Pid)) d.fail('fun creator is not a pid', this.h.at);
      this.pid = v;
    } else {
      this.env.push(v);
    }
    if (this.env.length < this.h.numFree) return PENDING;
    const h = this.h;
    return new Fun(h.module, h.index, h.uniq, h.oldIndex, h.oldUniq, h.arity, this.env, this.pid);
  }
}

export class Decoder {
  pos: number;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly opts: DecodeOptions,
  ) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(what: string, at = this.pos): never {
    throw new EtfError(this.opts.where ? `${what} ${this.opts.where}` : what, at);
  }

  /** Decode one term at `pos`, leaving `pos` just after it. */
  decode(): Term {
    const stack: Frame[] = [];
    for (;;) {
      let v = this.step(stack);
      if (v === PENDING) continue;
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) return v;
        const r: Step = top.add(v, this);
        if (r === PENDING) break;
        stack.pop();
        v = r;
      }
    }
  }

  private need(n: number): void {
    if (n > this.bytes.length - this.pos) this.fail('unexpected end of data');
  }
  private u8(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }
  private u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  private u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  private take(n: number): Uint8Array {
    this.need(n);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /** Read one tag; return a finished term, or push a frame and return PENDING. */
  private step(stack: Frame[]): Step {
    const at = this.pos;
    const tag = this.u8();
    switch (tag) {
      case SMALL_INTEGER_EXT:
        return this.u8();
      case INTEGER_EXT:
        this.need(4);
        this.pos += 4;
        return this.view.getInt32(at + 1);
      case SMALL_BIG_EXT:
        return this.big(this.u8(), at);
      case LARGE_BIG_EXT:
        return this.big(this.u32(), at);
      case ATOM_EXT:
      case SMALL_ATOM_EXT:
      case ATOM_UTF8_EXT:
      case SMALL_ATOM_UTF8_EXT:
        this.pos = at;
        return this.atom();
      case SMALL_TUPLE_EXT:
      case LARGE_TUPLE_EXT: {
        const n = tag === SMALL_TUPLE_EXT ? this.u8() : this.u32();
        return this.container(stack, new TupleFrame(n), n, []);
      }
      case NIL_EXT:
        return NIL;
      case STRING_EXT:
        return this.string();
      case LIST_EXT: {
        const n = this.u32();
        // A zero-length LIST_EXT is its tail alone (BEAM decodes it so).
        return n === 0 ? PENDING : this.container(stack, new ListFrame(n), n, PENDING);
      }
      case BINARY_EXT: {
        const n = this.u32();
        this.need(n);
        this.pos += n;
        return new BitString(this.bytes.slice(this.pos - n, this.pos), n * 8);
      }
      case BIT_BINARY_EXT:
        return this.bitBinary(at);
      case NEW_FLOAT_EXT: {
        this.need(8);
        this.pos += 8;
        const x = this.view.getFloat64(at + 1);
        if (!Number.isFinite(x)) this.fail('float is not finite', at);
        return new ErlFloat(x);
      }
      case FLOAT_EXT:
        return this.oldFloat(at);
      case MAP_EXT: {
        const n = this.u32();
        return this.container(stack, new MapFrame(n, at), 2 * n, EMPTY_MAP);
      }
      case NEW_PID_EXT:
      case PID_EXT:
        return this.pid(tag, at);
      case NEW_PORT_EXT:
      case PORT_EXT:
      case V4_PORT_EXT:
        return this.port(tag, at);
      case NEWER_REFERENCE_EXT:
      case NEW_REFERENCE_EXT:
      case REFERENCE_EXT:
        return this.ref(tag, at);
      case EXPORT_EXT:
        return this.exportFun(at);
      case NEW_FUN_EXT:
        return this.fun(stack, at);
      case ATOM_CACHE_REF:
        return this.fail('ATOM_CACHE_REF outside distribution', at);
      default:
        return this.fail(`unknown tag ${tag}`, at);
    }
  }

  /**
   * Push `frame` for a compound of `minTerms` sub-terms (each at least one
   * byte, which bounds a hostile length before anything is allocated), or
   * return `empty` when there are none.
   */
  private container(stack: Frame[], frame: Frame, minTerms: number, empty: Step): Step {
    if (minTerms === 0) return empty;
    this.need(minTerms);
    stack.push(frame);
    return PENDING;
  }

  private big(n: number, at: number): Int {
    if (n > MAX_BIG_BYTES) this.fail('bignum too large', at);
    const neg = this.u8() !== 0;
    const mag = this.take(n);
    let top = n - 1;
    while (top >= 0 && mag[top] === 0) top--;
    if (top < 0) return 0;
    if (top < 6) {
      let v = 0;
      for (let i = top; i >= 0; i--) v = v * 256 + mag[i]!;
      return neg ? -v : v;
    }
    let hex = '';
    for (let i = top; i >= 0; i--) hex += (mag[i]! < 16 ? '0' : '') + mag[i]!.toString(16);
    const m = BigInt('0x' + hex);
    return normInt(neg ? -m : m);
  }

  /** An atom term (any of the four atom tags) at `pos`. */
  atom(): Atom {
    const at = this.pos;
    const tag = this.u8();
    let a: Atom;
    if (tag === ATOM_EXT || tag === SMALL_ATOM_EXT) {
      const n = tag === ATOM_EXT ? this.u16() : this.u8();
      if (n > MAX_ATOM_CHARACTERS) this.fail('atom too long', at);
      const b = this.take(n);
      a = latin1(b);
    } else if (tag === ATOM_UTF8_EXT || tag === SMALL_ATOM_UTF8_EXT) {
      const n = tag === ATOM_UTF8_EXT ? this.u16() : this.u8();
      if (n > MAX_ATOM_SZ_LIMIT) this.fail('atom too long', at);
      a = this.utf8Atom(this.take(n), at);
    } else if (tag === ATOM_CACHE_REF) {
      return this.fail('ATOM_CACHE_REF outside distribution', at);
    } else {
      return this.fail(`expected an atom, found tag ${tag}`, at);
    }
    if (this.opts.safe && !etfConfig.atomExists(a)) this.fail(`unknown atom '${a}' (safe)`, at);
    return a;
  }

  private utf8Atom(b: Uint8Array, at: number): Atom {
    let ascii = true;
    for (let i = 0; i < b.length; i++) {
      if (b[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      if (b.length > MAX_ATOM_CHARACTERS) this.fail('atom too long', at);
      return latin1(b);
    }
    let s: string;
    try {
      s = UTF8.decode(b);
    } catch {
      return this.fail('atom is not valid UTF-8', at);
    }
    let chars = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) chars++; // count a surrogate pair once
    }
    if (chars > MAX_ATOM_CHARACTERS) this.fail('atom too long', at);
    return s;
  }

  private string(): Term {
    const n = this.u16();
    const b = this.take(n);
    let l: Term = NIL;
    for (let i = n - 1; i >= 0; i--) l = new Cons(b[i]!, l);
    return l;
  }

  private bitBinary(at: number): BitString {
    const n = this.u32();
    const bits = this.u8();
    if ((bits === 0) !== (n === 0) || bits > 8) this.fail(`bad bit count ${bits}`, at);
    const data = this.take(n).slice();
    if (n === 0 || bits === 8) return new BitString(data, n * 8);
    data[n - 1] &= (0xff << (8 - bits)) & 0xff;
    return new BitString(data, (n - 1) * 8 + bits);
  }

  /** FLOAT_EXT: 31 bytes of `%.20e` text, NUL-padded, parsed as BEAM does. */
  private oldFloat(at: number): ErlFloat {
    const b = this.take(31);
    let end = b.indexOf(0);
    if (end < 0) end = 31;
    const text = latin1(b.subarray(0, end));
    if (!/^[+-]?[0-9]+[.,][0-9]+(?:[eE][+-]?[0-9]+)?$/.test(text)) this.fail('bad float text', at);
    const x = Number(text.replace(',', '.'));
    if (!Number.isFinite(x)) this.fail('float out of range', at);
    return new ErlFloat(x);
  }

  /** Node atom and creation: is this the local node? */
  private isLocal(node: Atom, creation: number): boolean {
    return node === etfConfig.localNode && (creation === etfConfig.localCreation || creation === 0);
  }

  /** The one-byte creation of the old tags (at most 3). */
  private oldCreation(at: number): number {
    const c = this.u8();
    if (c > 3) this.fail(`bad creation ${c}`, at);
    return c;
  }

  private pid(tag: number, at: number): Pid {
    const node = this.atom();
    const id = this.u32();
    const serial = this.u32();
    const creation = tag === PID_EXT ? this.oldCreation(at) : this.u32();
    if (!this.isLocal(node, creation)) return new Pid(id, serial, node, creation);
    if (id >= 1 << 15 || serial >= 1 << 13) this.fail('local pid out of range', at);
    return new Pid(id, serial, node, etfConfig.localCreation);
  }

  private port(tag: number, at: number): Port {
    const node = this.atom();
    let id: number;
    if (tag === V4_PORT_EXT) {
      const hi = this.u32();
      id = hi * 0x100000000 + this.u32();
      if (hi >= 1 << 21) this.fail('port number too large', at);
    } else {
      id = this.u32();
    }
    const creation = tag === PORT_EXT ? this.oldCreation(at) : this.u32();
    if (!this.isLocal(node, creation)) return new Port(id, node, creation);
    if (id >= 1 << 28) this.fail('local port out of range', at);
    return new Port(id, node, etfConfig.localCreation);
  }

  private ref(tag: number, at: number): Ref {
    const n = tag === REFERENCE_EXT ? 1 : this.u16();
    const node = this.atom();
    let creation: number;
    const ids: number[] = [];
    if (tag === REFERENCE_EXT) {
      ids.push(this.u32());
      creation = this.oldCreation(at);
    } else {
      creation = tag === NEW_REFERENCE_EXT ? this.oldCreation(at) : this.u32();
      if (n > 5) this.fail(`bad reference length ${n}`, at);
      this.need(4 * n);
      for (let i = 0; i < n; i++) ids.push(this.u32());
    }
    const local = this.isLocal(node, creation);
    // With no words OTP 25 still reads one (past the end of the data if need
    // be; here that is an error) and checks it, then makes a remote ref
    // without words, or this node's all-zero reference.
    const first = n === 0 ? this.u32() : ids[0]!;
    // Old tags, and this node's refs, have an 18-bit first word.
    if ((tag !== NEWER_REFERENCE_EXT || local) && first >= 1 << 18) this.fail('reference number out of range', at);
    if (!local) return new Ref(ids, node, creation);
    if (n > 3) this.fail('local reference too long', at);
    while (ids.length < 3) ids.push(0);
    return new Ref(ids, node, etfConfig.localCreation);
  }

  /** An integer term that must be a small (EXPORT_EXT arity, fun old index/uniq). */
  private small(what: string): number {
    const at = this.pos;
    const tag = this.u8();
    let v: Int;
    if (tag === SMALL_INTEGER_EXT) v = this.u8();
    else if (tag === INTEGER_EXT) {
      this.need(4);
      v = this.view.getInt32(this.pos);
      this.pos += 4;
    } else if (tag === SMALL_BIG_EXT) v = this.big(this.u8(), at);
    else if (tag === LARGE_BIG_EXT) v = this.big(this.u32(), at);
    else return this.fail(`${what} is not an integer`, at);
    if (typeof v === 'bigint' && (v > MAX_SMALL || v < MIN_SMALL)) this.fail(`${what} out of range`, at);
    return typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : v;
  }

  private exportFun(at: number): ExportFun {
    const module = this.atom();
    const name = this.atom();
    const arity = this.small('export arity');
    if (arity < 0) this.fail('negative export arity', at);
    if (this.opts.safe && !etfConfig.exportExists(module, name, arity)) {
      this.fail(`unknown export ${module}:${name}/${arity} (safe)`, at);
    }
    return new ExportFun(module, name, arity);
  }

  private fun(stack: Frame[], at: number): Step {
    this.u32(); // total size: BEAM does not check it either
    const arity = this.u8();
    const uniq = this.take(16).slice();
    const index = this.u32();
    const numFree = this.u32();
    if (numFree > MAX_FUN_FREE) this.fail('too many free variables', at);
    const module = this.atom();
    // BEAM keeps these in 32 bits and writes them back as signed 32-bit numbers.
    const oldIndex = toInt32(this.small('fun old index'));
    const oldUniq = toInt32(this.small('fun old uniq'));
    this.need(1 + numFree);
    stack.push(new FunFrame({ module, index, uniq, oldIndex, oldUniq, arity, numFree, at }));
    return PENDING;
  }
}

/** The low 32 bits of an integer below 2^59 in magnitude, as a signed number. */
function toInt32(v: number): number {
  return Number.isSafeInteger(v) ? v | 0 : Number(BigInt.asIntN(32, BigInt(v)));
}

function latin1(b: Uint8Array): string {
  if (b.length <= 64) {
    let s = '';
    for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
    return s;
  }
  let s = '';
  for (let i = 0; i < b.length; i += 4096) {
    s += String.fromCharCode.apply(null, Array.from(b.subarray(i, Math.min(b.length, i + 4096))));
  }
  return s;
}
