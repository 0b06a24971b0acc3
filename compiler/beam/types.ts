/**
 * BeamFile: the chunks of one `.beam` file, parsed but not yet interpreted.
 *
 * This is the representation between the bytes and the decoded instructions
 * (compiler/asm/types.ts). Tables keep the BEAM numbering so the decoder can
 * index them directly with operand values:
 * - `atoms` is 1-based (`atoms[1]` is the module name); `atoms[0]` is a
 *   placeholder, because atom index 0 in the Code chunk means `[]`;
 * - `imports`, `funs`, `literals`, `types.entries` are 0-based;
 * - `lines.items[0]` is the "undefined location"; `lines.files[0]` is the
 *   implicit `<module>.erl`.
 */
import type { Atom, Int, Term } from '../../runtime/terms/types.js';

/** One chunk as it sits in the container. */
export interface RawChunk {
  /** Four-character id, e.g. `Code`. */
  readonly id: string;
  /** Absolute file offset of the chunk's data (after id and size). */
  readonly offset: number;
  /** The chunk's data, without the alignment padding (a view, no copy). */
  readonly data: Uint8Array;
}

export interface CodeChunk {
  readonly headerSize: number;
  /** BEAM_FORMAT_NUMBER; 0 for every released OTP. */
  readonly formatNumber: number;
  /** The highest opcode used (the compiler may raise it as a canary). */
  readonly opcodeMax: number;
  /** Highest label + 1. */
  readonly labelCount: number;
  readonly functionCount: number;
  /** The instructions: from after the header to the end of the chunk. */
  readonly code: Uint8Array;
  /** Offset of `code[0]` within the Code chunk's data (4 + headerSize). */
  readonly codeStart: number;
  /** Absolute file offset of the Code chunk's data. */
  readonly chunkOffset: number;
}

export interface Import {
  readonly module: Atom;
  readonly name: Atom;
  readonly arity: number;
}

/** An ExpT or LocT row: `label` is the function's entry label. */
export interface ExportEntry {
  readonly name: Atom;
  readonly arity: number;
  readonly label: number;
}

/** A FunT row. `arity` counts the free variables too (the lifted function's arity). */
export interface FunEntry {
  readonly name: Atom;
  readonly arity: number;
  readonly label: number;
  readonly index: number;
  readonly numFree: number;
  readonly oldUniq: number;
}

export interface Location {
  /** Source file (from the Line chunk's name table; index 0 is `<module>.erl`). */
  readonly file: string;
  /** Source line; 0 for the undefined location. */
  readonly line: number;
}

export interface LineTable {
  readonly version: number;
  /** OTP 27+: 1 = EXECUTABLE_LINE, 2 = FORCE_LINE_COUNTERS. */
  readonly flags: number;
  readonly instrCount: number;
  /** items[0] is the undefined location (`line` 0 of `files[0]`). */
  readonly items: readonly Location[];
  readonly files: readonly string[];
}

/**
 * Type bits as in the OTP 25 (version 1/2) Type chunk; version 3 entries are
 * converted to this numbering (v3 dropped the bs_matchstate bit).
 */
export const BEAM_TYPE = {
  atom: 1 << 0,
  bitstring: 1 << 1,
  bs_matchstate: 1 << 2,
  cons: 1 << 3,
  float: 1 << 4,
  fun: 1 << 5,
  integer: 1 << 6,
  map: 1 << 7,
  nil: 1 << 8,
  pid: 1 << 9,
  port: 1 << 10,
  reference: 1 << 11,
  tuple: 1 << 12,
} as const;
export const BEAM_TYPE_ANY = (1 << 13) - 1;

/** One Type chunk entry, the `t` of a typed register `{tr, Reg, t}`. */
export interface TypeInfo {
  readonly index: number;
  /** Union of BEAM_TYPE bits. */
  readonly bits: number;
  /** Integer range, when the compiler knew one. */
  readonly min: Int | undefined;
  readonly max: Int | undefined;
  /** Bitstring unit (v2+), when known. */
  readonly unit: number | undefined;
}

export interface TypeTable {
  readonly version: number;
  readonly entries: readonly TypeInfo[];
}

export interface BeamFile {
  /** The name given to readBeam, used in error messages. */
  readonly file: string;
  readonly module: Atom;
  /** The whole file was gzip-compressed (`erlc +compressed`). */
  readonly gzipped: boolean;
  /** Every chunk in file order, known or not. */
  readonly chunks: readonly RawChunk[];
  /** 1-based; see the file comment. */
  readonly atoms: readonly Atom[];
  readonly code: CodeChunk;
  /** StrT: string segments referred to by offset. Empty when absent. */
  readonly strings: Uint8Array;
  readonly imports: readonly Import[];
  readonly exports: readonly ExportEntry[];
  /** LocT (optional, e.g. missing with +slim). */
  readonly locals: readonly ExportEntry[] | undefined;
  readonly funs: readonly FunEntry[];
  readonly literals: readonly Term[];
  /** Line (optional; also absent when its version is not 0, as the loader ignores it). */
  readonly lines: LineTable | undefined;
  /** Type (optional; OTP 25+). */
  readonly types: TypeTable | undefined;
  /** Attr as a term (a list), undefined when absent. */
  readonly attributes: Term | undefined;
  /** CInf as a term, undefined when absent. */
  readonly compileInfo: Term | undefined;
  /** Meta as a term (OTP 25+), undefined when absent. */
  readonly meta: Term | undefined;
  /** Dbgi as a term; only decoded when ReadOptions.debugInfo is set (it is large). */
  readonly debugInfo: Term | undefined;
  /** Chunks this reader does not interpret (Docs, ExCk, DbgB, ...), raw. */
  readonly unknown: readonly RawChunk[];
}

export interface ReadOptions {
  /** Decode the Dbgi chunk (abstract code; slow and large). Default false. */
  debugInfo?: boolean;
}
