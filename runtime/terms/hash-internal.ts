/**
 * BEAM's VM-internal term hash (`make_internal_hash`, OTP 25 utils.c), which
 * places keys in the hash trie of large maps and so decides the order that
 * `maps:to_list/1`, `~w` and `term_to_binary/1` show for them.
 *
 * Unlike phash2 it hashes immediates by their raw tagged machine word (64-bit
 * emulator): a small integer N is `N << 4 | 0xF`, `[]` is `0x3B`, and an
 * atom is `Index << 6 | 0xB`, where Index is the atom's slot in the VM's atom
 * table. Atom indices are therefore part of the hash; see ./atom-index.ts.
 *
 * Not reproducible on BEAM (it hashes a memory address there): export funs and
 * pids/ports/refs of other nodes. For those we mix in their identifying fields
 * instead, which keeps the hash consistent with `=:=` but not BEAM's order.
 */
import {
  BitString,
  Cons,
  ErlFloat,
  ExportFun,
  Fun,
  NIL,
  Pid,
  Port,
  Ref,
  type ErlMapLike,
  type Term,
} from './types.js';
import { NotATermError } from './errors.js';
import { HCONST, HCONST_n, blockHash, constHash, floatWords, hash2, magnitudeWords } from './hash-mix.js';
import { atomIndex } from './atom-index.js';

export { atomIndex, setAtomIndex } from './atom-index.js';

const HC4 = HCONST_n(4);
const HC5 = HCONST_n(5);
const HC6 = HCONST_n(6);
const HC7 = HCONST_n(7);
const HC8 = HCONST_n(8);
const HC9 = HCONST_n(9);
const HC10 = HCONST_n(10);
const HC11 = HCONST_n(11);
const HC12 = HCONST_n(12);
const HC13 = HCONST_n(13);
const HC14 = HCONST_n(14);
const HC16 = HCONST_n(16);
const HC17 = HCONST_n(17);
const HC18 = HCONST_n(18);
const HC20 = HCONST_n(20);
const HC21 = HCONST_n(21);
const HC22 = HCONST_n(22);

/** A prime XOR-ed into the salt so map hashes differ from phash2's. */
const INTERNAL_HASH_SALT = 3432918353;

const TWO28 = 2 ** 28;
const TWO32 = 2 ** 32;
const SMALL_MIN = -(2n ** 59n);
const SMALL_MAX = 2n ** 59n - 1n;

/** Immediate tag bits (erl_term.h, 64-bit). */
const TAG_SMALL = 0xf;
const TAG_PID = 0x3;
const TAG_PORT = 0x7;
const TAG_ATOM = 0x0b;
/** `[]` is the bare immediate-2 NIL tag. */
const NIL_WORD = 0x3b;

/** Marker: a cons cell's improper tail follows. */
const CDR = { marker: 'cdr' };
type Work = Term | typeof CDR;

/** `make_internal_hash(Term, Salt)`. */
export function internalHash(term: Term, salt = 0): number {
  let hash = (salt ^ INTERNAL_HASH_SALT) >>> 0;
  // Fast paths for the usual map keys.
  if (typeof term === 'number' && Number.isSafeInteger(term)) return hashSmall(term, hash);
  if (typeof term === 'string') return hashAtom(term, hash);
  const stack: Work[] = [];
  let w: Work = term;
  for (;;) {
    if (w === CDR) hash = constHash(HC18, hash);
    else hash = hashOne(w as Term, hash, stack);
    if (stack.length === 0) return hash;
    w = stack.pop()!;
  }
}

/**
 * The hash that places `key` in a map's trie (`make_map_hash(Key, Depth)`).
 * Depth is `level >> 3`: once a trie path has used all 32 bits, the key is
 * re-hashed with a salt mixed from the depth (OTP 25 erl_map.h
 * `hashmap_shift_hash`; verified against keys whose 32-bit hashes collide).
 */
export function mapHash(key: Term, depth = 0): number {
  return internalHash(key, depth === 0 ? 0 : hash2(depth, 1, HC22, 0));
}

/** The low 32 bits of an atom's tagged word `Index << 6 | 0xB`. */
const atomWord = (a: string): number => ((atomIndex(a) << 6) | TAG_ATOM) >>> 0;

/** An atom as an immediate: both halves of its word. */
const hashAtom = (a: string, hash: number): number => {
  const i = atomIndex(a);
  return hash2(((i << 6) | TAG_ATOM) >>> 0, Math.floor(i / 2 ** 26), HCONST, hash);
};

/** A small integer's tagged word `N << 4 | 0xF`, as two 32-bit halves. */
function hashSmall(n: number, hash: number): number {
  const lo = ((n << 4) | TAG_SMALL) >>> 0;
  const hi = Math.floor(n / TWO28) >>> 0;
  return hash2(lo, hi, HCONST, hash);
}

function hashOne(t: Term, hash: number, stack: Work[]): number {
  switch (typeof t) {
    case 'number':
      return hashSmall(t, hash);
    case 'bigint':
      return t >= SMALL_MIN && t <= SMALL_MAX ? hashBigSmall(t, hash) : hashBignum(t, hash);
    case 'string':
      return hashAtom(t, hash);
  }
  if (t instanceof Cons) return hashList(t, hash, stack);
  if (Array.isArray(t)) {
    hash = hash2(t.length, 0, HC9, hash);
    for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]!);
    return hash;
  }
  if (t === NIL) return hash2(NIL_WORD, 0, HCONST, hash);
  if (t instanceof ErlFloat) {
    const [w0, w1] = floatWords(t.value);
    return hash2(w0, w1, HC12, hash);
  }
  if (t instanceof BitString) return hashBits(t, hash);
  if (t instanceof Pid) return hashPid(t, hash);
  if (t instanceof Port) return hashPort(t, hash);
  if (t instanceof Ref) return hashRef(t, hash);
  if (t instanceof Fun) {
    hash = hash2(t.env.length, atomWord(t.module), HC20, hash);
    hash = hash2(t.index >>> 0, t.oldUniq >>> 0, HC21, hash);
    for (let i = t.env.length - 1; i >= 0; i--) stack.push(t.env[i]!);
    return hash;
  }
  if (t instanceof ExportFun) {
    // BEAM hashes the export entry's address; use its identity instead.
    hash = hash2(atomWord(t.module), atomWord(t.name), HC14, hash);
    return hash2(t.arity, 0, HC14, hash);
  }
  if (typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true) {
    return hashMap(t as ErlMapLike, hash, stack);
  }
  throw new NotATermError(t);
}

