/**
 * The `erlang` module's BIFs that the language itself needs, as one table
 * keyed `"name/arity"` (`"+/2"`, `"atom_to_list/1"`, ...). Each concern lives
 * in its own file; this one only assembles them:
 *
 *   erlang-arith.ts       + - * / div rem, bitwise ops, abs, float, rounding
 *   erlang-predicates.ts  comparisons, and/or/xor/not, is_* type tests
 *   erlang-data.ts        tuples, hd/tl/length, ++ and --, sizes
 *   erlang-convert.ts     atom and integer conversions
 *   erlang-float.ts       float_to_list/binary, list/binary_to_float
 *   erlang-binary.ts      binaries, iolists, term_to_binary, phash
 *   erlang-digest.ts      crc32, adler32, md5
 *   erlang-time.ts        localtime, universaltime, now, posix time, ...
 *   erlang-misc.ts        funs, pid/port/ref text, display, bump_reductions
 *   maps.ts               map_size, map_get, is_map_key (with the maps BIFs)
 *
 * The process BIFs (self, spawn, send, exit, error, ...) are in
 * erlang-process.ts, owned by the process runtime; index.ts merges both.
 */
import { bifTable, type Bif } from './erlang-args.js';
import { arithBifs } from './erlang-arith.js';
import { binaryBifs } from './erlang-binary.js';
import { convertBifs } from './erlang-convert.js';
import { dataBifs } from './erlang-data.js';
import { digestBifs } from './erlang-digest.js';
import { floatBifs } from './erlang-float.js';
import { miscBifs } from './erlang-misc.js';
import { predicateBifs } from './erlang-predicates.js';
import { timeBifs } from './erlang-time.js';
import { erlangMapBifs } from './maps.js';

export const erlangBifs: Map<string, Bif> = bifTable([
  ...arithBifs,
  ...predicateBifs,
  ...dataBifs,
  ...convertBifs,
  ...floatBifs,
  ...binaryBifs,
  ...digestBifs,
  ...timeBifs,
  ...miscBifs,
  ...erlangMapBifs,
]);
