/**
 * Lowering of the float instructions. Float registers `fr` are unboxed JS
 * numbers (`f0`, `f1`...); moving to an x/y register boxes into ErlFloat.
 * BEAM has no infinities or NaN, so every operation checks its result is
 * finite and raises `badarith` otherwise (there is no fcheckerror since
 * OTP 24; older code's fclearerror/fcheckerror are no-ops, ops-data.ts).
 */
import type * as E from 'estree';
import type { Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';

/** The JS number behind a float operand (literal, boxed register or fr). */
function rawFloat(c: FnContext, op: Operand): E.Expression {
  if (op.kind === 'fr') return c.fr(op.n);
  if (op.kind === 'float') return b.num(op.value);
  return b.member(c.src(op), 'value');
}

function fmove(c: FnContext, ins: Instr): void {
  const [s, d] = ins.args;
  if (d!.kind === 'fr') c.set(d!, rawFloat(c, s!));
  else c.set(d!, b.newExpr(rt('ErlFloat'), rawFloat(c, s!)));
}

function checkFinite(c: FnContext, d: E.Identifier): void {
  c.emit(b.ifStmt(b.not(b.call(b.path('Number.isFinite'), d)),
    b.throwStmt(c.errorExpr(b.str('badarith')))));
}

function fconv(c: FnContext, ins: Instr): void {
  const [s, d] = ins.args;
  const t = c.fr(d!.kind === 'fr' ? d!.n : 0);
  c.emit(b.set(t, b.logical('??', b.call(rt('fconv'), c.src(s!)), b.call(rt('opFailWith'), b.str('badarith'), c.fi(), b.num(c.line, c.pos())))));
}

const arith = (op: E.BinaryOperator) => (c: FnContext, ins: Instr): void => {
  const [, a, d2, dst] = ins.args;
  const r = c.dst(dst!);
  c.emit(b.set(r, b.binary(op, rawFloat(c, a!), rawFloat(c, d2!))));
  checkFinite(c, r);
};

function fnegate(c: FnContext, ins: Instr): void {
  const [, a, dst] = ins.args;
  c.set(dst!, b.unary('-', rawFloat(c, a!)));
}

export const FLOAT_OPS: LowerTable = {
  fmove,
  fconv,
  fadd: arith('+'),
  fsub: arith('-'),
  fmul: arith('*'),
  fdiv: arith('/'),
  fnegate,
};
