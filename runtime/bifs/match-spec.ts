/**
 * Match specifications (`[{Head, Guards, Body}]`) for tables: compiled once
 * into closures, then run against many terms. Used by ETS (select, match,
 * match_object, select_delete/replace/count), `ets:match_spec_compile/1`,
 * `ets:match_spec_run/2` and `erlang:match_spec_test/3`; the tracer can reuse
 * it later.
 *
 * What is accepted and rejected follows OTP 25's erl_db_util.c (checked
 * against `ets:match_spec_compile/1` on BEAM): a malformed spec is `badarg`.
 *
 * - Head: any term; `'$N'` (N decimal digits) are variables, `'_'` matches
 *   anything. A variable occurring twice must match `=:=` terms. Constants in
 *   the head compare with `=:=` (so `{2, '_'}` does not match `{2.0, x}`, even
 *   in an ordered_set). Map patterns need constant keys.
 * - Guards and body: expressions (see ./match-spec-expr.ts).
 * - A guard that raises or returns anything but `true` makes the clause fail
 *   (the next clause is tried). An error in the body makes the result the
 *   atom `'EXIT'`, as BEAM does.
 */
import { exactEquals } from '../terms/compare.js';
import { Cons, NIL, Ref, isMap, type ErlMapLike, type Term } from '../terms/types.js';
import { compileExpr, MsFail, type Env, type Expr, type VarInfo } from './match-spec-expr.js';
import { MsError, isGround, variableNumber } from './match-spec-terms.js';
import { listToArray } from './erlang-args.js';

export { MsFail } from './match-spec-expr.js';
export { MsError, isGround, variableNumber } from './match-spec-terms.js';

/** Head matcher: binds variables in `vars`; true when `t` matches. */
type Matcher = (t: Term, vars: Term[]) => boolean;

interface Clause {
  match: Matcher;
  guards: Expr[];
  body: Expr[];
  nvars: number;
  /** The head, kept for key extraction (select on a bound key). */
  head: Term;
  /** Variable numbers in the head, by slot. */
  varNums: number[];
}

class HeadCompiler {
  readonly slots = new Map<number, number>();

  slotOf(n: number): { slot: number; bound: boolean } {
    const s = this.slots.get(n);
    if (s !== undefined) return { slot: s, bound: true };
    const slot = this.slots.size;
    this.slots.set(n, slot);
    return { slot, bound: false };
  }

  compile(t: Term): Matcher {
    if (typeof t === 'string') {
      if (t === '_') return () => true;
      const n = variableNumber(t);
      if (n >= 0) {
        const { slot, bound } = this.slotOf(n);
        if (bound) return (x, vars) => exactEquals(vars[slot]!, x);
        return (x, vars) => {
          vars[slot] = x;
          return true;
        };
      }
      return (x) => x === t;
    }
    if (Array.isArray(t)) return this.tuple(t);
    if (t instanceof Cons) {
      const hd = this.compile(t.hd);
      const tl = this.compile(t.tl);
      return (x, vars) => x instanceof Cons && hd(x.hd, vars) && tl(x.tl, vars);
    }
    if (isMap(t)) return this.map(t as ErlMapLike);
    if (typeof t === 'number') return (x) => x === t;
    return (x) => exactEquals(x, t);
  }

  private tuple(t: Term[]): Matcher {
    const n = t.length;
    const parts = t.map((e) => this.compile(e));
    return (x, vars) => {
      if (!Array.isArray(x) || x.length !== n) return false;
      for (let i = 0; i < n; i++) if (!parts[i]!(x[i]!, vars)) return false;
      return true;
    };
  }

  private map(m: ErlMapLike): Matcher {
    const parts: [Term, Matcher][] = [];
    for (const [k, v] of m.entries()) {
      if (!isGround(k)) throw new MsError('map key in a pattern must be a constant');
      parts.push([k, this.compile(v)]);
    }
    return (x, vars) => {
      if (!isMap(x)) return false;
      for (const [k, f] of parts) {
        const v = (x as ErlMapLike).get(k);
        if (v === undefined || !f(v, vars)) return false;
      }
      return true;
    };
  }
}

