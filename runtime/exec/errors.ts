/**
 * Raising Erlang exceptions from compiled code, and the exception-entry
 * protocol of try/catch (x0 = non-value, x1 = reason, x2 = raw stack trace,
 * x3 = class; beam-format.md §4 "Exceptions").
 *
 * Stack traces: compiled code knows where it is statically, so every raise
 * site passes its function's `FnInfo` and the current source line; the
 * trace is `[{M, F, ArityOrArgs, [{file, F}, {line, L}]}]` — the raising
 * function only (callers are not added: no JS stack is walked). A BIF that
 * fails in a body gets BEAM's two entries: the BIF with its arguments, then
 * the calling function.
 *
 * The "raw stack trace" that BEAM keeps in x2 is the `ErlangError` object
 * itself: it carries the class too, which is what `raise/2` needs.
 */
import { ErlangError, type ErrorClass } from '../process/protocol.js';
import { TermBadArg } from '../terms/errors.js';
import { Cons, NIL, charlist, list, type Atom, type Term } from '../terms/types.js';

/** What a compiled function knows about itself, hoisted once per function. */
export class FnInfo {
  constructor(
    public readonly module: Atom,
    public readonly name: Atom,
    public readonly arity: number,
    /** Source file from the Line chunk, or undefined when the module has none. */
    public readonly file: string | undefined,
  ) {}
}

/** The value x0 holds on exception entry (BEAM's THE_NON_VALUE). */
export const NONE: { readonly __nonValue: true } = Object.freeze({ __nonValue: true as const });

/** A catch tag: what `try`/`catch` store in a y register (the handler label). */
export class CatchTag {
  constructor(public readonly label: number) {}
}

const fileTerms = new Map<string, Term>();

/** `[{file, F}, {line, L}]`, or `[]` without a location. */
export function location(file: string | undefined, line: number): Term {
  if (file === undefined || line <= 0) return NIL;
  let f = fileTerms.get(file);
  if (f === undefined) {
    f = ['file', charlist(file)];
    fileTerms.set(file, f);
  }
  return new Cons(f, new Cons(['line', line], NIL));
}

/** The stack entry of the current function: `{M, F, ArityOrArgs, Location}`. */
export const frameOf = (fi: FnInfo, line: number, args?: readonly Term[]): Term[] =>
  [fi.module, fi.name, args === undefined ? fi.arity : list(args), location(fi.file, line)];

export const raise = (cls: ErrorClass, reason: Term, fi: FnInfo, line: number): ErlangError =>
  new ErlangError(cls, reason, [frameOf(fi, line)]);

/** `error:Reason` raised by the current function (returned, so generated code writes `throw R.error(...)`). */
export const error = (reason: Term, fi: FnInfo, line: number): ErlangError => raise('error', reason, fi, line);

/** `function_clause`: the top frame carries the arguments, not the arity. */
export const functionClause = (fi: FnInfo, line: number, args: Term[]): ErlangError =>
  new ErlangError('error', 'function_clause', [frameOf(fi, line, args)]);

export const badmatch = (v: Term, fi: FnInfo, line: number): ErlangError => error(['badmatch', v], fi, line);
export const caseClause = (v: Term, fi: FnInfo, line: number): ErlangError => error(['case_clause', v], fi, line);
export const ifClause = (fi: FnInfo, line: number): ErlangError => error('if_clause', fi, line);
export const tryClause = (v: Term, fi: FnInfo, line: number): ErlangError => error(['try_clause', v], fi, line);
export const badrecord = (v: Term, fi: FnInfo, line: number): ErlangError => error(['badrecord', v], fi, line);

/** erlang:error/2 (and /3): the top frame shows the given argument list. */
export function errorWithArgs(reason: Term, args: Term, fi: FnInfo, line: number): ErlangError {
  const a: Term = args === 'none' ? fi.arity : args;
  return new ErlangError('error', reason, [[fi.module, fi.name, a, location(fi.file, line)]]);
}

/** A BIF `M:F(Args)` failed in a body: BEAM shows the BIF frame, then the caller. */
export function bifError(reason: Term, m: Atom, f: Atom, args: Term[], fi: FnInfo, line: number): ErlangError {
  return new ErlangError('error', reason, [[m, f, list(args), NIL], frameOf(fi, line)]);
}

/**
 * Turn what a JS `catch` caught into an Erlang exception, or undefined when
 * it is not one (a JS error from a bug, or stack exhaustion: those must not
 * be catchable by Erlang code and are re-thrown).
 */
export function caught(e: unknown): ErlangError | undefined {
  if (e instanceof ErlangError) return e;
  if (e instanceof TermBadArg) return new ErlangError('error', e.reason);
  return undefined;
}

/** `catch_end` after an exception: the value of the `catch` expression. */
export function catchValue(reason: Term, raw: Term, cls: Term): Term {
  const e = raw as unknown as ErlangError;
  switch (cls) {
    case 'throw':
      return reason;
    case 'exit':
      return ['EXIT', reason];
    default:
      return ['EXIT', [reason, list(e.stack)]];
  }
}

/** `build_stacktrace`: the raw trace in x0 → the list of `{M,F,A,Loc}`. */
export function buildStacktrace(raw: unknown): Term {
  return raw instanceof ErlangError ? list(raw.stack) : NIL;
}

/** `raise Stk Reason` (re-raise with the class of the raw trace). */
export function reraise(raw: unknown, reason: Term): ErlangError {
  if (raw instanceof ErlangError) return new ErlangError(raw.cls, reason, raw.stack);
  return new ErlangError('error', reason);
}

const CLASSES = new Set<Term>(['error', 'exit', 'throw']);

/**
 * `raw_raise` (x0 class, x1 reason, x2 raw trace): throws; with an invalid
 * class it does not raise and yields `badarg` in x0 instead (as BEAM does).
 */
export function rawRaise(cls: Term, reason: Term, raw: unknown): Term {
  if (!CLASSES.has(cls)) return 'badarg';
  const stack = raw instanceof ErlangError ? raw.stack : [];
  throw new ErlangError(cls as ErrorClass, reason, stack);
}
