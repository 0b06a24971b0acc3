/**
 * Lower one Erlang function to JS function declarations. Two shapes:
 *
 * Structured (structure.ts says the control flow allows it; most functions):
 *
 *   function name$A(p, x0, ..., x{A-1}) {        // the fast path
 *     let x{A}.., y0.., f0.., t0..;
 *     if ((p.reds -= COST) <= 0) return R.suspendEntry(p, [name$A, x0, ...]);
 *     entry: for (;;) { L7: { ... break L7; ... } ... }   // loop only for self tail calls
 *     (receive loops: `R25: for (;;) { ... continue R25; }` inside)
 *   }
 *   function name$A$r(p, fr, v, err) {           // its resume copy: a ResumeFn
 *     let lbl = fr.label, x0 = v, y0 = fr.y[0], ...;
 *     for (;;) switch (lbl) { case K: ... }      // only cases a resume can reach
 *   }
 *
 * The fast function saves frames whose resume is `name$A$r`; it has no
 * resume path of its own. Only functions with suspending call sites get
 * the copy.
 *
 * Switch (try/catch, unstructurable jumps): one function
 *
 *   function name$A(p, x0, ...) {
 *     let lbl = ENTRY, ...;
 *     if ((p.reds -= COST) <= 0) {              // budget spent, or a resume
 *       const fr = R.takeResume(p);             // (runtime/exec/frames.ts)
 *       if (fr === null) return R.suspendEntry(p, [name$A, x0, ...]);
 *       lbl = fr.label; x0 = R.resumeValue(); y0 = fr.y[0]; ...
 *     }
 *     for (;;) switch (lbl) { ... }
 *   }
 *   const name$A$r = R.resumer(name$A);
 *
 * With try/catch, the switch sits in a JS try whose catch finds the innermost
 * active catch tag and jumps to its handler label (and a frame resumed with
 * an error re-throws it from label -1, inside the try).
 */
import type * as E from 'estree';
import type { AsmFunction } from '../asm/types.js';
import { yOffsets } from './analyze.js';
import * as b from './builders.js';
import { ENTRY_LOOP, FnContext, SWITCH_LOOP, type CaseInfo, type EmitMode } from './function-context.js';
import type { LowerTable } from './lower-types.js';
import { rt, type ModuleContext } from './module-context.js';
import { argRegs } from './ops-calls.js';
import { structure, type Structure } from './structure.js';
import { CompileError } from './errors.js';
import { unsafeReturns } from './tail.js';

const RETHROW = -1;

export interface LoweredFunction {
  /** The function (and its resume copy), then possibly `const name$r = R.resumer(name)`. */
  readonly decls: E.Statement[];
}

export function lowerFunction(m: ModuleContext, f: AsmFunction, ops: LowerTable): LoweredFunction {
  const out = lowerShapes(m, f, ops);
  if (!m.mayTail(f.entryLabel) && unsafeReturns(out.decls, m.fnName(f.entryLabel), (n) => m.neverTails(n)).length > 0) {
    // Callers were compiled without a TAIL check on this function's result.
    throw new CompileError(m.name, `${f.name}/${f.arity}`, undefined, undefined,
      'internal error: returns TAIL but tail.ts predicted it never does');
  }
  return out;
}

function lowerShapes(m: ModuleContext, f: AsmFunction, ops: LowerTable): LoweredFunction {
  const yOff = yOffsets(f);
  const s = structure(f);
  if (s === undefined) {
    const c = lowerBody(m, f, ops, yOff, 'switch', undefined);
    const decls: E.Statement[] = [switchFunction(c)];
    if (c.frames.length > 0) {
      decls.push(b.constDecl(`${c.jsName}$r`, b.call(rt('resumer'), b.id(c.jsName))));
      decls.push(frameInfo(c, c.frameLines));
    }
    return { decls };
  }
  const fast = lowerBody(m, f, ops, yOff, 'structured', s);
  if (fast.frames.length === 0) return { decls: [structuredFunction(fast, s, sortedYs(fast))] };
  const slow = lowerBody(m, f, ops, yOff, 'switch', undefined, true);
  // Both copies save and restore frames: they must agree on the y layout.
  const ys = [...new Set([...fast.yUsed, ...slow.yUsed])].sort((a, d) => a - d);
  const lines = new Map([...slow.frameLines, ...fast.frameLines]);
  return { decls: [structuredFunction(fast, s, ys), resumeFunction(slow, fast, ys), frameInfo(fast, lines)] };
}

