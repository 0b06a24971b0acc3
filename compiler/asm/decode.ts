/**
 * Decode the Code chunk: compact-term operands → typed instructions
 * (compiler/asm/types.ts), then split into functions and blocks (split.ts).
 *
 * The technique is the one of beam_disasm and ERTS's loader: every opcode has
 * a fixed arity and each operand is self-describing (its tag), so one generic
 * operand reader serves all opcodes; variable-length payloads travel inside
 * one `z1` list operand. The opcode table adds each operand's kind, which
 * lets the decoder check it (a label must be `f`-tagged, ...) and resolve
 * table indices: ImpT → {extfunc}, FunT → {fun}, StrT → {string}, Line →
 * {location}, Type → typed registers.
 *
 * Speed matters (all of OTP is about 2M instructions): the reader reports
 * values in fields instead of objects, the commonest operands are shared
 * objects (operands.ts, per-module caches below), and there are no closures
 * in the loop.
 */
import type { Atom } from '../../runtime/terms/types.js';
import { readBeam } from '../beam/reader.js';
import { BeamFormatError } from '../beam/errors.js';
import {
  CompactReader, TAG_A, TAG_F, TAG_H, TAG_I, TAG_NAMES, TAG_U, TAG_X, TAG_Y, TAG_Z,
  Z_ALLOC, Z_FLOAT, Z_FR, Z_LIST, Z_LITERAL, Z_TYPED_REG,
} from '../beam/compact.js';
import { ANY_TYPE } from '../beam/types-chunk.js';
import type { BeamFile, ReadOptions, TypeInfo } from '../beam/types.js';
import { OPCODES, opcodeProblem, type OpInfo } from './opcodes.js';
import { MAX_REG, NIL_OP, fReg, intOp, uOp, xReg, yReg } from './operands.js';
import { splitFunctions } from './split.js';
import type {
  AtomOp, AllocOp, AsmModule, ExtFuncOp, FunOp, Instr, LabelOp, LiteralOp, LocationOp,
  Operand, StringOp, TypedReg, UOp, XReg,
} from './types.js';

const NO_ARGS: readonly Operand[] = Object.freeze([]);
const OP_LABEL = 1;
const OP_FUNC_INFO = 2;
const OP_LINE = 153;
const OP_INT_CODE_END = 3;
const OP_BS_PUT_STRING = 92;
const OP_BS_MATCH_STRING = 132;
const OP_BS_CREATE_BIN = 177;

/** Read and decode a `.beam` file's bytes in one step. */
export function disassemble(bytes: Uint8Array, file = '<memory>', options: ReadOptions = {}): AsmModule {
  return decodeModule(readBeam(bytes, file, options));
}

/** Decode the instructions of a read BeamFile. Throws only BeamFormatError. */
export function decodeModule(beam: BeamFile): AsmModule {
  const d = new CodeDecoder(beam);
  let functions: Instr[][];
  try {
    functions = d.decodeAll();
  } catch (e) {
    throw asFormatError(e, beam, d.currentFunction, d.base + d.pos);
  }
  try {
    return splitFunctions(beam, functions, d.funcInfoIndex, d.defined, d.firstRef);
  } catch (e) {
    throw asFormatError(e, beam, undefined, beam.code.chunkOffset);
  }
}

function asFormatError(e: unknown, beam: BeamFile, fn: string | undefined, offset: number): BeamFormatError {
  const where = fn === undefined ? undefined : `${beam.module}:${fn}`;
  if (e instanceof BeamFormatError) return where === undefined ? e : e.withWhere(where);
  // A JS error here is a decoder bug; the caller still gets a BeamFormatError.
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new BeamFormatError(beam.file, 'Code', offset, `cannot decode: ${msg}`, where);
}

