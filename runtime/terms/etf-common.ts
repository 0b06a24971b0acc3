/**
 * What the external term format encoder and decoder share: the tag bytes (OTP's
 * names from erts/emulator/beam/external.h), the error class, and the runtime
 * configuration the decoder needs (which node is "this node", and the atom and
 * export tables that `binary_to_term(B, [safe])` consults).
 */
import { TermBadArg } from './errors.js';
import type { Atom } from './types.js';

export const VERSION_MAGIC = 131;
export const COMPRESSED = 80;

export const NEW_FLOAT_EXT = 70;
export const BIT_BINARY_EXT = 77;
export const ATOM_CACHE_REF = 82;
export const NEW_PID_EXT = 88;
export const NEW_PORT_EXT = 89;
export const NEWER_REFERENCE_EXT = 90;
export const SMALL_INTEGER_EXT = 97;
export const INTEGER_EXT = 98;
export const FLOAT_EXT = 99;
export const ATOM_EXT = 100;
export const REFERENCE_EXT = 101;
export const PORT_EXT = 102;
export const PID_EXT = 103;
export const SMALL_TUPLE_EXT = 104;
export const LARGE_TUPLE_EXT = 105;
export const NIL_EXT = 106;
export const STRING_EXT = 107;
export const LIST_EXT = 108;
export const BINARY_EXT = 109;
export const SMALL_BIG_EXT = 110;
export const LARGE_BIG_EXT = 111;
export const NEW_FUN_EXT = 112;
export const EXPORT_EXT = 113;
export const NEW_REFERENCE_EXT = 114;
export const SMALL_ATOM_EXT = 115;
export const MAP_EXT = 116;
export const FUN_EXT = 117;
export const ATOM_UTF8_EXT = 118;
export const SMALL_ATOM_UTF8_EXT = 119;
export const V4_PORT_EXT = 120;

/** Longest string that STRING_EXT can carry (its length field is 16 bits). */
export const MAX_STRING_LEN = 0xffff;
/** An atom has at most 255 characters. */
export const MAX_ATOM_CHARACTERS = 255;
/** ... and at most 4 * 255 bytes of UTF-8. */
export const MAX_ATOM_SZ_LIMIT = 4 * MAX_ATOM_CHARACTERS;
/** Largest bignum BEAM accepts: 2^19 - 1 digits of 8 bytes. */
export const MAX_BIG_BYTES = 8 * ((1 << 19) - 1);
/** A fun has at most 255 free variables (MAX_ARG). */
export const MAX_FUN_FREE = 255;

/**
 * Malformed external-format input (or an option BEAM would reject). It is a
 * `TermBadArg`, so the runtime raises `error:badarg` for it, as BEAM does for
 * every decoding failure. `offset` is the byte offset in the input where the
 * problem was found (after decompression when the data was compressed, which
 * the message then says).
 */
export class EtfError extends TermBadArg {
  constructor(
    public readonly what: string,
    public readonly offset: number,
  ) {
    super('badarg', `external term format: ${what} at byte ${offset}`);
    this.name = 'EtfError';
  }
}

/** What the decoder needs from the runtime. */
export interface EtfConfig {
  /** This node's name: pids, ports and refs of this node are checked more strictly. */
  localNode: Atom;
  /** This node's creation (0 for `nonode@nohost`). */
  localCreation: number;
  /**
   * For `safe`: whether the atom already exists. BEAM consults its atom table;
   * this runtime has none (atoms are JS strings), so the runtime installs a hook
   * (e.g. atoms of loaded modules plus those created so far). Until it does,
   * every atom is accepted.
   */
  atomExists: (name: Atom) => boolean;
  /** For `safe`: whether `fun M:F/A` refers to an existing export (default: yes). */
  exportExists: (module: Atom, name: Atom, arity: number) => boolean;
}

export const etfConfig: EtfConfig = {
  localNode: 'nonode@nohost',
  localCreation: 0,
  atomExists: () => true,
  exportExists: () => true,
};

/** Install runtime hooks or the node identity (see `EtfConfig`). */
export function configureEtf(config: Partial<EtfConfig>): void {
  Object.assign(etfConfig, config);
}
