/**
 * `ets:select_replace/2`: replace each matching object by the spec's result.
 *
 * As in OTP 25 (erl_db_util.c db_match_keeps_key), the spec is rejected with
 * badarg unless every clause provably keeps the key: its single body
 * expression is `'$_'`, or a tuple construction (`{{...}}` or `{const, T}`)
 * whose key element is the head's key term written the same way, or
 * `{element, KeyPos, '$_'}`. bag tables are rejected. At run time an object is
 * replaced only when the result is a tuple with the same key (`=:=`).
 */
import type { Process } from '../process/process.js';
import { exactEquals } from '../terms/compare.js';
import { Cons, isMap, type Term } from '../terms/types.js';
import { badarg, listToArray } from './erlang-args.js';
import { table } from './ets-tables.js';
import { tryCompile, variableNumber } from './match-spec.js';

export function selectReplace(p: Process, t: Term, spec: Term): Term {
  const tab = table(p, t, 'write');
  if (tab.type === 'bag') return badarg();
  const ms = tryCompile(spec, true) ?? badarg();
  for (const c of listToArray(spec)!) {
    const [head, , body] = c as [Term, Term, Term];
    if (!keepsKey(tab.keypos, head, body)) return badarg();
  }
  const node = p.rt.node;
  const changes: [Term, Term, Term][] = [];
  for (const objs of tab.store.entries()) {
    for (const o of objs) {
      const r = ms.run(o, p.pid, node);
      if (r === undefined) continue;
      const key = tab.keyOf(o);
      if (Array.isArray(r) && r.length >= tab.keypos && exactEquals(r[tab.keypos - 1]!, key)) changes.push([key, o, r]);
    }
  }
  for (const [key, o, r] of changes) {
    if (tab.type === 'duplicate_bag') {
      const objs = [...tab.store.get(key)];
      const i = objs.findIndex((x) => x === o);
      if (i >= 0) objs[i] = r;
      tab.store.replace(key, objs);
    } else {
      tab.store.replace(key, [r]);
    }
  }
  return changes.length;
}

function keepsKey(keypos: number, head: Term, body: Term): boolean {
  const exprs = listToArray(body);
  if (exprs === undefined || exprs.length !== 1) return false;
  const e = exprs[0]!;
  if (e === '$_') return true;
  if (!Array.isArray(e)) return false;
  if (!Array.isArray(head) || head.length < keypos) return false;
  const headKey = head[keypos - 1]!;
  let built: Term;
  let constMode: boolean;
  if (e.length === 2 && e[0] === 'const') [built, constMode] = [e[1]!, true];
  else if (e.length === 1) [built, constMode] = [e[0]!, false];
  else return false;
  if (!Array.isArray(built) || built.length < keypos) return false;
  const bodyKey = built[keypos - 1]!;
  if (sameBuild(headKey, bodyKey, constMode)) return true;
  if (constMode || !Array.isArray(bodyKey)) return false;
  return bodyKey.length === 3 && bodyKey[0] === 'element' && bodyKey[1] === keypos && bodyKey[2] === '$_';
}

const SPECIAL: ReadonlySet<Term> = new Set(['_', '$$', '$_']);

/** Would the body term `b` always build the term the head term `a` matched? */
function sameBuild(a: Term, b: Term, constMode: boolean): boolean {
  if (b instanceof Cons) return a instanceof Cons && sameBuild(a.hd, b.hd, constMode) && sameBuild(a.tl, b.tl, constMode);
  if (Array.isArray(b)) {
    let inner = b;
    let mode = constMode;
    if (!mode) {
      if (b.length === 1 && Array.isArray(b[0])) inner = b[0] as Term[];
      else if (b.length === 2 && b[0] === 'const') [inner, mode] = [b[1] as Term[], true];
      else return false;
      if (mode && !Array.isArray(inner)) return sameBuild(a, inner, true);
    }
    if (!Array.isArray(a) || !Array.isArray(inner) || a.length !== inner.length) return false;
    return a.every((x, i) => sameBuild(x, inner[i]!, mode));
  }
  if (isMap(b)) return false;
  if (typeof b === 'string' || typeof b === 'number') {
    if (a !== b || SPECIAL.has(b)) return false;
    return !(constMode && variableNumber(b) >= 0);
  }
  return exactEquals(a, b);
}
