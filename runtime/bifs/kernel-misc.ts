/**
 * The few C-implemented functions of stdlib and kernel modules that are not
 * part of a larger BIF family: `io:printable_range/0`,
 * `error_logger:warning_map/0` and the
 * `erts_debug` functions programs use to look at term sizes.
 */
import { BitString, Cons, ErlFloat, Fun, isMap, type ErlMapLike, type Term } from '../terms/types.js';
import type { Bif } from './erlang-args.js';

/** `erl +pc latin1` is the default: only latin1 lists print as strings. */
export const ioBifs: Map<string, Bif> = new Map([['printable_range/0', () => 'latin1']]);

/** `erl +W w` is the default: warning_msg/2 logs at warning level. */
export const errorLoggerBifs: Map<string, Bif> = new Map([['warning_map/0', () => 'warning']]);

/**
 * The heap words BEAM would use for `t` on a 64-bit machine, counting shared
 * subterms once per reference (as erts_debug:flat_size/1 does). Binaries
 * count their header words only (off-heap data is not on the heap).
 */
function flatSize(t: Term): number {
  let words = 0;
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x instanceof Cons) {
      words += 2;
      stack.push(x.hd, x.tl);
    } else if (Array.isArray(x)) {
      words += x.length + 1;
      for (const e of x) stack.push(e);
    } else if (typeof x === 'bigint') {
      const bits = (x < 0n ? -x : x).toString(2).length;
      words += 1 + Math.ceil(bits / 64);
    } else if (x instanceof BitString) {
      words += x.bytes.length <= 64 ? 2 + Math.ceil(x.bytes.length / 8) : 6;
    } else if (isMap(x)) {
      const m = x as ErlMapLike;
      words += m.size <= 32 ? 3 + m.size + 1 + m.size : 2 * m.size + Math.ceil(m.size / 2);
      for (const [k, v] of m.entries()) stack.push(k, v);
    } else if (x instanceof Fun) {
      words += 5 + x.env.length;
      for (const e of x.env) stack.push(e);
    } else if (x instanceof ErlFloat) {
      words += 2;
    }
  }
  return words;
}

export const ertsDebugBifs: Map<string, Bif> = new Map<string, Bif>([
  ['flat_size/1', (_p, t: Term) => flatSize(t)],
  ['size_shared/1', (_p, t: Term) => flatSize(t)],
  ['same/2', (_p, a: Term, b: Term) => (a === b ? 'true' : 'false')],
]);
