/**
 * Lowering of tests and dispatch: type tests, comparisons, `select_val`,
 * `select_tuple_arity` and `jump`. A test jumps to its fail label when
 * false; none of them raise. The tests are inline JS expressions on the
 * term representation (runtime/terms/types.ts): `typeof x === "string"`
 * for atoms, `Array.isArray` for tuples, `instanceof R.Cons` for lists...
 */
import type * as E from 'estree';
import type { Instr, Operand } from '../asm/types.js';
import { ErlFloat } from '../../runtime/terms/types.js';
import * as b from './builders.js';
import { knownNumber } from './known-numbers.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';

const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);
const u = (op: Operand | undefined): number => (op?.kind === 'u' ? op.n : 0);

const isInstance = (e: E.Expression, cls: string): E.Expression => b.instanceOf(e, rt(cls));

/** Type tests as expressions over one operand. */
const TYPE_TESTS: Record<string, (s: E.Expression) => E.Expression> = {
  is_integer: (s) => b.or(b.typeOf(s, 'number'), b.typeOf(s, 'bigint')),
  is_float: (s) => isInstance(s, 'ErlFloat'),
  is_number: (s) => b.call(rt('isNumberT'), s),
  is_atom: (s) => b.typeOf(s, 'string'),
  is_pid: (s) => isInstance(s, 'Pid'),
  is_reference: (s) => isInstance(s, 'Ref'),
  is_port: (s) => isInstance(s, 'Port'),
  is_nil: (s) => b.eq(s, rt('NIL')),
  is_binary: (s) => b.call(rt('isBinaryT'), s),
  is_bitstr: (s) => isInstance(s, 'BitString'),
  is_list: (s) => b.or(b.eq(s, rt('NIL')), isInstance(s, 'Cons')),
  is_nonempty_list: (s) => isInstance(s, 'Cons'),
  is_tuple: (s) => b.call(b.path('Array.isArray'), s),
  is_function: (s) => b.call(rt('isFunT'), s),
  is_boolean: (s) => b.or(b.eq(s, b.str('true')), b.eq(s, b.str('false'))),
  is_map: (s) => b.call(rt('isMapT'), s),
};

function typeTest(c: FnContext, ins: Instr): void {
  const [fail, s] = ins.args;
  c.test(TYPE_TESTS[ins.name]!(c.src(s!)), label(fail));
}

function isFunction2(c: FnContext, ins: Instr): void {
  const [fail, s, a] = ins.args;
  c.test(b.eq(b.call(rt('isFunction2'), c.src(s!), c.src(a!)), b.lit(true)), label(fail));
}

function testArity(c: FnContext, ins: Instr): void {
  const [fail, s, n] = ins.args;
  c.test(b.eq(b.member(c.src(s!), 'length'), b.num(u(n))), label(fail));
}

function isTaggedTuple(c: FnContext, ins: Instr): void {
  const [fail, s, n, a] = ins.args;
  const t = c.src(s!);
  c.test(b.and(
    b.call(b.path('Array.isArray'), t),
    b.eq(b.member(t, 'length'), b.num(u(n))),
    b.eq(b.index(t, 0), c.src(a!)),
  ), label(fail));
}

/**
 * Operands whose `=:=` is JS `===`: atoms, integers (normalised, so a bigint
 * equals only a bigint of the same value) and `[]`.
 */
const isImmediate = (op: Operand): boolean =>
  op.kind === 'atom' || op.kind === 'integer' || op.kind === 'nil' || op.kind === 'char';

function exactEq(c: FnContext, a: Operand, d: Operand): E.Expression {
  if (isImmediate(a) || isImmediate(d)) return b.eq(c.src(a), c.src(d));
  return b.call(rt('eqExact'), c.src(a), c.src(d));
}

function isEqExact(c: FnContext, ins: Instr): void {
  const [fail, a, d] = ins.args;
  c.test(exactEq(c, a!, d!), label(fail));
}

function isNeExact(c: FnContext, ins: Instr): void {
  const [fail, a, d] = ins.args;
  c.test(b.not(exactEq(c, a!, d!)), label(fail));
}

/** `==`: atoms and [] are only equal to themselves, numbers need the runtime (1 == 1.0). */
function looseEq(c: FnContext, a: Operand, d: Operand): E.Expression {
  const atomish = (o: Operand): boolean => o.kind === 'atom' || o.kind === 'nil';
  if (atomish(a) || atomish(d)) return b.eq(c.src(a), c.src(d));
  return b.call(rt('eq'), c.src(a), c.src(d));
}

