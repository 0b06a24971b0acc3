/**
 * The module registry, `apply`, and calling funs.
 *
 * A module is a table `"name/arity" → ErlFn` of its exported functions (BIF
 * modules such as `erlang` are registered the same way, so `apply(erlang,
 * self, [])` works). Calls through the registry (apply, `fun M:F/A`, spawn of
 * M:F/A) raise `error:undef` with BEAM's stack entry `{M, F, Args, []}` when the
 * function is missing.
 *
 * A missing module may be loadable: `registry.loader`, when set, is asked for
 * it and may return a promise; the calling process then waits for it (only that
 * process) and retries the call.
 */
import { ErlangError, SUSPEND, TAIL, type ErlFn, type Result } from './protocol.js';
import { badarg, raise } from './errors.js';
import type { Process } from './process.js';
import { Cons, ExportFun, Fun, NIL, list, type Atom, type Term } from '../terms/types.js';

/** Functions of a module: `[["name/arity", fn], ...]`, a Map, or a record. */
export type FunctionTable =
  | Iterable<readonly [string, ErlFn]>
  | ReadonlyMap<string, ErlFn>
  | Readonly<Record<string, ErlFn>>;

function entriesOf(table: FunctionTable): Iterable<readonly [string, ErlFn]> {
  if (table instanceof Map) return table.entries();
  if (Symbol.iterator in (table as object)) return table as Iterable<readonly [string, ErlFn]>;
  return Object.entries(table as Record<string, ErlFn>);
}

export class ModuleRegistry {
  private readonly mods = new Map<Atom, Map<string, ErlFn>>();

  /**
   * Optional: called for a module that is not registered. Return a promise that
   * settles once it is registered (or undefined when it cannot be loaded).
   */
  loader: ((module: Atom) => Promise<unknown> | undefined) | undefined = undefined;

  /**
   * The same functions by name, then arity: what lookup/3 reads, so that a
   * call through the registry (apply, `M:F(...)` with a variable module)
   * builds no "name/arity" string.
   */
  private readonly byName = new Map<Atom, Map<Atom, (ErlFn | undefined)[]>>();

  /**
   * Call sites that cached a function of a module (compiled code's ExtCells):
   * told to forget it when the module is replaced or deleted, so that the
   * next call runs the new code, as on BEAM.
   */
  private readonly cachedBy = new Map<Atom, Set<{ reset(): void }>>();

  /** Remember that `site` cached a function of module `m`. */
  track(m: Atom, site: { reset(): void }): void {
    let sites = this.cachedBy.get(m);
    if (sites === undefined) this.cachedBy.set(m, (sites = new Set()));
    sites.add(site);
  }

  private invalidate(m: Atom): void {
    const sites = this.cachedBy.get(m);
    if (sites === undefined) return;
    this.cachedBy.delete(m);
    for (const s of sites) s.reset();
  }

  /** Register (or replace) a module's function table. */
  registerModule(name: Atom, table: FunctionTable): void {
    const m = new Map(entriesOf(table));
    if (this.mods.has(name)) this.invalidate(name);
    this.mods.set(name, m);
    this.index(name, m);
  }

  /** Add functions to a module (creating it): BIF modules built from several files. */
  extendModule(name: Atom, table: FunctionTable): void {
    let m = this.mods.get(name);
    if (m === undefined) this.mods.set(name, (m = new Map()));
    for (const [k, f] of entriesOf(table)) m.set(k, f);
    this.index(name, m);
  }

  private index(name: Atom, table: ReadonlyMap<string, ErlFn>): void {
    const funs = new Map<Atom, (ErlFn | undefined)[]>();
    for (const [k, fn] of table) {
      const i = k.lastIndexOf('/');
      const f = k.slice(0, i);
      let arities = funs.get(f);
      if (arities === undefined) funs.set(f, (arities = []));
      arities[Number(k.slice(i + 1))] = fn;
    }
    this.byName.set(name, funs);
  }

  /** Remove a module; returns whether it was registered. */
  deleteModule(name: Atom): boolean {
    this.invalidate(name);
    this.byName.delete(name);
    return this.mods.delete(name);
  }

  lookup(m: Atom, f: Atom, a: number): ErlFn | undefined {
    return this.byName.get(m)?.get(f)?.[a];
  }

  isLoaded(m: Atom): boolean {
    return this.mods.has(m);
  }

  /** Registered module names. */
  modules(): Atom[] {
    return [...this.mods.keys()];
  }

  /** `[name, arity]` of every function of `m` (empty when not registered). */
  exports(m: Atom): [Atom, number][] {
    const t = this.mods.get(m);
    if (t === undefined) return [];
    return [...t.keys()].map((k) => {
      const i = k.lastIndexOf('/');
      return [k.slice(0, i), Number(k.slice(i + 1))];
    });
  }
}