class CodeDecoder extends CompactReader {
  /** `name/arity` of the function being decoded, for error messages. */
  currentFunction: string | undefined = undefined;
  private readonly beam: BeamFile;
  private readonly atomOps: (AtomOp | undefined)[];
  private readonly labelOps: (LabelOp | undefined)[];
  private readonly literalOps: (LiteralOp | undefined)[];
  private readonly importOps: (ExtFuncOp | undefined)[];
  private readonly funOps: (FunOp | undefined)[];
  private readonly locOps: (LocationOp | undefined)[];
  private readonly labelCount: number;
  private readonly types: readonly TypeInfo[] | undefined;
  /** The instruction being decoded, for error messages. */
  private op: OpInfo | undefined = undefined;
  private instrAt = 0;
  private argNo = 0;
  /** Code offset of the first instruction that refers to each label (for undefined-label errors). */
  readonly firstRef: Int32Array;
  /** defined[label] = 1 once its `label` instruction is seen. */
  readonly defined: Uint8Array;
  /** For each function (in order), the index of its func_info in its code. */
  readonly funcInfoIndex: number[] = [];
  /** Shared `args` arrays of `line` instructions, by Line item. */
  private readonly lineArgs: (readonly Operand[] | undefined)[] = [];

  constructor(beam: BeamFile) {
    const c = beam.code;
    super(c.code, c.chunkOffset + c.codeStart, beam.file, 'Code');
    this.beam = beam;
    this.labelCount = c.labelCount;
    this.atomOps = new Array<AtomOp | undefined>(beam.atoms.length);
    this.labelOps = new Array<LabelOp | undefined>(c.labelCount);
    this.literalOps = new Array<LiteralOp | undefined>(beam.literals.length);
    this.importOps = new Array<ExtFuncOp | undefined>(beam.imports.length);
    this.funOps = new Array<FunOp | undefined>(beam.funs.length);
    this.locOps = [];
    this.types = beam.types?.entries;
    this.firstRef = new Int32Array(c.labelCount).fill(-1);
    this.defined = new Uint8Array(c.labelCount);
  }

  /**
   * Decode up to int_code_end, grouping instructions per function as they
   * come: a function starts at the run of label/line instructions just
   * before its func_info, so that run moves from the previous function's
   * array to the new one. Label definitions are checked on the way.
   */
  decodeAll(): Instr[][] {
    const functions: Instr[][] = [];
    const infoAt = this.funcInfoIndex;
    let cur: Instr[] = [];
    let headStart = 0; // where the trailing label/line run of `cur` starts
    let inFunction = false; // a func_info has been seen
    const codeStart = this.beam.code.codeStart;
    const defined = this.defined;
    let line = 0;
    let loc = 0;
    while (true) {
      if (this.atEnd) throw this.error('the code ends without int_code_end');
      const at = this.pos;
      const opcode = this.data[at]!;
      this.pos = at + 1;
      const op = OPCODES[opcode];
      if (op === undefined || op.status === 'obsolete') throw this.error(opcodeProblem(opcode)!, at);
      if (opcode === OP_INT_CODE_END) break;
      this.op = op;
      this.instrAt = at;
      const args = op.arity === 0 ? NO_ARGS : this.operands(op);
      if (opcode === OP_LABEL) {
        const label = (args[0] as UOp).n;
        if (label === 0 || label >= defined.length) {
          throw this.error(`label ${label} is outside 1..${defined.length - 1} (the header's label count)`, at);
        }
        if (defined[label] !== 0) throw this.error(`label ${label} is defined twice`, at);
        defined[label] = 1;
      } else if (opcode === OP_LINE) {
        const l = args[0] as LocationOp;
        line = l.line;
        loc = l.index;
      } else if (opcode === OP_FUNC_INFO) {
        if (!inFunction && headStart > 0) {
          throw this.error(`instruction ${cur[0]!.name} before the first func_info`, cur[0]!.offset - codeStart);
        }
        const head = headStart < cur.length ? cur.splice(headStart) : [];
        if (inFunction) functions.push(cur);
        inFunction = true;
        cur = head;
        infoAt.push(head.length);
        this.currentFunction = functionName(args);
      }
      cur.push({ op: opcode, name: op.name, args, offset: at + codeStart, line, loc });
      if (opcode !== OP_LABEL && opcode !== OP_LINE) headStart = cur.length;
    }
    if (inFunction) functions.push(cur);
    else if (cur.length > 0) throw this.error('the code has no func_info', 0);
    return functions;
  }