/** `R.frameInfo(name$r, I, [label, line, ...])`: who a suspended frame is, for stack traces. */
function frameInfo(c: FnContext, lines: Map<number, number>): E.Statement {
  const flat = [...lines].sort((x, y) => x[0] - y[0]).flatMap(([l, n]) => [b.num(l), b.num(n)]);
  return b.expr(b.call(rt('frameInfo'), b.id(`${c.jsName}$r`), c.fi(), b.array(flat)));
}

/**
 * `try { body } catch (e) { throw R.addFrame(e, I, ln) }`: an exception that
 * leaves the function gets the function's stack-trace entry.
 */
function withFrame(c: FnContext, body: E.Statement[]): E.Statement {
  const line = c.temps.has('ln') ? b.id('ln') : b.num(Math.max(0, c.f.line));
  return b.tryCatch(body, 'e', [b.throwStmt(b.call(rt('addFrame'), b.id('e'), c.fi(), line))]);
}

function lowerBody(m: ModuleContext, f: AsmFunction, ops: LowerTable, yOff: Int32Array,
  mode: EmitMode, s: Structure | undefined, resumeCopy = false): FnContext {
  const c = new FnContext(m, f, yOff, m.asm.labelCount, mode, s);
  c.selfTailExit = resumeCopy;
  const code = f.code;
  const entryAt = f.labels.get(f.entryLabel) ?? 0;
  // The structured form has no func_info block: jumps to it raise in place.
  for (let i = mode === 'structured' ? entryAt : 0; i < code.length; i++) {
    const ins = code[i]!;
    c.i = i;
    c.ins = ins;
    if (mode === 'structured') c.closeLoops(i);
    if (ins.name === 'label') {
      c.label((ins.args[0] as { n: number }).n);
      // A loop opens at its header label, after the blocks that end there close.
      if (mode === 'structured') c.openBlocks(i);
      continue;
    }
    if (mode === 'structured') c.openBlocks(i);
    const lower = ops[ins.name];
    if (lower === undefined) throw c.error(`opcode ${ins.name} is not supported`);
    lower(c, ins);
  }
  c.finish();
  return c;
}

/** Declarations of the locals the lowering used (x beyond the parameters, y, f, t). */
function locals(c: FnContext, ys: number[], skipX: number, init: [string, E.Expression | undefined][] = []):
  [string, E.Expression | undefined][] {
  const out = [...init];
  const have = new Set(out.map(([n]) => n));
  const add = (n: string): void => {
    if (!have.has(n)) out.push([n, undefined]);
    have.add(n);
  };
  for (const n of [...c.xUsed].sort((a, d) => a - d)) if (n >= skipX) add(`x${n}`);
  for (const n of ys) add(`y${n}`);
  for (const n of [...c.fUsed].sort((a, d) => a - d)) add(`f${n}`);
  for (const t of [...c.temps].sort()) add(t);
  return out;
}

const sortedYs = (c: FnContext): number[] => [...c.yUsed].sort((a, d) => a - d);

function headComment(decl: E.FunctionDeclaration, f: AsmFunction, what = ''): E.FunctionDeclaration {
  return b.comment(decl, ` ${f.name}/${f.arity}${what}${f.file ? ` ${f.file}:${f.line}` : ''}`);
}

function headPos(f: AsmFunction): b.Pos | undefined {
  return f.line > 0 ? { line: f.line, column: 0, source: f.file } : undefined;
}

const params = (f: AsmFunction): string[] => ['p', ...Array.from({ length: f.arity }, (_, i) => `x${i}`)];

/**
 * What one entry of this function costs from the reduction budget. The
 * budget is also the native-depth guard: frames pile up on the JS stack
 * only until the budget runs out (then they move to the heap), so the cost
 * grows with the function's JS frame size. Measured on Node 20 (default
 * ~984 KB stack): about 140 bytes per frame for a small function, 230-415
 * for one with ~40 locals depending on whether V8 optimised it; a budget of
 * 4000 entries of 1 would not fit (cg_depth.erl). With a cost of at least 2
 * and one more per FRAME_UNIT estimated bytes, a budget's worth of frames
 * stays under ~512 KB, leaving room for runtime helpers in between.
 */
