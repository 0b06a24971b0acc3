/**
 * The module MD5 (`Mod:module_info(md5)`, and the `uniq` of its funs), as
 * beam_lib:md5/1 computes it: MD5 over the data of the chunks Atom, AtU8,
 * Code, StrT, ImpT, ExpT, FunT, LitT and Meta, in that order, with the
 * OldUniq field of every FunT row zeroed.
 */
import type { BeamFile } from '../beam/types.js';
import { concatBytes } from '../../runtime/terms/binary.js';

const MD5_CHUNKS = ['Atom', 'AtU8', 'Code', 'StrT', 'ImpT', 'ExpT', 'FunT', 'LitT', 'Meta'];

export function moduleMd5(beam: BeamFile, md5: (data: Uint8Array) => Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const id of MD5_CHUNKS) {
    const chunk = beam.chunks.find((c) => c.id === id);
    if (chunk === undefined) continue;
    parts.push(id === 'FunT' ? zeroOldUniq(chunk.data) : chunk.data);
  }
  return md5(concatBytes(parts));
}

/** FunT rows are 24 bytes after a 4-byte count; OldUniq is the last 4 of each. */
function zeroOldUniq(data: Uint8Array): Uint8Array {
  const out = data.slice();
  for (let row = 4; row + 24 <= out.length; row += 24) out.fill(0, row + 20, row + 24);
  return out;
}
