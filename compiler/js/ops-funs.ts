/**
 * Lowering of funs: creation (`make_fun3`, the older `make_fun2`) and calls
 * (`call_fun`, `call_fun2`).
 *
 * A local fun's JS function is the lifted Erlang function, which takes the
 * fun's arguments followed by its free variables. `call_fun2` with a FunT
 * tag names the target statically, so it is called directly. A fun call
 * followed by `return` is a tail call and goes through the trampoline.
 */
import type * as E from 'estree';
import type { FunOp, Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';
import { argRegs, callSite, tailCall } from './ops-calls.js';
import { inTailPosition } from './tail.js';

const u = (op: Operand | undefined): number => (op?.kind === 'u' ? op.n : 0);
const P = (): E.Identifier => b.id('p');

function makeFun3(c: FnContext, ins: Instr): void {
  const [f, dst, env] = ins.args;
  const vars = env?.kind === 'list' ? env.items.map((e) => c.src(e)) : [];
  c.set(dst!, b.call(rt('makeFun'), P(), c.m.funDesc(f as FunOp), b.array(vars)));
}

/** make_fun2 (OTP <= 23): free variables in x0..x(NumFree-1), result in x0. */
function makeFun2(c: FnContext, ins: Instr): void {
  const f = ins.args[0] as FunOp;
  c.set({ kind: 'x', n: 0 }, b.call(rt('makeFun'), P(), c.m.funDesc(f), b.array(argRegs(c, f.numFree))));
}

function lowerFunCall(c: FnContext, fun: E.Expression, arity: number, known: FunOp | undefined): void {
  const args = argRegs(c, arity);
  if (known !== undefined) {
    // call_fun2 with a FunT tag: the target and its number of free variables are known.
    const env = Array.from({ length: known.numFree }, (_, i) => b.index(b.member(fun, 'env'), i));
    const target = b.id(c.m.fnName(known.label), c.pos());
    if (inTailPosition(c.f.code, c.i)) tailCall(c, target, [...args, ...env]);
    else callSite(c, b.call(target, P(), ...args, ...env), known.label);
    return;
  }
  if (inTailPosition(c.f.code, c.i)) {
    c.emit(b.ret(b.call(rt('tailCallFun'), P(), fun, b.array(args))));
    c.dead = true;
    return;
  }
  const call = arity <= 2
    ? b.call(rt(`callFun${arity}`), P(), fun, ...args)
    : b.call(rt('callFun'), P(), fun, b.array(args));
  callSite(c, call);
}

/** call_fun Ar: the fun is in x(Ar). */
function callFun(c: FnContext, ins: Instr): void {
  const n = u(ins.args[0]);
  const fun = c.temp(1);
  c.emit(b.set(fun, c.x(n)));
  lowerFunCall(c, fun, n, undefined);
}

/** call_fun2 Tag Ar Func (OTP 25). */
function callFun2(c: FnContext, ins: Instr): void {
  const [tag, ar, f] = ins.args;
  const fun = c.temp(1);
  c.emit(b.set(fun, c.src(f!)));
  lowerFunCall(c, fun, u(ar), tag?.kind === 'fun' ? tag : undefined);
}

export const FUN_OPS: LowerTable = {
  make_fun3: makeFun3,
  make_fun2: makeFun2,
  call_fun: callFun,
  call_fun2: callFun2,
};
