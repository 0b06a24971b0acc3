/**
 * A minimal `ErlMapLike` for the term tests, so they do not depend on the real
 * map implementation (runtime/terms/map.ts). Small maps iterate in map-key order
 * like BEAM's flatmaps; larger ones in reverse key order, standing in for a hash
 * order so that consumers must sort for themselves.
 */
import { exactCompare, exactEquals } from '../../runtime/terms/compare.js';
import type { ErlMapLike, Term } from '../../runtime/terms/types.js';

export class TestMap implements ErlMapLike {
  readonly isErlMap = true as const;
  private readonly kvs: [Term, Term][];

  constructor(pairs: Iterable<[Term, Term]>) {
    const kvs: [Term, Term][] = [];
    for (const [k, v] of pairs) {
      const i = kvs.findIndex(([x]) => exactEquals(x, k));
      if (i >= 0) kvs[i] = [k, v];
      else kvs.push([k, v]);
    }
    kvs.sort((a, b) => exactCompare(a[0], b[0]));
    if (kvs.length > 32) kvs.reverse();
    this.kvs = kvs;
  }
  get size(): number {
    return this.kvs.length;
  }
  get(key: Term): Term | undefined {
    return this.kvs.find(([k]) => exactEquals(k, key))?.[1];
  }
  has(key: Term): boolean {
    return this.get(key) !== undefined;
  }
  entries(): IterableIterator<[Term, Term]> {
    return this.kvs[Symbol.iterator]();
  }
}

export const tmap = (...pairs: [Term, Term][]): TestMap => new TestMap(pairs);
