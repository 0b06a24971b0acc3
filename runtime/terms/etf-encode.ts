/**
 * `term_to_binary` without the version byte and compression: the encoding of
 * one term exactly as OTP 25's `enc_term_int` (erts/emulator/beam/external.c)
 * writes it with the flags of `term_to_binary/1,2`.
 *
 * Tag choices that are easy to get wrong (all measured on OTP 25.2.3):
 * - atoms: with minor_version 0 or 1 (1 is the default) an atom whose characters
 *   are all Latin-1 is ATOM_EXT (never SMALL_ATOM_EXT) with Latin-1 bytes; other
 *   atoms, and every atom with minor_version 2, are SMALL_ATOM_UTF8_EXT, or
 *   ATOM_UTF8_EXT above 255 bytes;
 * - a proper list of at most 65535 integers 0..255 is STRING_EXT;
 * - integers: 0..255 SMALL_INTEGER_EXT, other signed 32-bit INTEGER_EXT, else
 *   SMALL_BIG_EXT (< 256 bytes of magnitude) or LARGE_BIG_EXT;
 * - floats: NEW_FLOAT_EXT, or FLOAT_EXT (`%.20e` text) with minor_version 0;
 * - pids NEW_PID_EXT, refs NEWER_REFERENCE_EXT, ports NEW_PORT_EXT or, from
 *   port number 2^28 on, V4_PORT_EXT; funs NEW_FUN_EXT / EXPORT_EXT;
 * - maps: the map's iteration order, or with `deterministic` the map-key order.
 *
 * Nesting is handled with an explicit stack, so depth costs heap, not JS stack.
 */
import { sortedEntries } from './compare.js';
import { NotATermError } from './errors.js';
import { floatToListDefault } from './float.js';
import {
  ATOM_EXT, ATOM_UTF8_EXT, BINARY_EXT, BIT_BINARY_EXT, EXPORT_EXT, FLOAT_EXT, INTEGER_EXT,
  LARGE_BIG_EXT, LARGE_TUPLE_EXT, LIST_EXT, MAP_EXT, MAX_STRING_LEN, NEW_FLOAT_EXT, NEW_FUN_EXT,
  NEW_PID_EXT, NEW_PORT_EXT, NEWER_REFERENCE_EXT, NIL_EXT, SMALL_ATOM_UTF8_EXT, SMALL_BIG_EXT,
  SMALL_INTEGER_EXT, SMALL_TUPLE_EXT, STRING_EXT, V4_PORT_EXT,
} from './etf-common.js';
import {
  BitString, Cons, ErlFloat, ExportFun, Fun, NIL, Pid, Port, Ref, type Atom, type ErlMapLike, type Term,
} from './types.js';

export interface EncodeFlags {
  /** minor_version 0: floats as FLOAT_EXT text. */
  oldFloats: boolean;
  /** minor_version 2: every atom as UTF-8. */
  utf8Atoms: boolean;
  /** Maps in map-key order. */
  deterministic: boolean;
}

/** Markers on the work stack; they are not terms, so they cannot be confused with one. */
const LIST_REST = { op: 'list-rest' };
const PATCH_FUN_SIZE = { op: 'patch-fun-size' };

/** A growable byte buffer with big-endian writers. */
class Writer {
  buf = new Uint8Array(256);
  len = 0;

  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  u8(v: number): void {
    this.ensure(1);
    this.buf[this.len++] = v;
  }
  u16(v: number): void {
    this.ensure(2);
    this.buf[this.len++] = v >>> 8;
    this.buf[this.len++] = v & 0xff;
  }
  u32(v: number): void {
    this.ensure(4);
    this.put32(this.len, v);
    this.len += 4;
  }
  put32(at: number, v: number): void {
    this.buf[at] = v >>> 24;
    this.buf[at + 1] = (v >>> 16) & 0xff;
    this.buf[at + 2] = (v >>> 8) & 0xff;
    this.buf[at + 3] = v & 0xff;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
}

export function encodeBody(t: Term, flags: EncodeFlags): Uint8Array {
  const w = new Writer();
  const stack: unknown[] = [t];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === LIST_REST) {
      const cell = stack.pop() as Cons;
      const tl = cell.tl;
      if (tl instanceof Cons) stack.push(tl, LIST_REST);
      else stack.push(tl);
      stack.push(cell.hd);
    } else if (item === PATCH_FUN_SIZE) {
      const at = stack.pop() as number;
      w.put32(at, w.len - at);
    } else {
      encodeOne(w, item as Term, flags, stack);
    }
  }
  return w.buf.slice(0, w.len);
}