function compileClause(c: Term): Clause {
  if (!Array.isArray(c) || c.length !== 3) throw new MsError('Match expression is not a 3-tuple.');
  const [head, guardList, bodyList] = c as [Term, Term, Term];
  const guards = listToArray(guardList);
  const body = listToArray(bodyList);
  if (guards === undefined || body === undefined || body.length === 0) {
    throw new MsError(body !== undefined && body.length === 0 ? 'Body clause does not return anything.' : 'Guards and body must be lists.');
  }
  const hc = new HeadCompiler();
  const match = hc.compile(head);
  const varNums: number[] = [];
  for (const [n, s] of hc.slots) varNums[s] = n;
  // '$$' lists the variables in the order of their numbers.
  const order = [...hc.slots.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  const info: VarInfo = { slots: hc.slots, dollarDollar: order };
  return {
    match,
    guards: guards.map((g) => compileExpr(g, info)),
    body: body.map((b) => compileExpr(b, { ...info, body: true })),
    nvars: hc.slots.size,
    head,
    varNums,
  };
}

/** A compiled match specification. */
export class CompiledMatchSpec {
  constructor(
    readonly clauses: readonly Clause[],
    /** The spec as given (for error messages and re-compilation). */
    readonly source: Term,
  ) {}

  /**
   * The result of the first clause whose head and guards accept `obj`, or
   * undefined when none does. `self` is the calling process's pid (for
   * `self()` and `node()` in guards), `rt` its runtime data.
   */
  run(obj: Term, self: Env['self'], node: Term): Term | undefined {
    for (const c of this.clauses) {
      const vars: Term[] = c.nvars === 0 ? EMPTY : new Array<Term>(c.nvars);
      if (!c.match(obj, vars)) continue;
      const env: Env = { vars, obj, self, node };
      if (!guardsPass(c.guards, env)) continue;
      return evalBody(c.body, env);
    }
    return undefined;
  }

  /**
   * The key every matching object must have, when each clause's head binds
   * the key position to a constant; undefined when any clause leaves it open.
   * Lets a select on a bound key look the key up instead of scanning.
   */
  boundKeys(keypos: number): Term[] | undefined {
    const keys: Term[] = [];
    for (const c of this.clauses) {
      const h = c.head;
      if (!Array.isArray(h) || h.length < keypos) return undefined;
      const k = h[keypos - 1]!;
      if (!isGround(k)) return undefined;
      keys.push(k);
    }
    return keys;
  }

  /** True when every clause's single body expression is `'$_'` (select_replace keeps the object). */
  get returnsObject(): boolean {
    return this.clauses.every((c) => c.body.length === 1 && (c.body[0] as { dollarUnderscore?: boolean }).dollarUnderscore === true);
  }
}

const EMPTY: Term[] = [];

function guardsPass(guards: Expr[], env: Env): boolean {
  try {
    for (const g of guards) if (g(env) !== 'true') return false;
    return true;
  } catch (e) {
    if (e instanceof MsFail) return false;
    throw e;
  }
}

function evalBody(body: Expr[], env: Env): Term {
  try {
    let r: Term = NIL;
    for (const b of body) r = b(env);
    return r;
  } catch (e) {
    if (e instanceof MsFail) return 'EXIT';
    throw e;
  }
}

/** Compile a match spec; throws `MsError` when it is malformed. */
export function compileMatchSpec(spec: Term, allowEmpty = false): CompiledMatchSpec {
  const clauses = listToArray(spec);
  if (clauses === undefined || (clauses.length === 0 && !allowEmpty)) throw new MsError('Match programs are not in a list.');
  return new CompiledMatchSpec(clauses.map(compileClause), spec);
}

/**
 * The "magic reference" `ets:match_spec_compile/1` returns: a reference
 * (it prints and compares as one) that carries the compiled spec.
 */
export class MatchSpecRef extends Ref {
  constructor(
    ids: readonly number[],
    readonly ms: CompiledMatchSpec,
  ) {
    super(ids);
  }
}

/**
 * Compile `spec`, or undefined when it is malformed (callers raise badarg).
 * Table operations (select, select_count, ...) accept `[]`, which selects
 * nothing; ets:match_spec_compile/1 does not.
 */
export function tryCompile(spec: Term, allowEmpty = false): CompiledMatchSpec | undefined {
  try {
    return compileMatchSpec(spec, allowEmpty);
  } catch (e) {
    if (e instanceof MsError) return undefined;
    throw e;
  }
}
