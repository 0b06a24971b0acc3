/**
 * Shared by the map and hash tests: a seeded generator of terms whose internal
 * hash BEAM can reproduce, and pinning of atom indices to the reference VM's.
 *
 * BEAM's internal hash (which orders large maps) includes each atom's index in
 * the VM's atom table. Atoms created after boot have indices that depend on
 * the VM's history, so before hashing any such atom a test asks the erl server
 * for its index and pins it with `setAtomIndex`. Atoms of the boot table
 * (runtime/terms/atom-table.ts) already have their index; pinning them checks
 * that the table agrees with the server.
 */
import { erl } from '../support/erl.js';
import { toErlSource } from '../support/erl-source.js';
import { setAtomIndex } from '../../runtime/terms/hash.js';
import { BitString, Cons, ErlFloat, Fun, NIL, Pid, Port, Ref, list, normInt, type Term } from '../../runtime/terms/types.js';

/** Atoms the generator uses: boot-table atoms and fresh ones. */
export const TEST_ATOMS = [
  'ok', 'error', 'true', 'undefined', 'name', 'value', 'a', 'b', 'foo', 'bar', 'hello_world',
  'Ä', 'élan', 'ü∂', '', 'with space', 'x'.repeat(40), '日本', 'k1', 'k2', 'k3', 'k4', 'k5',
];

/** Pin the server's atom-table indices for `atoms` (creating them there). */
export async function pinAtoms(atoms: readonly string[]): Promise<void> {
  const src = atoms.map((a) => toErlSource(a)).join(',');
  const text = await erl.text(
    `As = [${src}],
     N = erlang:system_info(atom_count),
     T = maps:from_list([{binary_to_term(<<131,75,I:24>>), I} || I <- lists:seq(0, N - 1)]),
     lists:join(" ", [integer_to_list(maps:get(A, T)) || A <- As])`,
  );
  const idx = text.split(' ').map(Number);
  atoms.forEach((a, i) => setAtomIndex(a, idx[i]!));
}

/** A small deterministic PRNG (numbers in [0, 1)). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function genInt(r: () => number): Term {
  const c = r();
  if (c < 0.25) return Math.floor(r() * 256);
  if (c < 0.45) return Math.floor(r() * 2 ** 28) - 2 ** 27;
  if (c < 0.6) return Math.floor((r() - 0.5) * 2 ** 53);
  if (c < 0.7) return pick(r, [2 ** 27, -(2 ** 27) - 1, 2 ** 32, -(2 ** 32), 2n ** 59n - 1n, -(2n ** 59n), 2n ** 59n, 2n ** 64n]);
  const big = (BigInt(Math.floor(r() * 2 ** 50)) << BigInt(Math.floor(r() * 200))) * (r() < 0.5 ? -1n : 1n);
  return normInt(big);
}

function genFloat(r: () => number): Term {
  const c = r();
  const v = c < 0.1 ? 0 : c < 0.5 ? (r() - 0.5) * 1000 : (r() - 0.5) * 10 ** (Math.floor(r() * 600) - 300);
  return new ErlFloat(Number.isFinite(v) ? v : 1.5);
}

function genBits(r: () => number): Term {
  const n = Math.floor(r() * 40);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  if (n > 0 && r() < 0.3) {
    const extra = 1 + Math.floor(r() * 7);
    b[n - 1]! &= (0xff << (8 - extra)) & 0xff;
    return new BitString(b, (n - 1) * 8 + extra);
  }
  return new BitString(b, n * 8);
}

const PID = new Pid(0, 0);

/**
 * A random term of any type whose internal hash is reproducible on BEAM: no
 * export funs and no pids/ports/refs of other nodes (BEAM hashes addresses
 * for those). Maps are built with `mkMap`, after the atoms are pinned.
 */
export function genTerm(r: () => number, mkMap: (es: [Term, Term][]) => Term, depth = 0): Term {
  const k = Math.floor(r() * (depth > 2 ? 9 : 14));
  switch (k) {
    case 0:
    case 1:
      return genInt(r);
    case 2:
      return pick(r, TEST_ATOMS);
    case 3:
      return genFloat(r);
    case 4:
      return genBits(r);
    case 5:
      return NIL;
    case 6: {
      const n = Math.floor(r() * 12);
      return list(Array.from({ length: n }, () => (r() < 0.8 ? Math.floor(r() * 256) : Math.floor(r() * 2000))));
    }
    case 7:
      return new Pid(Math.floor(r() * 32768), Math.floor(r() * 8192));
    case 8:
      return r() < 0.5
        ? new Ref([Math.floor(r() * 2 ** 18), Math.floor(r() * 2 ** 32), Math.floor(r() * 2 ** 32)])
        : new Port(Math.floor(r() * 2 ** 20));
    case 9:
    case 10:
      return Array.from({ length: Math.floor(r() * 5) }, () => genTerm(r, mkMap, depth + 1));
    case 11: {
      const items = Array.from({ length: Math.floor(r() * 5) }, () => genTerm(r, mkMap, depth + 1));
      return list(items, r() < 0.2 ? genTerm(r, mkMap, depth + 1) : NIL);
    }
    case 12: {
      const n = r() < 0.8 ? Math.floor(r() * 6) : 33 + Math.floor(r() * 20);
      const es: [Term, Term][] = [];
      for (let i = 0; i < n; i++) es.push([genTerm(r, mkMap, depth + 1), genTerm(r, mkMap, depth + 1)]);
      return mkMap(es);
    }
    default: {
      const env = Array.from({ length: Math.floor(r() * 3) }, () => genTerm(r, mkMap, depth + 1));
      const uniq = new Uint8Array(16).fill(Math.floor(r() * 256));
      return new Fun(pick(r, ['foo', 'bar']), Math.floor(r() * 50), uniq, Math.floor(r() * 50), Math.floor(r() * 2 ** 32), Math.floor(r() * 4), env, PID);
    }
  }
}

/** Every atom inside `t` (maps included). */
export function atomsOf(t: Term, out = new Set<string>()): Set<string> {
  while (t instanceof Cons) {
    atomsOf(t.hd, out);
    t = t.tl;
  }
  if (typeof t === 'string') out.add(t);
  else if (Array.isArray(t)) for (const x of t) atomsOf(x, out);
  else if (t instanceof Fun) {
    out.add(t.module);
    for (const x of t.env) atomsOf(x, out);
  } else if (typeof t === 'object' && t !== null && 'isErlMap' in t) {
    for (const [k, v] of t.entries()) {
      atomsOf(k, out);
      atomsOf(v, out);
    }
  }
  return out;
}
