/**
 * Erlang maps, with BEAM's two representations and its iteration orders.
 *
 * - Up to 32 keys (MAP_SMALL_MAP_LIMIT) a map is a *flatmap*: keys sorted in
 *   map-key order (`=:=` term order, so integers before floats), values
 *   alongside. BEAM converts back to a flatmap whenever a map shrinks to 32
 *   keys, so the representation depends only on the size.
 * - Larger maps are a hash trie (./map-hamt.ts) laid out like BEAM's, so that
 *   `maps:to_list/1` and friends list entries in BEAM's order.
 *
 * Two orders are visible to programs: `entries()` is `maps:to_list/1`'s (also
 * `maps:keys/1`, `maps:values/1`, `term_to_binary/1`); `mapIterEntries` is the
 * map iterator's (`maps:next/1`, and so `maps:fold/3`, `maps:map/2`,
 * `maps:filter/2`, `maps:foreach/2`, and `~w`/`~p` printing). For flatmaps they
 * agree; for hashmaps one is the reverse of the other.
 *
 * Maps are persistent: operations return new maps and never change one that
 * other code can see.
 *
 * Keys compare with `=:=`, under which 0.0 and -0.0 are the same key on OTP 25
 * yet print differently, so which of two such keys a map keeps is visible.
 * BEAM: a flatmap put/update keeps the old key; a hashmap put/update, a later
 * pair in `maps:from_list/1` and the second map of `maps:merge/2` bring their
 * own key. The functions below do the same.
 */
import { exactCompare } from './compare.js';
import { mapHash } from './hash-internal.js';
import {
  Leaf,
  emptyNode,
  freeze,
  insert,
  lastInsertAdded,
  leavesDown,
  leavesUp,
  lookup,
  probe,
  remove,
  type HNode,
} from './map-hamt.js';
import type { ErlMapLike, Term } from './types.js';

/** BEAM's MAP_SMALL_MAP_LIMIT: the largest flatmap. */
export const MAP_SMALL_MAP_LIMIT = 32;

export class ErlMap implements ErlMapLike {
  readonly isErlMap = true as const;
  /** @internal Use the constructor functions below. */
  constructor(
    readonly size: number,
    /** Flatmap keys in map-key order (empty for a hashmap). */
    readonly flatKeys: readonly Term[],
    readonly flatVals: readonly Term[],
    /** The trie of a hashmap (undefined for a flatmap). */
    readonly root: HNode | undefined,
  ) {}

  get isHashmap(): boolean {
    return this.root !== undefined;
  }

  get(key: Term): Term | undefined {
    if (this.root === undefined) {
      const i = flatSearch(this.flatKeys, key);
      return i >= 0 ? this.flatVals[i] : undefined;
    }
    return lookup(this.root, key, mapHash(key))?.val;
  }

  has(key: Term): boolean {
    return this.get(key) !== undefined;
  }

  /**
   * For `=:=` between two hashmaps of one size: each leaf of this map, then
   * the leaf of `other` where its key would be (keys not compared: the caller
   * does, on its own stack, see ./compare.ts); undefined when some key has no
   * such leaf. Uses the hashes stored in the leaves, so no key is re-hashed.
   */
  pairLeaves(other: ErlMap): Leaf[] | undefined {
    if (this.root === undefined || other.root === undefined) return undefined;
    const out: Leaf[] = [];
    for (const l of leavesDown(this.root)) {
      const m = probe(other.root, l.key, l.hash);
      if (m === undefined) return undefined;
      out.push(l, m);
    }
    return out;
  }

  /** Entries in `maps:to_list/1` order. */
  *entries(): IterableIterator<[Term, Term]> {
    if (this.root === undefined) {
      for (let i = 0; i < this.size; i++) yield [this.flatKeys[i]!, this.flatVals[i]!];
    } else {
      for (const l of leavesDown(this.root)) yield [l.key, l.val];
    }
  }
}

export const EMPTY_MAP: ErlMap = new ErlMap(0, [], [], undefined);

