/**
 * Raising Erlang exceptions from compiled code, and the exception-entry
 * protocol of try/catch (x0 = non-value, x1 = reason, x2 = raw stack trace,
 * x3 = class; beam-format.md §4 "Exceptions").
 *
 * Stack traces: compiled code knows where it is statically, so every raise
 * site passes its function's `FnInfo` and the current source line, giving
 * the top entry `{M, F, ArityOrArgs, [{file, F}, {line, L}]}` (a BIF that
 * fails in a body gets BEAM's two entries: the BIF with its arguments, then
 * the calling function). The callers add themselves as the exception leaves
 * them: every compiled function catches, calls `addFrame` with the line of
 * the call it was in, and re-throws; suspended callers on the heap are added
 * by the scheduler from their frame's label (`frameInfo`). No JS stack is
 * walked.
 *
 * The "raw stack trace" that BEAM keeps in x2 is the `ErlangError` object
 * itself: it carries the class too, which is what `raise/2` needs.
 */
import { ErlangError, SUSPEND, type ErrorClass } from '../process/protocol.js';
import { TermBadArg } from '../terms/errors.js';
import { Cons, NIL, charlist, isMap, list, type Atom, type Term } from '../terms/types.js';

/** What a compiled function knows about itself, hoisted once per function. */
export class FnInfo {
  constructor(
    public readonly module: Atom,
    public readonly name: Atom,
    public readonly arity: number,
    /** Source file from the Line chunk, or undefined when the module has none. */
    public readonly file: string | undefined,
  ) {}

  /**
   * The source line of each continuation label of the function (set by
   * `frameInfo`): a resumed frame's `ln` is `-label` until its next call,
   * looked up here only if an exception leaves it (see `addFrame`).
   */
  lines: Map<number, number> | undefined = undefined;
}

/** The value x0 holds on exception entry (BEAM's THE_NON_VALUE). */
export const NONE: { readonly __nonValue: true } = Object.freeze({ __nonValue: true as const });

/** A catch tag: what `try`/`catch` store in a y register (the handler label). */
export class CatchTag {
  constructor(public readonly label: number) {}
}

const fileTerms = new Map<string, Term>();

/**
 * `[{file, F}, {line, L}]`, or `[]` without a location; `extra` (an
 * `{error_info, Map}`) goes last.
 */
export function location(file: string | undefined, line: number, extra?: Term): Term {
  const tail = extra === undefined ? NIL : new Cons(extra, NIL);
  if (file === undefined || line <= 0) return tail;
  let f = fileTerms.get(file);
  if (f === undefined) {
    f = ['file', charlist(file)];
    fileTerms.set(file, f);
  }
  return new Cons(f, new Cons(['line', line], tail));
}

/** The stack entry of the current function: `{M, F, ArityOrArgs, Location}`. */
export const frameOf = (fi: FnInfo, line: number, args?: readonly Term[]): Term[] =>
  [fi.module, fi.name, args === undefined ? fi.arity : list(args), location(fi.file, line)];

/** A new exception whose stack already holds the raising function's entry. */
export function owned(cls: ErrorClass, reason: Term, stack: Term[]): ErlangError {
  const e = new ErlangError(cls, reason, stack);
  e.own = true;
  return e;
}

export const raise = (cls: ErrorClass, reason: Term, fi: FnInfo, line: number): ErlangError =>
  owned(cls, reason, [frameOf(fi, line)]);

/** `error:Reason` raised by the current function (returned, so generated code writes `throw R.error(...)`). */
export const error = (reason: Term, fi: FnInfo, line: number): ErlangError => raise('error', reason, fi, line);

/** `function_clause`: the top frame carries the arguments, not the arity. */
export const functionClause = (fi: FnInfo, line: number, args: Term[]): ErlangError =>
  owned('error', 'function_clause', [frameOf(fi, line, args)]);

export const badmatch = (v: Term, fi: FnInfo, line: number): ErlangError => error(['badmatch', v], fi, line);
export const caseClause = (v: Term, fi: FnInfo, line: number): ErlangError => error(['case_clause', v], fi, line);
export const ifClause = (fi: FnInfo, line: number): ErlangError => error('if_clause', fi, line);
export const tryClause = (v: Term, fi: FnInfo, line: number): ErlangError => error(['try_clause', v], fi, line);
export const badrecord = (v: Term, fi: FnInfo, line: number): ErlangError => error(['badrecord', v], fi, line);