function hashBigSmall(n: bigint, hash: number): number {
  const w = BigInt.asUintN(64, (n << 4n) | BigInt(TAG_SMALL));
  return hash2(Number(w & 0xffffffffn), Number(w >> 32n), HCONST, hash);
}

/** Bignums: magnitude in 64-bit digits (low word first), sign in the constant. */
function hashBignum(n: bigint, hash: number): number {
  const con = n < 0n ? HC10 : HC11;
  const ws = magnitudeWords(n);
  for (let i = 0; i < ws.length; i += 2) hash = hash2(ws[i]!, ws[i + 1] ?? 0, con, hash);
  return hash;
}

/**
 * Byte-valued heads are packed four to a word; a trailing partial word is
 * mixed with its byte count. Any other head is hashed as a term between two
 * type constants, and an improper tail after a marker.
 */
function hashList(l: Cons, hash: number, stack: Work[]): number {
  let c = 0;
  let sh = 0;
  let cell = l;
  let t: Term = l;
  for (;;) {
    const hd = cell.hd;
    if (!(typeof hd === 'number' && hd >= 0 && hd <= 255 && Number.isInteger(hd))) break;
    sh = ((sh << 8) + hd) >>> 0;
    if (c === 3) {
      hash = hash2(sh, 0, HC4, hash);
      c = sh = 0;
    } else c++;
    t = cell.tl;
    if (!(t instanceof Cons)) break;
    cell = t;
  }
  if (c > 0) hash = hash2(sh, c, HC22, hash);
  if (t instanceof Cons) {
    hash = constHash(HC17, hash);
    const tl = cell.tl;
    stack.push(tl);
    if (!(tl instanceof Cons)) stack.push(CDR);
    stack.push(cell.hd);
  } else stack.push(t);
  return hash;
}

function hashBits(b: BitString, hash: number): number {
  const sz = b.bitSize >>> 3;
  const extra = b.bitSize & 7;
  const con = (HC13 + hash) >>> 0;
  if (sz === 0 && extra === 0) return con;
  hash = blockHash(b.bytes, sz, con);
  if (extra > 0) hash = hash2(extra, b.bytes[sz]! >>> (8 - extra), HCONST_n(15), hash);
  return hash;
}

const isLocal = (node: string, creation: number): boolean =>
  node === 'nonode@nohost' && creation === 0;

/**
 * A local pid or port is an immediate `Data << 4 | Tag`. On the 64-bit
 * emulator Data is the classic 28-bit value (for pids `Serial << 15 | Number`)
 * plus, from bit 28 up, its process/port-table index with the cache-line
 * scrambling of erl_ptab.h applied: the low `bits` bits rotated left by 3.
 * The table sizes are BEAM's defaults: 2^18 processes, 2^16 ports.
 */
function ptabWord(data28: number, bits: number, tag: number, hash: number): number {
  const mask = 2 ** bits - 1;
  const pix = data28 & mask;
  const scrambled = ((pix << 3) | (pix >>> (bits - 3))) & mask;
  const data = data28 + scrambled * TWO28;
  return hash2(((data << 4) | tag) >>> 0, Math.floor(data / TWO28) >>> 0, HCONST, hash);
}

function hashPid(p: Pid, hash: number): number {
  if (isLocal(p.node, p.creation)) {
    return ptabWord(((p.serial & 0x1fff) << 15) | (p.id & 0x7fff), 18, TAG_PID, hash);
  }
  hash = hash2(atomWord(p.node), p.creation >>> 0, HC5, hash);
  return hash2(p.id >>> 0, p.serial >>> 0, HC5, hash);
}

function hashPort(p: Port, hash: number): number {
  if (isLocal(p.node, p.creation)) return ptabWord(p.id & 0xfffffff, 16, TAG_PORT, hash);
  hash = hash2(atomWord(p.node), p.creation >>> 0, HC6, hash);
  return hash2(p.id % TWO32, Math.floor(p.id / TWO32), HC6, hash);
}

function hashRef(r: Ref, hash: number): number {
  const n = (i: number): number => (r.ids[i] ?? 0) >>> 0;
  if (!isLocal(r.node, r.creation)) hash = hash2(atomWord(r.node), r.creation >>> 0, HC7, hash);
  hash = hash2(n(0), 0, HC7, hash);
  hash = hash2(n(1), n(2), HC8, hash);
  if (r.ids.length > 3) hash = hash2(n(3), n(4), HC9, hash);
  return hash;
}

/**
 * Maps hash their size, then keys and values in memory order. For a flatmap
 * that is key order; BEAM pushes a hashmap node's children first to last and
 * pops them last first, which is `maps:to_list/1` order as well.
 */
function hashMap(m: ErlMapLike, hash: number, stack: Work[]): number {
  hash = hash2(m.size, 0, HC16, hash);
  const es = Array.from(m.entries());
  for (let i = es.length - 1; i >= 0; i--) stack.push(es[i]![1], es[i]![0]);
  return hash;
}
