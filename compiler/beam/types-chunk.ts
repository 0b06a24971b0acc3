/**
 * The Type chunk (beam-format.md 1.3): `u32 Version, u32 Count`, entries.
 * - v1 (OTP 25): fixed 18 bytes `<<Bits:16, Min:64/signed, Max:64/signed>>`,
 *   Min > Max meaning "no range";
 * - v2 (OTP 26): `<<Bits:16, [Min:64], [Max:64], [Unit-1:8]>>`, with
 *   bits 13/14/15 saying which optional fields follow;
 * - v3 (OTP 27+): as v2 but the bs_matchstate bit is gone, so the type bits
 *   are 0..11 and the flags move to bits 12/13/14.
 * Entries are normalised to the v1 bit numbering (BEAM_TYPE). Like ERTS, an
 * unknown version means "no type information".
 */
import { normInt } from '../../runtime/terms/types.js';
import { ByteReader } from './bytes.js';
import { BEAM_TYPE, BEAM_TYPE_ANY, type RawChunk, type TypeInfo, type TypeTable } from './types.js';

export function parseTypes(chunk: RawChunk, file: string): TypeTable | undefined {
  const r = new ByteReader(chunk.data, chunk.offset, file, chunk.id);
  const version = r.u32('Type version');
  if (version < 1 || version > 3) return undefined;
  const n = r.count(version === 1 ? 18 : 2, 'type');
  const entries: TypeInfo[] = new Array<TypeInfo>(n);
  for (let i = 0; i < n; i++) {
    entries[i] = version === 1 ? entryV1(r, i) : entryV2V3(r, i, version);
  }
  return { version, entries };
}

function entryV1(r: ByteReader, index: number): TypeInfo {
  const bits = r.u16('type bits') & BEAM_TYPE_ANY;
  const min = r.i64('type minimum');
  const max = r.i64('type maximum');
  const ranged = min <= max;
  return {
    index,
    bits,
    min: ranged ? normInt(min) : undefined,
    max: ranged ? normInt(max) : undefined,
    unit: undefined,
  };
}

/** v3 type bits 0..11 in order, mapped to the v1 numbering. */
const V3_TO_V1 = [
  BEAM_TYPE.atom, BEAM_TYPE.bitstring, BEAM_TYPE.cons, BEAM_TYPE.float,
  BEAM_TYPE.fun, BEAM_TYPE.integer, BEAM_TYPE.map, BEAM_TYPE.nil,
  BEAM_TYPE.pid, BEAM_TYPE.port, BEAM_TYPE.reference, BEAM_TYPE.tuple,
];

function entryV2V3(r: ByteReader, index: number, version: number): TypeInfo {
  const raw = r.u16('type bits');
  let bits: number;
  let flagShift: number;
  if (version === 2) {
    bits = raw & BEAM_TYPE_ANY;
    flagShift = 13;
  } else {
    bits = 0;
    for (let b = 0; b < 12; b++) if (raw & (1 << b)) bits |= V3_TO_V1[b]!;
    if ((raw & 0xfff) === 0xfff) bits = BEAM_TYPE_ANY; // "any" includes match states
    flagShift = 12;
  }
  const min = raw & (1 << flagShift) ? normInt(r.i64('type minimum')) : undefined;
  const max = raw & (1 << (flagShift + 1)) ? normInt(r.i64('type maximum')) : undefined;
  const unit = raw & (1 << (flagShift + 2)) ? r.u8('type unit') + 1 : undefined;
  return { index, bits, min, max, unit };
}

/** The entry used for typed registers when a file has no (usable) Type chunk. */
export const ANY_TYPE: TypeInfo = Object.freeze({
  index: 0, bits: BEAM_TYPE_ANY, min: undefined, max: undefined, unit: undefined,
});
