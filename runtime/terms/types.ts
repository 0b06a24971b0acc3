/**
 * The JavaScript representation of Erlang terms (docs/ARCHITECTURE.md, "Terms").
 *
 * | Erlang            | JS                                                         |
 * |-------------------|------------------------------------------------------------|
 * | integer           | `number` when Number.isSafeInteger, else `bigint`          |
 * | float             | `ErlFloat` (boxed, so 1 and 1.0 stay distinct)             |
 * | atom              | interned JS `string`                                       |
 * | tuple             | JS `Array`                                                 |
 * | list              | `Cons` cells; `[]` is the `NIL` singleton                   |
 * | binary/bitstring  | `BitString` (a Uint8Array view + a bit length)             |
 * | map               | `ErlMap` (small sorted arrays, or a hash trie)             |
 * | pid, port, ref    | `Pid`, `Port`, `Ref`                                       |
 * | fun               | `Fun` (local closure) or `ExportFun` (`fun M:F/A`)         |
 *
 * Invariants every producer of terms keeps:
 * - an integer is a `bigint` only when it is outside the safe-integer range
 *   (use `normInt`), so every integer value has exactly one representation;
 * - a float is never a raw `number` outside the compiler's float registers;
 * - terms are immutable once another piece of code can see them.
 */

/** Any Erlang term. */
export type Term =
  | number
  | bigint
  | string
  | ErlFloat
  | Term[]
  | Cons
  | Nil
  | BitString
  | ErlMapLike
  | Pid
  | Port
  | Ref
  | Fun
  | ExportFun;

/** An Erlang integer. */
export type Int = number | bigint;

/** An atom. Atoms are interned JS strings. */
export type Atom = string;

/** A boxed float. `value` is always finite (BEAM has no NaN or infinities). */
export class ErlFloat {
  constructor(public readonly value: number) {}
}

/** The empty list `[]`. There is exactly one instance: `NIL`. */
export class Nil {
  static readonly instance = new Nil();
  private constructor() {}
}
export const NIL: Nil = Nil.instance;

/** A list cell `[hd | tl]`; `tl` is any term (improper lists are allowed). */
export class Cons {
  constructor(
    public readonly hd: Term,
    public readonly tl: Term,
  ) {}
}

/**
 * A binary or bitstring: `bitSize` bits starting at bit 0 of `bytes[0]`, most
 * significant bit first. `bytes.length === Math.ceil(bitSize / 8)`; the unused
 * low bits of a final partial byte are zero. Sub-binaries are `subarray` views
 * that share the underlying buffer. Byte-unaligned sub-bitstrings are copies.
 *
 * `writable` is set on a binary produced by an append (`<<B/binary, ...>>`) that
 * may still grow in place: when the next append is to this very binary and it is
 * still the last writer of the shared buffer, the append writes into spare
 * capacity instead of copying (amortised O(1) per append, as on BEAM).
 */
export class BitString {
  writable: AppendBuffer | undefined = undefined;
  constructor(
    public readonly bytes: Uint8Array,
    public readonly bitSize: number,
  ) {}
  get isBinary(): boolean {
    return (this.bitSize & 7) === 0;
  }
  get byteSize(): number {
    return this.bytes.length;
  }
}

/** The growable storage behind a chain of in-place appends. */
export interface AppendBuffer {
  /** Capacity; `data.subarray(0, ceil(usedBits/8))` is the current content. */
  data: Uint8Array;
  /** Bits written so far by the last writer. */
  usedBits: number;
}

/**
 * The interface every map implementation offers (see ./map.ts, which owns the
 * implementation and the constructors). Keys are compared with `=:=`.
 */
export interface ErlMapLike {
  readonly isErlMap: true;
  readonly size: number;
  get(key: Term): Term | undefined;
  has(key: Term): boolean;
  /** Entries in BEAM's iteration order (what maps:to_list/1 returns). */
  entries(): IterableIterator<[Term, Term]>;
}

/** Process identifier `<Node.Id.Serial>`; local pids have node 0 in printing. */
export class Pid {
  constructor(
    public readonly id: number,
    public readonly serial: number = 0,
    public readonly node: Atom = 'nonode@nohost',
    public readonly creation: number = 0,
  ) {}
}

