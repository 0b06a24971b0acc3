/**
 * Per-function state of the lowering: where we are (instruction, y offset,
 * line), the switch cases built so far, and the registers used.
 *
 * Registers are JS locals: `x0..` (the first `arity` are the parameters),
 * `y0..` by physical slot (see analyze.ts), `f0..` for float registers,
 * and a few temporaries `t0..`. They are declared when the function is
 * assembled, from what the lowering actually used.
 *
 * Control flow has two emission modes (see function.ts):
 * - `switch`: every BEAM label is a `case` of `for (;;) switch (lbl)`; a
 *   jump is `lbl = L; continue;`; falling into the next label is a JS switch
 *   fall-through. Call sites that can suspend get a synthetic label
 *   (numbered from the module's label count up) for their continuation.
 *   Each case records where it jumps and whether it falls through, so the
 *   resume copy of a function can drop the cases a resume never reaches.
 * - `structured` (structure.ts): straight-line JS where forward jumps are
 *   `break` out of labelled blocks; synthetic labels are still numbered (the
 *   frames saved here resume in the switch copy) but open no case.
 */
import type * as E from 'estree';
import type { AsmFunction, Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import { funcInfoLabel } from './analyze.js';
import { CompileError } from './errors.js';
import { rt, type ModuleContext } from './module-context.js';
import type { Structure } from './structure.js';

export type EmitMode = 'switch' | 'structured';

/** What the switch form knows about each case, for pruning. */
export interface CaseInfo {
  readonly label: number;
  readonly node: E.SwitchCase;
  readonly jumps: Set<number>;
  /** Whether its code can run into the next case. */
  fallsThrough: boolean;
}

/** The label of the loop around a structured body (self tail calls `continue` it). */
export const ENTRY_LOOP = 'entry';
/** The label of the `for (;;) switch` loop of a resume copy (see `selfTailExit`). */
export const SWITCH_LOOP = 'sw';

export class FnContext {
  readonly jsName: string;
  /** The label of func_info (jumping there raises function_clause). */
  readonly fiLabel: number;
  readonly cases: CaseInfo[] = [];
  private cur: E.Statement[] = [];
  private curCase: CaseInfo | undefined = undefined;
  /** Structured mode: the enclosing statement lists of the open labelled blocks. */
  private readonly open: { label: number; outer: E.Statement[]; loop: boolean }[] = [];
  /** Structured mode: the statements of the whole body. */
  readonly body: E.Statement[] = this.cur;
  /** Set after an instruction that never falls through; cleared by the next label. */
  dead = false;
  /**
   * Resume copy of a structured function: a jump to the entry (a self tail
   * call) leaves the switch (`break SWITCH_LOOP`) and the copy returns
   * `name$A(p, x0, ...)`, so the rest of a long-running loop (a server's
   * receive loop) runs in the fast structured form. Set before lowering.
   */
  selfTailExit = false;
  /** Whether a `break SWITCH_LOOP` was emitted. */
  exitsToEntry = false;
  /** Index of the instruction being lowered. */
  i = 0;
  ins!: Instr;
  readonly xUsed = new Set<number>();
  readonly yUsed = new Set<number>();
  readonly fUsed = new Set<number>();
  readonly temps = new Set<string>();
  /** Physical y slots that hold catch tags somewhere in the function. */
  readonly catchSlots = new Set<number>();
  /**
   * `new R.Frame(resumer, label, ys, handler)` nodes: their y array and
   * handler flag are filled in when the function is assembled, once every
   * y register and catch slot is known.
   */
  readonly frames: E.NewExpression[] = [];
  /** The labels frames saved here resume at. */
  readonly resumeLabels = new Set<number>();
  /** Source line of the call each continuation label follows (stack traces of suspended frames). */
  readonly frameLines = new Map<number, number>();
  private nextLabel: number;
  /** Labels with a `case` (BEAM labels and synthetic ones). */
  readonly caseLabels = new Set<number>();
  /** Labels whose code is only `loop_rec_end L`, with their L (see `goto`). */
  private readonly loopRecEnds: Map<number, number>;

  constructor(
    readonly m: ModuleContext,
    readonly f: AsmFunction,
    readonly yOff: Int32Array,
    firstSyntheticLabel: number,
    readonly mode: EmitMode,
    readonly structure: Structure | undefined,
  ) {
    this.jsName = m.fnName(f.entryLabel);
    this.fiLabel = funcInfoLabel(f);
    this.loopRecEnds = loopRecEnds(f);
    this.nextLabel = firstSyntheticLabel;
    for (let n = 0; n < f.arity; n++) this.xUsed.add(n);
  }

  // ---- operands ----

  x(n: number): E.Identifier {
    this.xUsed.add(n);
    return b.id(`x${n}`);
  }

  /** The physical y register for logical `y(n)` at the current instruction. */
  yPhys(n: number): number {
    return n + this.yOff[this.i]!;
  }

  y(n: number): E.Identifier {
    const p = this.yPhys(n);
    this.yUsed.add(p);
    return b.id(`y${p}`);
  }

  fr(n: number): E.Identifier {
    this.fUsed.add(n);
    return b.id(`f${n}`);
  }

  temp(n = 0): E.Identifier {
    const name = `t${n}`;
    this.temps.add(name);
    return b.id(name);
  }

  /** An operand read as a JS expression. */
  src(op: Operand): E.Expression {
    switch (op.kind) {
      case 'x': return this.x(op.n);
      case 'y': return this.y(op.n);
      case 'fr': return this.fr(op.n);
      case 'tr': return this.src(op.reg);
      case 'atom': return b.str(op.value);
      case 'nil': return rt('NIL');
      case 'integer': return typeof op.value === 'bigint' ? b.bigint(op.value) : b.num(op.value);
      case 'literal': return this.m.literal(op.index, op.value);
      case 'float': return b.call(rt('flt'), b.num(op.value));
      case 'char': return b.num(op.value);
      case 'u': return b.num(op.n);
      default:
        throw this.error(`operand ${op.kind} cannot be read as a value`);
    }
  }

  /** An operand written to: a register. */
  dst(op: Operand): E.Identifier {
    switch (op.kind) {
      case 'x': return this.x(op.n);
      case 'y': return this.y(op.n);
      case 'fr': return this.fr(op.n);
      case 'tr': return this.dst(op.reg);
      default:
        throw this.error(`operand ${op.kind} is not a register`);
    }
  }

  /** Do two register operands name the same register (at this instruction)? */
  sameReg(a: Operand, c: Operand): boolean {
    const ra = a.kind === 'tr' ? a.reg : a;
    const rc = c.kind === 'tr' ? c.reg : c;
    return (ra.kind === 'x' || ra.kind === 'y') && ra.kind === rc.kind && (ra as { n: number }).n === (rc as { n: number }).n;
  }

  // ---- emission ----

  emit(...stmts: E.Statement[]): void {
    // (structured mode appends to the innermost open labelled block)
    if (!this.dead) this.cur.push(...stmts);
  }

  /** `dst = value;` */
  set(dst: Operand, value: E.Expression): void {
    this.emit(b.set(this.dst(dst), value));
  }

  /** A BEAM label: a new case, or (structured) the end of its labelled block. */
  label(n: number): void {
    if (this.mode === 'switch') {
      this.startCase(n);
      return;
    }
    const top = this.open[this.open.length - 1];
    if (top !== undefined && top.label === n && !top.loop) {
      this.open.pop();
      top.outer.push(b.labeled(`L${n}`, b.block(this.cur)));
      this.cur = top.outer;
      this.dead = false;
    } else if (n === this.f.entryLabel) {
      this.dead = false;
    }
  }

  /** Structured mode: open the labelled blocks and loops that start at instruction `i`. */
  openBlocks(i: number): void {
    const opening = this.structure?.opens.get(i);
    if (opening === undefined) return;
    for (const o of opening) {
      this.open.push({ label: o.label, outer: this.cur, loop: o.loop });
      this.cur = [];
    }
  }

  /**
   * Structured mode: close the loops that end before instruction `i`
   * (`R_L: for (;;) { ... }`). Their last statement is a back jump, so
   * nothing falls out of them.
   */
  closeLoops(i: number): void {
    const ends = this.structure?.loopEnds;
    if (ends === undefined || ends.size === 0) return;
    for (let top = this.open[this.open.length - 1]; top?.loop && ends.get(top.label) === i;
      top = this.open[this.open.length - 1]) {
      this.open.pop();
      top.outer.push(b.labeled(`R${top.label}`, b.forever(this.cur)));
      this.cur = top.outer;
      this.dead = true;
    }
  }

  /** Structured mode: inside the loop whose header is `label`? */
  private inLoop(label: number): boolean {
    return this.open.some((o) => o.loop && o.label === label);
  }

  /** The continuation of a call site that can suspend (a case in switch mode only). */
  continuation(n: number): void {
    if (this.mode === 'switch') this.startCase(n);
  }

  private startCase(n: number): void {
    const prev = this.curCase;
    if (prev !== undefined) prev.fallsThrough = !this.dead;
    this.cur = [];
    const node = b.switchCase(b.num(n), this.cur);
    this.curCase = { label: n, node, jumps: new Set(), fallsThrough: true };
    this.cases.push(this.curCase);
    this.caseLabels.add(n);
    this.dead = false;
  }

  /** Close the last case (switch mode), or the loops that end with the code (structured). */
  finish(): void {
    if (this.curCase !== undefined) this.curCase.fallsThrough = !this.dead;
    if (this.mode === 'structured') this.closeLoops(this.f.code.length);
  }

  /** A fresh synthetic label. */
  newLabel(): number {
    return this.nextLabel++;
  }

  /** Statements that jump to `label`. */
  goto(label: number): E.Statement[] {
    if (this.mode === 'structured' && label === this.fiLabel) {
      return [b.throwStmt(this.functionClause())];
    }
    if (this.mode === 'structured') {
      if (label === this.f.entryLabel) return [b.labeledContinue(ENTRY_LOOP)];
      return this.inLoop(label) ? [b.labeledContinue(`R${label}`)] : [b.brk(`L${label}`)];
    }
    if (this.selfTailExit && label === this.f.entryLabel) {
      this.exitsToEntry = true;
      return [b.brk(SWITCH_LOOP)];
    }
    // A jump to a bare `loop_rec_end L` (a receive pattern that did not
    // match) does its work in place: one switch dispatch per skipped
    // message instead of two (~12% on a selective receive scan).
    const loop = this.loopRecEnds.get(label);
    if (loop !== undefined) {
      this.curCase?.jumps.add(loop);
      return [b.expr(b.call(b.member(b.id('p'), 'nextMsg'))), b.set('lbl', b.num(loop)), b.cont()];
    }
    this.curCase?.jumps.add(label);
    return [b.set('lbl', b.num(label)), b.cont()];
  }

  /** `R.functionClause(I, line, [x0, ...])` */
  functionClause(): E.Expression {
    const args = Array.from({ length: this.f.arity }, (_, i) => this.x(i));
    return b.call(rt('functionClause'), this.fi(), b.num(this.f.line, this.pos()), b.array(args));
  }

  /** Jump unconditionally and mark the rest of the block dead. */
  jump(label: number): void {
    this.emit(...this.goto(label));
    this.dead = true;
  }

  /** `if (!ok) goto fail` — `failLabel` 0 means "raise `err`" instead. */
  test(ok: E.Expression, failLabel: number, err?: () => E.Expression): void {
    const onFail = failLabel === 0
      ? [b.throwStmt(err ? err() : this.errorExpr(b.str('badarg')))]
      : this.goto(failLabel);
    this.emit(b.ifStmt(b.not(ok), onFail));
  }

  /** `throw err;` and mark dead. */
  raise(err: E.Expression): void {
    this.emit(b.throwStmt(err));
    this.dead = true;
  }

  // ---- where we are ----

  get line(): number {
    return this.ins?.line ?? this.f.line;
  }

  /** The source position of the current instruction (for the source map). */
  pos(): b.Pos | undefined {
    const line = this.line;
    if (line <= 0) return undefined;
    const items = this.m.asm.beam.lines?.items;
    const file = (this.ins !== undefined && items?.[this.ins.loc]?.file) || this.f.file;
    return { line, column: 0, source: file };
  }

  /** The function's FnInfo constant. */
  fi(): E.Expression {
    return this.m.fnInfo(this.f);
  }

  /** `R.error(reason, I, line)` */
  errorExpr(reason: E.Expression): E.Expression {
    return b.call(rt('error'), reason, this.fi(), b.num(this.line, this.pos()));
  }

  /** A frame save for a continuation at `label`: `p.save(new R.Frame(r, label, [y...], h))`. */
  saveFrame(label: number): E.Statement {
    this.resumeLabels.add(label);
    this.frameLines.set(label, Math.max(0, this.line));
    const frame = b.newExpr(rt('Frame'), b.id(`${this.jsName}$r`), b.num(label), b.array([]), b.lit(false));
    this.frames.push(frame);
    return b.expr(b.call(b.member(b.id('p'), 'save'), frame));
  }

  error(msg: string): CompileError {
    return new CompileError(this.m.name, `${this.f.name}/${this.f.arity}`, this.ins?.offset, this.ins?.name, msg);
  }
}

/** Labels followed (past `line`s) by `loop_rec_end L`, mapped to L. */
function loopRecEnds(f: AsmFunction): Map<number, number> {
  const out = new Map<number, number>();
  const code = f.code;
  for (let i = 0; i < code.length; i++) {
    if (code[i]!.name !== 'label') continue;
    let k = i + 1;
    while (k < code.length && code[k]!.name === 'line') k++;
    const ins = code[k];
    const target = ins?.args[0];
    if (ins?.name === 'loop_rec_end' && target?.kind === 'f') out.set((code[i]!.args[0] as { n: number }).n, target.label);
  }
  return out;
}
