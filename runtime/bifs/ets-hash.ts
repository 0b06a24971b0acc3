/**
 * set, bag and duplicate_bag tables laid out as BEAM lays them out (OTP 25
 * erl_db_hash.c), so that first/next, tab2list, select and slot/2 return
 * objects in BEAM's order:
 *
 * - the hash of a key is the atom table's hashpjw of an atom's name, else
 *   `make_internal_hash(Key, 0)` (runtime/terms/hash-internal.ts);
 * - linear hashing: 256 buckets at first, `nactive` buckets in use and a mask
 *   `szm`; a key goes to `hash & szm`, or `hash & (szm >> 1)` when that bucket
 *   is not active yet. After an insert, while the number of objects exceeds
 *   `nactive` (at most 5 times), one bucket is split into bucket `nactive`
 *   keeping the relative order of both halves. Buckets come in segments (256,
 *   then 2048 each); a table only shrinks once it has 256 + 2*2048 slots:
 *   after a delete, while objects < (slots - 2048) / 2 (at most 5 times), the
 *   top bucket is joined in front of its partner. A fixed table neither grows
 *   nor shrinks;
 * - a new key is appended to its bucket's chain; a new object of an existing
 *   key in a bag goes in front of that key's objects (lookup returns them
 *   reversed, i.e. in insertion order); iteration walks buckets in order
 *   (with write_concurrency, BEAM's 64 lock stripes: 0, 64, 128, ..., 1, 65, ...);
 * - while fixed, the first deleted object of a key stays as a pseudo-deleted
 *   placeholder so next/2 can continue from it; unfixing removes them.
 *
 * Not reproduced: tables with decentralized_counters (BEAM then grows from
 * per-lock estimates of the object count), and funs/remote pids as keys,
 * whose internal hash uses memory addresses on BEAM.
 */
import { exactEquals } from '../terms/compare.js';
import { internalHash } from '../terms/hash.js';
import type { Term } from '../terms/types.js';
import { NO_KEY, type Store } from './ets-store.js';

class HObj {
  next: HObj | null = null;
  pseudo = false;
  constructor(
    readonly key: Term,
    readonly hval: number,
    public obj: Term,
  ) {}
}

const FIRST_SEGSZ = 256;
const EXT_SEGSZ = 2048;
const LOCK_CNT = 64;
const NONE: readonly Term[] = Object.freeze([]) as readonly Term[];

/** hashpjw over the atom's UTF-8 name, with OTP's "latin1 clutch" for 2-byte sequences. */
const atomHashes = new Map<string, number>();
function atomHash(a: string): number {
  let h = atomHashes.get(a);
  if (h !== undefined) return h;
  const b = new TextEncoder().encode(a);
  h = 0;
  for (let i = 0; i < b.length; i++) {
    let v = b[i]!;
    if (i + 1 < b.length && (v & 0xfe) === 0xc2 && (b[i + 1]! & 0xc0) === 0x80) {
      v = ((v << 6) | (b[i + 1]! & 0x3f)) & 0xff;
      i++;
    }
    h = ((h << 4) + v) >>> 0;
    const g: number = h & 0xf0000000;
    if (g !== 0) h = (h ^ (g >>> 24) ^ g) >>> 0;
  }
  atomHashes.set(a, h);
  return h;
}

/** MAKE_HASH of erl_db_hash.c. */
export function etsHash(key: Term): number {
  return typeof key === 'string' ? atomHash(key) : internalHash(key, 0);
}

export class LinearHashStore implements Store {
  private buckets: (HObj | null)[] = new Array<HObj | null>(FIRST_SEGSZ).fill(null);
  private nactive = FIRST_SEGSZ;
  private szm = FIRST_SEGSZ - 1;
  /** Allocated buckets (segments), which decide when the table may shrink. */
  private nslots = FIRST_SEGSZ;
  private shrinkLimit = 0;
  private nitems = 0;
  private fixed = false;
  /** Set while select_delete runs: BEAM tries to shrink once, at the end. */
  deferShrink = false;
  private readonly stride: number;

  constructor(
    readonly type: 'set' | 'bag' | 'duplicate_bag',
    /** write_concurrency: iteration follows BEAM's lock stripes. */
    fineLocked = false,
  ) {
    this.stride = fineLocked ? LOCK_CNT : 1;
  }

  get size(): number {
    return this.nitems;
  }

  /** Buckets in use (slot/2 and select continuations count them). */
  get slots(): number {
    return this.nactive;
  }

  private ix(hval: number): number {
    let ix = hval & this.szm;
    if (ix >= this.nactive) ix &= this.szm >>> 1;
    return ix;
  }

  /** BEAM's next_slot: the slot after `ix` in iteration order, 0 at the end. */
  nextSlot(ix: number): number {
    ix += this.stride;
    if (ix < this.nactive) return ix;
    return (ix + 1) & (this.stride - 1);
  }

  bucketOf(key: Term): number {
    return this.ix(etsHash(key));
  }

  /** Live objects of bucket `ix`, in chain order. */
  bucket(ix: number): Term[] {
    const out: Term[] = [];
    for (let o = this.buckets[ix] ?? null; o !== null; o = o.next) if (!o.pseudo) out.push(o.obj);
    return out;
  }

