/**
 * The scheduler: one run queue, round robin, a slice of CONTEXT_REDS
 * reductions per process.
 *
 * A slice resumes the process's innermost frame and feeds each frame's result
 * to the next one out (./protocol.ts): TAIL is run with `p.runTail()`, SUSPEND
 * ends the slice (the frames saved while unwinding move onto the heap stack),
 * and a thrown exception pops frames until one with an active handler, whose
 * resume gets the error. No handler left: the process exits with BEAM's exit
 * reason for it. A JS exception that is not an ErlangError is a bug in
 * compiled code or a BIF; it becomes an Erlang error of that process only.
 *
 * Turns: the scheduler runs slices for about SLICE_MS milliseconds, then gives
 * the JS event loop a turn (setImmediate in Node, a MessageChannel in
 * browsers) so I/O, timers and JS callers proceed. With nothing runnable it
 * sleeps until the earliest timer (one JS setTimeout), waits for pending JS
 * promises, or, when every process waits with no timer pending, stops and
 * resolves the promise `run()` returned.
 */
import { CONTEXT_REDS, type ProcStatus } from './types.js';
import { ErlangError, SUSPEND, TAIL, type Frame, type Result } from './protocol.js';
import { exitReasonOf, isLoggedClass, toErlangError } from './errors.js';
import { addHeapFrame, completeTrace } from '../exec/errors.js';
import { drainExits, scheduleExit } from './signals.js';
import { nowMs } from './time.js';
import type { Process } from './process.js';
import type { Runtime } from './runtime.js';
import type { Term } from '../terms/types.js';

/** How long one turn runs slices before yielding to the JS event loop. */
export const SLICE_MS = 5;

/** JS's setTimeout limit (a longer delay fires at once). */
const MAX_JS_DELAY = 2 ** 31 - 1;

type Phase = 'stopped' | 'active' | 'idle';

function hostYield(): (cb: () => void) => void {
  if (typeof setImmediate === 'function') return (cb) => void setImmediate(cb);
  if (typeof MessageChannel === 'function') {
    const ch = new MessageChannel();
    const pending: (() => void)[] = [];
    (ch.port1 as unknown as { onmessage: () => void }).onmessage = () => pending.shift()?.();
    return (cb) => {
      pending.push(cb);
      ch.port2.postMessage(0);
    };
  }
  return (cb) => void setTimeout(cb, 0);
}

/** Pop frames down to one with an active handler; the others join `err`'s stack trace. */
function popHandler(stack: Frame[], err: ErlangError): Frame | undefined {
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.handler) return f;
    addHeapFrame(err, f);
  }
  return undefined;
}

export class Scheduler {
  private queue: Process[] = [];
  private head = 0;
  private phase: Phase = 'stopped';
  private sleepTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private done: Promise<unknown> | undefined = undefined;
  private resolveDone: (() => void) | undefined = undefined;
  private readonly yieldToHost = hostYield();

  constructor(private readonly rt: Runtime) {}

  /** Number of processes in the run queue. */
  get runnable(): number {
    return this.queue.length - this.head;
  }

  get running(): boolean {
    return this.phase !== 'stopped';
  }

  enqueue(p: Process): void {
    if (p.inQueue) return;
    p.inQueue = true;
    this.queue.push(p);
  }