/**
 * erlang:error/2,3: the top frame shows the given argument list; error/3's
 * `{error_info, Map}` option joins the frame's location (what
 * erl_error:format_exception/3 and Elixir's Exception.blame read).
 */
export function errorWithArgs(reason: Term, args: Term, fi: FnInfo, line: number, opts?: Term): ErlangError {
  const a: Term = args === 'none' ? fi.arity : args;
  const loc = location(fi.file, line, opts === undefined ? undefined : errorInfoOption(opts));
  return owned('error', reason, [[fi.module, fi.name, a, loc]]);
}

/**
 * The `{error_info, Map}` error/3's options give: as erts, only a proper list
 * of nothing but such tuples counts (the last one wins); anything else there
 * and the options are ignored.
 */
function errorInfoOption(opts: Term): Term | undefined {
  let l = opts;
  let found: Term | undefined;
  while (l instanceof Cons) {
    const o = l.hd;
    if (!Array.isArray(o) || o.length !== 2 || o[0] !== 'error_info' || !isMap(o[1])) return undefined;
    found = o;
    l = l.tl;
  }
  return l === NIL ? found : undefined;
}

/** A BIF `M:F(Args)` failed in a body: BEAM shows the BIF frame, then the caller. */
export function bifError(reason: Term, m: Atom, f: Atom, args: Term[], fi: FnInfo, line: number): ErlangError {
  return owned('error', reason, [[m, f, list(args), NIL], frameOf(fi, line)]);
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
  if (raw instanceof ErlangError) return inherit(raw, raw.cls, reason);
  return new ErlangError('error', reason);
}

const CLASSES = new Set<Term>(['error', 'exit', 'throw']);

/**
 * `raw_raise` (x0 class, x1 reason, x2 raw trace): throws; with an invalid
 * class it does not raise and yields `badarg` in x0 instead (as BEAM does).
 */
export function rawRaise(cls: Term, reason: Term, raw: unknown): Term {
  if (!CLASSES.has(cls)) return 'badarg';
  if (raw instanceof ErlangError) throw inherit(raw, cls as ErrorClass, reason);
  throw new ErlangError(cls as ErrorClass, reason, []);
}

/**
 * A re-raise keeps the caught trace, which already holds the entry of the
 * function re-raising (it was added when the exception reached its handler).
 */
function inherit(raw: ErlangError, cls: ErrorClass, reason: Term): ErlangError {
  const e = new ErlangError(cls, reason, raw.stack.slice());
  e.own = true;
  e.sealed = raw.sealed;
  return e;
}

/** BEAM's default `backtrace_depth`. */
const DEPTH = 8;

/**
 * A compiled function's catch-all: the exception `e` leaves the function
 * `fi` from the call at `line`. Adds the function's stack entry (unless it
 * raised `e` itself) and returns what to re-throw. JS errors (bugs, stack
 * exhaustion) pass through unchanged.
 */
export function addFrame(e: unknown, fi: FnInfo, line: number | undefined): unknown {
  const err = caught(e);
  if (err === undefined) return e;
  // Out of a direct local tail call (TAIL_LN) this function has no frame on BEAM.
  if (err.own || line === TAIL_LN) err.own = false;
  else if (!err.sealed && err.stack.length < DEPTH) err.stack.push(frameOf(fi, lineOf(fi, line)));
  return err;
}

/**
 * The `ln` of a compiled function during a direct local tail call
 * (`return f(p, ...)`): an exception coming out of it adds no entry for this
 * function, as on BEAM, where a tail call leaves no frame. Not a line (>= 0)
 * nor a resume's `-label`.
 */
export const TAIL_LN = -0x40000000;

/** `ln` of a compiled function: a line, or `-label` of the continuation a resume started at. */
function lineOf(fi: FnInfo, line: number | undefined): number {
  if (typeof line !== 'number') return 0;
  return line >= 0 ? line : fi.lines?.get(-line) ?? 0;
}

/** What frameInfo puts on a resume function: the function it continues. */
interface ResumeInfo {
  fi?: FnInfo;
}

/**
 * Record which function a resume function continues and the source line of
 * each of its continuation labels (the call a suspended frame waits on), so
 * that a suspended caller can take its place in a stack trace.
 */
