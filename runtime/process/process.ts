/**
 * A process: identity, reduction budget, heap frames, tail-call slot, status,
 * mailbox (./mailbox.ts), links, monitors, process dictionary and flags.
 *
 * Frames: when compiled code returns SUSPEND, each function on the native stack
 * has called `p.save(frame)`, innermost first. The scheduler then moves
 * `saved` onto `stack` (whose last element is the innermost frame) and later
 * resumes from the top. See ./protocol.ts for the contract.
 */
import { Mailbox } from './mailbox.js';
import { TAIL, type ErlangError, type ErlFn, type Frame, type Result } from './protocol.js';
import type { Timer } from './timers.js';
import type { Runtime } from './runtime.js';
import type { Monitor, ProcStatus, WaitKind } from './types.js';
import type { RefKey } from './refs.js';
import { TermMap } from '../terms/termmap.js';
import type { Atom, Pid, Term } from '../terms/types.js';

const NO_ARGS: Term[] = [];

export class Process extends Mailbox {
  /** Reductions left in the current slice; compiled code decrements it. */
  reds = 0;
  /** Reductions spent before the current slice (`process_info(P, reductions)`). */
  totalReds = 0;
  /** A pending tail call (set with `tailArgs` before returning TAIL). */
  tailFn: ErlFn | undefined = undefined;
  tailArgs: any[] = NO_ARGS;
  /**
   * Frames saved during the current unwinding, innermost first. Only the
   * running process unwinds, so every process shares its runtime's array.
   */
  readonly saved: Frame[];
  /** Suspended activations; the last element is the innermost. */
  stack: Frame[] = [];
  /** The value to feed the top frame on the next slice (a return in flight). */
  resumeValue: Term | undefined = undefined;

  status: ProcStatus = 'runnable';
  waitKind: WaitKind = 'none';
  /** True while the process sits in the run queue. */
  inQueue = false;

  trapExit = false;
  priority: Atom = 'normal';
  /** Linked processes by pid id (all local), and ports by `portLinkKey(id)` (negative). */
  links: Map<number, Pid> | undefined = undefined;
  /** Monitors this process set up, by ref key. */
  monitors: Map<RefKey, Monitor> | undefined = undefined;
  /** Monitors others hold on this process, by ref key. */
  monitoredBy: Map<RefKey, Monitor> | undefined = undefined;
  /** Keys of aliases this process owns (see Runtime.aliases). */
  aliases: Set<RefKey> | undefined = undefined;
  /** Timers whose destination is this process (cancelled when it exits). */
  destTimers: Set<Timer> | undefined = undefined;
  private dict: TermMap<Term> | undefined = undefined;
  /** Other process flags (`error_handler`, `min_heap_size`, ...) by name. */
  flags: Map<Atom, Term> | undefined = undefined;

  name: Atom | undefined = undefined;
  groupLeader: Pid | undefined;
  /** The exit reason, once the process is exiting. */
  exitReason: Term | undefined = undefined;
  /** The uncaught exception that ended the process, if any. */
  uncaught: unknown = undefined;
  /** Who reports this process's crash, when the host does (SpawnOptions.onCrash). */
  onCrash: ((pid: Pid, reason: Term) => void) | undefined = undefined;
  /**
   * A BIF that returned SUSPEND to see the whole stack on the heap: called
   * with it once unwound; its result is the BIF's value.
   */
  onUnwound: ((stack: readonly Frame[]) => Term) | undefined = undefined;
  /** An exception whose stack trace a handler asked for (runtime/exec/errors.ts stacktraceOf). */
  traceOf: ErlangError | undefined = undefined;
  /** What the handler wants made of that trace (the value of an old-style catch). */
  traceWrap: ((trace: Term) => Term) | undefined = undefined;
  /** Set by erlang:hibernate/3 until the scheduler acts on it. */
  hibernateTo: [Atom, Atom, Term[]] | undefined = undefined;

  constructor(
    public readonly rt: Runtime,
    public readonly pid: Pid,
    /** `{M, F, A}` as `process_info(P, initial_call)` reports it. */
    public readonly initialCall: Term,
    public readonly parent: Pid | undefined,
    groupLeader: Pid | undefined,
  ) {
    super();
    this.saved = rt.savedFrames;
    this.groupLeader = groupLeader;
  }

  /** Record a frame while unwinding to SUSPEND (innermost first). */
  save(frame: Frame): void {
    this.saved.push(frame);
  }

  /** Run pending tail calls until a call returns something other than TAIL. */
  runTail(): Result {
    let r: Result;
    do {
      const f = this.tailFn;
      const a = this.tailArgs;
      if (f === undefined) throw new Error('TAIL returned without a pending tail call');
      this.tailFn = undefined;
      switch (a.length) {
        case 0:
          r = f(this);
          break;
        case 1:
          r = f(this, a[0]);
          break;
        case 2:
          r = f(this, a[0], a[1]);
          break;
        case 3:
          r = f(this, a[0], a[1], a[2]);
          break;
        case 4:
          r = f(this, a[0], a[1], a[2], a[3]);
          break;
        default:
          r = f(this, ...a);
      }
    } while (r === TAIL);
    return r;
  }

  /** Request the tail call `fn(p, ...args)`; return the result to the caller. */
  tail(fn: ErlFn, args: any[]): typeof TAIL {
    this.tailFn = fn;
    this.tailArgs = args;
    return TAIL;
  }

  /** The process dictionary (created on first use). */
  get dictionary(): TermMap<Term> {
    return (this.dict ??= new TermMap<Term>());
  }

  /** The process dictionary if it has ever been used. */
  get dictionaryIfAny(): TermMap<Term> | undefined {
    return this.dict;
  }

  get isAlive(): boolean {
    return this.status !== 'exiting' && this.status !== 'exited';
  }

  /** Frames that a resume would continue (for process_info stack_size). */
  get stackDepth(): number {
    return this.stack.length;
  }

  /** All aliases this process owns, for cleanup. */
  ownedAliases(): Iterable<RefKey> {
    return this.aliases ?? [];
  }

  // ---- hooks for the mailbox ----

  protected armReceiveTimer(ms: number): Timer {
    return this.rt.armReceiveTimer(this, ms);
  }

  protected cancelReceiveTimer(t: Timer): void {
    this.rt.cancelTimer(t);
  }

  protected markWaiting(): void {
    this.status = 'waiting';
    this.waitKind = 'receive';
  }
}
