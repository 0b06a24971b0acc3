/**
 * Decoded BEAM assembly: typed instructions with resolved operands, split into
 * functions and labelled blocks. This is what `beamjs disasm` prints and what
 * the lowering to JS consumes.
 *
 * Operands are a discriminated union on `kind`, named as in `erlc -S`
 * listings (`{x,0}`, `{atom,ok}`, `{f,12}`, `{extfunc,lists,map,2}`...).
 * Operand objects are immutable and shared: the decoder hands out the same
 * `{x,0}` object every time, and per-module caches do the same for atoms,
 * labels, literals and imports. Never mutate one.
 */
import type { Atom, Int, Term } from '../../runtime/terms/types.js';
import type { BeamFile, ExportEntry, FunEntry, TypeInfo } from '../beam/types.js';

export interface XReg { readonly kind: 'x'; readonly n: number }
export interface YReg { readonly kind: 'y'; readonly n: number }
/** Float register (unboxed float scratch, `fmove`/`fadd`...). */
export interface FReg { readonly kind: 'fr'; readonly n: number }
export type Reg = XReg | YReg;

export interface AtomOp { readonly kind: 'atom'; readonly value: Atom }
export interface NilOp { readonly kind: 'nil' }
/** `i`-tagged integer; a bigint only outside the safe range (normalised as in runtime terms). */
export interface IntegerOp { readonly kind: 'integer'; readonly value: Int }
/** LitT entry `index`. */
export interface LiteralOp { readonly kind: 'literal'; readonly index: number; readonly value: Term }
/** Inline float (obsolete `z0` encoding; modern compilers put floats in LitT). */
export interface FloatOp { readonly kind: 'float'; readonly value: number }
/** `h` tag (a character; never emitted by modern compilers). */
export interface CharOp { readonly kind: 'char'; readonly value: number }
/** Label; 0 means "no fail label" (raise instead of jumping). */
export interface LabelOp { readonly kind: 'f'; readonly label: number }
/** Untyped unsigned: arity, Live, sizes, unit, flags, tuple index... */
export interface UOp { readonly kind: 'u'; readonly n: number }
export interface ListOp { readonly kind: 'list'; readonly items: readonly Operand[] }
/** Heap need (`{alloc,[{words,W},{floats,F},{funs,N}]}`). */
export interface AllocOp { readonly kind: 'alloc'; readonly words: number; readonly floats: number; readonly funs: number }
/** A typed source register (OTP 25+): the compiler's knowledge of its type. */
export interface TypedReg { readonly kind: 'tr'; readonly reg: Reg; readonly type: TypeInfo }
/** An ImpT entry, for call_ext*, bif* and gc_bif*. */
export interface ExtFuncOp {
  readonly kind: 'extfunc';
  readonly index: number;
  readonly module: Atom;
  readonly name: Atom;
  readonly arity: number;
}
/** A FunT entry, for make_fun2/make_fun3/call_fun2. */
export interface FunOp extends FunEntry { readonly kind: 'fun'; readonly row: number }
/** A StrT slice (bs_match_string, bs_put_string, bs_create_bin string segments). */
export interface StringOp { readonly kind: 'string'; readonly offset: number; readonly bytes: Uint8Array }
/** The operand of `line`: a Line item, resolved. Index 0 = no location. */
export interface LocationOp {
  readonly kind: 'location';
  readonly index: number;
  readonly file: string | undefined;
  readonly line: number;
}

export type Operand =
  | XReg | YReg | FReg | TypedReg
  | AtomOp | NilOp | IntegerOp | LiteralOp | FloatOp | CharOp
  | LabelOp | UOp | ListOp | AllocOp
  | ExtFuncOp | FunOp | StringOp | LocationOp;

export type OperandKindName = Operand['kind'];

export interface Instr {
  /** Opcode number (compiler/asm/opcodes.ts). */
  readonly op: number;
  /** genop name, e.g. `move`, `call_ext`, `is_eq_exact`. */
  readonly name: string;
  readonly args: readonly Operand[];
  /** Byte offset of the opcode byte within the Code chunk's data. */
  readonly offset: number;
  /** Source line from the latest `line` instruction (0 when unknown). */
  line: number;
  /** The Line item of that `line` instruction (index into BeamFile.lines.items; 0 = none). */
  loc: number;
}

/** A labelled block: `code[start]` is its `label` instruction, `code[end-1]` its last instruction. */
export interface Block {
  readonly label: number;
  readonly start: number;
  readonly end: number;
}

export interface AsmFunction {
  readonly name: Atom;
  readonly arity: number;
  /** The label of `func_info` (jumped to for function_clause). */
  readonly funcInfoLabel: number;
  /** The label after `func_info`: what ExpT/LocT/FunT/call refer to. */
  readonly entryLabel: number;
  /** Instructions in order, from the label before func_info to the next function. */
  readonly code: Instr[];
  /** Blocks by position; the first block starts at the func_info label. */
  readonly blocks: Block[];
  /** Label → index of its `label` instruction in `code`. */
  readonly labels: Map<number, number>;
  /** Source file and line of the function head (from the `line` before func_info). */
  readonly file: string | undefined;
  readonly line: number;
}

export interface AsmModule {
  readonly name: Atom;
  readonly exports: readonly ExportEntry[];
  /** The Attr chunk (a list of {Key, Value}), `[]` when absent. */
  readonly attributes: Term;
  /** The CInf chunk, `[]` when absent. */
  readonly compileInfo: Term;
  readonly labelCount: number;
  readonly functions: AsmFunction[];
  /** Entry label → function, for calls. */
  readonly byEntry: Map<number, AsmFunction>;
  /** The instruction count (all functions, `int_code_end` excluded). */
  readonly instrCount: number;
  readonly beam: BeamFile;
}

/** The names the design brief uses (`Module`); `AsmFunction` avoids shadowing JS's `Function`. */
export type Module = AsmModule;
