/**
 * Entry frames: the bottom frame of a new process (or of a hibernated one)
 * starts its first call as a tail call, so that the call runs in the
 * scheduler's trampoline like any other.
 */
import type { Frame, ErlFn, Result } from './protocol.js';
import { applyTail, tailCallFun } from './modules.js';
import type { Process } from './process.js';
import type { Term } from '../terms/types.js';

/** `y = [fn, args]`: calls the compiled function `fn(p, ...args)`. */
export const startFn = (p: Process, f: Frame): Result => p.tail(f.y[0] as ErlFn, f.y[1] as Term[]);

/** `y = [M, F, Args]`: applies `M:F(Args)` through the module registry. */
export const startApply = (p: Process, f: Frame): Result => applyTail(p, f.y[0], f.y[1], f.y[2]);

/** `y = [Fun]`: calls a fun with no arguments. */
export const startFun = (p: Process, f: Frame): Result => tailCallFun(p, f.y[0], []);
