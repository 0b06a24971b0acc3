/**
 * The hash trie behind large maps, shaped like BEAM's hashmap (erl_map.c) so
 * that iteration order matches:
 * - each node covers 4 bits of the key's internal hash (16-way, with a 16-bit
 *   bitmap of occupied slots), lowest bits first;
 * - after 8 levels the 32 bits are used up and the key is re-hashed with a
 *   salt for the next 8 levels (`hashmap_shift_hash`, see `mapHash`);
 * - `maps:to_list/1` walks slots from 15 down to 0, depth first; the map
 *   iterator (`maps:next/1`, hence `maps:fold/3` and `~w`) from 0 up to 15.
 *
 * Nodes are persistent: an update copies the path to the changed slot. A
 * builder that owns freshly made nodes (same `edit` token) may update them in
 * place, which keeps `maps:from_list/1` of a million pairs fast.
 */
import { exactEquals } from './compare.js';
import { mapHash } from './hash-internal.js';
import type { Term } from './types.js';

export class Leaf {
  constructor(
    readonly key: Term,
    readonly val: Term,
    /** The key's hash at depth 0 (levels 0..7). */
    readonly hash: number,
  ) {}
}

export class HNode {
  constructor(
    /** Which of the 16 slots are occupied. */
    public bitmap: number,
    /** The occupied slots in slot order. */
    public slots: Slot[],
    /** Builder token: the owner may mutate this node in place. */
    public edit: object | null,
  ) {}
}

export type Slot = Leaf | HNode;

export const emptyNode = (edit: object | null): HNode => new HNode(0, [], edit);
const owned = (n: HNode, edit: object | null): boolean => edit !== null && n.edit === edit;

const keyEq = (a: Term, b: Term): boolean => a === b || exactEquals(a, b);

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The key's slot index at `lvl` (re-hashing with a salt past level 7). */
function nibble(key: Term, h0: number, lvl: number): number {
  const h = lvl < 8 ? h0 : mapHash(key, lvl >>> 3);
  return (h >>> (4 * (lvl & 7))) & 15;
}

/** Set by `insert`: whether the key was new (so the size grows). */
let added = false;
export const lastInsertAdded = (): boolean => added;

/**
 * Insert or replace `leaf` under `node` at level `lvl`. Returns `node` itself
 * when nothing changed (the same key already maps to the identical value).
 */
export function insert(node: HNode, lvl: number, leaf: Leaf, edit: object | null): HNode {
  added = false;
  return ins(node, lvl, leaf, edit);
}

function ins(node: HNode, lvl: number, leaf: Leaf, edit: object | null): HNode {
  const bitmap = node.bitmap;
  const bit = 1 << nibble(leaf.key, leaf.hash, lvl);
  const pos = popcount(bitmap & (bit - 1));
  if ((bitmap & bit) === 0) {
    added = true;
    if (owned(node, edit)) {
      const a = node.slots;
      for (let i = a.length; i > pos; i--) a[i] = a[i - 1]!;
      a[pos] = leaf;
      node.bitmap = bitmap | bit;
      return node;
    }
    return new HNode(bitmap | bit, withInserted(node.slots, pos, leaf), edit);
  }
  const slot = node.slots[pos]!;
  let repl: Slot;
  if (slot instanceof Leaf) {
    if (keyEq(slot.key, leaf.key)) {
      // The new key replaces the old one: they can differ (0.0 and -0.0).
      if (slot.val === leaf.val && slot.key === leaf.key) return node;
      repl = leaf;
    } else {
      added = true;
      repl = pair(slot, leaf, lvl + 1, edit);
    }
  } else {
    repl = ins(slot, lvl + 1, leaf, edit);
    if (repl === slot) return node;
  }
  if (owned(node, edit)) {
    node.slots[pos] = repl;
    return node;
  }
  const slots = node.slots.slice();
  slots[pos] = repl;
  return new HNode(bitmap, slots, edit);
}