/** Write one term's header; push what remains of it (elements) onto `stack`. */
function encodeOne(w: Writer, t: Term, flags: EncodeFlags, stack: unknown[]): void {
  switch (typeof t) {
    case 'number':
      if (!Number.isInteger(t)) throw new NotATermError(t);
      return encodeInteger(w, t);
    case 'bigint':
      return encodeInteger(w, t);
    case 'string':
      return encodeAtom(w, t, flags.utf8Atoms);
  }
  if (t === NIL) return w.u8(NIL_EXT);
  if (t instanceof Cons) return encodeList(w, t, stack);
  if (Array.isArray(t)) {
    if (t.length <= 0xff) {
      w.u8(SMALL_TUPLE_EXT);
      w.u8(t.length);
    } else {
      w.u8(LARGE_TUPLE_EXT);
      w.u32(t.length);
    }
    for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]);
    return;
  }
  if (t instanceof ErlFloat) return encodeFloat(w, t.value, flags.oldFloats);
  if (t instanceof BitString) return encodeBits(w, t);
  if (t instanceof Pid) {
    w.u8(NEW_PID_EXT);
    encodeAtom(w, t.node, flags.utf8Atoms);
    w.u32(t.id);
    w.u32(t.serial);
    return w.u32(t.creation);
  }
  if (t instanceof Port) return encodePort(w, t, flags);
  if (t instanceof Ref) {
    w.u8(NEWER_REFERENCE_EXT);
    w.u16(t.ids.length);
    encodeAtom(w, t.node, flags.utf8Atoms);
    w.u32(t.creation);
    for (const id of t.ids) w.u32(id);
    return;
  }
  if (t instanceof ExportFun) {
    w.u8(EXPORT_EXT);
    encodeAtom(w, t.module, flags.utf8Atoms);
    encodeAtom(w, t.name, flags.utf8Atoms);
    return encodeInteger(w, t.arity);
  }
  if (t instanceof Fun) return encodeFun(w, t, flags, stack);
  if (typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true) {
    return encodeMap(w, t as ErlMapLike, flags, stack);
  }
  throw new NotATermError(t);
}

function encodeList(w: Writer, l: Cons, stack: unknown[]): void {
  let len = 0;
  let isString = true;
  let t: Term = l;
  for (; t instanceof Cons; t = t.tl) {
    const hd = t.hd;
    if (isString && !(typeof hd === 'number' && hd >= 0 && hd <= 255 && Number.isInteger(hd))) isString = false;
    len++;
  }
  if (isString && t === NIL && len <= MAX_STRING_LEN) {
    w.u8(STRING_EXT);
    w.u16(len);
    w.ensure(len);
    for (let c: Term = l; c instanceof Cons; c = c.tl) w.buf[w.len++] = c.hd as number;
    return;
  }
  w.u8(LIST_EXT);
  w.u32(len);
  stack.push(l, LIST_REST);
}

function encodeInteger(w: Writer, n: number | bigint): void {
  if (typeof n === 'bigint' && n >= -0x80000000n && n <= 0x7fffffffn) n = Number(n);
  if (typeof n === 'number') {
    if (n >= 0 && n <= 255) {
      w.u8(SMALL_INTEGER_EXT);
      return w.u8(n);
    }
    if (n >= -0x80000000 && n <= 0x7fffffff) {
      w.u8(INTEGER_EXT);
      return w.u32(n >>> 0);
    }
  }
  const neg = n < 0;
  const mag = typeof n === 'number' ? smallMagnitudeBytes(Math.abs(n)) : magnitudeBytes(neg ? -n : n);
  if (mag.length < 256) {
    w.u8(SMALL_BIG_EXT);
    w.u8(mag.length);
  } else {
    w.u8(LARGE_BIG_EXT);
    w.u32(mag.length);
  }
  w.u8(neg ? 1 : 0);
  w.bytes(mag);
}

/** Little-endian bytes of a positive safe integer, without leading zero bytes. */
function smallMagnitudeBytes(m: number): Uint8Array {
  const out: number[] = [];
  for (; m > 0; m = Math.floor(m / 256)) out.push(m % 256);
  return Uint8Array.from(out);
}

/** Little-endian bytes of a positive bigint, without leading zero bytes. */
function magnitudeBytes(m: bigint): Uint8Array {
  let hex = m.toString(16);
  if (hex.length & 1) hex = '0' + hex;
  const n = hex.length >> 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[n - 1 - i] = parseInt(hex.substr(2 * i, 2), 16);
  return out;
}

const FLOAT_SCRATCH = new DataView(new ArrayBuffer(8));

