/**
 * Atom-table indices, which BEAM's internal hash mixes into the hash of every
 * atom (see ./hash-internal.ts) and which therefore decide where atom keys sit
 * in a large map, and so the order it lists them in.
 *
 * beamjs atoms are plain strings, so the index lives here. The atoms that every
 * OTP 25 emulator creates at the same index while booting get that index
 * (./atom-table.ts); any other atom gets the next free index the first time it
 * is hashed. BEAM numbers those by creation (module loading order), which a
 * beamjs program cannot reproduce, so large maps keyed by such atoms iterate
 * in an order that is consistent but not BEAM's.
 */
import { BOOT_ATOMS } from './atom-table.js';

const indexes = new Map<string, number>();
const taken = new Set<number>();
let next = 0;

function seed(): void {
  for (let i = 0; i < BOOT_ATOMS.length; i++) {
    indexes.set(BOOT_ATOMS[i]!, i);
    taken.add(i);
  }
  next = BOOT_ATOMS.length;
}

/** The atom's table index, assigning the next free one on first use. */
export function atomIndex(a: string): number {
  if (next === 0) seed();
  let i = indexes.get(a);
  if (i === undefined) {
    while (taken.has(next)) next++;
    i = next++;
    indexes.set(a, i);
    taken.add(i);
  }
  return i;
}

/**
 * Pin an atom's index, e.g. to the one it has in a reference VM, so that maps
 * keyed by it order as there. Only for atoms not hashed yet (maps already
 * holding the atom would otherwise have it in the wrong place); re-pinning to
 * the same index is allowed. Throws `AtomIndexConflict` otherwise.
 */
export function setAtomIndex(a: string, i: number): void {
  if (next === 0) seed();
  const old = indexes.get(a);
  if (old === i) return;
  if (old !== undefined || taken.has(i) || !Number.isInteger(i) || i < 0) {
    throw new AtomIndexConflict(a, i);
  }
  indexes.set(a, i);
  taken.add(i);
}

export class AtomIndexConflict extends Error {
  constructor(
    readonly atom: string,
    readonly index: number,
  ) {
    super(`cannot give atom '${atom}' index ${index}: the atom or the index is already in use`);
    this.name = 'AtomIndexConflict';
  }
}
