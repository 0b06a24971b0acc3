/**
 * References and unique integers.
 *
 * BEAM's ordinary reference is three 32-bit words printed most significant
 * first, `#Ref<0.W2.W1.W0>`, where W0 keeps 18 bits of a counter. Here W0/W1
 * hold a per-runtime counter (18 + 32 bits, so 2^50 refs before wrapping) and
 * W2 a random word chosen when the runtime starts, which makes refs look like
 * BEAM's and keeps refs of two runtimes distinct.
 */
import { Ref, type Term } from '../terms/types.js';

const LOW_BITS = 18;
const LOW = 2 ** LOW_BITS;

export class RefFactory {
  private n = 0;
  private readonly high: number;

  constructor(seed: number = Math.floor(Math.random() * 2 ** 32)) {
    this.high = seed >>> 0;
  }

  /** `erlang:make_ref/0`. */
  make(): Ref {
    const n = ++this.n;
    return new Ref([n % LOW, Math.floor(n / LOW) >>> 0, this.high]);
  }
}

/** A reference's value as a Map key (see refKey). */
export type RefKey = number | string;

/** The high words of references seen so far, numbered for refKey (at most MAX_HIGHS). */
const highIndex = new Map<number, number>();
const MAX_HIGHS = 16;

/**
 * A key that identifies a reference by value, for `Map` keys: two `Ref`
 * objects for the same reference (for example one decoded by binary_to_term)
 * give the same key. A local reference whose words fit is a number (its
 * counter and the index of its high word: numbers hash and compare much
 * faster than fresh strings, and monitors and aliases churn through keys on
 * every gen_server call); any other reference is a string, which never
 * equals a number.
 */
export function refKey(r: Ref): RefKey {
  // Computed once per reference: monitors, aliases and timers look their
  // reference up on every call, demonitor and reply.
  const cached = r.key;
  if (cached !== undefined) return cached;
  const ids = r.ids;
  let key: RefKey | undefined;
  if (ids.length === 3 && r.node === 'nonode@nohost' && r.creation === 0 && ids[0]! < LOW && ids[1]! < 2 ** 30) {
    let h = highIndex.get(ids[2]!);
    if (h === undefined && highIndex.size < MAX_HIGHS) highIndex.set(ids[2]!, (h = highIndex.size));
    if (h !== undefined) key = (ids[1]! * LOW + ids[0]!) * MAX_HIGHS + h;
  }
  if (key === undefined) {
    const base = ids.join('.');
    key = r.node === 'nonode@nohost' && r.creation === 0 ? base : `${base}@${r.node}/${r.creation}`;
  }
  r.key = key;
  return key;
}

export const isRefTerm = (t: Term): t is Ref => t instanceof Ref;

/**
 * `erlang:unique_integer/0,1`. One strictly increasing counter serves every
 * option combination: its values are unique, positive and monotonic, which
 * satisfies all of `[]`, `[positive]`, `[monotonic]` (BEAM's values for `[]`
 * may be negative; nothing may rely on that).
 */
export class UniqueIntegers {
  private n = 0;
  next(): number {
    return ++this.n;
  }
}