/** A copy of `a` with `x` inserted at `pos`. */
function withInserted(a: readonly Slot[], pos: number, x: Slot): Slot[] {
  const b: Slot[] = [];
  for (let i = 0; i < pos; i++) b.push(a[i]!);
  b.push(x);
  for (let i = pos; i < a.length; i++) b.push(a[i]!);
  return b;
}

function withRemoved(a: readonly Slot[], pos: number): Slot[] {
  const b: Slot[] = [];
  for (let i = 0; i < a.length; i++) if (i !== pos) b.push(a[i]!);
  return b;
}

/** A subtree holding two leaves whose paths agree up to `lvl`. */
function pair(a: Leaf, b: Leaf, lvl: number, edit: object | null): HNode {
  const ia = nibble(a.key, a.hash, lvl);
  const ib = nibble(b.key, b.hash, lvl);
  if (ia === ib) return new HNode(1 << ia, [pair(a, b, lvl + 1, edit)], edit);
  return new HNode((1 << ia) | (1 << ib), ia < ib ? [a, b] : [b, a], edit);
}

export function lookup(root: HNode, key: Term, h0: number): Leaf | undefined {
  const l = probe(root, key, h0);
  return l !== undefined && keyEq(l.key, key) ? l : undefined;
}

/**
 * The leaf on `key`'s path, whose key is the only one that can equal `key`;
 * the keys are not compared (equality on an explicit stack does that).
 */
export function probe(root: HNode, key: Term, h0: number): Leaf | undefined {
  let node = root;
  for (let lvl = 0; ; lvl++) {
    const bitmap = node.bitmap;
    const bit = 1 << nibble(key, h0, lvl);
    if ((bitmap & bit) === 0) return undefined;
    const slot = node.slots[popcount(bitmap & (bit - 1))]!;
    if (slot instanceof Leaf) return slot;
    node = slot;
  }
}

/**
 * Remove `key`. Returns the same node when absent, `null` when the node
 * became empty, or a leaf when a sub-node is left with a single leaf (it then
 * moves up, as BEAM collapses such nodes).
 */
export function remove(node: HNode, lvl: number, key: Term, h0: number): Slot | null {
  const bitmap = node.bitmap;
  const bit = 1 << nibble(key, h0, lvl);
  if ((bitmap & bit) === 0) return node;
  const pos = popcount(bitmap & (bit - 1));
  const slot = node.slots[pos]!;
  const n = node.slots.length;
  let repl: Slot | null;
  if (slot instanceof Leaf) {
    if (!keyEq(slot.key, key)) return node;
    repl = null;
  } else {
    repl = remove(slot, lvl + 1, key, h0);
    if (repl === slot) return node;
  }
  if (repl !== null) {
    if (lvl > 0 && n === 1 && repl instanceof Leaf) return repl;
    const slots = node.slots.slice();
    slots[pos] = repl;
    return new HNode(bitmap, slots, null);
  }
  if (n === 1) return null;
  if (lvl > 0 && n === 2) {
    const other = node.slots[1 - pos]!;
    if (other instanceof Leaf) return other;
  }
  return new HNode(bitmap & ~bit, withRemoved(node.slots, pos), null);
}

/** Drop a builder's ownership of the nodes it made, so later updates copy. */
export function freeze(node: HNode, edit: object): void {
  if (node.edit !== edit) return;
  node.edit = null;
  for (const s of node.slots) if (s instanceof HNode) freeze(s, edit);
}

/** Leaves in `maps:to_list/1` order: slots high to low, depth first. */
export function* leavesDown(root: HNode): Generator<Leaf> {
  const stack: Slot[] = [root];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s instanceof Leaf) yield s;
    else for (const c of s.slots) stack.push(c);
  }
}

/** Leaves in map-iterator order (`maps:next/1`): slots low to high. */
export function* leavesUp(root: HNode): Generator<Leaf> {
  const stack: Slot[] = [root];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s instanceof Leaf) yield s;
    else for (let i = s.slots.length - 1; i >= 0; i--) stack.push(s.slots[i]!);
  }
}
