/**
 * Lowering of binary matching (runtime/exec/bs-match.ts holds the match
 * context and the reads). A failing read returns `undefined` and the code
 * jumps to the fail label; the destination is only written on success.
 *
 * OTP 26's `bs_match` packs a run of fixed-size reads into one instruction
 * with a list of commands; it is unpacked here into the same reads.
 */
import type * as E from 'estree';
import type { Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';
import { flagBits, stringConst } from './ops-bits.js';

const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);
const u = (op: Operand | undefined): number => (op?.kind === 'u' ? op.n : op?.kind === 'integer' ? Number(op.value) : 0);

/** `t = call; if (t === undefined) goto fail; dst = t` */
function read(c: FnContext, fail: number, call: E.Expression, dst: Operand): void {
  const t = c.temp();
  c.emit(b.set(t, call));
  c.emit(b.ifStmt(b.eq(t, b.id('undefined')), c.goto(fail)));
  c.set(dst, t);
}

const remaining = (ctx: E.Expression): E.Expression =>
  b.binary('-', b.member(b.member(ctx, 'bin'), 'bitSize'), b.member(ctx, 'pos'));

/** bs_start_match3 Fail Bin Live Dst */
function startMatch3(c: FnContext, ins: Instr): void {
  const [fail, bin, , dst] = ins.args;
  read(c, label(fail), b.call(rt('bsStart'), c.src(bin!)), dst!);
}

/** bs_start_match4 Fail Live Bin Dst; Fail may be {atom,no_fail} / {atom,resume}. */
function startMatch4(c: FnContext, ins: Instr): void {
  const [fail, , bin, dst] = ins.args;
  if (fail?.kind === 'f') read(c, fail.label, b.call(rt('bsStart'), c.src(bin!)), dst!);
  else c.set(dst!, b.call(rt('bsStart'), c.src(bin!)));
}

function getPosition(c: FnContext, ins: Instr): void {
  const [ctx, dst] = ins.args;
  c.set(dst!, b.member(c.src(ctx!), 'pos'));
}

function setPosition(c: FnContext, ins: Instr): void {
  const [ctx, pos] = ins.args;
  c.emit(b.set(b.member(c.src(ctx!), 'pos'), c.src(pos!)));
}

function getTail(c: FnContext, ins: Instr): void {
  const [ctx, dst] = ins.args;
  c.set(dst!, b.call(rt('bsGetTail'), c.src(ctx!)));
}

/** bs_get_integer2 Fail Ctx Live Size Unit Flags Dst */
function getInteger(c: FnContext, ins: Instr): void {
  const [fail, ctx, , size, unit, flags, dst] = ins.args;
  const flagsN = flagBits(flags);
  if (size?.kind === 'integer' && Number(size.value) * u(unit) === 8 && flagsN === 0) {
    read(c, label(fail), b.call(rt('bsGetByte'), c.src(ctx!)), dst!);
    return;
  }
  read(c, label(fail), b.call(rt('bsGetInteger'), c.src(ctx!), c.src(size!), b.num(u(unit)), b.num(flagsN)), dst!);
}

function getFloat(c: FnContext, ins: Instr): void {
  const [fail, ctx, , size, unit, flags, dst] = ins.args;
  read(c, label(fail), b.call(rt('bsGetFloat'), c.src(ctx!), c.src(size!), b.num(u(unit)), b.num(flagBits(flags))), dst!);
}

function getBinary(c: FnContext, ins: Instr): void {
  const [fail, ctx, , size, unit, , dst] = ins.args;
  read(c, label(fail), b.call(rt('bsGetBinary'), c.src(ctx!), c.src(size!), b.num(u(unit))), dst!);
}

/** bs_skip_bits2 Fail Ctx Size Unit Flags */
function skipBits(c: FnContext, ins: Instr): void {
  const [fail, ctx, size, unit] = ins.args;
  c.test(b.call(rt('bsSkip'), c.src(ctx!), c.src(size!), b.num(u(unit))), label(fail));
}

function testTail(c: FnContext, ins: Instr): void {
  const [fail, ctx, bits] = ins.args;
  c.test(b.eq(remaining(c.src(ctx!)), b.num(u(bits))), label(fail));
}

function testUnit(c: FnContext, ins: Instr): void {
  const [fail, ctx, unit] = ins.args;
  c.test(b.eq(b.binary('%', remaining(c.src(ctx!)), b.num(u(unit))), b.num(0)), label(fail));
}