function isEq(c: FnContext, ins: Instr): void {
  const [fail, a, d] = ins.args;
  c.test(looseEq(c, a!, d!), label(fail));
}

function isNe(c: FnContext, ins: Instr): void {
  const [fail, a, d] = ins.args;
  c.test(b.not(looseEq(c, a!, d!)), label(fail));
}

/**
 * `<` / `>=` in term order, with the integer case inline (a `number` term
 * is always an integer): `typeof a === "number" && typeof b === "number" ?
 * a < b : R.lt(a, b)`, the typeof dropped for an integer literal operand.
 */
function order(c: FnContext, ins: Instr, op: '<' | '>=', helper: string): void {
  const [fail, a, d] = ins.args;
  const kx = knownNumber(c, a!);
  const ky = knownNumber(c, d!);
  if (kx !== undefined && ky !== undefined) {
    // Numbers compare by value in term order (1 < 1.5, 1 >= 1.0).
    c.test(b.binary(op, kx.expr, ky.expr), label(fail));
    return;
  }
  const x = c.src(a!);
  const y = c.src(d!);
  const small = (o: Operand): boolean => o.kind === 'integer' && typeof o.value === 'number';
  const checks = [small(a!) ? undefined : b.typeOf(x, 'number'), small(d!) ? undefined : b.typeOf(y, 'number')]
    .filter((e): e is E.Expression => e !== undefined);
  const slow = b.call(rt(helper), c.src(a!), c.src(d!));
  c.test(checks.length === 0 ? b.binary(op, x, y) : b.cond(b.and(...checks), b.binary(op, x, y), slow), label(fail));
}

const isLt = (c: FnContext, ins: Instr): void => order(c, ins, '<', 'lt');
const isGe = (c: FnContext, ins: Instr): void => order(c, ins, '>=', 'ge');

/** A JS switch whose cases jump; values with the same target share a case body. */
function dispatch(c: FnContext, discriminant: E.Expression, pairs: readonly Operand[], fail: number,
  value: (op: Operand) => E.Expression): void {
  const cases: E.SwitchCase[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const target = label(pairs[i + 1]);
    const next = i + 3 < pairs.length ? label(pairs[i + 3]) : -1;
    cases.push(b.switchCase(value(pairs[i]!), next === target ? [] : c.goto(target)));
  }
  cases.push(b.switchCase(null, c.goto(fail)));
  c.emit(b.switchStmt(discriminant, cases));
  c.dead = true;
}

/** The JS number of a float case value of select_val, if it is one. */
function floatCase(op: Operand): number | undefined {
  if (op.kind === 'float') return op.value;
  if (op.kind === 'literal' && op.value instanceof ErlFloat) return op.value.value;
  return undefined;
}

function selectVal(c: FnContext, ins: Instr): void {
  const [s, fail, list] = ins.args;
  const pairs = list?.kind === 'list' ? list.items : [];
  if (pairs.length > 0 && floatCase(pairs[0]!) !== undefined) {
    // Float cases (after an is_float test): switch on the unboxed value. JS
    // `===` makes 0.0 and -0.0 equal, as OTP 25's pattern matching does.
    dispatch(c, b.call(rt('floatValue'), c.src(s!)), pairs, label(fail), (op) => b.num(floatCase(op)!));
    return;
  }
  dispatch(c, c.src(s!), pairs, label(fail), (op) => c.src(op));
}

function selectTupleArity(c: FnContext, ins: Instr): void {
  const [s, fail, list] = ins.args;
  const pairs = list?.kind === 'list' ? list.items : [];
  dispatch(c, b.member(c.src(s!), 'length'), pairs, label(fail), (op) => b.num(u(op)));
}

function jump(c: FnContext, ins: Instr): void {
  c.jump(label(ins.args[0]));
}

export const TEST_OPS: LowerTable = {
  ...Object.fromEntries(Object.keys(TYPE_TESTS).map((name) => [name, typeTest])),
  is_function2: isFunction2,
  test_arity: testArity,
  is_tagged_tuple: isTaggedTuple,
  is_eq_exact: isEqExact,
  is_ne_exact: isNeExact,
  is_eq: isEq,
  is_ne: isNe,
  is_lt: isLt,
  is_ge: isGe,
  select_val: selectVal,
  select_tuple_arity: selectTupleArity,
  jump,
};
