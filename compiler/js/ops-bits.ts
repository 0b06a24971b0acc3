/**
 * Lowering of binary construction: `bs_create_bin` (OTP 25+), and the
 * `bs_init2`/`bs_init_bits`/`bs_append`/`bs_private_append` + `bs_put_*`
 * + `bs_add`/`bs_utf*_size` sequences of OTP <= 24 compilers. The bit-level
 * work is in runtime/exec/bs-build.ts; the static part of a bs_create_bin
 * (segment types, units, flags, constant strings) is hoisted as one constant.
 */
import type * as E from 'estree';
import type { Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';
import { literalExpr } from './literals.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';
import { BitString, Cons } from '../../runtime/terms/types.js';

const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);
const u = (op: Operand | undefined): number => (op?.kind === 'u' ? op.n : op?.kind === 'integer' ? Number(op.value) : 0);
const items = (op: Operand | undefined): readonly Operand[] => (op?.kind === 'list' ? op.items : []);

const FLAG_BITS: Record<string, number> = { little: 0x02, signed: 0x04, native: 0x10 };

/** bs_create_bin flags: a literal list of atoms (or nil) → the field_flags bitmask. */
export function flagBits(op: Operand | undefined): number {
  if (op?.kind === 'u') return op.n;
  if (op?.kind !== 'literal') return 0;
  let n = 0;
  for (let l = op.value; l instanceof Cons; l = l.tl) n |= FLAG_BITS[l.hd as string] ?? 0;
  return n;
}

/** A constant binary (StrT bytes) hoisted once per content. */
export function stringConst(c: FnContext, bytes: Uint8Array): E.Expression {
  const key = `str:${Buffer.from(bytes).toString('hex')}`;
  return c.m.hoist('S', key, () => literalExpr(new BitString(bytes, bytes.length * 8)));
}

/**
 * Emit `dst = call`, with bs failure handling: jump to `fail`, or raise
 * `badarg` (bs_create_bin adds BEAM's error_info cause; the OTP <= 24
 * instructions raise a plain badarg, as BEAM does for them).
 */
function bsResult(c: FnContext, fail: number, call: E.Expression, dst: Operand | undefined): void {
  if (fail === 0) {
    const withInfo = c.ins.name === 'bs_create_bin';
    const raise = b.call(rt('bsRaise'), c.fi(), b.num(c.line, c.pos()), b.lit(withInfo));
    if (dst === undefined) c.emit(b.ifStmt(b.not(call), b.throwStmt(raise)));
    else c.set(dst, b.logical('??', call, raise));
    return;
  }
  const ok = dst === undefined ? call : b.neq(b.assign(c.temp(), call), b.id('undefined'));
  c.emit(b.ifStmt(b.not(ok), [b.set(b.member(rt('failure'), 'reason'), b.id('undefined')), ...c.goto(fail)]));
  if (dst !== undefined) c.set(dst, c.temp());
}

/** bs_create_bin Fail Alloc Live Unit Dst {list, [Type, SegNo, Unit, Flags, Src, Size] ...} */
function bsCreateBin(c: FnContext, ins: Instr): void {
  const [fail, , , , dst, list] = ins.args;
  const segs = items(list);
  const specs: E.Expression[] = [];
  const vals: E.Expression[] = [];
  for (let i = 0; i + 5 < segs.length; i += 6) {
    const type = segs[i]!.kind === 'atom' ? (segs[i] as { value: string }).value : 'integer';
    const spec = [b.str(type), b.num(u(segs[i + 2])), b.num(flagBits(segs[i + 3])), b.num(u(segs[i + 1]))];
    const src = segs[i + 4]!;
    if (type === 'string' && src.kind === 'string') {
      spec.push(stringConst(c, src.bytes));
    } else {
      vals.push(c.src(src), c.src(segs[i + 5]!));
    }
    specs.push(b.array(spec));
  }
  const spec = c.m.hoist('B', `bs:${ins.offset}`, () => b.array(specs));
  bsResult(c, label(fail), b.call(rt('bsCreate'), spec, b.array(vals)), dst);
}

