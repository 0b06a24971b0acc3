/**
 * Small helpers shared by the match-spec compiler files: the spec error and
 * how variables are recognised.
 */
import { Cons, isMap, type ErlMapLike, type Term } from '../terms/types.js';

/** Thrown by `compileMatchSpec` for a malformed spec. */
export class MsError {
  constructor(public readonly why: string) {}
}

/** The number of a `'$N'` variable, or -1 when `a` is not one. */
export function variableNumber(a: Term): number {
  if (typeof a !== 'string' || a.length < 2 || a.charCodeAt(0) !== 36 /* $ */) return -1;
  let n = 0;
  for (let i = 1; i < a.length; i++) {
    const c = a.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
    if (n > 0x7ffffff) return -1; // far beyond anything BEAM accepts as a variable
  }
  return n;
}

/** True when the head term has no variables and no `'_'` (a fully bound term). */
export function isGround(t: Term): boolean {
  if (typeof t === 'string') return t !== '_' && variableNumber(t) < 0;
  if (Array.isArray(t)) return t.every(isGround);
  if (t instanceof Cons) return isGround(t.hd) && isGround(t.tl);
  if (isMap(t)) {
    for (const [k, v] of (t as ErlMapLike).entries()) if (!isGround(k) || !isGround(v)) return false;
  }
  return true;
}

