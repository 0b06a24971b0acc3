/**
 * Numbers the BEAM compiler's type information (typed registers, OTP 25+)
 * or a literal makes certain, as plain JS numbers: a float register's
 * unboxed value, an integer register whose range is within the safe
 * integers, a literal. Arithmetic and comparisons on them need no type tests.
 */
import type * as E from 'estree';
import type { Operand } from '../asm/types.js';
import { BEAM_TYPE } from '../beam/types.js';
import { ErlFloat } from '../../runtime/terms/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';

export interface KnownNumber {
  /** The operand's value as a JS number. */
  expr: E.Expression;
  float: boolean;
  /** An integer's bounds (safe integers). */
  min?: number;
  max?: number;
}

const safe = (n: unknown): boolean => typeof n === 'number';

export function knownNumber(c: FnContext, o: Operand): KnownNumber | undefined {
  switch (o.kind) {
    case 'float':
      return { expr: b.num(o.value), float: true };
    case 'literal':
      return o.value instanceof ErlFloat ? { expr: b.num(o.value.value), float: true } : undefined;
    case 'integer':
      return typeof o.value === 'number' ? { expr: b.num(o.value), float: false, min: o.value, max: o.value } : undefined;
    case 'tr':
      if (o.type.bits === BEAM_TYPE.float) return { expr: b.member(c.src(o), 'value'), float: true };
      // An integer known to be in the safe range is a JS number term.
      if (o.type.bits === BEAM_TYPE.integer && safe(o.type.min) && safe(o.type.max)) {
        return { expr: c.src(o), float: false, min: o.type.min as number, max: o.type.max as number };
      }
      return undefined;
    default:
      return undefined;
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * `x op y` on two known integers when every result is a safe integer (so
 * plain JS arithmetic is exact and no check is needed); else undefined.
 */
export function sureIntArith(x: KnownNumber, y: KnownNumber, op: '+' | '-' | '*'): E.Expression | undefined {
  if (x.float || y.float || x.min === undefined || y.min === undefined) return undefined;
  const [a, b2, c2, d2] = [x.min, x.max!, y.min, y.max!];
  const ends = op === '+' ? [a + c2, b2 + d2] : op === '-' ? [a - d2, b2 - c2] : [a * c2, a * d2, b2 * c2, b2 * d2];
  if (!ends.every((v) => Math.abs(v) <= MAX_SAFE)) return undefined;
  return b.binary(op, x.expr, y.expr);
}