/** Index of `key` in sorted `keys`, or `-(insertion point) - 1`. */
function flatSearch(keys: readonly Term[], key: Term): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    const c = k === key ? 0 : exactCompare(k, key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

const flat = (keys: Term[], vals: Term[]): ErlMap =>
  keys.length === 0 ? EMPTY_MAP : new ErlMap(keys.length, keys, vals, undefined);

/** Any map-like value as an ErlMap (maps made elsewhere are rebuilt). */
export function asErlMap(m: ErlMapLike): ErlMap {
  return m instanceof ErlMap ? m : mapFromEntries(m.entries());
}

// ---------------------------------------------------------------------------
// Construction

/** `maps:from_list/1`: later duplicates win. */
export function mapFromEntries(entries: Iterable<[Term, Term]>): ErlMap {
  const b = new MapBuilder();
  for (const [k, v] of entries) b.put(k, v);
  return b.finish();
}

/**
 * Builds a map by repeated puts, mutating only nodes it made itself, then
 * freezes it. For decoders and `maps:from_list/1`.
 */
export class MapBuilder {
  private keys: Term[] = [];
  private vals: Term[] = [];
  private root: HNode | undefined;
  private size = 0;
  private readonly edit = {};

  put(k: Term, v: Term): void {
    if (this.root === undefined) {
      const i = flatSearch(this.keys, k);
      if (i >= 0) {
        // A later pair replaces the earlier one whole, key included.
        this.keys[i] = k;
        this.vals[i] = v;
        return;
      }
      if (this.keys.length < MAP_SMALL_MAP_LIMIT) {
        this.keys.splice(-i - 1, 0, k);
        this.vals.splice(-i - 1, 0, v);
        this.size++;
        return;
      }
      this.root = emptyNode(this.edit);
      for (let j = 0; j < this.keys.length; j++) {
        this.root = insert(this.root, 0, new Leaf(this.keys[j]!, this.vals[j]!, mapHash(this.keys[j]!)), this.edit);
      }
      this.keys = [];
      this.vals = [];
    }
    this.root = insert(this.root, 0, new Leaf(k, v, mapHash(k)), this.edit);
    if (lastInsertAdded()) this.size++;
  }

  /** The map built so far. The builder stays usable; the map never changes. */
  finish(): ErlMap {
    if (this.root === undefined) return flat(this.keys.slice(), this.vals.slice());
    freeze(this.root, this.edit);
    return new ErlMap(this.size, [], [], this.root);
  }
}

/** Build a hashmap (size > 32) from a flatmap's arrays plus nothing else. */
function hashmapFrom(keys: readonly Term[], vals: readonly Term[]): HNode {
  const edit = {};
  let root = emptyNode(edit);
  for (let i = 0; i < keys.length; i++) {
    root = insert(root, 0, new Leaf(keys[i]!, vals[i]!, mapHash(keys[i]!)), edit);
  }
  freeze(root, edit);
  return root;
}

// ---------------------------------------------------------------------------
// Updates

/** `maps:put/3` / `M#{K => V}`. */
export function mapPut(m0: ErlMapLike, k: Term, v: Term): ErlMap {
  const m = asErlMap(m0);
  if (m.root === undefined) {
    const i = flatSearch(m.flatKeys, k);
    if (i >= 0) {
      // A flatmap keeps its old key (it differs from `k` only for 0.0 vs -0.0).
      if (m.flatVals[i] === v) return m;
      const vals = m.flatVals.slice();
      vals[i] = v;
      return new ErlMap(m.size, m.flatKeys, vals, undefined);
    }
    const keys = m.flatKeys.slice();
    const vals = m.flatVals.slice();
    keys.splice(-i - 1, 0, k);
    vals.splice(-i - 1, 0, v);
    if (keys.length <= MAP_SMALL_MAP_LIMIT) return flat(keys, vals);
    return new ErlMap(keys.length, [], [], hashmapFrom(keys, vals));
  }
  const root = insert(m.root, 0, new Leaf(k, v, mapHash(k)), null);
  if (root === m.root) return m;
  return new ErlMap(m.size + (lastInsertAdded() ? 1 : 0), [], [], root);
}

/** `maps:update/3` / `M#{K := V}`: undefined when `k` is absent. */
export function mapUpdate(m0: ErlMapLike, k: Term, v: Term): ErlMap | undefined {
  const m = asErlMap(m0);
  return m.has(k) ? mapPut(m, k, v) : undefined;
}

/** `maps:remove/2`: the same map when `k` is absent. */
export function mapRemove(m0: ErlMapLike, k: Term): ErlMap {
  const m = asErlMap(m0);
  if (m.root === undefined) {
    const i = flatSearch(m.flatKeys, k);
    if (i < 0) return m;
    const keys = m.flatKeys.slice();
    const vals = m.flatVals.slice();
    keys.splice(i, 1);
    vals.splice(i, 1);
    return flat(keys, vals);
  }
  const root = remove(m.root, 0, k, mapHash(k));
  if (root === m.root) return m;
  const size = m.size - 1;
  if (size > MAP_SMALL_MAP_LIMIT) return new ErlMap(size, [], [], root as HNode);
  // Back to a flatmap, as BEAM does.
  const es = Array.from(leavesDown(root as HNode));
  es.sort((a, b) => exactCompare(a.key, b.key));
  return flat(
    es.map((l) => l.key),
    es.map((l) => l.val),
  );
}

/** `maps:merge/2`: on equal keys the value from `b` wins. */
export function mapMerge(a0: ErlMapLike, b0: ErlMapLike): ErlMap {
  const a = asErlMap(a0);
  const b = asErlMap(b0);
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  if (a.root === undefined && b.root === undefined) return mergeFlat(a, b);
  if (a.size >= b.size) {
    let m = a;
    for (const [k, v] of b.entries()) m = mapPut(m, k, v);
    return m;
  }
  let m = b;
  for (const [k, v] of a.entries()) if (!b.has(k)) m = mapPut(m, k, v);
  return m;
}

function mergeFlat(a: ErlMap, b: ErlMap): ErlMap {
  const keys: Term[] = [];
  const vals: Term[] = [];
  let i = 0;
  let j = 0;
  const ak = a.flatKeys;
  const bk = b.flatKeys;
  while (i < ak.length || j < bk.length) {
    const c = i === ak.length ? 1 : j === bk.length ? -1 : exactCompare(ak[i]!, bk[j]!);
    if (c < 0) {
      keys.push(ak[i]!);
      vals.push(a.flatVals[i++]!);
    } else {
      if (c === 0) i++;
      keys.push(bk[j]!);
      vals.push(b.flatVals[j++]!);
    }
  }
  if (keys.length <= MAP_SMALL_MAP_LIMIT) return flat(keys, vals);
  return new ErlMap(keys.length, [], [], hashmapFrom(keys, vals));
}

// ---------------------------------------------------------------------------
// Reading

/** `maps:keys/1`, in `maps:to_list/1` order. */
export function mapKeys(m: ErlMapLike): Term[] {
  if (m instanceof ErlMap && m.root === undefined) return m.flatKeys.slice();
  return Array.from(m.entries(), (e) => e[0]);
}

/** `maps:values/1`, in `maps:to_list/1` order. */
export function mapValues(m: ErlMapLike): Term[] {
  if (m instanceof ErlMap && m.root === undefined) return m.flatVals.slice();
  return Array.from(m.entries(), (e) => e[1]);
}

/** `maps:to_list/1`. */
export const mapToList = (m: ErlMapLike): [Term, Term][] => Array.from(m.entries());

/**
 * Entries in the map iterator's order (`maps:iterator/1` + `maps:next/1`),
 * which `maps:fold/3` and friends and the `~w`/`~p` printers follow.
 */
export function* mapIterEntries(m0: ErlMapLike): IterableIterator<[Term, Term]> {
  const m = asErlMap(m0);
  if (m.root === undefined) {
    yield* m.entries();
    return;
  }
  for (const l of leavesUp(m.root)) yield [l.key, l.val];
}
