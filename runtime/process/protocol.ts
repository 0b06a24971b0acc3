/**
 * The execution protocol: the contract between compiled code (compiler/js/) and
 * the runtime (scheduler, processes, BIFs). See ../../docs/ARCHITECTURE.md,
 * "Execution", and ../../../shared/DESIGN.md §3.
 *
 * Compiled functions are plain JS functions `f(p, a0, a1, ...)`: `p` is the
 * running process, the rest are the Erlang arguments. A call returns one of:
 *   - a term: the Erlang return value;
 *   - `SUSPEND`: the process must stop now (reductions spent, waiting in
 *     receive, or a BIF that blocks). Before returning SUSPEND, every function on
 *     the native stack records a `Frame` with `p.save(frame)`, innermost first,
 *     so that the scheduler can continue later;
 *   - `TAIL`: a tail call to another function is pending in `p.tailFn` /
 *     `p.tailArgs`; whoever receives TAIL runs it (`p.runTail()`), which keeps
 *     mutual tail recursion in constant JS stack.
 * Erlang exceptions are JS `throw`s of `ErlangError` (not a JS Error: no JS stack
 * is captured).
 *
 * Reductions: every function entry does `if (--p.reds <= 0)`, and when the budget
 * is spent it saves an entry frame (itself and its arguments) and returns
 * SUSPEND. So at most one budget's worth of native frames is ever live.
 */
import type { Term } from '../terms/types.js';

/** The result of a compiled call: a term or a control sentinel. */
export type Result = Term | typeof SUSPEND | typeof TAIL;

/** Returned when the process must stop; its frames were saved with `p.save`. */
export const SUSPEND: { readonly __control: 'suspend' } = Object.freeze({ __control: 'suspend' as const });
/** Returned when a tail call is pending in `p.tailFn(p, ...p.tailArgs)`. */
export const TAIL: { readonly __control: 'tail' } = Object.freeze({ __control: 'tail' as const });

/** A compiled Erlang function (arity = number of Erlang arguments). */
export type ErlFn = (p: any, ...args: any[]) => Result;

/**
 * Continues a suspended function. `value` is the result of the call the frame
 * was waiting on (undefined for an entry frame or a receive). When `error` is
 * given, the call raised instead and the frame must enter its active handler
 * (the runtime only passes an error to frames whose `handler` is true).
 */
export type ResumeFn = (p: any, frame: Frame, value: Term | undefined, error?: ErlangError) => Result;

/**
 * One suspended Erlang function activation, on the heap. Kept monomorphic: the
 * compiler stores what it needs in `label` (where to continue) and `y` (the live
 * Y registers and any other saved locals).
 */
export class Frame {
  constructor(
    public readonly resume: ResumeFn,
    public readonly label: number,
    public readonly y: any[],
    /** True when a try/catch handler is active in this activation. */
    public readonly handler: boolean = false,
  ) {}
}

export type ErrorClass = 'error' | 'exit' | 'throw';

/**
 * An Erlang exception in flight. `stack` is BEAM's stack-trace list form
 * (`[{M, F, ArityOrArgs, Location}]`): the raise site puts the raising
 * function's entry, and each compiled function the exception leaves adds
 * its own (up to BEAM's default backtrace depth of 8).
 */
export class ErlangError {
  /**
   * The raising function's own entry is already in `stack`: the first
   * compiled function this passes through (the raiser) must not add itself
   * again; every later one adds its entry (runtime/exec/errors.ts addFrame).
   */
  own = false;
  /** The trace was given whole (erlang:raise/3): callers add nothing. */
  sealed = false;

  constructor(
    public readonly cls: ErrorClass,
    public readonly reason: Term,
    /** Stack entries `[M, F, ArityOrArgs, Location]` as Erlang tuples, innermost first. */
    public readonly stack: Term[] = [],
  ) {}
}

export const isControl = (r: unknown): r is typeof SUSPEND | typeof TAIL => r === SUSPEND || r === TAIL;