  private dequeue(): Process | undefined {
    if (this.head >= this.queue.length) return undefined;
    const p = this.queue[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    p.inQueue = false;
    return p;
  }

  /** Start scheduling (if stopped); resolves when the runtime is idle or halted. */
  run(): Promise<unknown> {
    if (this.phase === 'stopped') {
      this.done = new Promise<void>((resolve) => (this.resolveDone = resolve));
      this.phase = 'active';
      this.yieldToHost(this.turn);
    }
    return this.done!;
  }

  /** Something became runnable, or a timer or promise changed: wake up if asleep. */
  kick(): void {
    if (this.phase !== 'idle') return;
    if (this.sleepTimer !== undefined) clearTimeout(this.sleepTimer);
    this.sleepTimer = undefined;
    this.phase = 'active';
    this.yieldToHost(this.turn);
  }

  private finish(): void {
    if (this.sleepTimer !== undefined) clearTimeout(this.sleepTimer);
    this.sleepTimer = undefined;
    this.phase = 'stopped';
    const r = this.resolveDone;
    this.resolveDone = undefined;
    r?.();
  }

  private readonly turn = (): void => {
    const rt = this.rt;
    if (this.phase !== 'active') return;
    if (rt.halted !== undefined) return this.finish();
    const start = nowMs();
    let now = start;
    let slices = 0;
    for (;;) {
      if (rt.timers.size > 0) rt.fireTimers(now);
      const p = this.dequeue();
      if (p === undefined) break;
      if (p.status !== 'runnable') continue;
      this.runProcess(p);
      if (rt.halted !== undefined) return this.finish();
      // Reading the clock costs more than a short slice: look every few slices.
      if ((++slices & 7) !== 0 && rt.timers.size === 0) continue;
      now = nowMs();
      if (now - start >= SLICE_MS) {
        this.yieldToHost(this.turn);
        return;
      }
    }
    this.sleep();
  };

  /** Nothing runnable: wait for the next timer or promise, or stop. */
  private sleep(): void {
    const rt = this.rt;
    const next = rt.timers.peek();
    const housekeepingOnly = next !== undefined && rt.background.size > 0 && rt.pendingExternal === 0 &&
      rt.timers.every((t) => t.kind === 'receive' && rt.background.has((t.owner as Process).pid.id));
    if (next !== undefined && !housekeepingOnly) {
      this.phase = 'idle';
      const delay = Math.min(MAX_JS_DELAY, Math.max(0, Math.ceil(next.at - nowMs())));
      this.sleepTimer = setTimeout(() => {
        this.sleepTimer = undefined;
        this.kick();
      }, delay);
    } else if (rt.pendingExternal > 0) {
      this.phase = 'idle';
    } else {
      this.finish();
    }
  }

  /** Run one slice of `p`. */
  private runProcess(p: Process): void {
    const rt = this.rt;
    rt.current = p;
    p.status = 'running';
    p.reds = CONTEXT_REDS;
    const stack = p.stack;
    let value: Term | undefined = p.resumeValue;
    p.resumeValue = undefined;
    let err: ErlangError | undefined;
    for (;;) {
      let r: Result;
      try {
        if (err === undefined) {
          const f = stack.pop();
          if (f === undefined) {
            scheduleExit(rt, p, 'normal');
            break;
          }
          r = f.resume(p, f, value);
        } else {
          const f = popHandler(stack, err);
          if (f === undefined) {
            this.uncaught(p, err);
            break;
          }
          const e = err;
          err = undefined;
          r = f.resume(p, f, undefined, e);
        }
        if (r === TAIL) r = p.runTail();
      } catch (e) {
        err = toErlangError(e);
        p.saved.length = 0;
        p.tailFn = undefined;
        if ((p.status as ProcStatus) === 'exiting') break;
        continue;
      }
      if ((p.status as ProcStatus) === 'exiting') break;
      if (r === SUSPEND) {
        this.spill(p);
        const unwound = p.onUnwound;
        if (unwound !== undefined && (p.status as ProcStatus) === 'running') {
          p.onUnwound = undefined;
          value = unwound(stack);
          continue;
        }
        const traced = p.traceOf;
        if (traced !== undefined && (p.status as ProcStatus) === 'running') {
          // A handler asked for its exception's full stack trace: its
          // callers are on the heap now; resume it with the trace.
          const wrap = p.traceWrap;
          p.traceOf = undefined;
          p.traceWrap = undefined;
          const trace = completeTrace(traced, stack);
          value = wrap === undefined ? trace : wrap(trace);
          continue;
        }
        break;
      }
      value = r as Term;
      // Returns cost nothing in compiled code; bound a long unwinding chain here.
      if (--p.reds <= 0) {
        p.resumeValue = value;
        break;
      }
    }
    p.totalReds += CONTEXT_REDS - p.reds;
    rt.current = undefined;
    this.afterSlice(p);
  }

  private afterSlice(p: Process): void {
    const status = p.status as ProcStatus;
    if (status === 'exiting') {
      if (p.saved.length > 0) p.saved.length = 0;
      this.rt.exitQueue.push(p);
      drainExits(this.rt);
    } else if (p.hibernateTo !== undefined) {
      this.rt.enterHibernation(p);
    } else if (status === 'running') {
      p.status = 'runnable';
      this.enqueue(p);
    }
  }

  /** Move the frames saved while unwinding onto the heap stack. */
  private spill(p: Process): void {
    const s = p.saved;
    const st = p.stack;
    // Outermost first; pop rather than `length = 0` (a runtime call, ~5% of the ring).
    while (s.length > 0) st.push(s.pop()!);
  }

  private uncaught(p: Process, e: ErlangError): void {
    p.uncaught = e;
    const reason = exitReasonOf(e);
    if (isLoggedClass(e.cls)) this.rt.logCrash(p, reason);
    scheduleExit(this.rt, p, reason);
  }
}