/** Port identifier `#Port<0.N>`. */
export class Port {
  constructor(
    public readonly id: number,
    public readonly node: Atom = 'nonode@nohost',
    public readonly creation: number = 0,
  ) {}
}

/**
 * Reference `#Ref<0.A.B.C>`. `ids` are the 32-bit words in ETF order
 * (least significant first), 3 for ordinary refs (up to 5 are accepted).
 */
export class Ref {
  /** The reference's value as a Map key, cached by runtime/process/refs.ts refKey. */
  key: number | string | undefined = undefined;
  constructor(
    public readonly ids: readonly number[],
    public readonly node: Atom = 'nonode@nohost',
    public readonly creation: number = 0,
  ) {}
}

/** `fun M:F/A`. */
export class ExportFun {
  constructor(
    public readonly module: Atom,
    public readonly name: Atom,
    public readonly arity: number,
  ) {}
}

/**
 * A local fun (closure). `index`/`uniq`/`oldIndex`/`oldUniq` identify the
 * FunT row of `module`; `env` holds the free variables; `arity` is the fun's
 * own arity (without the free variables). `fn` is the compiled JS function
 * (absent for funs decoded from the external format before their module is
 * loaded). `pid` is the creating process, as in NEW_FUN_EXT.
 */
export class Fun {
  constructor(
    public readonly module: Atom,
    public readonly index: number,
    public readonly uniq: Uint8Array,
    public readonly oldIndex: number,
    public readonly oldUniq: number,
    public readonly arity: number,
    public readonly env: readonly Term[],
    public readonly pid: Pid,
    public fn: ((...args: any[]) => any) | undefined = undefined,
    /** The lifted function's name, e.g. `-main/0-fun-0-`, when known. */
    public readonly name: Atom | undefined = undefined,
  ) {}
}

export const TRUE: Atom = 'true';
export const FALSE: Atom = 'false';
export const bool = (b: boolean): Atom => (b ? TRUE : FALSE);

/** Type tests, in one place so every module agrees on the representation. */
export const isInteger = (t: unknown): t is Int =>
  typeof t === 'bigint' || (typeof t === 'number' && Number.isInteger(t));
export const isFloat = (t: unknown): t is ErlFloat => t instanceof ErlFloat;
export const isNumber = (t: unknown): t is Int | ErlFloat => isInteger(t) || t instanceof ErlFloat;
export const isAtom = (t: unknown): t is Atom => typeof t === 'string';
export const isTuple = (t: unknown): t is Term[] => Array.isArray(t);
export const isNil = (t: unknown): t is Nil => t === NIL;
export const isCons = (t: unknown): t is Cons => t instanceof Cons;
export const isList = (t: unknown): t is Cons | Nil => t === NIL || t instanceof Cons;
export const isBitString = (t: unknown): t is BitString => t instanceof BitString;
export const isBinary = (t: unknown): t is BitString =>
  t instanceof BitString && (t.bitSize & 7) === 0;
export const isMap = (t: unknown): t is ErlMapLike =>
  typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true;
export const isPid = (t: unknown): t is Pid => t instanceof Pid;
export const isPort = (t: unknown): t is Port => t instanceof Port;
export const isRef = (t: unknown): t is Ref => t instanceof Ref;
export const isFun = (t: unknown): t is Fun | ExportFun => t instanceof Fun || t instanceof ExportFun;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Normalise an integer: a `number` when safe, else a `bigint`. */
export function normInt(n: bigint): Int {
  return n >= MIN_SAFE && n <= MAX_SAFE ? Number(n) : n;
}

/** Any integer as a bigint (for arithmetic that may overflow). */
export const toBig = (n: Int): bigint => (typeof n === 'bigint' ? n : BigInt(n));

/** Build a proper list from a JS array (optionally with a tail). */
export function list(items: readonly Term[], tail: Term = NIL): Term {
  let l = tail;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i]!, l);
  return l;
}

/** An Erlang string (list of code points) from a JS string. */
export function charlist(s: string): Term {
  const cps: Term[] = [];
  for (const ch of s) cps.push(ch.codePointAt(0)!);
  return list(cps);
}

/** A binary from bytes (no copy). */
export const binary = (bytes: Uint8Array): BitString => new BitString(bytes, bytes.length * 8);

/** A UTF-8 binary from a JS string. */
export const utf8Binary = (s: string): BitString => binary(new TextEncoder().encode(s));
