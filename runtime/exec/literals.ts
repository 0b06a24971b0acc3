/**
 * Constructors that hoisted literals in generated modules call at load time
 * (compiler/js/literals.ts writes the calls).
 */
import { mapFromEntries } from '../terms/map.js';
import { BitString, ErlFloat, charlist, type Term } from '../terms/types.js';

export const flt = (v: number): ErlFloat => new ErlFloat(v);

/** A proper list of the code points of `s`. */
export const chars = (s: string): Term => charlist(s);

function bytesOf(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A binary whose bytes are the char codes (0..255) of `s`. */
export const latin1 = (s: string): BitString => new BitString(bytesOf(s), s.length * 8);

/** A bitstring of `bitSize` bits from the bytes of `s`. */
export const bits = (s: string, bitSize: number): BitString => new BitString(bytesOf(s), bitSize);

export const map = (entries: [Term, Term][]): Term => mapFromEntries(entries);

export function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}
