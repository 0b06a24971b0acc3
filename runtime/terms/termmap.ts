/**
 * `TermMap<V>`: a mutable map keyed by Erlang terms compared with `=:=`, for
 * runtime state such as the process dictionary. (Erlang maps are the immutable
 * `ErlMap` in ./map.ts; this is the mutable counterpart for the runtime's own use.)
 *
 * Atoms and integers are JS primitives whose `Map` identity (SameValueZero) is
 * exactly `=:=` (floats are boxed, so `1` and `1.0` never meet here), so they
 * live in a native `Map`. Every other key is bucketed by `phash2` and compared
 * with `exactEquals` — never a plain JS object keyed by terms.
 *
 * Iteration yields insertion order within each of the two stores (primitive
 * keys first). BEAM's process dictionary order is a property of its own hash
 * table and is not reproduced.
 */
import { exactEquals } from './compare.js';
import { phash2 } from './hash.js';
import type { Term } from './types.js';

type Prim = string | number | bigint;

const isPrim = (k: Term): k is Prim => {
  const t = typeof k;
  return t === 'string' || t === 'number' || t === 'bigint';
};

export class TermMap<V> {
  private readonly prim = new Map<Prim, V>();
  private readonly buckets = new Map<number, [Term, V][]>();
  private objects = 0;

  get size(): number {
    return this.prim.size + this.objects;
  }

  get(key: Term): V | undefined {
    if (isPrim(key)) return this.prim.get(key);
    const b = this.buckets.get(phash2(key));
    if (b === undefined) return undefined;
    for (const e of b) if (exactEquals(e[0], key)) return e[1];
    return undefined;
  }

  has(key: Term): boolean {
    if (isPrim(key)) return this.prim.has(key);
    const b = this.buckets.get(phash2(key));
    return b !== undefined && b.some((e) => exactEquals(e[0], key));
  }

  /** Sets `key` and returns the previous value (undefined if there was none). */
  set(key: Term, value: V): V | undefined {
    if (isPrim(key)) {
      const old = this.prim.get(key);
      this.prim.set(key, value);
      return old;
    }
    const h = phash2(key);
    const b = this.buckets.get(h);
    if (b === undefined) {
      this.buckets.set(h, [[key, value]]);
      this.objects++;
      return undefined;
    }
    for (const e of b) {
      if (exactEquals(e[0], key)) {
        const old = e[1];
        e[1] = value;
        return old;
      }
    }
    b.push([key, value]);
    this.objects++;
    return undefined;
  }

  /** Removes `key` and returns its value (undefined if it was absent). */
  delete(key: Term): V | undefined {
    if (isPrim(key)) {
      const old = this.prim.get(key);
      this.prim.delete(key);
      return old;
    }
    const h = phash2(key);
    const b = this.buckets.get(h);
    if (b === undefined) return undefined;
    const i = b.findIndex((e) => exactEquals(e[0], key));
    if (i < 0) return undefined;
    const old = b[i]![1];
    if (b.length === 1) this.buckets.delete(h);
    else b.splice(i, 1);
    this.objects--;
    return old;
  }

  clear(): void {
    this.prim.clear();
    this.buckets.clear();
    this.objects = 0;
  }

  *entries(): IterableIterator<[Term, V]> {
    yield* this.prim.entries();
    for (const b of this.buckets.values()) for (const e of b) yield [e[0], e[1]];
  }

  *keys(): IterableIterator<Term> {
    for (const e of this.entries()) yield e[0];
  }

  *values(): IterableIterator<V> {
    for (const e of this.entries()) yield e[1];
  }

  [Symbol.iterator](): IterableIterator<[Term, V]> {
    return this.entries();
  }
}
