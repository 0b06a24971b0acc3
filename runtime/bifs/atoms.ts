/**
 * The set of atoms that "exist", for `list_to_existing_atom/1`,
 * `binary_to_existing_atom/1,2` and `binary_to_term(B, [safe])`.
 *
 * beamjs atoms are plain JS strings, so there is no atom table to consult.
 * BEAM's notion is approximated by this set: atoms BEAM creates at boot (the
 * common ones below), every atom of loaded code (the loader calls
 * `internAtoms` with a module's atom chunk), and every atom created at run time
 * by a BIF (`list_to_atom/1`, `binary_to_atom/2`, `binary_to_term/1`, ...),
 * which call `internAtom`. An atom that compiled code merely mentions in a
 * literal is interned by the loader too, so `list_to_existing_atom("ok")`
 * behaves as on BEAM.
 */
import { configureEtf } from '../terms/etf.js';

/** An atom has at most 255 characters (code points). */
export const MAX_ATOM_CHARACTERS = 255;

/** Atoms every program can count on (a small part of BEAM's boot table). */
const BOOT_ATOMS = [
  '', 'true', 'false', 'ok', 'error', 'undefined', 'badarg', 'badarith', 'badmatch', 'badkey',
  'badmap', 'badfun', 'badarity', 'badrecord', 'function_clause', 'case_clause', 'if_clause',
  'try_clause', 'undef', 'system_limit', 'noproc', 'normal', 'kill', 'killed', 'exit', 'throw',
  'nocatch', 'infinity', 'none', 'nonode@nohost', 'erlang', 'lists', 'maps', 'binary', 'utf8',
  'latin1', 'unicode', 'iterator', 'module', 'name', 'arity', 'env', 'type', 'local', 'external',
  'index', 'new_index', 'uniq', 'new_uniq', 'pid', 'safe', 'used', 'compressed', 'minor_version',
  'deterministic', 'decimals', 'scientific', 'short', 'compact', 'EXIT', 'DOWN', 'process', 'port',
  'timeout', 'nil', 'self', 'node', 'call', 'return', 'file', 'line', 'error_info',
];

const known = new Set<string>(BOOT_ATOMS);

/** Record that `a` exists (created at run time or seen in loaded code). */
export function internAtom(a: string): string {
  known.add(a);
  return a;
}

/** Record every atom of a loaded module. */
export function internAtoms(atoms: Iterable<string>): void {
  for (const a of atoms) known.add(a);
}

/** Does the atom exist (see the module comment)? */
export function atomExists(a: string): boolean {
  return known.has(a);
}

/** The number of characters (code points) of an atom's text. */
export function atomLength(a: string): number {
  // A JS string has at most 2 UTF-16 units per code point: short ones need no count.
  if (a.length <= MAX_ATOM_CHARACTERS) return a.length;
  let n = 0;
  for (const _ of a) n++;
  return n;
}

// `binary_to_term(B, [safe])` asks this set.
configureEtf({ atomExists });
