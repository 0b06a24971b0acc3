/**
 * Every BIF table of the runtime, by the Erlang module it belongs to. Each
 * table maps `"name/arity"` to a BIF `(p, ...args) => Term`.
 *
 * The `erlang` table is the language BIFs (./erlang.ts) together with the
 * process BIFs (./erlang-process.ts). The tables overlay the compiled OTP
 * module of the same name (runtime/boot.ts): a BIF replaces the module's
 * `erlang:nif_error/1` stub of that name.
 */
import type { Bif } from './erlang-args.js';
import { erlangBifs } from './erlang.js';
import { processBifs } from './erlang-process.js';
import { ertsInternalBifs } from './erts_internal.js';
import { listsBifs } from './lists.js';
import { mapsBifs } from './maps.js';

export { erlangBifs, ertsInternalBifs, listsBifs, mapsBifs, processBifs };
export type { Bif };
export { internAtom, internAtoms, atomExists } from './atoms.js';
export { setDisplayWriter } from './erlang-display.js';

/** `erlang` BIFs of both kinds in one table. */
const allErlang = new Map<string, Bif>([...erlangBifs, ...(processBifs as [string, Bif][])]);

export const bifTables: ReadonlyMap<string, ReadonlyMap<string, Bif>> = new Map<string, ReadonlyMap<string, Bif>>([
  ['erlang', allErlang],
  ['erts_internal', ertsInternalBifs],
  ['lists', listsBifs],
  ['maps', mapsBifs],
]);