  private operands(op: OpInfo): readonly Operand[] {
    if (op.opcode === OP_LINE) return this.lineOperands();
    const kinds = op.kinds;
    const n = kinds.length;
    const args = new Array<Operand>(n);
    for (let i = 0; i < n; i++) {
      this.argNo = i;
      args[i] = this.operand(kinds[i]!);
    }
    switch (op.opcode) {
      case OP_BS_PUT_STRING: // bs_put_string Len StrOffset
        args[1] = this.stringOp((args[1] as { n: number }).n, (args[0] as { n: number }).n);
        break;
      case OP_BS_MATCH_STRING: // bs_match_string Fail Ctx Bits StrOffset
        args[3] = this.stringOp((args[3] as { n: number }).n, Math.ceil((args[2] as { n: number }).n / 8));
        break;
      case OP_BS_CREATE_BIN:
        this.createBinStrings(args[5]!);
        break;
    }
    return args;
  }

  /** A `line` instruction's args: one per Line item, shared (a tenth of all instructions are `line`). */
  private lineOperands(): readonly Operand[] {
    this.argNo = 0;
    const loc = this.operand('l') as LocationOp;
    if (loc.index >= 1 << 20) return [loc];
    let args = this.lineArgs[loc.index];
    if (args === undefined) {
      args = Object.freeze([loc]);
      this.lineArgs[loc.index] = args;
    }
    return args;
  }

  /** One operand of kind `kind` (see opcodes.ts). */
  private operand(kind: string): Operand {
    const at = this.pos;
    const tag = this.tagged();
    const v = this.value;
    switch (tag) {
      case TAG_U:
        switch (kind) {
          case 'u': case 'A': case 'g': case 's': case 'S': case '*': return uOp(v);
          case 'M': return this.importOp(v, at);
          case 'F': case 'T': return this.funOp(v, at);
          case 'l': return this.locationOp(v, at);
        }
        break;
      case TAG_I:
        if (kind === 's' || kind === '*') return intOp(this.big ?? v);
        break;
      case TAG_A:
        if (v === 0) {
          if (kind === 's' || kind === '*') return NIL_OP;
        } else if (kind === 's' || kind === 'a' || kind === 'q' || kind === 'T' || kind === '*') {
          return this.atomOp(v, at);
        }
        break;
      case TAG_X:
        if (kind === 's' || kind === 'd' || kind === '*') return this.xOp(v, at);
        break;
      case TAG_Y:
        if (kind === 's' || kind === 'd' || kind === '*') return yReg(v);
        break;
      case TAG_F:
        if (kind === 'f' || kind === 'q' || kind === 's' || kind === '*') return this.labelOp(v, at);
        break;
      case TAG_H:
        if (kind === 's' || kind === '*') return { kind: 'char', value: v };
        break;
      case TAG_Z:
        return this.extended(kind, v, at);
    }
    // The location operands of executable_line/debug_line (OTP 27/28) could not
    // be checked against a real compiler here: take whatever they hold.
    if (kind === 'l' && this.op!.opcode !== OP_LINE) return this.rawOperand(tag, v, at);
    throw this.badOperand(kind, TAG_NAMES[tag]!, at);
  }

  /** A non-extended operand taken as its tag says (list items, unchecked kinds). */
  private rawOperand(tag: number, v: number, at: number): Operand {
    switch (tag) {
      case TAG_I: return intOp(this.big ?? v);
      case TAG_A: return v === 0 ? NIL_OP : this.atomOp(v, at);
      case TAG_X: return this.xOp(v, at);
      case TAG_Y: return yReg(v);
      case TAG_F: return this.labelOp(v, at);
      case TAG_H: return { kind: 'char', value: v };
      default: return uOp(v);
    }
  }

  private extended(kind: string, sub: number, at: number): Operand {
    switch (sub) {
      case Z_LIST:
        if (kind === 'L' || kind === '*') return this.listOp(at);
        break;
      case Z_FR:
        if (kind === 's' || kind === 'd' || kind === '*') return fReg(this.unsigned('float register'));
        break;
      case Z_ALLOC:
        if (kind === 'A' || kind === '*') return this.allocOp(at);
        break;
      case Z_LITERAL:
        if (kind === 's' || kind === '*') return this.literalOp(this.unsigned('literal index'), at);
        break;
      case Z_TYPED_REG:
        if (kind === 's' || kind === 'd' || kind === '*') return this.typedReg(at);
        break;
      case Z_FLOAT:
        if (kind === 's' || kind === '*') {
          this.need(8, 'inline float');
          const view = new DataView(this.data.buffer, this.data.byteOffset + this.pos, 8);
          this.pos += 8;
          return { kind: 'float', value: view.getFloat64(0) };
        }
        break;
      default:
        throw this.error(`bad extended tag z${sub}${this.context()}`, at);
    }
    throw this.badOperand(kind, `z${sub}`, at);
  }

