/**
 * Byte-pattern search for binary:match/matches/split and the compiled
 * patterns of binary:compile_pattern/1.
 *
 * BEAM searches with Boyer-Moore (one pattern, tag `bm`) or Aho-Corasick
 * (several, tag `ac`). What it finds is fully determined by two rules, which
 * are what this module implements (with a plain scan per candidate position):
 * - a single search returns the match that starts first, and of the patterns
 *   that match there, the longest;
 * - a global search repeats that from the end of each match, so matches
 *   never overlap.
 *
 * A compiled pattern is the term `{bm, Ref}` or `{ac, Ref}`, as on BEAM
 * (there the reference is a magic reference to the search tables). Here the
 * reference is an ordinary `Ref` made by the runtime's reference factory, and
 * the search tables hang off that very `Ref` object in a WeakMap: the term
 * prints, compares and hashes like any reference, and the tables live as long
 * as the term. A `Ref` that did not come from compile_pattern (or was
 * rebuilt, e.g. by binary_to_term) is not recognised, which is `badarg`.
 */
import { RefFactory } from '../process/refs.js';
import { BitString, Cons, NIL, Ref, type Term } from '../terms/types.js';

export type PatternKind = 'bm' | 'ac';

/** Search tables: the patterns that begin with each byte, longest first. */
export interface Compiled {
  readonly kind: PatternKind;
  readonly byFirst: readonly (readonly Uint8Array[] | undefined)[];
  /** The pattern, when there is only one (searched with indexOf). */
  readonly single: Uint8Array | undefined;
}

/** A match: absolute byte position and length. */
export interface Found {
  pos: number;
  len: number;
}

const compiledByRef = new WeakMap<Ref, Compiled>();

/** Used when the caller is not a full process (tests, tools). */
const fallbackRefs = new RefFactory();

/** The bytes of a binary (not a bitstring), else undefined. */
function wholeBinary(t: Term): Uint8Array | undefined {
  return t instanceof BitString && (t.bitSize & 7) === 0 ? t.bytes : undefined;
}

/**
 * The search tables for a pattern argument (a non-empty binary, or a proper
 * non-empty list of non-empty binaries), or undefined when BEAM says badarg.
 */
export function compilePattern(t: Term): Compiled | undefined {
  const pats: Uint8Array[] = [];
  if (t instanceof BitString) {
    const b = wholeBinary(t);
    if (b === undefined || b.length === 0) return undefined;
    pats.push(b);
  } else if (t instanceof Cons) {
    let l: Term = t;
    for (; l instanceof Cons; l = l.tl) {
      const b = wholeBinary(l.hd);
      if (b === undefined || b.length === 0) return undefined;
      pats.push(b);
    }
    if (l !== NIL) return undefined;
  } else {
    return undefined;
  }
  return buildTables(pats.length === 1 ? 'bm' : 'ac', pats);
}

function buildTables(kind: PatternKind, pats: Uint8Array[]): Compiled {
  const lists: Uint8Array[][] = [];
  for (const p of pats) (lists[p[0]!] ??= []).push(p.slice());
  const byFirst: (Uint8Array[] | undefined)[] = new Array(256);
  for (let i = 0; i < 256; i++) byFirst[i] = lists[i]?.sort((a, b) => b.length - a.length);
  return { kind, byFirst, single: pats.length === 1 ? pats[0]!.slice() : undefined };
}

/** `binary:compile_pattern/1`'s result term for compiled tables. */
export function compiledTerm(p: { rt?: { refs?: RefFactory } } | undefined, c: Compiled): Term {
  const ref = p?.rt?.refs?.make() ?? fallbackRefs.make();
  compiledByRef.set(ref, c);
  return [c.kind, ref];
}

/** The tables of a `{bm|ac, Ref}` term made by compiledTerm, else undefined. */
export function compiledOf(t: Term[]): Compiled | undefined {
  if (t.length !== 2 || !(t[1] instanceof Ref)) return undefined;
  const c = compiledByRef.get(t[1]);
  return c !== undefined && c.kind === t[0] ? c : undefined;
}

/** Does `pat` occur in `hay` at `i`? (The caller knows it fits.) */
function occursAt(hay: Uint8Array, i: number, pat: Uint8Array): boolean {
  for (let k = 1; k < pat.length; k++) if (hay[i + k] !== pat[k]) return false;
  return true;
}

/** The first match in `hay[start, end)`: earliest start, then longest. */
export function findFirst(c: Compiled, hay: Uint8Array, start: number, end: number): Found | undefined {
  if (c.single !== undefined) return findSingle(c.single, hay, start, end);
  const byFirst = c.byFirst;
  for (let i = start; i < end; i++) {
    const cands = byFirst[hay[i]!];
    if (cands === undefined) continue;
    for (const pat of cands) {
      if (i + pat.length <= end && occursAt(hay, i, pat)) return { pos: i, len: pat.length };
    }
  }
  return undefined;
}

function findSingle(pat: Uint8Array, hay: Uint8Array, start: number, end: number): Found | undefined {
  const last = end - pat.length;
  for (let i = start; i <= last; i++) {
    i = hay.indexOf(pat[0]!, i);
    if (i < 0 || i > last) return undefined;
    if (occursAt(hay, i, pat)) return { pos: i, len: pat.length };
  }
  return undefined;
}

/** All non-overlapping matches in `hay[start, end)`, left to right. */
export function findAll(c: Compiled, hay: Uint8Array, start: number, end: number): Found[] {
  const out: Found[] = [];
  for (let i = start; i < end; ) {
    const f = findFirst(c, hay, i, end);
    if (f === undefined) break;
    out.push(f);
    i = f.pos + f.len;
  }
  return out;
}
