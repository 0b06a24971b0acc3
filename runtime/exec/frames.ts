/**
 * Suspension and resumption glue for compiled functions (DESIGN.md §3).
 *
 * Suspending: a compiled function that runs out of reductions at its entry
 * saves an *entry frame* (`suspendEntry`), resumed by calling the function
 * again with the saved arguments. A call site whose callee returned SUSPEND
 * saves a frame naming its continuation label and its live y registers.
 *
 * Resuming a call-site frame re-enters the compiled function through its
 * ordinary entry, without an extra parameter and without a test on the fast
 * path: the resumer parks the frame in `RS`, sets the reduction budget to
 * 0 and calls the function. Its entry check `if (--p.reds <= 0)` is then
 * taken; the slow branch finds the parked frame (`takeResume`), restores
 * the budget and the y registers, and jumps to the frame's label. Nothing
 * else runs between parking and taking (JS is single-threaded and the call
 * is immediate), so one module-level slot is enough.
 */
import { Frame, SUSPEND, type ErlangError, type ErlFn, type ResumeFn } from '../process/protocol.js';
import type { Term } from '../terms/types.js';

/** The parked resume state (see the file comment). */
export const RS: {
  frame: Frame | null;
  value: Term | undefined;
  error: ErlangError | undefined;
  reds: number;
} = { frame: null, value: undefined, error: undefined, reds: 0 };

/** An entry frame: `y` is `[fn, ...args]`. */
const resumeEntry: ResumeFn = (p, frame) => {
  const y = frame.y;
  const fn = y[0] as ErlFn;
  switch (y.length) {
    case 1: return fn(p);
    case 2: return fn(p, y[1]);
    case 3: return fn(p, y[1], y[2]);
    case 4: return fn(p, y[1], y[2], y[3]);
    default: return fn(p, ...y.slice(1));
  }
};

/** Save an entry frame (`fnAndArgs` = `[fn, ...args]`) and return SUSPEND. */
export function suspendEntry(p: { save(f: Frame): void }, fnAndArgs: unknown[]): typeof SUSPEND {
  p.save(new Frame(resumeEntry, 0, fnAndArgs, false));
  return SUSPEND;
}

const resumers = new WeakMap<ErlFn, ResumeFn>();

/** The ResumeFn of a compiled function (one per function, made at module load). */
export function resumer(fn: ErlFn): ResumeFn {
  let r = resumers.get(fn);
  if (r === undefined) {
    r = (p, frame, value, error) => {
      RS.frame = frame;
      RS.value = value;
      RS.error = error;
      RS.reds = p.reds;
      p.reds = 0;
      return fn(p);
    };
    resumers.set(fn, r);
  }
  return r;
}

/**
 * Called in the slow branch of a function's entry check: the parked frame
 * (and the budget restored) when this is a resume, else null.
 */
export function takeResume(p: { reds: number }): Frame | null {
  const f = RS.frame;
  if (f === null) return null;
  RS.frame = null;
  p.reds = RS.reds;
  return f;
}

/** The value the resumed call returned (x0 at the continuation). */
export function resumeValue(): Term | undefined {
  const v = RS.value;
  RS.value = undefined;
  return v;
}

/** The error to deliver to the resumed frame's handler, if any. */
export function resumeError(): ErlangError | undefined {
  const e = RS.error;
  RS.error = undefined;
  return e;
}

/** Shared empty y array for frames of functions without y registers. */
export const NO_Y: readonly Term[] = Object.freeze([]);

export { Frame, SUSPEND };