  private findFirst(key: Term, hval: number, live: boolean): HObj | null {
    for (let o = this.buckets[this.ix(hval)] ?? null; o !== null; o = o.next) {
      if (o.hval === hval && (!live || !o.pseudo) && exactEquals(o.key, key)) return o;
    }
    return null;
  }

  get(key: Term): readonly Term[] {
    const h = etsHash(key);
    let o = this.findFirst(key, h, true);
    if (o === null) return NONE;
    const out: Term[] = [];
    for (; o !== null && o.hval === h && exactEquals(o.key, key); o = o.next) if (!o.pseudo) out.push(o.obj);
    return out.reverse();
  }

  has(key: Term): boolean {
    return this.findFirst(key, etsHash(key), true) !== null;
  }

  insert(key: Term, obj: Term): void {
    const h = etsHash(key);
    const ix = this.ix(h);
    let prev: HObj | null = null;
    let b = this.buckets[ix] ?? null;
    while (b !== null && !(b.hval === h && exactEquals(b.key, key))) {
      prev = b;
      b = b.next;
    }
    if (b !== null && this.type === 'set') {
      if (b.pseudo) {
        b.pseudo = false;
        this.nitems++;
      }
      b.obj = obj;
      return;
    }
    if (b !== null && this.type === 'bag' && this.bagHit(ix, prev, b, obj)) return;
    const q = new HObj(key, h, obj);
    q.next = b;
    if (prev === null) this.buckets[ix] = q;
    else prev.next = q;
    this.nitems++;
    this.tryGrow();
  }

  /** A bag already holding `obj`: revive it (moved in front of its key) and report true. */
  private bagHit(ix: number, prev: HObj | null, first: HObj, obj: Term): boolean {
    let qp: HObj | null = prev;
    for (let q: HObj | null = first; q !== null && q.hval === first.hval && exactEquals(q.key, first.key); q = q.next) {
      if (exactEquals(q.obj, obj)) {
        if (q.pseudo) {
          q.pseudo = false;
          this.nitems++;
          if (q !== first) {
            qp!.next = q.next;
            q.next = first;
            if (prev === null) this.buckets[ix] = q;
            else prev.next = q;
          }
        }
        return true;
      }
      qp = q;
    }
    return false;
  }

  /** Replace the objects of `key` (update_counter/element, select_replace). */
  replace(key: Term, objs: Term[]): void {
    const h = etsHash(key);
    const first = this.findFirst(key, h, false);
    if (first !== null && this.type !== 'duplicate_bag' && objs.length === 1 && !first.pseudo) {
      first.obj = objs[0]!;
      return;
    }
    if (first !== null && this.type === 'duplicate_bag') {
      // Same objects in the same places: objs is the key's objects in lookup order.
      let i = objs.length - 1;
      for (let o: HObj | null = first; o !== null && o.hval === h && exactEquals(o.key, key); o = o.next) {
        if (!o.pseudo && i >= 0) o.obj = objs[i--]!;
      }
      return;
    }
    for (const o of objs) this.insert(key, o);
  }

  remove(key: Term): readonly Term[] {
    const removed = this.get(key);
    if (removed.length > 0) this.erase(key, undefined);
    return removed;
  }

  removeObject(key: Term, obj: Term): void {
    this.erase(key, obj);
  }

  /** db_erase_hash (obj undefined) and db_erase_object_hash. */
  private erase(key: Term, obj: Term | undefined): void {
    const h = etsHash(key);
    const ix = this.ix(h);
    let prev: HObj | null = null;
    let b = this.buckets[ix] ?? null;
    let removed = 0;
    let nkeys = 0;
    while (b !== null) {
      const live = !b.pseudo && b.hval === h && exactEquals(b.key, key);
      if (live) {
        nkeys++;
        if (obj === undefined || exactEquals(obj, b.obj)) {
          removed++;
          const first = obj === undefined ? removed === 1 : nkeys === 1;
          if (first && this.fixed) {
            b.pseudo = true;
          } else {
            const next: HObj | null = b.next;
            if (prev === null) this.buckets[ix] = next;
            else prev.next = next;
            b = next;
            if (obj !== undefined && this.type !== 'duplicate_bag') break;
            continue;
          }
          if (obj !== undefined && this.type !== 'duplicate_bag') break;
        }
      } else if (removed > 0 && !b.pseudo) {
        break;
      }
      prev = b;
      b = b.next;
    }
    if (removed > 0) {
      this.nitems -= removed;
      this.tryShrink();
    }
  }

  clear(): void {
    if (this.fixed) {
      for (let i = 0; i < this.nactive; i++) {
        for (let o = this.buckets[i] ?? null; o !== null; o = o.next) o.pseudo = true;
      }
      this.nitems = 0;
      return;
    }
    this.buckets = new Array<HObj | null>(FIRST_SEGSZ).fill(null);
    this.nactive = FIRST_SEGSZ;
    this.szm = FIRST_SEGSZ - 1;
    this.nslots = FIRST_SEGSZ;
    this.shrinkLimit = 0;
    this.nitems = 0;
  }

