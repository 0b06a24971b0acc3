/**
 * Lowering of exceptions: `try`/`catch` regions, their ends, re-raising,
 * and the instructions that raise BEAM's standard errors.
 *
 * `try Y L` / `catch Y L` store a catch tag (the handler label) in Y; the
 * function's JS `catch` (function.ts) looks for the first y register, in
 * ascending slot order as BEAM scans its stack, holding a tag, and jumps to
 * its label with x0 = NONE, x1 = reason, x2 = the ErlangError (BEAM's raw
 * stack trace), x3 = class. Clearing the tag ends the region.
 */
import type { Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import { callSite } from './ops-calls.js';
import type { LowerTable } from './lower-types.js';

const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);

/** try Y L / catch Y L */
function enter(c: FnContext, ins: Instr): void {
  const [y, handler] = ins.args;
  if (y?.kind !== 'y') throw c.error('the catch tag register is not a y register');
  c.catchSlots.add(c.yPhys(y.n));
  c.set(y, c.m.catchTag(label(handler)));
}

/** try_end Y: leave the region normally. */
function tryEnd(c: FnContext, ins: Instr): void {
  c.set(ins.args[0]!, rt('NIL'));
}

/** try_case Y: in the handler; x0 becomes the class. */
function tryCase(c: FnContext, ins: Instr): void {
  c.set(ins.args[0]!, rt('NIL'));
  c.set({ kind: 'x', n: 0 }, c.x(3));
}

/**
 * catch_end Y: the value of `catch Expr`, built from the exception if there
 * was one. `{'EXIT', {Reason, Stack}}` needs the whole trace: like
 * build_stacktrace, the helper may suspend to collect the callers.
 */
function catchEnd(c: FnContext, ins: Instr): void {
  c.set(ins.args[0]!, rt('NIL'));
  callSite(c, b.call(rt('catchEnd'), b.id('p'), c.x(0), c.x(1), c.x(2), c.x(3)));
}

function tryCaseEnd(c: FnContext, ins: Instr): void {
  c.raise(b.call(rt('tryClause'), c.src(ins.args[0]!), c.fi(), b.num(c.line, c.pos())));
}

/** raise Stk Reason: re-raise with the class of the raw stack trace. */
function raise(c: FnContext, ins: Instr): void {
  const [stk, reason] = ins.args;
  c.raise(b.call(rt('reraise'), c.src(stk!), c.src(reason!)));
}

/**
 * build_stacktrace: the trace so far holds the functions the exception left
 * up to this one; BEAM's also has this function's callers. The helper
 * returns SUSPEND when it needs them: like any call site, every caller on
 * the native stack then saves its frame, and the scheduler completes the
 * trace from the heap frames and resumes here with it (runtime/exec/errors.ts).
 */
function buildStacktrace(c: FnContext): void {
  callSite(c, b.call(rt('stacktraceOf'), b.id('p'), c.x(0)));
}

/** raw_raise: throws, or (bad class) continues with badarg in x0. */
function rawRaise(c: FnContext): void {
  c.set({ kind: 'x', n: 0 }, b.call(rt('rawRaise'), c.x(0), c.x(1), c.x(2)));
}

const raiser = (helper: string) => (c: FnContext, ins: Instr): void => {
  c.raise(b.call(rt(helper), c.src(ins.args[0]!), c.fi(), b.num(c.line, c.pos())));
};

function ifEnd(c: FnContext): void {
  c.raise(b.call(rt('ifClause'), c.fi(), b.num(c.line, c.pos())));
}

export const EXCEPTION_OPS: LowerTable = {
  try: enter,
  catch: enter,
  try_end: tryEnd,
  try_case: tryCase,
  catch_end: catchEnd,
  try_case_end: tryCaseEnd,
  raise,
  build_stacktrace: buildStacktrace,
  raw_raise: rawRaise,
  badmatch: raiser('badmatch'),
  case_end: raiser('caseClause'),
  badrecord: raiser('badrecord'),
  if_end: ifEnd,
};