export function frameInfo(resume: unknown, fi: FnInfo, labelLines: number[]): void {
  const r = resume as ResumeInfo;
  const lines = new Map<number, number>();
  for (let i = 0; i + 1 < labelLines.length; i += 2) lines.set(labelLines[i]!, labelLines[i + 1]!);
  r.fi = fi;
  fi.lines = lines;
}

/** A suspended frame on the heap (runtime/process/protocol.ts Frame), as traces read it. */
type HeapFrame = { resume: unknown; label: number };

/** The source line a suspended frame waits at (0 when unknown). */
export function frameLine(fr: HeapFrame): number {
  return (fr.resume as ResumeInfo).fi?.lines?.get(fr.label) ?? 0;
}

/** A heap frame's stack trace entry, or undefined for a frame of no compiled function (an entry frame). */
function heapEntry(fr: HeapFrame): Term[] | undefined {
  const fi = (fr.resume as ResumeInfo).fi;
  return fi === undefined ? undefined : frameOf(fi, frameLine(fr));
}

/** The exception `err` passes a suspended frame without a handler: add its entry. */
export function addHeapFrame(err: ErlangError, fr: HeapFrame): void {
  if ((fr.resume as ResumeInfo).fi === undefined) return;
  if (err.own) err.own = false;
  else if (!err.sealed && err.stack.length < DEPTH) err.stack.push(heapEntry(fr)!);
}

/**
 * `build_stacktrace` in a handler: the list form of the trace. The trace
 * holds the functions the exception passed through, up to the handler's; to
 * add the handler's callers, as BEAM's trace has them, this asks for the
 * process to be suspended (every caller saves its frame) and the scheduler
 * completes the trace from the frames (`completeTrace`) and resumes the
 * handler with it.
 */
export function stacktraceOf(p: TraceRequester, raw: unknown): Term | typeof SUSPEND {
  if (!(raw instanceof ErlangError)) return NIL;
  if (raw.sealed || raw.stack.length >= DEPTH) return list(raw.stack);
  p.traceOf = raw;
  p.traceWrap = undefined;
  return SUSPEND;
}

interface TraceRequester {
  traceOf: ErlangError | undefined;
  traceWrap: ((trace: Term) => Term) | undefined;
}

/**
 * `catch_end`: `x0` when the expression returned, else the value of the
 * `catch` for the exception (x1 reason, x2 raw trace, x3 class); for an
 * error, `{'EXIT', {Reason, Stack}}` with the whole trace (see stacktraceOf).
 */
export function catchEnd(p: TraceRequester, x0: Term, reason: Term, raw: Term, cls: Term): Term | typeof SUSPEND {
  if (x0 !== (NONE as unknown as Term)) return x0;
  const e = raw as unknown as ErlangError;
  if (cls !== 'error' || !(e instanceof ErlangError) || e.sealed || e.stack.length >= DEPTH) {
    return catchValue(reason, raw, cls);
  }
  p.traceOf = e;
  p.traceWrap = (trace) => ['EXIT', [reason, trace]];
  return SUSPEND;
}

/**
 * The stack trace of heap frames (outermost first), innermost entry first, up
 * to BEAM's depth: `process_info(P, current_stacktrace)`.
 */
export function heapTrace(stack: readonly HeapFrame[]): Term {
  const out: Term[] = [];
  // Like erts: the current function, then one entry per run of frames that
  // return to the same place (the calls of a body recursion).
  let prev: HeapFrame | undefined;
  for (let i = stack.length - 1; i >= 0 && out.length < DEPTH; i--) {
    const fr = stack[i]!;
    const entry = heapEntry(fr);
    if (entry === undefined) continue;
    if (out.length > 0) {
      if (prev !== undefined && prev.resume === fr.resume && prev.label === fr.label) continue;
      prev = fr;
    }
    out.push(entry);
  }
  return list(out);
}

/**
 * Complete `err`'s trace with the callers in `stack` (heap frames, the last
 * the innermost; that one is the handler's own frame, already in the trace)
 * and seal it: a re-raise keeps it whole.
 */
export function completeTrace(err: ErlangError, stack: readonly HeapFrame[]): Term {
  for (let i = stack.length - 2; i >= 0 && err.stack.length < DEPTH; i--) {
    const entry = heapEntry(stack[i]!);
    if (entry !== undefined) err.stack.push(entry);
  }
  err.sealed = true;
  err.own = false;
  return list(err.stack);
}