const FRAME_UNIT = 128;
function entryCost(c: FnContext): number {
  const slots = c.f.arity + 1 + c.xUsed.size + c.yUsed.size + c.fUsed.size + c.temps.size + 4;
  return Math.min(64, Math.max(2, Math.ceil((64 + 8 * slots) / FRAME_UNIT)));
}

function spend(c: FnContext): E.Expression {
  return b.binary('<=', b.assign(b.member(b.id('p'), 'reds'), b.num(entryCost(c)), '-='), b.num(0));
}

function entryCheck(c: FnContext): E.Statement {
  return b.ifStmt(
    spend(c),
    b.ret(b.call(rt('suspendEntry'), b.id('p'), b.array([b.id(c.jsName), ...argRegs(c, c.f.arity)]))),
  );
}

function structuredFunction(c: FnContext, s: Structure, ys: number[]): E.FunctionDeclaration {
  fillFrames(c, ys, []);
  const body: E.Statement[] = [];
  const decl = locals(c, ys, c.f.arity);
  if (decl.length > 0) body.push(b.declare('let', decl));
  body.push(entryCheck(c));
  body.push(withFrame(c, s.loops ? [b.labeled(ENTRY_LOOP, b.forever(c.body))] : c.body));
  return headComment(b.fn(c.jsName, params(c.f), body, headPos(c.f)), c.f);
}

/** The resume copy of a structured function: a ResumeFn over the switch form. */
function resumeFunction(c: FnContext, fast: FnContext, ys: number[]): E.FunctionDeclaration {
  const cases = prune(c.cases, new Set([...fast.resumeLabels, ...c.resumeLabels]));
  fillFrames(c, ys, []);
  const init: [string, E.Expression | undefined][] = [
    ['lbl', b.member(b.id('fr'), 'label')],
    ['x0', b.id('v')],
    ...ys.map((n, i): [string, E.Expression] => [`y${n}`, b.index(b.member(b.id('fr'), 'y'), i)]),
    // `-label`: the line is looked up only if an exception leaves (R.addFrame).
    ['ln', b.unary('-', b.member(b.id('fr'), 'label'))],
  ];
  c.temps.add('ln');
  const loop = b.forever(b.switchStmt(b.id('lbl'), cases.map((k) => k.node)));
  // A self tail call leaves the loop and continues in the fast function,
  // outside the try: a tail call leaves no stack-trace entry of its own.
  const tail = c.exitsToEntry ? [b.ret(b.call(b.id(c.jsName), b.id('p'), ...argRegs(c, c.f.arity)))] : [];
  const body: E.Statement[] = [
    b.declare('let', locals(c, ys, 1, init)),
    withFrame(c, [c.exitsToEntry ? b.labeled(SWITCH_LOOP, loop) : loop]),
    ...tail,
  ];
  return headComment(b.fn(`${c.jsName}$r`, ['p', 'fr', 'v', 'err'], body), c.f, ' (resume)');
}

/** The cases reachable from the resume labels (by jumps and fall-through). */
function prune(cases: CaseInfo[], roots: Set<number>): CaseInfo[] {
  const byLabel = new Map(cases.map((k, i) => [k.label, i]));
  const keep = new Uint8Array(cases.length);
  const work: number[] = [];
  const visit = (label: number): void => {
    const i = byLabel.get(label);
    if (i !== undefined && !keep[i]) {
      keep[i] = 1;
      work.push(i);
    }
  };
  for (const l of roots) visit(l);
  while (work.length > 0) {
    const i = work.pop()!;
    const k = cases[i]!;
    for (const l of k.jumps) visit(l);
    if (k.fallsThrough && i + 1 < cases.length) visit(cases[i + 1]!.label);
  }
  return cases.filter((_, i) => keep[i]);
}

