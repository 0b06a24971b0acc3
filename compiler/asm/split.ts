/**
 * Turn the decoder's per-function instruction arrays into AsmFunctions with
 * labelled blocks, and check the label structure later stages rely on.
 *
 * A function is `label Lfi` · `line` · `func_info M F A` · `label Lentry` ·
 * body, up to the next function's leading label/line run (the same split as
 * `erlc -S` listings and beam_disasm). The decoder has already checked that
 * labels are defined once and below the header's label count; checked here,
 * as ERTS's loader does: every label an instruction refers to is defined,
 * `func_info` is followed by its entry label, and every ExpT/LocT/FunT label
 * is defined.
 */
import type { Term } from '../../runtime/terms/types.js';
import { NIL } from '../../runtime/terms/types.js';
import { BeamFormatError } from '../beam/errors.js';
import type { BeamFile, ExportEntry } from '../beam/types.js';
import type { AsmFunction, AsmModule, Block, Instr, LocationOp } from './types.js';

const OP_LABEL = 1;
const OP_LINE = 153;

export function splitFunctions(beam: BeamFile, fnCodes: Instr[][], funcInfoIndex: readonly number[],
  defined: Uint8Array, firstRef: Int32Array): AsmModule {
  const codeBase = beam.code.chunkOffset; // Instr.offset is relative to the chunk's data
  const fail = (offset: number, msg: string, where?: string): BeamFormatError =>
    new BeamFormatError(beam.file, 'Code', codeBase + offset, msg, where);
  const functions: AsmFunction[] = new Array<AsmFunction>(fnCodes.length);
  for (let f = 0; f < fnCodes.length; f++) {
    const code = fnCodes[f]!;
    const fi = funcInfoIndex[f]!;
    resetHeadLines(code, fi);
    functions[f] = makeFunction(code, fi, fail, beam.module);
  }

  for (let label = 1; label < firstRef.length; label++) {
    if (firstRef[label]! >= 0 && !defined[label]) {
      throw fail(firstRef[label]! + beam.code.codeStart, `label ${label} is used but never defined`);
    }
  }
  const byEntry = new Map<number, AsmFunction>();
  for (const fn of functions) byEntry.set(fn.entryLabel, fn);
  checkTable(beam, 'ExpT', beam.exports, defined);
  if (beam.locals) checkTable(beam, 'LocT', beam.locals, defined);
  checkTable(beam, 'FunT', beam.funs, defined, 24);

  let instrCount = 0;
  for (const fn of functions) instrCount += fn.code.length;
  return {
    name: beam.module,
    exports: beam.exports,
    attributes: beam.attributes ?? (NIL as Term),
    compileInfo: beam.compileInfo ?? (NIL as Term),
    labelCount: beam.code.labelCount,
    functions,
    byEntry,
    instrCount,
    beam,
  };
}

/** The labels and line of the next function's head must not carry the previous function's line. */
function resetHeadLines(code: Instr[], fi: number): void {
  let line = 0;
  let loc = 0;
  for (let i = 0; i < fi; i++) {
    const ins = code[i]!;
    if (ins.op === OP_LINE) {
      const l = ins.args[0] as LocationOp;
      line = l.line;
      loc = l.index;
    }
    ins.line = line;
    ins.loc = loc;
  }
}

function makeFunction(code: Instr[], fi: number, fail: (at: number, msg: string, where?: string) => BeamFormatError,
  module: string): AsmFunction {
  const info = code[fi]!;
  const [, f, a] = info.args;
  if (f?.kind !== 'atom' || a?.kind !== 'u') throw fail(info.offset, 'func_info without a name and an arity');
  const name = f.value;
  const arity = a.n;
  const after = code[fi + 1];
  let funcInfoLabel = 0; // the last label of the head run (`label`, `line`, `func_info`)
  for (let i = fi - 1; i >= 0 && funcInfoLabel === 0; i--) {
    if (code[i]!.op === OP_LABEL) funcInfoLabel = (code[i]!.args[0] as { n: number }).n;
  }
  if (after?.op !== OP_LABEL) {
    throw fail(info.offset, 'func_info is not followed by the entry label', `${module}:${name}/${arity}`);
  }
  const entryLabel = (after.args[0] as { n: number }).n;
  let file: string | undefined;
  let line = 0;
  for (let i = 0; i < fi; i++) {
    const ins = code[i]!;
    if (ins.op === OP_LINE) {
      const l = ins.args[0] as LocationOp;
      file = l.file;
      line = l.line;
    }
  }
  return new Fn(name, arity, funcInfoLabel, entryLabel, code, file, line);
}

/**
 * An AsmFunction whose block and label indexes are built on first use: the
 * disassembler and the all-of-OTP checks never need them, the lowering does.
 */
class Fn implements AsmFunction {
  private blockIndex: Block[] | undefined = undefined;
  private labelIndex: Map<number, number> | undefined = undefined;

  constructor(
    readonly name: string,
    readonly arity: number,
    readonly funcInfoLabel: number,
    readonly entryLabel: number,
    readonly code: Instr[],
    readonly file: string | undefined,
    readonly line: number,
  ) {}

  get blocks(): Block[] {
    if (this.blockIndex === undefined) this.index();
    return this.blockIndex!;
  }

  get labels(): Map<number, number> {
    if (this.labelIndex === undefined) this.index();
    return this.labelIndex!;
  }

  private index(): void {
    const labels = new Map<number, number>();
    const blocks: Block[] = [];
    const code = this.code;
    let start = -1;
    let label = 0;
    for (let i = 0; i < code.length; i++) {
      const ins = code[i]!;
      if (ins.op !== OP_LABEL) continue;
      const l = (ins.args[0] as { n: number }).n;
      labels.set(l, i);
      if (start >= 0) blocks.push({ label, start, end: i });
      start = i;
      label = l;
    }
    if (start >= 0) blocks.push({ label, start, end: code.length });
    this.blockIndex = blocks;
    this.labelIndex = labels;
  }
}

/** ExpT/LocT/FunT labels must exist; the loader refuses a file otherwise. */
function checkTable(beam: BeamFile, id: string, rows: readonly { label: number }[], defined: Uint8Array,
  rowSize = 12): void {
  for (let i = 0; i < rows.length; i++) {
    const label = rows[i]!.label;
    if (label === 0 || label >= defined.length || !defined[label]) {
      const chunk = beam.chunks.find((c) => c.id === id);
      const offset = (chunk?.offset ?? 0) + 4 + rowSize * i + 8;
      const what = 'name' in rows[i]! ? ` (${(rows[i] as ExportEntry).name}/${(rows[i] as ExportEntry).arity})` : '';
      throw new BeamFormatError(beam.file, id, offset, `entry ${i}${what} refers to undefined label ${label}`);
    }
  }
}
