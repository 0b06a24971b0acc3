/**
 * Lowering of calls and returns (DESIGN.md §3, runtime/process/protocol.ts).
 *
 * A body call `x0 = f(p, x0, ...)` is followed by the two protocol checks:
 * TAIL (the callee ended in a tail call: run the trampoline here) and
 * SUSPEND (save this call site's frame — continuation label, y registers —
 * and return SUSPEND too). The continuation is a new synthetic `case`, which
 * the fast path simply falls into.
 *
 * Tail calls: a self tail call is a jump to the entry (after the reduction
 * check a call would do); a tail call to another local function is a direct
 * JS call returned as it is (the reduction budget bounds the JS stack that a
 * chain of them builds: a SUSPEND unwinds it, leaving no frame); any other
 * tail call hands the callee and its arguments to the trampoline
 * (`p.tailFn`/`p.tailArgs`, return TAIL): its callee may be reloaded.
 */
import type * as E from 'estree';
import type { ExtFuncOp, Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import { RAISING_BIFS } from './bif-table.js';
import { isBuiltin } from '../../runtime/bifs/erlang-sysinfo-builtins.js';
import { TAIL_LN } from '../../runtime/exec/errors.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';

const u = (op: Operand | undefined): number => (op?.kind === 'u' ? op.n : 0);
const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);
const P = (): E.Identifier => b.id('p');

/** x0..x(n-1) */
export const argRegs = (c: FnContext, n: number): E.Expression[] => Array.from({ length: n }, (_, i) => c.x(i));

/**
 * `x0 = call; if TAIL run it; if SUSPEND save and return` + the continuation
 * case. `local` is the entry label of a local callee: no TAIL check when it
 * never returns TAIL (tail.ts).
 */
export function callSite(c: FnContext, call: E.Expression, local?: number): void {
  const x0 = c.x(0);
  // `ln`: the line of the call in progress, for this function's entry in the
  // stack trace of an exception that comes out of it (function.ts).
  c.temps.add('ln');
  c.emit(b.set('ln', b.num(Math.max(0, c.line))), b.set(x0, call));
  if (local === undefined || c.m.mayTail(local)) {
    c.emit(b.ifStmt(b.eq(x0, b.id('TAIL')), b.set(x0, b.call(b.member(P(), 'runTail')))));
  }
  const k = c.newLabel();
  c.emit(b.ifStmt(b.eq(x0, b.id('SUSPEND')), [c.saveFrame(k), b.ret(b.id('SUSPEND'))]));
  c.continuation(k);
}

/** Hand a tail call to the trampoline. */
export function tailCall(c: FnContext, fn: E.Expression, args: E.Expression[]): void {
  c.emit(
    b.set(b.member(P(), 'tailFn'), fn),
    b.set(b.member(P(), 'tailArgs'), b.array(args)),
    b.ret(b.id('TAIL')),
  );
  c.dead = true;
}

/** `if (--p.reds <= 0) return R.suspendEntry(p, [self, args...])` */
export function redsCheck(c: FnContext): E.Statement {
  const args = argRegs(c, c.f.arity);
  return b.ifStmt(
    b.binary('<=', b.update('--', b.member(P(), 'reds')), b.num(0)),
    b.ret(b.call(rt('suspendEntry'), P(), b.array([b.id(c.jsName), ...args]))),
  );
}

function localCallee(c: FnContext, target: number): E.Expression {
  // A NIF stub is replaced in the registry by its BIF (nif-stubs.ts).
  if (c.m.isNifStub(target)) {
    const f = c.m.asm.functions.find((g) => g.entryLabel === target)!;
    const name = c.m.fnName(target);
    // Its own code when no BIF replaces it (a stub need not be exported).
    const cell = c.m.hoist('N', `stub\u0000${name}`, () =>
      b.call(rt('stubCell'), b.str(c.m.asm.name), b.str(f.name), b.num(f.arity), b.id(name)));
    return b.member(cell, 'fn');
  }
  return b.id(c.m.fnName(target), c.pos());
}

function call(c: FnContext, ins: Instr): void {
  const [ar, target] = ins.args;
  callSite(c, b.call(localCallee(c, label(target)), P(), ...argRegs(c, u(ar))), label(target));
}

