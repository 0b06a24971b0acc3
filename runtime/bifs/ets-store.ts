/**
 * Storage of ETS tables: the `Store` interface, and `SortedStore` for
 * ordered_set (keys compared with `==` term order, so 1 and 1.0 are the same
 * key; iteration in term order). set/bag/duplicate_bag use `LinearHashStore`
 * (./ets-hash.ts), which reproduces BEAM's hash layout and order.
 */
import { compare, compareAtoms, exactEquals } from '../terms/compare.js';
import type { Term } from '../terms/types.js';

export type TableType = 'set' | 'ordered_set' | 'bag' | 'duplicate_bag';

/** `next`/`prev` on a key that is not in the table (hash tables raise badarg). */
export const NO_KEY: unique symbol = Symbol('no-key');

export interface Store {
  /** Number of objects. */
  readonly size: number;
  /** The objects with this key (empty array when none). Do not mutate. */
  get(key: Term): readonly Term[];
  has(key: Term): boolean;
  /** Insert one object with the table's semantics (replace / add / add-if-new). */
  insert(key: Term, obj: Term): void;
  /** Replace all objects of `key` (`objs` non-empty). */
  replace(key: Term, objs: Term[]): void;
  /** Remove every object with `key`; returns them. */
  remove(key: Term): readonly Term[];
  /** Remove objects `=:=` to `obj`. */
  removeObject(key: Term, obj: Term): void;
  clear(): void;
  first(): Term | undefined;
  last(): Term | undefined;
  /** The key after `key`, undefined at the end, NO_KEY if `key` is unknown. */
  next(key: Term): Term | undefined | typeof NO_KEY;
  prev(key: Term): Term | undefined | typeof NO_KEY;
  /** Objects of every key from the key after `after` (all when undefined), in order. */
  entries(after?: Term, reverse?: boolean): IterableIterator<readonly Term[]>;
  /** Start or stop remembering deleted keys (safe_fixtable). */
  setFixed(fixed: boolean): void;
}

const NONE: readonly Term[] = Object.freeze([]) as readonly Term[];

/** Term order (`==` for numbers), with fast paths for the usual keys. */
function cmpKey(a: Term, b: Term): number {
  const ta = typeof a;
  if (ta === typeof b) {
    if (ta === 'number') return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    if (ta === 'string') return compareAtoms(a as string, b as string);
  }
  return compare(a, b);
}

/** Objects per block of the sorted store; blocks split at twice this. */
const BLOCK = 128;

/**
 * ordered_set: objects in blocks of sorted arrays (a flat B-tree of depth
 * two). Lookup and insert are a binary search over blocks then within one;
 * an insert moves at most 2*BLOCK objects, so a million inserts stay fast.
 */
export class SortedStore implements Store {
  private blocks: Term[][] = [];
  private count = 0;
  /** Bumped by every change of the block layout, so iterators know to re-locate. */
  private version = 0;

  constructor(private readonly keypos: number) {}

  get size(): number {
    return this.count;
  }

  private keyOf(obj: Term): Term {
    return (obj as Term[])[this.keypos - 1]!;
  }

