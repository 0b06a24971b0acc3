/**
 * The C-implemented functions of OTP 25's `string` module:
 * string:list_to_integer/1 and string:list_to_float/1 (bif.c, big.c). They
 * read the longest number at the start of a list and return `{Number, Rest}`,
 * `{error, no_integer | no_float}`, or `{error, not_a_list}` for a non-list.
 *
 * Quirks kept from the C code:
 * - list_to_integer looks at the low byte of each small integer only, so
 *   `[305]` (256 + $1) reads as "1";
 * - the list may be improper: reading stops at the tail, which becomes Rest;
 * - list_to_float wants digits, a `.` or `,`, digits, then an optional
 *   exponent; an `e` not followed by a valid exponent is left in Rest, and
 *   a sign or dot that cannot continue the number ends it (with no_float if
 *   fewer than three characters were read, e.g. "1-").
 */
import { Cons, ErlFloat, NIL, normInt, type Term } from '../terms/types.js';
import { bifTable, type Bif } from './erlang-args.js';
import { parseFloatText } from './erlang-float.js';

const SMALL_MIN = -(2n ** 59n);
const SMALL_MAX = 2n ** 59n - 1n;

/** The low byte of a BEAM small integer, or undefined for anything else. */
function smallLowByte(t: Term): number | undefined {
  if (typeof t === 'number') return t & 0xff;
  if (typeof t === 'bigint' && t >= SMALL_MIN && t <= SMALL_MAX) return Number(BigInt.asUintN(8, t));
  return undefined;
}

/** A small integer's value when it is one (floats and bignums are not). */
const smallValue = (t: Term): number | undefined => (typeof t === 'number' ? t : undefined);

function listToInteger(l: Term): Term {
  if (l === NIL) return ['error', 'no_integer'];
  if (!(l instanceof Cons)) return ['error', 'not_a_list'];
  let cur: Term = l;
  let neg = false;
  if (l.hd === 45 || l.hd === 43) {
    neg = l.hd === 45;
    cur = l.tl;
    if (!(cur instanceof Cons)) return ['error', 'no_integer'];
  }
  let digits = '';
  while (cur instanceof Cons) {
    const c = smallLowByte(cur.hd);
    if (c === undefined || c < 48 || c > 57) break;
    digits += String.fromCharCode(c);
    cur = cur.tl;
  }
  if (digits === '') return ['error', 'no_integer'];
  const mag = BigInt(digits);
  return [normInt(neg ? -mag : mag), cur];
}

const enum Part {
  Sign,
  Int,
  Frac,
  ExpSign,
  Exp0,
  Exp1,
  End,
}

/**
 * The C state machine of string_list_to_float_1: the float text read, and
 * the list where it stopped (the saved position of an `e` when the exponent
 * turned out invalid).
 */
function scanFloat(l: Cons): { text: string; rest: Term } | undefined {
  let part = Part.Sign;
  let text = '';
  let cur: Term = l;
  let saved: { text: string; rest: Term } | undefined;
  const backToE = (): void => {
    if ((part === Part.ExpSign || part === Part.Exp0) && saved) ({ text, rest: cur } = saved);
  };
  for (;;) {
    const cell = cur as Cons;
    const c = smallValue(cell.hd);
    if (c === undefined) {
      backToE();
      break;
    }
    let keep = true;
    if (c === 45 || c === 43) {
      if (part === Part.Sign) {
        part = Part.Int;
        keep = c === 45;
      } else if (part === Part.ExpSign) {
        part = Part.Exp0;
      } else {
        if (part === Part.Exp0 && saved) ({ text, rest: cur } = saved);
        part = Part.End;
      }
    } else if (c === 46 || c === 44) {
      if (part === Part.Int) {
        part = Part.Frac;
      } else {
        if ((part === Part.ExpSign || part === Part.Exp0) && saved) ({ text, rest: cur } = saved);
        part = Part.End;
      }
    } else if (c === 101 || c === 69) {
      if (part === Part.Frac) {
        saved = { text, rest: cur };
        part = Part.ExpSign;
      } else {
        if ((part === Part.ExpSign || part === Part.Exp0) && saved) ({ text, rest: cur } = saved);
        part = Part.End;
      }
    } else if (c >= 48 && c <= 57) {
      if (part === Part.Sign) part = Part.Int;
      else if (part === Part.ExpSign || part === Part.Exp0) part = Part.Exp1;
    } else {
      backToE();
      break;
    }
    if (part === Part.End) {
      if (text.length < 3) return undefined;
      break;
    }
    if (keep) text += String.fromCharCode(c);
    cur = cell.tl;
    if (!(cur instanceof Cons)) {
      backToE();
      break;
    }
  }
  return { text, rest: cur };
}

function listToFloat(l: Term): Term {
  if (l === NIL) return ['error', 'no_float'];
  if (!(l instanceof Cons)) return ['error', 'not_a_list'];
  const r = scanFloat(l);
  const v = r === undefined || r.text === '' ? undefined : parseFloatText(r.text);
  return v === undefined ? ['error', 'no_float'] : [new ErlFloat(v), r!.rest];
}

export const stringBifs: Map<string, Bif> = bifTable([
  ['list_to_integer/1', (_p, l) => listToInteger(l)],
  ['list_to_float/1', (_p, l) => listToFloat(l)],
]);
