/**
 * Shared, immutable operand objects for the values that make up most of the
 * code: registers, small `u` values and small integers. The decoder hands
 * these out instead of allocating (about 4 of 5 operands in OTP are one of
 * them), which is most of what keeps decoding all of OTP under a second.
 */
import type { FReg, IntegerOp, NilOp, UOp, XReg, YReg } from './types.js';

/** ERTS's MAX_REG: x registers are x0..x1023. */
export const MAX_REG = 1024;

const CACHED_REGS = 1024;
const CACHED_U = 4096;
const INT_MIN = -256;
const INT_MAX = 4095;

const X_REGS: XReg[] = [];
const Y_REGS: YReg[] = [];
const F_REGS: FReg[] = [];
for (let n = 0; n < CACHED_REGS; n++) {
  X_REGS.push(Object.freeze({ kind: 'x', n }));
  Y_REGS.push(Object.freeze({ kind: 'y', n }));
  F_REGS.push(Object.freeze({ kind: 'fr', n }));
}
const U_OPS: UOp[] = [];
for (let n = 0; n < CACHED_U; n++) U_OPS.push(Object.freeze({ kind: 'u', n }));
const INT_OPS: IntegerOp[] = [];
for (let v = INT_MIN; v <= INT_MAX; v++) INT_OPS.push(Object.freeze({ kind: 'integer', value: v }));

export const NIL_OP: NilOp = Object.freeze({ kind: 'nil' });

export const xReg = (n: number): XReg => (n < CACHED_REGS ? X_REGS[n]! : { kind: 'x', n });
export const yReg = (n: number): YReg => (n < CACHED_REGS ? Y_REGS[n]! : { kind: 'y', n });
export const fReg = (n: number): FReg => (n < CACHED_REGS ? F_REGS[n]! : { kind: 'fr', n });
export const uOp = (n: number): UOp => (n < CACHED_U ? U_OPS[n]! : { kind: 'u', n });

export function intOp(value: number | bigint): IntegerOp {
  if (typeof value === 'number' && value >= INT_MIN && value <= INT_MAX) return INT_OPS[value - INT_MIN]!;
  return { kind: 'integer', value };
}
