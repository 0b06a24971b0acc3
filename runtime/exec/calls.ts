/**
 * Calls that leave the module: external calls through import cells, `apply`,
 * and fun calls.
 *
 * An import cell is hoisted once per ImpT entry (`const E3 = R.ext(...)`).
 * Its `fn` starts as a stub that looks `M:F/A` up in the process's module
 * registry (`p.rt.modules`, runtime/process/modules.ts) on first use and
 * then replaces itself with the target, so a resolved external call costs
 * one property load. When the function is missing the stub goes through the
 * registry's `apply`, which may load the module (suspending the caller) or
 * raise `error:undef` with BEAM's top frame `{M, F, Args, []}`; a missing
 * target is never cached.
 */
import { ErlangError, TAIL, type ErlFn, type Result } from '../process/protocol.js';
import { apply, applyTail, callFun, tailCallFun } from '../process/modules.js';
import { bifLocation } from './bifs.js';
import { Fun, NIL, list, type Atom, type Pid, type Term } from '../terms/types.js';

/** The registry's function `M:F/A`, or undefined. */
const lookup = (p: any, m: Atom, f: Atom, a: number): ErlFn | undefined => p.rt.modules.lookup(m, f, a);

/** An external function reference hoisted into a compiled module. */
export class ExtCell {
  fn: ErlFn;
  constructor(
    readonly module: Atom,
    readonly name: Atom,
    readonly arity: number,
    /**
     * For a module's local calls to its own NIF stub: the stub's compiled
     * code, run when no BIF replaces it in the registry (BEAM runs the
     * Erlang body of a NIF that is not loaded, even when not exported).
     */
    readonly local: ErlFn | undefined = undefined,
  ) {
    this.fn = this.stub();
  }

  private stub(): ErlFn {
    return (p, ...args) => {
      const found = lookup(p, this.module, this.name, this.arity) ?? this.local;
      if (found === undefined) return apply(p, this.module, this.name, args);
      const target = isCompiled(found) ? found : withBifFrame(found, this.module, this.name, this.arity);
      this.fn = target;
      // Reloading or deleting the module resets this cell.
      p.rt.modules.track?.(this.module, this);
      return target(p, ...args);
    };
  }

  /** Forget the resolved target (after the module is reloaded). */
  reset(): void {
    this.fn = this.stub();
  }
}

export const ext = (m: Atom, f: Atom, a: number): ExtCell => new ExtCell(m, f, a);

/** The cell of a local call to the NIF stub `local` (compiler/js/nif-stubs.ts). */
export const stubCell = (m: Atom, f: Atom, a: number, local: ErlFn): ExtCell => new ExtCell(m, f, a, local);

const COMPILED = Symbol('beamjs.compiled');

/** Mark the functions of a compiled module (runtime/exec/load.ts does it at load). */
export function markCompiled(fn: ErlFn): void {
  (fn as unknown as Record<symbol, boolean>)[COMPILED] = true;
}

const isCompiled = (fn: ErlFn): boolean => (fn as unknown as Record<symbol, boolean>)[COMPILED] === true;

/**
 * A BIF called from compiled code: an exception it raises without a stack
 * trace gets BEAM's top frame for a failing BIF, `{M, F, Args, []}`. The
 * wrapper costs nothing until something is thrown.
 */
function withBifFrame(bif: ErlFn, m: Atom, f: Atom, arity: number): ErlFn {
  const addFrame = (e: unknown, args: Term[]): unknown => {
    if (e instanceof ErlangError && e.stack.length === 0 && !e.sealed) {
      return new ErlangError(e.cls, e.reason, [[m, f, list(args), e.cls === 'error' ? bifLocation(m) : NIL]]);
    }
    return e;
  };
  switch (arity) {
    case 0:
      return (p) => {
        try { return bif(p); } catch (e) { throw addFrame(e, []); }
      };
    case 1:
      return (p, a) => {
        try { return bif(p, a); } catch (e) { throw addFrame(e, [a]); }
      };
    case 2:
      return (p, a, b) => {
        try { return bif(p, a, b); } catch (e) { throw addFrame(e, [a, b]); }
      };
    default:
      return (p, ...args) => {
        try { return bif(p, ...args); } catch (e) { throw addFrame(e, args); }
      };
  }
}

export { apply, callFun, tailCallFun };

/** `apply_last`: set up a tail call to M:F(Args...). */
export const tailApply = (p: any, m: Term, f: Term, args: Term[]): unknown => applyTail(p, m, f, args);

// ---- funs ----

/** What make_fun needs of a FunT row, hoisted once per row. */
export class FunDesc {
  constructor(
    readonly module: Atom,
    readonly index: number,
    readonly uniq: Uint8Array,
    readonly oldUniq: number,
    /** The fun's own arity (without the free variables). */
    readonly arity: number,
    /** The lifted function: arguments, then free variables. */
    readonly fn: ErlFn,
    readonly name: Atom,
  ) {}
}

/** `make_fun3`: a closure of row `d` over `env`, owned by the creating process. */
export function makeFun(p: { pid: Pid }, d: FunDesc, env: Term[]): Fun {
  return new Fun(d.module, d.index, d.uniq, d.index, d.oldUniq, d.arity, env, p.pid, d.fn, d.name);
}

/** Fast paths for the commonest fun arities. */
export function callFun0(p: any, f: Term): Result {
  if (f instanceof Fun && f.arity === 0 && f.fn !== undefined && f.env.length === 0) return f.fn(p);
  return callFun(p, f, []);
}

export function callFun1(p: any, f: Term, a: Term): Result {
  if (f instanceof Fun && f.arity === 1 && f.fn !== undefined) {
    const e = f.env;
    if (e.length === 0) return f.fn(p, a);
    if (e.length === 1) return f.fn(p, a, e[0]);
  }
  return callFun(p, f, [a]);
}

export function callFun2(p: any, f: Term, a: Term, b: Term): Result {
  if (f instanceof Fun && f.arity === 2 && f.fn !== undefined) {
    const e = f.env;
    if (e.length === 0) return f.fn(p, a, b);
    if (e.length === 1) return f.fn(p, a, b, e[0]);
  }
  return callFun(p, f, [a, b]);
}

export { TAIL };
