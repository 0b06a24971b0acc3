/**
 * The set of atoms that "exist", for `list_to_existing_atom/1`,
 * `binary_to_existing_atom/1,2` and `binary_to_term(B, [safe])`.
 *
 * beamjs atoms are plain JS strings, so there is no atom table to consult.
 * BEAM's notion is approximated by this set: the atoms an OTP 25 emulator
 * has at boot (runtime/terms/atom-table.ts), every atom of loaded code (the
 * loader calls `internAtoms` with a module's atom chunk, literals included),
 * and every atom created at run time by a BIF (`list_to_atom/1`,
 * `binary_to_atom/2`, `binary_to_term/1`, ...), which call `internAtom`.
 */
import { BOOT_ATOMS } from '../terms/atom-table.js';
import { configureEtf } from '../terms/etf.js';

/** An atom has at most 255 characters (code points). */
export const MAX_ATOM_CHARACTERS = 255;

/** The atoms a fresh OTP 25 emulator has before it runs any code. */
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
