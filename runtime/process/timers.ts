/**
 * The one timer structure of a runtime: a binary min-heap ordered by expiry
 * time then creation order, with each timer remembering its heap index so that
 * cancelling is O(log n). It serves receive `after` clauses,
 * `erlang:send_after/3,4`, `erlang:start_timer/3,4` and JS-side callbacks.
 * Firing a timer is the runtime's job (runtime.ts); this file only orders them.
 */
import type { Ref, Term } from '../terms/types.js';

export type TimerKind =
  /** A receive `after`: wakes `owner` with its timeout flag set. */
  | 'receive'
  /** `send_after`: sends `msg` to `dest`. */
  | 'send'
  /** `start_timer`: sends `{timeout, ref, msg}` to `dest`. */
  | 'timeout'
  /** A JS callback (runtime internals). */
  | 'js';

export class Timer {
  /** Position in the heap, or -1 once fired or cancelled. */
  index = -1;
  constructor(
    /** Expiry on the monotonic clock, in milliseconds. */
    public readonly at: number,
    public readonly seq: number,
    public readonly kind: TimerKind,
    /** For 'receive': the waiting process (typed loosely to avoid a cycle). */
    public readonly owner: unknown,
    public readonly dest: Term | undefined,
    public readonly msg: Term | undefined,
    public readonly ref: Ref | undefined,
    public readonly callback: (() => void) | undefined,
  ) {}

  get active(): boolean {
    return this.index >= 0;
  }
}

const before = (a: Timer, b: Timer): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export class TimerHeap {
  private readonly heap: Timer[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  /** The earliest timer, without removing it. */
  /** Whether every pending timer satisfies `pred` (true when there are none). */
  every(pred: (t: Timer) => boolean): boolean {
    return this.heap.every(pred);
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  add(t: Timer): Timer {
    t.index = this.heap.length;
    this.heap.push(t);
    this.up(t.index);
    return t;
  }

  /** Removes `t` if it is still pending; returns whether it was. */
  remove(t: Timer): boolean {
    const i = t.index;
    if (i < 0 || this.heap[i] !== t) return false;
    const last = this.heap.pop()!;
    t.index = -1;
    if (last !== t) {
      this.heap[i] = last;
      last.index = i;
      this.down(i);
      this.up(last.index);
    }
    return true;
  }

  /** Removes and returns the earliest timer if it expires at or before `now`. */
  popExpired(now: number): Timer | undefined {
    const t = this.heap[0];
    if (t === undefined || t.at > now) return undefined;
    this.remove(t);
    return t;
  }

  private up(i: number): void {
    const h = this.heap;
    const t = h[i]!;
    while (i > 0) {
      const pi = (i - 1) >> 1;
      const parent = h[pi]!;
      if (!before(t, parent)) break;
      h[i] = parent;
      parent.index = i;
      i = pi;
    }
    h[i] = t;
    t.index = i;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    const t = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r]!, h[l]!) ? r : l;
      const child = h[c]!;
      if (!before(child, t)) break;
      h[i] = child;
      child.index = i;
      i = c;
    }
    h[i] = t;
    t.index = i;
  }
}
