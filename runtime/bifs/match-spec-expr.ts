/**
 * Guard and body expressions of match specifications, compiled to closures.
 *
 * An expression is one of (OTP 25 erl_db_util.c, checked on BEAM):
 * - `'$N'` a variable bound in the head (unbound: the spec is rejected),
 *   `'$_'` the whole object, `'$$'` the list of the head's variables in
 *   number order; any other atom, number, binary, `[]`, pid, ... is itself;
 * - `{const, T}`: T unevaluated; `{{E1, ..., En}}`: a tuple built from Ei;
 * - a list: built element by element (`[E1, E2 | E3]`); a map: keys must be
 *   constants, values are expressions;
 * - `{F, A1, ..., An}` with F one of the guard functions below.
 *
 * `and`/`or` take one or more arguments, evaluate all of them and need
 * booleans; `andalso`/`orelse` take one or more, stop early, need booleans
 * for every argument but the last (which is returned as it is).
 * In guards an evaluation failure throws `MsFail` (the clause fails). In a
 * body a failing call evaluates to the atom `'EXIT'` and evaluation goes on,
 * as on BEAM: `[{hd, '$2'}, '$1']` gives `'$1'`, `{{{hd, '$2'}, '$1'}}` gives
 * `{'EXIT', V}`.
 */
import { mapFromEntries } from '../terms/map.js';
import { Cons, isMap, list, type ErlMapLike, type Term } from '../terms/types.js';
import { erlangBifs } from './erlang.js';
import { MsError, isGround, variableNumber } from './match-spec-terms.js';

/** An evaluation failure inside a match spec (not an Erlang exception). */
export class MsFail {
  static readonly instance = new MsFail();
}
const FAIL = MsFail.instance;

/** What an expression sees when it runs. */
export interface Env {
  /** Head variables, by slot. */
  vars: Term[];
  /** The object being matched (`'$_'`). */
  obj: Term;
  /** The calling process's pid, for `self()`. */
  self: Term;
  /** This node's name, for `node()`. */
  node: Term;
}

export type Expr = ((env: Env) => Term) & { dollarUnderscore?: boolean };

/** What the head compiler learned about variables. */
export interface VarInfo {
  /** Variable number → slot. */
  slots: Map<number, number>;
  /** Slots in the order `'$$'` lists them. */
  dollarDollar: number[];
  /** Compiling a body (failing calls give 'EXIT') rather than a guard. */
  body?: boolean;
}

/** Guard functions accepted in table match specs: `name/arity` → BIF key. */
const PLAIN: readonly string[] = [
  'is_atom/1', 'is_float/1', 'is_integer/1', 'is_list/1', 'is_number/1', 'is_pid/1', 'is_port/1',
  'is_reference/1', 'is_tuple/1', 'is_map/1', 'is_map_key/2', 'is_binary/1', 'is_function/1',
  'is_record/3', 'abs/1', 'element/2', 'hd/1', 'tl/1', 'length/1', 'map_get/2', 'map_size/1',
  'round/1', 'trunc/1', 'float/1', 'size/1', 'bit_size/1', 'byte_size/1', 'binary_part/2',
  'binary_part/3', '+/1', '-/1', '+/2', '-/2', '*/2', '//2', 'div/2', 'rem/2', 'band/2', 'bor/2',
  'bxor/2', 'bnot/1', 'bsl/2', 'bsr/2', '>/2', '>=/2', '</2', '=</2', '=:=/2', '==/2', '=/=/2',
  '/=/2', 'not/1', 'xor/2',
];

type Fn = (p: unknown, ...args: Term[]) => Term;
const guardBifs = new Map<string, Fn>();
for (const k of PLAIN) {
  const f = erlangBifs.get(k);
  if (f === undefined) throw new Error(`match-spec: erlang BIF ${k} is missing`);
  guardBifs.set(k, f as Fn);
}

/** Call a BIF; any Erlang error it raises is a match-spec failure. */
function callBif(f: Fn, args: Term[]): Term {
  try {
    return f(undefined, ...args);
  } catch {
    throw FAIL;
  }
}

export function compileExpr(t: Term, info: VarInfo): Expr {
  if (typeof t === 'string') return atomExpr(t, info);
  if (Array.isArray(t)) return tupleExpr(t, info);
  if (t instanceof Cons) {
    const hd = compileExpr(t.hd, info);
    const tl = compileExpr(t.tl, info);
    return (env) => new Cons(hd(env), tl(env));
  }
  if (isMap(t)) return mapExpr(t as ErlMapLike, info);
  return () => t;
}