/** bs_init2 Fail Size Words Regs Flags Dst (Size in bytes) / bs_init_bits (Size in bits). */
const bsInit = (bytes: boolean) => (c: FnContext, ins: Instr): void => {
  const [fail, size, , , , dst] = ins.args;
  const bits = bytes ? b.call(rt('mul'), c.src(size!), b.num(8)) : c.src(size!);
  bsResult(c, label(fail), b.call(rt('bsInit'), bits), dst);
};

/** bs_append Fail Size Extra Live Unit Bin Flags Dst */
function bsAppend(c: FnContext, ins: Instr): void {
  const [fail, size, , , unit, bin, , dst] = ins.args;
  bsResult(c, label(fail), b.call(rt('bsAppendInit'), c.src(bin!), c.src(size!), b.num(u(unit))), dst);
}

/** bs_private_append Fail Size Unit Bin Flags Dst */
function bsPrivateAppend(c: FnContext, ins: Instr): void {
  const [fail, size, unit, bin, , dst] = ins.args;
  bsResult(c, label(fail), b.call(rt('bsAppendInit'), c.src(bin!), c.src(size!), b.num(u(unit))), dst);
}

/** bs_put_integer/binary/float Fail Size Unit Flags Src */
const bsPut = (type: string) => (c: FnContext, ins: Instr): void => {
  const [fail, size, unit, flags, src] = ins.args;
  bsResult(c, label(fail), b.call(rt('bsPut'), b.str(type), c.src(src!), c.src(size!), b.num(u(unit)), b.num(flagBits(flags))), undefined);
};

/** bs_put_utf8/16/32 Fail Flags Src */
const bsPutUtf = (type: string) => (c: FnContext, ins: Instr): void => {
  const [fail, flags, src] = ins.args;
  bsResult(c, label(fail), b.call(rt('bsPut'), b.str(type), c.src(src!), b.id('undefined'), b.num(1), b.num(flagBits(flags))), undefined);
};

/** bs_put_string Len {string, Bytes} */
function bsPutString(c: FnContext, ins: Instr): void {
  const s = ins.args[1]!;
  if (s.kind !== 'string') throw c.error('bs_put_string without a string operand');
  c.emit(b.expr(b.call(rt('bsPutString'), stringConst(c, s.bytes))));
}

/** bs_add Fail S1 S2 Unit Dst */
function bsAdd(c: FnContext, ins: Instr): void {
  const [fail, s1, s2, unit, dst] = ins.args;
  bsResult(c, label(fail), b.call(rt('bsAdd'), c.src(s1!), c.src(s2!), b.num(u(unit))), dst);
}

/** bs_utf8_size / bs_utf16_size Fail Src Dst */
const bsUtfSize = (utf16: boolean) => (c: FnContext, ins: Instr): void => {
  const [fail, src, dst] = ins.args;
  bsResult(c, label(fail), b.call(rt('bsUtfSize'), c.src(src!), b.lit(utf16)), dst);
};

/** bs_init_writable: x0 becomes an empty binary that appends may grow in place. */
function bsInitWritable(c: FnContext): void {
  c.set({ kind: 'x', n: 0 }, b.call(rt('emptyBinary')));
}

export const BITS_OPS: LowerTable = {
  bs_create_bin: bsCreateBin,
  bs_init2: bsInit(true),
  bs_init_bits: bsInit(false),
  bs_append: bsAppend,
  bs_private_append: bsPrivateAppend,
  bs_put_integer: bsPut('integer'),
  bs_put_binary: bsPut('binary'),
  bs_put_float: bsPut('float'),
  bs_put_utf8: bsPutUtf('utf8'),
  bs_put_utf16: bsPutUtf('utf16'),
  bs_put_utf32: bsPutUtf('utf32'),
  bs_put_string: bsPutString,
  bs_add: bsAdd,
  bs_utf8_size: bsUtfSize(false),
  bs_utf16_size: bsUtfSize(true),
  bs_init_writable: bsInitWritable,
};
