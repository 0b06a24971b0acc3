/**
 * Erlang terms → JS expressions that rebuild them at module load (hoisted
 * literals). Readable where it is cheap: atoms are strings, tuples arrays,
 * character lists `R.chars("text")`, text binaries `R.latin1("...")`.
 */
import type * as E from 'estree';
import {
  BitString, Cons, ErlFloat, ExportFun, NIL, type ErlMapLike, type Term,
} from '../../runtime/terms/types.js';
import * as b from './builders.js';

const rt = (name: string): E.Expression => b.member(b.id('R'), name);

export function literalExpr(t: Term): E.Expression {
  switch (typeof t) {
    case 'number':
      return b.num(t);
    case 'bigint':
      return b.bigint(t);
    case 'string':
      return b.str(t);
  }
  if (t === NIL) return rt('NIL');
  if (Array.isArray(t)) return b.array(t.map(literalExpr));
  if (t instanceof Cons) return listExpr(t);
  if (t instanceof ErlFloat) return b.call(rt('flt'), b.num(t.value));
  if (t instanceof BitString) return bitsExpr(t);
  if (t instanceof ExportFun) return b.newExpr(rt('ExportFun'), b.str(t.module), b.str(t.name), b.num(t.arity));
  if (typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true) {
    const entries = [...(t as ErlMapLike).entries()].map(([k, v]) => b.array([literalExpr(k), literalExpr(v)]));
    return b.call(rt('map'), b.array(entries));
  }
  throw new Error(`cannot embed ${String((t as object)?.constructor?.name)} as a literal`);
}

function isTextCodePoint(x: Term): boolean {
  // Surrogates are excluded: two of them would merge into one code point in a JS string.
  return typeof x === 'number' && x >= 0 && x <= 0x10ffff && (x < 0xd800 || x > 0xdfff);
}

function listExpr(l: Cons): E.Expression {
  const items: Term[] = [];
  let t: Term = l;
  while (t instanceof Cons) {
    items.push(t.hd);
    t = t.tl;
  }
  if (t === NIL && items.every(isTextCodePoint)) {
    return b.call(rt('chars'), b.str(codePoints(items as number[])));
  }
  const args: E.Expression[] = [b.array(items.map(literalExpr))];
  if (t !== NIL) args.push(literalExpr(t));
  return b.call(rt('list'), ...args);
}

function bitsExpr(bs: BitString): E.Expression {
  const s = latin1(bs.bytes);
  if (bs.bitSize === bs.bytes.length * 8) return b.call(rt('latin1'), b.str(s));
  return b.call(rt('bits'), b.str(s), b.num(bs.bitSize));
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

function codePoints(cps: number[]): string {
  let s = '';
  for (let i = 0; i < cps.length; i += 8192) s += String.fromCodePoint(...cps.slice(i, i + 8192));
  return s;
}