  /** The first live object at or after `o` in chain, then in later slots. */
  private nextLive(ix: number, o: HObj | null): HObj | null {
    for (;;) {
      for (; o !== null; o = o.next) if (!o.pseudo) return o;
      ix = this.nextSlot(ix);
      if (ix === 0) return null;
      o = this.buckets[ix] ?? null;
      this.cursorSlot = ix;
    }
  }

  private cursorSlot = 0;

  first(): Term | undefined {
    this.cursorSlot = 0;
    return this.nextLive(0, this.buckets[0] ?? null)?.key;
  }

  /** ets:last/1 on a hash table is ets:first/1. */
  last(): Term | undefined {
    return this.first();
  }

  next(key: Term): Term | undefined | typeof NO_KEY {
    const h = etsHash(key);
    const ix = this.ix(h);
    const b = this.findFirst(key, h, false);
    if (b === null) return NO_KEY;
    this.cursorSlot = ix;
    let o = this.nextLive(ix, b.next);
    while (o !== null && o.hval === h && exactEquals(o.key, key)) o = this.nextLive(this.cursorSlot, o.next);
    return o?.key;
  }

  /** ets:prev/2 on a hash table is ets:next/2. */
  prev(key: Term): Term | undefined | typeof NO_KEY {
    return this.next(key);
  }

  /** Every live object in iteration order, grouped by key (`after` is not supported here). */
  *entries(): IterableIterator<readonly Term[]> {
    let ix = 0;
    do {
      let group: Term[] = [];
      let gk: HObj | null = null;
      for (let o = this.buckets[ix] ?? null; o !== null; o = o.next) {
        if (o.pseudo) continue;
        if (gk !== null && !(o.hval === gk.hval && exactEquals(o.key, gk.key))) {
          yield group.reverse();
          group = [];
        }
        if (group.length === 0) gk = o;
        group.push(o.obj);
      }
      if (group.length > 0) yield group.reverse();
      ix = this.nextSlot(ix);
    } while (ix !== 0);
  }

  setFixed(fixed: boolean): void {
    this.fixed = fixed;
    if (fixed) return;
    for (let i = 0; i < this.nactive; i++) {
      let prev: HObj | null = null;
      for (let o = this.buckets[i] ?? null; o !== null; o = o.next) {
        if (!o.pseudo) prev = o;
        else if (prev === null) this.buckets[i] = o.next;
        else prev.next = o.next;
      }
    }
  }

  private tryGrow(): void {
    for (let n = 0; n < 5 && this.nitems > this.nactive && !this.fixed; n++) this.grow();
  }

  /** Split one bucket into the new bucket `nactive`, keeping the order of both halves. */
  private grow(): void {
    if (this.nactive === this.nslots) this.setSlots(this.nslots + EXT_SEGSZ);
    let fromIx: number;
    if (this.nactive <= this.szm) fromIx = this.nactive & (this.szm >>> 1);
    else {
      fromIx = 0;
      this.szm = (this.szm << 1) | 1;
    }
    const toIx = this.nactive++;
    let stay: HObj | null = null;
    let stayTail: HObj | null = null;
    let move: HObj | null = null;
    let moveTail: HObj | null = null;
    for (let o = this.buckets[fromIx] ?? null; o !== null; ) {
      const next: HObj | null = o.next;
      o.next = null;
      if (o.pseudo) {
        // dropped, as BEAM frees pseudo-deleted objects met while splitting
      } else if ((o.hval & this.szm) === fromIx) {
        if (stayTail === null) stay = o;
        else stayTail.next = o;
        stayTail = o;
      } else {
        if (moveTail === null) move = o;
        else moveTail.next = o;
        moveTail = o;
      }
      o = next;
    }
    this.buckets[fromIx] = stay;
    this.buckets[toIx] = move;
  }

  private setSlots(n: number): void {
    this.nslots = n;
    this.shrinkLimit = n >= FIRST_SEGSZ + 2 * EXT_SEGSZ ? (n - EXT_SEGSZ) >>> 1 : 0;
  }

  tryShrink(): void {
    if (this.deferShrink) return;
    for (let n = 0; n < 5 && this.nitems < this.shrinkLimit && !this.fixed; n++) this.shrink();
  }

  /** Join the top bucket in front of its partner. */
  private shrink(): void {
    const src = this.nactive - 1;
    const lowSzm = this.szm >>> 1;
    const dst = src & lowSzm;
    this.nactive = src;
    if (dst === 0) this.szm = lowSzm;
    if (this.nslots - src >= EXT_SEGSZ) this.setSlots(this.nslots - EXT_SEGSZ);
    let head = this.buckets[src] ?? null;
    this.buckets[src] = null;
    if (head === null) return;
    let prev: HObj | null = null;
    for (let o: HObj | null = head; o !== null; o = o.next) {
      if (o.pseudo) {
        if (prev === null) head = o.next;
        else prev.next = o.next;
      } else prev = o;
    }
    if (prev === null) return;
    prev.next = this.buckets[dst] ?? null;
    this.buckets[dst] = head;
  }
}
