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

export class FnContext {
  readonly jsName: string;
  /** The label of func_info (jumping there raises function_clause). */
  readonly fiLabel: number;
  readonly cases: CaseInfo[] = [];
  private cur: E.Statement[] = [];
  private curCase: CaseInfo | undefined = undefined;
  /** Structured mode: the enclosing statement lists of the open labelled blocks. */
  private readonly open: { label: number; outer: E.Statement[] }[] = [];
  /** Structured mode: the statements of the whole body. */
  readonly body: E.Statement[] = this.cur;
  /** Set after an instruction that never falls through; cleared by the next label. */
  dead = false;
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
  private nextLabel: number;
  /** Labels with a `case` (BEAM labels and synthetic ones). */
  readonly caseLabels = new Set<number>();

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
    if (top !== undefined && top.label === n) {
      this.open.pop();
      top.outer.push(b.labeled(`L${n}`, b.block(this.cur)));
      this.cur = top.outer;
      this.dead = false;
    } else if (n === this.f.entryLabel) {
      this.dead = false;
    }
  }

  /** Structured mode: open the labelled blocks that start at instruction `i`. */
  openBlocks(i: number): void {
    const labels = this.structure?.opens.get(i);
    if (labels === undefined) return;
    for (const l of labels) {
      this.open.push({ label: l, outer: this.cur });
      this.cur = [];
    }
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

  /** Close the last case (switch mode). */
  finish(): void {
    if (this.curCase !== undefined) this.curCase.fallsThrough = !this.dead;
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
      return label === this.f.entryLabel ? [b.labeledContinue(ENTRY_LOOP)] : [b.brk(`L${label}`)];
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
    const frame = b.newExpr(rt('Frame'), b.id(`${this.jsName}$r`), b.num(label), b.array([]), b.lit(false));
    this.frames.push(frame);
    return b.expr(b.call(b.member(b.id('p'), 'save'), frame));
  }

  error(msg: string): CompileError {
    return new CompileError(this.m.name, `${this.f.name}/${this.f.arity}`, this.ins?.offset, this.ins?.name, msg);
  }
}