/** call_only / call_last: local tail call. */
function callTail(c: FnContext, ins: Instr): void {
  const [ar, target] = ins.args;
  const l = label(target);
  if (l === c.f.entryLabel) {
    c.emit(redsCheck(c));
    c.jump(l);
    return;
  }
  if (c.m.isNifStub(l)) {
    tailCall(c, localCallee(c, l), argRegs(c, u(ar)));
    return;
  }
  // A direct call: the JS stack it adds is bounded by the reduction budget
  // (every entry costs reductions; a SUSPEND unwinds it), and a pending
  // SUSPEND or TAIL passes through as the callee's result. `ln = TAIL_LN`:
  // an exception from the callee adds no entry for this function.
  c.temps.add('ln');
  c.emit(b.set('ln', b.num(TAIL_LN)), b.ret(b.call(localCallee(c, l), P(), ...argRegs(c, u(ar)))));
  c.dead = true;
}

/** erlang:error/exit/throw never return: raise here, with this function's frame. */
function raisingBif(c: FnContext, f: ExtFuncOp): boolean {
  if (f.module !== 'erlang' || !RAISING_BIFS.has(`${f.name}/${f.arity}`)) return false;
  const fi = c.fi();
  const line = b.num(c.line, c.pos());
  switch (f.name) {
    case 'error':
    case 'nif_error':
      c.raise(f.arity === 1
        ? b.call(rt('error'), c.x(0), fi, line)
        : b.call(rt('errorWithArgs'), c.x(0), c.x(1), fi, line, ...(f.arity === 3 ? [c.x(2)] : [])));
      break;
    default:
      c.raise(b.call(rt('raise'), b.str(f.name), c.x(0), fi, line));
  }
  return true;
}

function callExt(c: FnContext, ins: Instr): void {
  const [ar, f] = ins.args;
  const ext = f as ExtFuncOp;
  if (raisingBif(c, ext)) return;
  const cell = c.m.ext(ext.module, ext.name, ext.arity);
  callSite(c, b.call(b.member(cell, 'fn'), P(), ...argRegs(c, u(ar))));
}

/** call_ext_only / call_ext_last */
function callExtTail(c: FnContext, ins: Instr): void {
  const [ar, f] = ins.args;
  const ext = f as ExtFuncOp;
  if (raisingBif(c, ext)) return;
  const cell = c.m.ext(ext.module, ext.name, ext.arity);
  if (bifInTail(ext)) {
    // BEAM runs a BIF in tail position as a call: the caller stays in the
    // stack trace of the BIF's exception.
    callSite(c, b.call(b.member(cell, 'fn'), P(), ...argRegs(c, u(ar))));
    c.emit(b.ret(c.x(0)));
    c.dead = true;
    return;
  }
  tailCall(c, b.member(cell, 'fn'), argRegs(c, u(ar)));
}

/**
 * A C-implemented function called in tail position, except those that hand
 * over to Erlang code and must not grow the stack (apply) or never return.
 */
function bifInTail(f: ExtFuncOp): boolean {
  if (f.module === 'erlang' && (f.name === 'apply' || f.name === 'hibernate')) return false;
  return isBuiltin(f.module, f.name, f.arity);
}

function ret(c: FnContext): void {
  c.emit(b.ret(c.x(0)));
  c.dead = true;
}

/** apply Ar: args x0..x(Ar-1), module x(Ar), function x(Ar+1). */
function apply(c: FnContext, ins: Instr): void {
  const n = u(ins.args[0]);
  callSite(c, b.call(rt('apply'), P(), c.x(n), c.x(n + 1), b.array(argRegs(c, n))));
}

function applyLast(c: FnContext, ins: Instr): void {
  const n = u(ins.args[0]);
  c.emit(b.ret(b.call(rt('tailApply'), P(), c.x(n), c.x(n + 1), b.array(argRegs(c, n)))));
  c.dead = true;
}

function funcInfo(c: FnContext): void {
  c.raise(c.functionClause());
}

/** send: x0 ! x1, result x1 in x0 (R.send: a pid directly, else erlang:send/2 in the registry). */
function send(c: FnContext): void {
  const cell = c.m.ext('erlang', 'send', 2);
  c.set({ kind: 'x', n: 0 }, b.call(rt('send'), P(), cell, c.x(0), c.x(1)));
}

export const CALL_OPS: LowerTable = {
  call,
  call_last: callTail,
  call_only: callTail,
  call_ext: callExt,
  call_ext_last: callExtTail,
  call_ext_only: callExtTail,
  return: ret,
  apply,
  apply_last: applyLast,
  func_info: funcInfo,
  send,
};