function switchFunction(c: FnContext): E.FunctionDeclaration {
  const f = c.f;
  const ys = sortedYs(c);
  const catchSlots = [...c.catchSlots].sort((a, d) => a - d);
  const hasHandlers = catchSlots.length > 0;
  if (hasHandlers) for (let n = 0; n < 4; n++) c.x(n); // set on exception entry
  fillFrames(c, ys, catchSlots);
  if (c.frames.length > 0) c.temps.add('ln');

  const body: E.Statement[] = [
    b.declare('let', locals(c, ys, f.arity, [['lbl', b.num(f.entryLabel)]])),
    switchPrologue(c, ys, hasHandlers),
  ];
  const caseNodes = c.cases.map((k) => k.node);
  // Label -1 re-throws an error delivered to a resumed frame, inside the try.
  const rethrow = hasHandlers && c.frames.length > 0;
  const cases = rethrow ? [b.switchCase(b.num(RETHROW), [b.throwStmt(c.x(0))]), ...caseNodes] : caseNodes;
  const loop = b.forever(b.switchStmt(b.id('lbl'), cases));
  body.push(hasHandlers ? b.forever([b.tryCatch([loop], 'e', handlerDispatch(c, catchSlots))]) : withFrame(c, [loop]));
  return headComment(b.fn(c.jsName, params(f), body, headPos(f)), f);
}

/** The entry check; with saved frames, also the resume path. */
function switchPrologue(c: FnContext, ys: number[], hasHandlers: boolean): E.Statement {
  if (c.frames.length === 0) return entryCheck(c);
  const reds = spend(c);
  const suspend = b.ret(b.call(rt('suspendEntry'), b.id('p'), b.array([b.id(c.jsName), ...argRegs(c, c.f.arity)])));
  const fr = b.id('fr');
  const resume: E.Statement[] = [
    b.constDecl('fr', b.call(rt('takeResume'), b.id('p'))),
    b.ifStmt(b.eq(fr, b.lit(null)), suspend),
    b.set('lbl', b.member(fr, 'label')),
    b.set(c.x(0), b.call(rt('resumeValue'))),
    b.set('ln', b.unary('-', b.member(fr, 'label'))),
  ];
  if (ys.length > 0) {
    resume.push(b.constDecl('ys', b.member(fr, 'y')));
    ys.forEach((n, i) => resume.push(b.set(`y${n}`, b.index(b.id('ys'), i))));
  }
  if (hasHandlers) {
    resume.push(b.constDecl('err', b.call(rt('resumeError'))));
    resume.push(b.ifStmt(b.neq(b.id('err'), b.id('undefined')), [b.set(c.x(0), b.id('err')), b.set('lbl', b.num(RETHROW))]));
  }
  return b.ifStmt(reds, resume);
}

/** Give every frame save its y registers and its "handler active" flag. */
function fillFrames(c: FnContext, ys: number[], catchSlots: number[]): void {
  const handler = catchSlots.length === 0
    ? b.lit(false)
    : b.or(...catchSlots.map((n) => b.instanceOf(b.id(`y${n}`), rt('CatchTag'))));
  for (const frame of c.frames) {
    frame.arguments[2] = ys.length === 0 ? rt('NO_Y') : b.array(ys.map((n) => b.id(`y${n}`)));
    frame.arguments[3] = handler;
  }
}

/**
 * The JS catch: convert to an Erlang exception (or re-throw a JS error),
 * find the innermost catch tag, set x0..x3 and jump to the handler.
 */
function handlerDispatch(c: FnContext, catchSlots: number[]): E.Statement[] {
  const err = b.id('err');
  const line = c.temps.has('ln') ? b.id('ln') : b.num(Math.max(0, c.f.line));
  let find: E.Statement = b.throwStmt(err);
  for (const n of [...catchSlots].reverse()) {
    const y = b.id(`y${n}`);
    find = b.ifStmt(b.instanceOf(y, rt('CatchTag')), b.set('lbl', b.member(y, 'label')), find);
  }
  return [
    b.constDecl('err', b.call(rt('addFrame'), b.id('e'), c.fi(), line)),
    b.ifStmt(b.not(b.instanceOf(err, rt('ErlangError'))), b.throwStmt(err)),
    find,
    b.set('x0', rt('NONE')),
    b.set('x1', b.member(err, 'reason')),
    b.set('x2', err),
    b.set('x3', b.member(err, 'cls')),
  ];
}