/** bs_match_string Fail Ctx Bits {string, Bytes} */
function matchString(c: FnContext, ins: Instr): void {
  const [fail, ctx, bits, str] = ins.args;
  if (str?.kind !== 'string') throw c.error('bs_match_string without a string operand');
  const s = b.member(stringConst(c, str.bytes), 'bytes');
  c.test(b.call(rt('bsMatchString'), c.src(ctx!), b.num(u(bits)), s), label(fail));
}

/** bs_get_utf8/16/32 Fail Ctx Live Flags Dst */
const getUtf = (helper: string) => (c: FnContext, ins: Instr): void => {
  const [fail, ctx, , flags, dst] = ins.args;
  read(c, label(fail), b.call(rt(helper), c.src(ctx!), b.num(flagBits(flags))), dst!);
};

/** bs_skip_utf8/16/32 Fail Ctx Live Flags */
const skipUtf = (helper: string) => (c: FnContext, ins: Instr): void => {
  const [fail, ctx, , flags] = ins.args;
  c.test(b.neq(b.call(rt(helper), c.src(ctx!), b.num(flagBits(flags))), b.id('undefined')), label(fail));
};

/** Operand count of each bs_match command (after its name). */
const COMMAND_ARITY: Record<string, number> = {
  ensure_at_least: 2, ensure_exactly: 1, integer: 5, binary: 5, skip: 1, get_tail: 3, '=:=': 3,
};

/** bs_match Fail Ctx {commands, [...]} (OTP 26+). */
function bsMatch(c: FnContext, ins: Instr): void {
  const [failOp, ctxOp, list] = ins.args;
  const fail = label(failOp);
  const ctx = c.src(ctxOp!);
  const cmds = list?.kind === 'list' ? list.items : [];
  for (let i = 0; i < cmds.length;) {
    const name = cmds[i]!.kind === 'atom' ? (cmds[i] as { value: string }).value : '';
    const n = COMMAND_ARITY[name];
    if (n === undefined) throw c.error(`unknown bs_match command ${name}`);
    const a = cmds.slice(i + 1, i + 1 + n);
    i += 1 + n;
    const rem = remaining(ctx);
    switch (name) {
      case 'ensure_at_least':
        c.test(b.and(b.binary('>=', rem, b.num(u(a[0]))),
          b.eq(b.binary('%', b.binary('-', remaining(ctx), b.num(u(a[0]))), b.num(u(a[1]))), b.num(0))), fail);
        break;
      case 'ensure_exactly':
        c.test(b.eq(rem, b.num(u(a[0]))), fail);
        break;
      case 'integer':
        read(c, fail, b.call(rt('bsGetInteger'), ctx, c.src(a[2]!), b.num(u(a[3])), b.num(flagBits(a[1]))), a[4]!);
        break;
      case 'binary':
        read(c, fail, b.call(rt('bsGetBinary'), ctx, c.src(a[2]!), b.num(u(a[3]))), a[4]!);
        break;
      case 'skip':
        c.emit(b.set(b.member(ctx, 'pos'), b.binary('+', b.member(ctx, 'pos'), b.num(u(a[0])))));
        break;
      case 'get_tail':
        c.set(a[2]!, b.call(rt('bsGetTail'), ctx));
        break;
      case '=:=':
        c.test(b.call(rt('bsMatchInt'), ctx, b.num(u(a[1])), c.src(a[2]!)), fail);
        break;
    }
  }
}

export const MATCH_OPS: LowerTable = {
  bs_start_match3: startMatch3,
  bs_start_match4: startMatch4,
  bs_get_position: getPosition,
  bs_set_position: setPosition,
  bs_get_tail: getTail,
  bs_get_integer2: getInteger,
  bs_get_float2: getFloat,
  bs_get_binary2: getBinary,
  bs_skip_bits2: skipBits,
  bs_test_tail2: testTail,
  bs_test_unit: testUnit,
  bs_match_string: matchString,
  bs_get_utf8: getUtf('bsGetUtf8'),
  bs_get_utf16: getUtf('bsGetUtf16'),
  bs_get_utf32: getUtf('bsGetUtf32'),
  bs_skip_utf8: skipUtf('bsGetUtf8'),
  bs_skip_utf16: skipUtf('bsGetUtf16'),
  bs_skip_utf32: skipUtf('bsGetUtf32'),
  bs_match: bsMatch,
};