  /** Index of the first block whose last key is >= key (blocks.length if none). */
  private blockFor(key: Term): number {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const b = this.blocks[mid]!;
      if (cmpKey(this.keyOf(b[b.length - 1]!), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of the first object with key >= `key` inside block `b`. */
  private lowerBound(b: Term[], key: Term): number {
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmpKey(this.keyOf(b[mid]!), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** [block, index] of the object with this key, or undefined. */
  private find(key: Term): [number, number] | undefined {
    const bi = this.blockFor(key);
    const b = this.blocks[bi];
    if (b === undefined) return undefined;
    const i = this.lowerBound(b, key);
    return i < b.length && cmpKey(this.keyOf(b[i]!), key) === 0 ? [bi, i] : undefined;
  }

  get(key: Term): readonly Term[] {
    const at = this.find(key);
    return at === undefined ? NONE : [this.blocks[at[0]]![at[1]]!];
  }

  has(key: Term): boolean {
    return this.find(key) !== undefined;
  }

  insert(key: Term, obj: Term): void {
    let bi = this.blockFor(key);
    if (bi === this.blocks.length) {
      if (bi === 0) {
        this.version++;
        this.blocks.push([obj]);
        this.count++;
        return;
      }
      bi--; // past every key: append to the last block
    }
    const b = this.blocks[bi]!;
    const i = this.lowerBound(b, key);
    if (i < b.length && cmpKey(this.keyOf(b[i]!), key) === 0) {
      b[i] = obj;
      return;
    }
    b.splice(i, 0, obj);
    this.count++;
    this.version++;
    if (b.length >= 2 * BLOCK) this.blocks.splice(bi + 1, 0, b.splice(BLOCK));
  }

  replace(key: Term, objs: Term[]): void {
    this.insert(key, objs[objs.length - 1]!);
  }

  remove(key: Term): readonly Term[] {
    const at = this.find(key);
    if (at === undefined) return NONE;
    const b = this.blocks[at[0]]!;
    const [obj] = b.splice(at[1], 1);
    this.count--;
    this.version++;
    if (b.length === 0) this.blocks.splice(at[0], 1);
    return [obj!];
  }

  removeObject(key: Term, obj: Term): void {
    const at = this.find(key);
    if (at !== undefined && exactEquals(this.blocks[at[0]]![at[1]]!, obj)) this.remove(key);
  }

  clear(): void {
    this.blocks = [];
    this.count = 0;
    this.version++;
  }

  first(): Term | undefined {
    const b = this.blocks[0];
    return b === undefined ? undefined : this.keyOf(b[0]!);
  }

  last(): Term | undefined {
    const b = this.blocks[this.blocks.length - 1];
    return b === undefined ? undefined : this.keyOf(b[b.length - 1]!);
  }

  /** The smallest key greater than `key` (which need not be present). */
  next(key: Term): Term | undefined {
    const it = this.entries(key);
    const r = it.next();
    return r.done === true ? undefined : this.keyOf(r.value[0]!);
  }

  /** The greatest key smaller than `key`. */
  prev(key: Term): Term | undefined {
    const r = this.entries(key, true).next();
    return r.done === true ? undefined : this.keyOf(r.value[0]!);
  }

  *entries(after?: Term, reverse = false): IterableIterator<readonly Term[]> {
    let bi: number;
    let i: number;
    if (after === undefined) {
      bi = reverse ? this.blocks.length - 1 : 0;
      i = reverse ? (this.blocks[bi]?.length ?? 0) - 1 : 0;
    } else {
      bi = this.blockFor(after);
      const b = this.blocks[bi];
      i = b === undefined ? 0 : this.lowerBound(b, after);
      if (!reverse) {
        if (b !== undefined && i < b.length && cmpKey(this.keyOf(b[i]!), after) === 0) i++;
      } else {
        if (b === undefined) {
          bi = this.blocks.length - 1;
          i = (this.blocks[bi]?.length ?? 0) - 1;
        } else i--;
      }
    }
    // After a yield the caller may have changed the table: re-locate by key then.
    while (bi >= 0 && bi < this.blocks.length) {
      const b = this.blocks[bi]!;
      if (i < 0) {
        bi--;
        i = (this.blocks[bi]?.length ?? 0) - 1;
        continue;
      }
      if (i >= b.length) {
        bi++;
        i = 0;
        continue;
      }
      const obj = b[i]!;
      const v = this.version;
      yield [obj];
      if (v === this.version) {
        i += reverse ? -1 : 1;
        continue;
      }
      const k = this.keyOf(obj);
      const nb = this.blockFor(k);
      const blk = this.blocks[nb];
      bi = nb;
      i = blk === undefined ? 0 : this.lowerBound(blk, k);
      const here = blk !== undefined && i < blk.length && cmpKey(this.keyOf(blk[i]!), k) === 0;
      if (reverse) i--;
      else if (here) i++;
    }
  }

  setFixed(): void {
    // Nothing to remember: next/prev work from any key in an ordered_set.
  }

  /** The object at rank `i` (slot/2), or undefined. */
  at(i: number): Term | undefined {
    for (const b of this.blocks) {
      if (i < b.length) return b[i];
      i -= b.length;
    }
    return undefined;
  }
}