/** Call `fn(p, ...args)` without spreading for the common arities. */
export function invoke(fn: ErlFn, p: Process, args: readonly Term[]): Result {
  switch (args.length) {
    case 0:
      return fn(p);
    case 1:
      return fn(p, args[0]);
    case 2:
      return fn(p, args[0], args[1]);
    case 3:
      return fn(p, args[0], args[1], args[2]);
    default:
      return fn(p, ...args);
  }
}

function undef(m: Atom, f: Atom, args: readonly Term[]): never {
  throw new ErlangError('error', 'undef', [[m, f, list(args), NIL]]);
}

/**
 * Find `m:f/arity` for a call from `p`. Returns the function; or, when the
 * module loader takes the module on, makes `p` wait for it and returns SUSPEND
 * (`retry` then redoes the call); else raises undef.
 */
function resolve(p: Process, m: Atom, f: Atom, args: readonly Term[], retry: () => Result): ErlFn | typeof SUSPEND {
  const reg = p.rt.modules;
  const fn = reg.lookup(m, f, args.length);
  if (fn !== undefined) return fn;
  if (!reg.isLoaded(m) && reg.loader !== undefined) {
    const pending = reg.loader(m);
    if (pending !== undefined) return p.rt.awaitPromise(p, pending, retry);
  }
  return undef(m, f, args);
}

/** `apply(M, F, Args)` with Args as a JS array; returns the callee's result. */
export function apply(p: Process, m: Term, f: Term, args: readonly Term[]): Result {
  if (typeof m !== 'string' || typeof f !== 'string') badarg();
  const fn = resolve(p, m, f, args, () => apply(p, m, f, args));
  return typeof fn !== 'function' ? fn : invoke(fn, p, args);
}

/** `apply` in tail position: sets the pending tail call and returns TAIL. */
export function applyTail(p: Process, m: Term, f: Term, args: readonly Term[]): Result {
  if (typeof m !== 'string' || typeof f !== 'string') badarg();
  const fn = resolve(p, m, f, args, () => applyTail(p, m, f, args));
  if (typeof fn !== 'function') return fn;
  p.tailFn = fn;
  p.tailArgs = args as Term[];
  return TAIL;
}

/** The elements of a proper list, or undefined. */
export function properList(t: Term): Term[] | undefined {
  const out: Term[] = [];
  while (t instanceof Cons) {
    out.push(t.hd);
    t = t.tl;
  }
  return t === NIL ? out : undefined;
}

/** `erlang:apply(M, F, ArgList)`: badarg unless ArgList is a proper list. */
export function applyList(p: Process, m: Term, f: Term, argList: Term, tail = true): Result {
  const args = properList(argList);
  if (args === undefined || typeof m !== 'string' || typeof f !== 'string') badarg();
  return tail ? applyTail(p, m, f, args) : apply(p, m, f, args);
}

/** The JS function of a fun call and its full argument list (free variables last). */
function funFn(p: Process, fun: Term, args: readonly Term[], retry: () => Result): ErlFn | typeof SUSPEND {
  if (fun instanceof Fun) {
    if (fun.arity !== args.length) raise(['badarity', [fun, list(args)]]);
    const fn = fun.fn as ErlFn | undefined;
    return fn ?? undef(fun.module, fun.name ?? 'fun', args);
  }
  if (fun instanceof ExportFun) {
    if (fun.arity !== args.length) raise(['badarity', [fun, list(args)]]);
    return resolve(p, fun.module, fun.name, args, retry);
  }
  return raise(['badfun', fun]);
}

const withEnv = (fun: Term, args: readonly Term[]): readonly Term[] =>
  fun instanceof Fun && fun.env.length > 0 ? [...args, ...fun.env] : args;

/**
 * Call a fun (`call_fun`): a local `Fun` runs `fn(p, ...args, ...env)`; an
 * `ExportFun` goes through the registry. Raises `{badfun, F}` for a non-fun and
 * `{badarity, {F, Args}}` for a wrong argument count, as BEAM does. Returns the
 * callee's result as is (TAIL included).
 */
export function callFun(p: Process, fun: Term, args: readonly Term[]): Result {
  const fn = funFn(p, fun, args, () => callFun(p, fun, args));
  return typeof fn !== 'function' ? fn : invoke(fn, p, withEnv(fun, args));
}

/** `call_fun` in tail position: sets the pending tail call and returns TAIL. */
export function tailCallFun(p: Process, fun: Term, args: readonly Term[]): Result {
  const fn = funFn(p, fun, args, () => tailCallFun(p, fun, args));
  if (typeof fn !== 'function') return fn;
  p.tailFn = fn;
  p.tailArgs = withEnv(fun, args) as Term[];
  return TAIL;
}

/** `erlang:apply(Fun, ArgList)`. */
export function applyFunList(p: Process, fun: Term, argList: Term): Result {
  const args = properList(argList);
  if (args === undefined) badarg();
  return tailCallFun(p, fun, args);
}
