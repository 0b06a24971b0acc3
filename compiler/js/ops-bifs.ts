/**
 * Lowering of `bif0/1/2` and `gc_bif1/2/3`: guard BIFs and arithmetic.
 *
 * Fail label ≠ 0 (guard context): a failing BIF jumps to the label and the
 * destination is not written (BEAM leaves it untouched, so the result goes
 * through a temporary). Fail label 0 (body): a failure raises with BEAM's
 * stack trace `[{erlang, F, Args, _}, {M, F, A, Loc}]`.
 *
 * BIFs listed in bif-table.ts run inline through runtime helpers that
 * return `undefined` on failure; any other BIF is called through its import
 * cell (the module registry), in guards inside a try.
 */
import type * as E from 'estree';
import type { ExtFuncOp, Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import { INLINE_BIFS } from './bif-table.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';
import { ErlFloat } from '../../runtime/terms/types.js';
import { knownNumber, sureIntArith } from './known-numbers.js';

/** Helpers that cannot fail: their result needs no check. */
const INFALLIBLE = new Set([
  'op_eqx', 'op_nex', 'op_eq', 'op_ne', 'op_lt', 'op_ge', 'op_gt', 'op_le',
  'is_atom', 'is_integer', 'is_float', 'is_number', 'is_list', 'is_tuple', 'is_binary', 'is_bitstring',
  'is_map', 'is_pid', 'is_port', 'is_reference', 'is_function', 'is_boolean', 'self', 'node', 'min', 'max',
]);

const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);

/** Emit `dst = BIF(args)` with the failure handling of `fail`. */
export function lowerBif(c: FnContext, fail: number, bif: ExtFuncOp, args: readonly Operand[], dst: Operand): void {
  const argExprs = args.map((a) => c.src(a));
  const key = `${bif.name}/${bif.arity}`;
  const inline = bif.module === 'erlang' ? INLINE_BIFS.get(key) : undefined;
  let callExpr: E.Expression;
  let fallible = true;
  let fast: { test: E.Expression; value: E.Expression } | undefined;
  if (inline !== undefined) {
    const callArgs = inline.withProcess ? [b.id('p'), ...argExprs] : argExprs;
    callExpr = b.call(rt(inline.helper), ...callArgs);
    fallible = !INFALLIBLE.has(inline.helper);
    const typed = typedArith(c, inline.helper, args);
    if (typed !== undefined && 'sure' in typed) {
      // The type information proves the result: nothing can fail.
      c.set(dst, typed.sure);
      return;
    }
    fast = typed ?? inlineArith(c, inline.helper, args);
  } else {
    const cell = c.m.ext(bif.module, bif.name, bif.arity);
    callExpr = b.call(rt(fail === 0 ? 'bodyBif' : 'guardBif'), b.id('p'), cell, b.array(argExprs));
    fallible = fail !== 0;
  }
  // With an inline fast path, the failure check only guards the slow call.
  const withFast = (slow: E.Expression): E.Expression => (fast === undefined ? slow : b.cond(fast.test, fast.value, slow));
  if (!fallible) {
    c.set(dst, withFast(callExpr));
  } else if (fail !== 0) {
    const t = c.temp();
    c.emit(b.set(t, withFast(callExpr)));
    c.emit(b.ifStmt(b.eq(t, b.id('undefined')), [
      b.set(b.member(rt('failure'), 'reason'), b.id('undefined')),
      ...c.goto(fail),
    ]));
    c.set(dst, t);
  } else if (inline !== undefined && constantArith(inline.helper, args)) {
    // BEAM (OTP 25 JIT) raises these without the `{erlang, '+', Args}` entry.
    c.set(dst, withFast(b.logical('??', callExpr, b.call(rt('arithFail'), c.fi(), b.num(c.line, c.pos())))));
  } else {
    const raise = b.call(rt('bifFail'), b.str(bif.module), b.str(bif.name), b.array(args.map((a) => c.src(a))),
      c.fi(), b.num(c.line, c.pos()));
    c.set(dst, withFast(b.logical('??', callExpr, raise)));
  }
}

/** BEAM's small integers on 64-bit machines: [-2^59, 2^59). */
const SMALL = 2 ** 59;

/**
 * `X + K` / `X - K` with K a small integer or a float constant: on BEAM the
 * failure's stack trace starts at the calling function, without the BIF's
 * own entry (checked against OTP 25; `K - X`, `X + Y` and bignum K keep it).
 */
function constantArith(helper: string, args: readonly Operand[]): boolean {
  if ((helper !== 'add' && helper !== 'sub') || args.length !== 2) return false;
  const k = args[1]!;
  if (k.kind === 'float') return true;
  if (k.kind === 'literal') return k.value instanceof ErlFloat;
  return k.kind === 'integer' && typeof k.value === 'number' && k.value >= -SMALL && k.value < SMALL;
}