  private listOp(at: number): Operand {
    const n = this.unsigned('list length');
    if (n > this.remaining) throw this.error(`list length ${n} exceeds the remaining code${this.context()}`, at);
    const items = new Array<Operand>(n);
    for (let i = 0; i < n; i++) {
      const itemAt = this.pos;
      const tag = this.tagged();
      if (tag === TAG_Z) {
        // Lists never nest; refusing them also bounds the recursion depth.
        if (this.value === Z_LIST) throw this.error(`nested list operand${this.context()}`, itemAt);
        items[i] = this.extended('s', this.value, itemAt);
      } else if (tag === TAG_U) {
        items[i] = uOp(this.value);
      } else {
        items[i] = this.rawOperand(tag, this.value, itemAt);
      }
    }
    return { kind: 'list', items };
  }

  private allocOp(at: number): AllocOp {
    const n = this.unsigned('allocation list length');
    let words = 0;
    let floats = 0;
    let funs = 0;
    for (let i = 0; i < n; i++) {
      const kind = this.unsigned('allocation kind');
      const count = this.unsigned('allocation count');
      if (kind === 0) words += count;
      else if (kind === 1) floats += count;
      else if (kind === 2) funs += count;
      else throw this.error(`bad allocation kind ${kind}${this.context()}`, at);
    }
    return { kind: 'alloc', words, floats, funs };
  }

  private typedReg(at: number): TypedReg {
    const regAt = this.pos;
    const tag = this.tagged();
    if (tag !== TAG_X && tag !== TAG_Y) {
      throw this.error(`typed register holds a ${TAG_NAMES[tag]} operand, not x or y${this.context()}`, regAt);
    }
    const reg = tag === TAG_X ? this.xOp(this.value, regAt) : yReg(this.value);
    const index = this.unsigned('type index');
    let type: TypeInfo;
    if (this.types === undefined) {
      type = ANY_TYPE; // like ERTS: no usable Type chunk means "any"
    } else if (index < this.types.length) {
      type = this.types[index]!;
    } else {
      throw this.error(`type index ${index} is beyond the ${this.types.length} Type entries${this.context()}`, at);
    }
    return { kind: 'tr', reg, type };
  }

  private xOp(n: number, at: number): XReg {
    if (n >= MAX_REG) throw this.error(`x register ${n} is beyond x${MAX_REG - 1}${this.context()}`, at);
    return xReg(n);
  }

  private atomOp(i: number, at: number): AtomOp {
    const hit = this.atomOps[i];
    if (hit !== undefined) return hit;
    if (i >= this.beam.atoms.length) {
      throw this.error(`atom index ${i} is beyond the ${this.beam.atoms.length - 1} atoms${this.context()}`, at);
    }
    const op: AtomOp = { kind: 'atom', value: this.beam.atoms[i]! };
    this.atomOps[i] = op;
    return op;
  }

  private labelOp(label: number, at: number): LabelOp {
    const hit = this.labelOps[label];
    if (hit !== undefined) return hit;
    if (label >= this.labelCount) {
      throw this.error(`label ${label} is not below the label count ${this.labelCount}${this.context()}`, at);
    }
    const op: LabelOp = { kind: 'f', label };
    this.labelOps[label] = op;
    this.firstRef[label] = this.instrAt;
    return op;
  }

  private literalOp(index: number, at: number): LiteralOp {
    const hit = this.literalOps[index];
    if (hit !== undefined) return hit;
    if (index >= this.beam.literals.length) {
      throw this.error(`literal ${index} is beyond the ${this.beam.literals.length} literals${this.context()}`, at);
    }
    const op: LiteralOp = { kind: 'literal', index, value: this.beam.literals[index]! };
    this.literalOps[index] = op;
    return op;
  }