function atomExpr(a: string, info: VarInfo): Expr {
  if (a === '$_') {
    const e: Expr = (env) => env.obj;
    e.dollarUnderscore = true;
    return e;
  }
  if (a === '$$') {
    const order = info.dollarDollar;
    return (env) => list(order.map((s) => env.vars[s]!));
  }
  const n = variableNumber(a);
  if (n < 0) return () => a;
  const slot = info.slots.get(n);
  if (slot === undefined) throw new MsError(`Variable $${n} is unbound.`);
  return (env) => env.vars[slot]!;
}

function mapExpr(m: ErlMapLike, info: VarInfo): Expr {
  const parts: [Term, Expr][] = [];
  for (const [k, v] of m.entries()) {
    if (!isGround(k)) throw new MsError('Map keys must be constants.');
    parts.push([k, compileExpr(v, info)]);
  }
  return (env) => mapFromEntries(parts.map(([k, f]): [Term, Term] => [k, f(env)]));
}

function tupleExpr(t: Term[], info: VarInfo): Expr {
  if (t.length === 1 && Array.isArray(t[0])) {
    const parts = (t[0] as Term[]).map((e) => compileExpr(e, info));
    return (env) => parts.map((f) => f(env));
  }
  if (t.length === 2 && t[0] === 'const') {
    const c = t[1]!;
    return () => c;
  }
  const name = t[0];
  if (typeof name !== 'string' || t.length === 0) throw new MsError('Invalid expression: a tuple that is neither a call, {const, T} nor {{...}}.');
  const args = t.slice(1).map((e) => compileExpr(e, info));
  const call = callExpr(name, args);
  if (info.body !== true) return call;
  return (env) => {
    try {
      return call(env);
    } catch (e) {
      if (e instanceof MsFail) return 'EXIT';
      throw e;
    }
  };
}

function callExpr(name: string, args: Expr[]): Expr {
  const n = args.length;
  switch (name) {
    case 'and':
    case 'or':
      if (n >= 1) return strictBool(name === 'and', args);
      break;
    case 'andalso':
    case 'orelse':
      if (n >= 1) return shortCircuit(name === 'andalso', args);
      break;
    case 'self':
      if (n === 0) return (env) => env.self;
      break;
    case 'node':
      if (n === 0) return (env) => env.node;
      break;
  }
  if (name === 'node' && n === 1) return nodeOf(args[0]!);
  const f = guardBifs.get(`${name}/${n}`);
  if (f === undefined) throw new MsError(`Function ${name}/${n} does_not_exist.`);
  return bifExpr(f, args);
}

function bifExpr(f: Fn, args: Expr[]): Expr {
  switch (args.length) {
    case 1: {
      const [a] = args as [Expr];
      return (env) => callBif(f, [a(env)]);
    }
    case 2: {
      const [a, b] = args as [Expr, Expr];
      return (env) => callBif(f, [a(env), b(env)]);
    }
    default:
      return (env) => callBif(f, args.map((a) => a(env)));
  }
}

/** `node(X)`: the node of a pid, port or reference; else a failure. */
function nodeOf(a: Expr): Expr {
  return (env) => {
    const x = a(env) as { node?: unknown };
    if (x !== null && typeof x === 'object' && typeof x.node === 'string' && !Array.isArray(x) && !isMap(x)) {
      return x.node;
    }
    throw FAIL;
  };
}

function strictBool(isAnd: boolean, args: Expr[]): Expr {
  return (env) => {
    let r = isAnd;
    for (const a of args) {
      const v = a(env);
      if (v === 'true') r = isAnd ? r : true;
      else if (v === 'false') r = isAnd ? false : r;
      else throw FAIL;
    }
    return r ? 'true' : 'false';
  };
}

function shortCircuit(isAndalso: boolean, args: Expr[]): Expr {
  const stopOn = isAndalso ? 'false' : 'true';
  const last = args.length - 1;
  return (env) => {
    for (let i = 0; i < last; i++) {
      const v = args[i]!(env);
      if (v === stopOn) return v;
      if (v !== 'true' && v !== 'false') throw FAIL;
    }
    return args[last]!(env);
  };
}