const ARITH_OPS: Record<string, '+' | '-' | '*' | '/'> = { add: '+', sub: '-', mul: '*', fdiv: '/' };

/**
 * Arithmetic on operands the type information or a literal makes known
 * numbers (known-numbers.ts): integer `+ - *` whose ranges keep every result
 * safe is plain JS that cannot fail (`sure`); with a float among the
 * operands (any two for `/`) the result is a float, boxed when finite, the
 * helper raising otherwise (`test`/`value`).
 */
function typedArith(c: FnContext, helper: string, args: readonly Operand[]):
  { sure: E.Expression } | { test: E.Expression; value: E.Expression } | undefined {
  const op = ARITH_OPS[helper];
  if (op === undefined || args.length !== 2) return undefined;
  const x = knownNumber(c, args[0]!);
  const y = knownNumber(c, args[1]!);
  if (x === undefined || y === undefined) return undefined;
  if (op !== '/' && !x.float && !y.float) {
    const sure = sureIntArith(x, y, op);
    return sure === undefined ? undefined : { sure };
  }
  const t = c.temp(8);
  return {
    test: b.call(b.path('Number.isFinite'), b.assign(t, b.binary(op, x.expr, y.expr))),
    value: b.newExpr(rt('ErlFloat'), t),
  };
}

const I32_MAX = 2 ** 31 - 1;
const I32_MIN = -(2 ** 31);

/**
 * Integer `+`/`-` on numbers written out in the generated code: measured on
 * fib(30), ~10% faster than relying on V8 to inline the runtime helper. A
 * `number` term is always a safe integer (floats are boxed). The fast path
 * covers int32 results only, which V8 computes in machine integers (safe-
 * integer range checks made it go through doubles: ~10% slower on fib);
 * anything else goes to the helper, which handles every range exactly.
 * With a literal operand the check is one comparison on the other operand;
 * with two registers it is `(t | 0) === t` on the sum (after `typeof`
 * tests: `| 0` throws on a bigint).
 */
function inlineArith(c: FnContext, helper: string, args: readonly Operand[]):
  { test: E.Expression; value: E.Expression } | undefined {
  if ((helper !== 'add' && helper !== 'sub') || args.length !== 2) return undefined;
  const [a, d] = args as [Operand, Operand];
  const op = helper === 'add' ? '+' : '-';
  const lit = (o: Operand): number | undefined =>
    o.kind === 'integer' && typeof o.value === 'number' && Math.abs(o.value) < 2 ** 30 ? o.value : undefined;
  const ka = lit(a);
  const kd = lit(d);
  if (ka !== undefined && kd !== undefined) return undefined;
  if (kd !== undefined || ka !== undefined) {
    // x ± k (or k + x): one typeof and one bound on the register.
    const reg = kd !== undefined ? c.src(a) : c.src(d);
    const k = (kd ?? ka)!;
    const delta = op === '+' ? k : kd !== undefined ? -k : undefined;
    if (delta === undefined) return undefined; // k - x: leave to the helper
    const bound = delta >= 0 ? b.binary('<=', reg, b.num(I32_MAX - delta)) : b.binary('>=', reg, b.num(I32_MIN - delta));
    return { test: b.and(b.typeOf(reg, 'number'), bound), value: b.binary(op, c.src(a), c.src(d)) };
  }
  const t = c.temp(9);
  const x = c.src(a);
  const y = c.src(d);
  return {
    test: b.and(b.typeOf(x, 'number'), b.typeOf(y, 'number'),
      b.eq(b.binary('|', b.assign(t, b.binary(op, x, y)), b.num(0)), t)),
    value: t,
  };
}

function bif0(c: FnContext, ins: Instr): void {
  const [bif, dst] = ins.args;
  lowerBif(c, 0, bif as ExtFuncOp, [], dst!);
}

/** bif1/bif2: Fail Bif Args... Dst */
function bifN(c: FnContext, ins: Instr): void {
  const a = ins.args;
  lowerBif(c, label(a[0]), a[1] as ExtFuncOp, a.slice(2, -1), a[a.length - 1]!);
}

/** gc_bif1/2/3: Fail Live Bif Args... Dst */
function gcBifN(c: FnContext, ins: Instr): void {
  const a = ins.args;
  lowerBif(c, label(a[0]), a[2] as ExtFuncOp, a.slice(3, -1), a[a.length - 1]!);
}

export const BIF_OPS: LowerTable = {
  bif0,
  bif1: bifN,
  bif2: bifN,
  gc_bif1: gcBifN,
  gc_bif2: gcBifN,
  gc_bif3: gcBifN,
};