  private importOp(index: number, at: number): ExtFuncOp {
    const hit = this.importOps[index];
    if (hit !== undefined) return hit;
    const imp = this.beam.imports[index];
    if (imp === undefined) {
      throw this.error(`import ${index} is beyond the ${this.beam.imports.length} imports${this.context()}`, at);
    }
    const op: ExtFuncOp = { kind: 'extfunc', index, module: imp.module, name: imp.name, arity: imp.arity };
    this.importOps[index] = op;
    return op;
  }

  private funOp(row: number, at: number): FunOp {
    const hit = this.funOps[row];
    if (hit !== undefined) return hit;
    const f = this.beam.funs[row];
    if (f === undefined) {
      throw this.error(`fun ${row} is beyond the ${this.beam.funs.length} FunT entries${this.context()}`, at);
    }
    const op: FunOp = { kind: 'fun', row, ...f };
    this.funOps[row] = op;
    return op;
  }

  private locationOp(index: number, at: number): LocationOp {
    const hit = this.locOps[index];
    if (hit !== undefined) return hit;
    const lines = this.beam.lines;
    let op: LocationOp;
    if (lines === undefined) {
      // No (usable) Line chunk: the loader ignores line instructions.
      op = { kind: 'location', index, file: undefined, line: 0 };
    } else if (index < lines.items.length) {
      const item = lines.items[index]!;
      op = { kind: 'location', index, file: index === 0 ? undefined : item.file, line: item.line };
    } else {
      throw this.error(`line item ${index} is beyond the ${lines.items.length - 1} Line items${this.context()}`, at);
    }
    if (index < 1 << 20) this.locOps[index] = op;
    return op;
  }

  private stringOp(offset: number, length: number): StringOp {
    const strings = this.beam.strings;
    if (offset + length > strings.length) {
      throw this.error(`string at StrT offset ${offset} (${length} bytes) is beyond the ${strings.length}-byte string table${this.context()}`,
        this.pos);
    }
    return { kind: 'string', offset, bytes: strings.subarray(offset, offset + length) };
  }

  /**
   * bs_create_bin segments are 6 list items: Type, SegNo, Unit, Flags, Src,
   * Size. For a `string` segment Src is a StrT offset and Size the byte count.
   */
  private createBinStrings(list: Operand): void {
    if (list.kind !== 'list') return;
    const items = list.items as Operand[];
    if (items.length % 6 !== 0) {
      throw this.error(`bs_create_bin has ${items.length} segment items, not a multiple of 6`);
    }
    for (let i = 0; i + 5 < items.length; i += 6) {
      const type = items[i]!;
      if (type.kind !== 'atom' || type.value !== 'string') continue;
      const src = items[i + 4]!;
      const size = items[i + 5]!;
      if (src.kind !== 'u' || size.kind !== 'integer' || typeof size.value !== 'number' || size.value < 0) {
        throw this.error('bs_create_bin string segment without a StrT offset and a byte count');
      }
      items[i + 4] = this.stringOp(src.n, size.value);
    }
  }

  private badOperand(kind: string, got: string, at: number): BeamFormatError {
    return this.error(`bad operand: expected ${KIND_NAMES[kind] ?? kind}, got a ${got}-tagged value${this.context()}`, at);
  }

  private context(): string {
    const op = this.op;
    return op === undefined ? '' : ` (operand ${this.argNo + 1} of ${op.name}/${op.arity})`;
  }
}

const KIND_NAMES: Record<string, string> = {
  u: 'an unsigned value', f: 'a label', s: 'a source operand', d: 'a register', a: 'an atom',
  L: 'a list', A: 'an allocation size', M: 'an import index', F: 'a fun index', S: 'a string offset',
  T: 'an atom or a fun index', q: 'a label or an atom', g: 'bit syntax flags',
};

function functionName(args: readonly Operand[]): string | undefined {
  const f = args[1];
  const a = args[2];
  if (f?.kind !== 'atom' || a?.kind !== 'u') return undefined;
  const name: Atom = f.value;
  return `${name}/${a.n}`;
}