function encodeFloat(w: Writer, x: number, oldFloats: boolean): void {
  if (oldFloats) {
    w.u8(FLOAT_EXT);
    const text = floatToListDefault(x);
    w.ensure(31);
    for (let i = 0; i < 31; i++) w.buf[w.len + i] = i < text.length ? text.charCodeAt(i) : 0;
    w.len += 31;
    return;
  }
  w.u8(NEW_FLOAT_EXT);
  FLOAT_SCRATCH.setFloat64(0, x);
  w.ensure(8);
  for (let i = 0; i < 8; i++) w.buf[w.len++] = FLOAT_SCRATCH.getUint8(i);
}

/** ATOM_EXT for Latin-1 atoms unless `utf8`; otherwise the UTF-8 tags. */
function encodeAtom(w: Writer, a: Atom, utf8: boolean): void {
  let latin1 = true;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) > 0xff) {
      latin1 = false;
      break;
    }
  }
  if (latin1 && !utf8) {
    w.u8(ATOM_EXT);
    w.u16(a.length);
    w.ensure(a.length);
    for (let i = 0; i < a.length; i++) w.buf[w.len++] = a.charCodeAt(i);
    return;
  }
  const bytes = utf8Bytes(a);
  if (bytes.length > 255) {
    w.u8(ATOM_UTF8_EXT);
    w.u16(bytes.length);
  } else {
    w.u8(SMALL_ATOM_UTF8_EXT);
    w.u8(bytes.length);
  }
  w.bytes(bytes);
}

const TEXT_ENCODER = new TextEncoder();

function utf8Bytes(a: Atom): Uint8Array {
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) >= 0x80) return TEXT_ENCODER.encode(a);
  }
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a.charCodeAt(i);
  return out;
}

function encodeBits(w: Writer, b: BitString): void {
  const rest = b.bitSize & 7;
  const n = (b.bitSize + 7) >>> 3;
  if (rest === 0) {
    w.u8(BINARY_EXT);
    w.u32(n);
  } else {
    w.u8(BIT_BINARY_EXT);
    w.u32(n);
    w.u8(rest);
  }
  w.ensure(n);
  const src = b.bytes;
  if (n < 64) {
    for (let i = 0; i < n; i++) w.buf[w.len + i] = src[i]!;
  } else {
    w.buf.set(n === src.length ? src : src.subarray(0, n), w.len);
  }
  w.len += n;
  if (rest === 0) return;
  // The unused low bits of the last byte are zero in the encoding.
  w.buf[w.len - 1] &= (0xff << (8 - rest)) & 0xff;
}

/** Port numbers above 28 bits (the old local limit) need the 64-bit V4 form. */
const MAX_V3_PORT_NUMBER = 2 ** 28 - 1;

function encodePort(w: Writer, p: Port, flags: EncodeFlags): void {
  if (p.id <= MAX_V3_PORT_NUMBER) {
    w.u8(NEW_PORT_EXT);
    encodeAtom(w, p.node, flags.utf8Atoms);
    w.u32(p.id);
  } else {
    w.u8(V4_PORT_EXT);
    encodeAtom(w, p.node, flags.utf8Atoms);
    w.u32(Math.floor(p.id / 0x100000000));
    w.u32(p.id % 0x100000000);
  }
  w.u32(p.creation);
}

function encodeFun(w: Writer, f: Fun, flags: EncodeFlags, stack: unknown[]): void {
  w.u8(NEW_FUN_EXT);
  const sizeAt = w.len;
  w.u32(0); // total size, patched once the free variables are written
  w.u8(f.arity);
  const uniq = new Uint8Array(16);
  uniq.set(f.uniq.subarray(0, 16));
  w.bytes(uniq);
  w.u32(f.index);
  w.u32(f.env.length);
  encodeAtom(w, f.module, flags.utf8Atoms);
  // 32-bit fields on BEAM, written as signed 32-bit integers.
  encodeInteger(w, f.oldIndex | 0);
  encodeInteger(w, f.oldUniq | 0);
  encodeOne(w, f.pid, flags, stack);
  stack.push(sizeAt, PATCH_FUN_SIZE);
  for (let i = f.env.length - 1; i >= 0; i--) stack.push(f.env[i]);
}

function encodeMap(w: Writer, m: ErlMapLike, flags: EncodeFlags, stack: unknown[]): void {
  w.u8(MAP_EXT);
  w.u32(m.size);
  const es = flags.deterministic ? sortedEntries(m) : Array.from(m.entries());
  for (let i = es.length - 1; i >= 0; i--) stack.push(es[i]![1], es[i]![0]);
}
