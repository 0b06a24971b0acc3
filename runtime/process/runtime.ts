/**
 * The runtime: process table, names, aliases, timers, module registry and
 * scheduler, and the public entry `createRuntime(opts)` for JS.
 *
 *   const rt = createRuntime({ stdout: (s) => out.push(s) });
 *   rt.modules.registerModule('m', { 'main/0': main });
 *   const pid = rt.spawn(main, []);
 *   await rt.run();               // until every process waits with no timer, or halt
 *   const v = await rt.call('m', 'f', [1]);   // run m:f(1) in a new process
 */
import type { PortEntry } from './ports.js';
import { Frame, ErlangError, SUSPEND, type ErlFn, type Result } from './protocol.js';
import { ModuleRegistry } from './modules.js';
import { startApply, startFn } from './entry.js';
import { Process } from './process.js';
import { RefFactory, UniqueIntegers, refKey, type RefKey } from './refs.js';
import { Scheduler } from './scheduler.js';
import { deliver, linkNew, send, samePid } from './signals.js';
import { fromNanos, nowMs, systemNanos } from './time.js';
import { Timer, TimerHeap } from './timers.js';
import { toErlangError } from './errors.js';
import type { HostOptions } from './host.js';
import type { Alias, HaltStatus } from './types.js';
import { processBifs } from '../bifs/erlang-process.js';
import { formatW } from '../terms/print.js';
import { mapFromEntries } from '../terms/map.js';
import { Pid, charlist, list, type Atom, type Ref, type Term } from '../terms/types.js';

export interface RuntimeOptions {
  /** Where standard output goes (default: process.stdout in Node, else console). */
  stdout?: (text: string) => void;
  /** Where standard error and crash reports go. */
  stderr?: (text: string) => void;
  /**
   * Raw bytes to standard output or error (what Erlang's I/O servers write);
   * without it, bytes are decoded (UTF-8 when valid, else latin1) and go to
   * `stdout`/`stderr`.
   */
  writeBytes?: (stream: 'stdout' | 'stderr', bytes: Uint8Array) => void;
  /** Print BEAM's "Error in process ..." report for crashes (default true). */
  logCrashes?: boolean;
  /** This node's name (default `nonode@nohost`). */
  node?: Atom;
  /** Seed of the random word in references (default: random). */
  refSeed?: number;
  /** Group leader of processes spawned from JS. */
  groupLeader?: Pid;
  /** What the host provides: code path, standard input, init's arguments. */
  host?: HostOptions;
}

export interface SpawnOptions {
  /** The spawning process (sets parent and group leader). */
  parent?: Process | undefined;
  /** Link the new process to `parent`. */
  link?: boolean;
  groupLeader?: Pid | undefined;
  /** `{M, F, A}` reported by process_info(P, initial_call). */
  initialCall?: Term;
  priority?: Atom;
  /**
   * The host reports this process's crash itself (not logger, not the
   * runtime): `beamjs run`'s main, whose report must be out before the host
   * exits.
   */
  onCrash?: (pid: Pid, reason: Term) => void;
}

interface Awaited {
  state: 'pending' | 'ok' | 'error';
  value: unknown;
  then: ((v: unknown) => Result) | undefined;
}

const resumeAwait = (_p: Process, f: Frame): Result => {
  const box = f.y[0] as Awaited;
  if (box.state === 'error') throw toErlangError(box.value);
  return box.then !== undefined ? box.then(box.value) : (box.value as Term);
};

function defaultWriter(stream: 'stdout' | 'stderr'): (s: string) => void {
  const proc = (globalThis as { process?: { stdout?: { write(s: string): void }; stderr?: { write(s: string): void } } }).process;
  const out = proc?.[stream];
  if (out !== undefined) return (s) => out.write(s);
  return stream === 'stdout' ? (s) => console.log(s) : (s) => console.error(s);
}

export class Runtime {
  readonly node: Atom;
  readonly modules = new ModuleRegistry();
  /** Live processes (and exiting ones until their exit is finished), by pid id. */
  readonly procs = new Map<number, Process>();
  readonly names = new Map<Atom, Process>();
  readonly aliases = new Map<RefKey, Alias>();
  readonly timers = new TimerHeap();
  /** send_after / start_timer timers by their reference. */
  readonly timerRefs = new Map<RefKey, Timer>();
  readonly refs: RefFactory;
  readonly uniq = new UniqueIntegers();
  readonly sched: Scheduler;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly writeBytes: ((stream: 'stdout' | 'stderr', bytes: Uint8Array) => void) | undefined;
  readonly logCrashes: boolean;
  readonly groupLeader: Pid | undefined;
  readonly host: HostOptions;

  /** The process whose code is running now. */
  current: Process | undefined = undefined;
  /** Set by halt/1: the scheduler stops. */
  halted: HaltStatus | undefined = undefined;
  /** Processes waiting on JS promises, and ports whose program runs. */
  pendingExternal = 0;
  /** Open ports by id (./ports.ts). */
  readonly ports = new Map<number, PortEntry>();
  nextPortId = 0;
  /**
   * Pids of housekeeping processes (erl_prim_loader's idle timeout): their
   * receive timers alone do not keep the scheduler from stopping when
   * everything else waits (beamjs:set_background/1).
   */
  readonly background = new Set<number>();
  /** Where the running process saves frames while unwinding (Process.saved). */
  readonly savedFrames: Frame[] = [];
  /** Exits to finish (see signals.ts). */
  readonly exitQueue: Process[] = [];
  drainingExits = false;

  private nextPid = 0;
  private readonly exitObservers = new Map<number, ((reason: Term, p: Process) => void)[]>();

  constructor(opts: RuntimeOptions = {}) {
    this.node = opts.node ?? 'nonode@nohost';
    this.refs = new RefFactory(opts.refSeed);
    this.stdout = opts.stdout ?? defaultWriter('stdout');
    this.stderr = opts.stderr ?? defaultWriter('stderr');
    this.writeBytes = opts.writeBytes;
    this.logCrashes = opts.logCrashes ?? true;
    this.groupLeader = opts.groupLeader;
    this.host = opts.host ?? {};
    this.sched = new Scheduler(this);
    this.modules.extendModule('erlang', processBifs);
  }

  // ---- processes ----

  /** Create a process whose stack is `frames` (outermost first); it is runnable. */
  newProcess(frames: Frame[], opts: SpawnOptions = {}): Process {
    const parent = opts.parent;
    const pid = new Pid(this.nextPid++, 0, this.node);
    const gl = opts.groupLeader ?? parent?.groupLeader ?? this.groupLeader;
    const p = new Process(this, pid, opts.initialCall ?? ['erlang', 'apply', 2], parent?.pid, gl);
    p.stack = frames;
    if (opts.priority !== undefined) p.priority = opts.priority;
    if (opts.onCrash !== undefined) p.onCrash = opts.onCrash;
    this.procs.set(pid.id, p);
    if (opts.link && parent !== undefined) linkNew(parent, p);
    this.sched.enqueue(p);
    this.sched.kick();
    return p;
  }

  /** Spawn a process running the compiled function `fn(p, ...args)`. */
  spawn(fn: ErlFn, args: Term[] = [], opts: SpawnOptions = {}): Pid {
    return this.newProcess([new Frame(startFn, 0, [fn, args])], opts).pid;
  }

  /** Spawn a process applying `M:F(Args)` through the module registry. */
  spawnApply(m: Atom, f: Atom, args: Term[], opts: SpawnOptions = {}): Pid {
    const initialCall = opts.initialCall ?? [m, f, args.length];
    return this.newProcess([new Frame(startApply, 0, [m, f, args])], { ...opts, initialCall }).pid;
  }

  /** The live process `pid` names, or undefined (dead, exiting, remote, not a pid). */
  processOf(pid: Term): Process | undefined {
    if (!(pid instanceof Pid)) return undefined;
    const p = this.procs.get(pid.id);
    if (p === undefined || !p.isAlive) return undefined;
    return p.pid === pid || samePid(p.pid, pid) ? p : undefined;
  }

  isAlive(pid: Term): boolean {
    return this.processOf(pid) !== undefined;
  }

  whereis(name: Atom): Pid | undefined {
    return this.names.get(name)?.pid;
  }

  /** Live pids in creation order. */
  processes(): Pid[] {
    const out: Pid[] = [];
    for (const p of this.procs.values()) if (p.isAlive) out.push(p.pid);
    return out;
  }

  /** `Dest ! Msg` from JS (no sending process). Raises badarg like `!`. */
  send(dest: Term, msg: Term): void {
    send(this, dest, msg);
  }

  /** Monitor `pid` from JS: `cb(reason)` runs once when it exits. False if not alive. */
  onExit(pid: Pid, cb: (reason: Term, p: Process) => void): boolean {
    const p = this.processOf(pid);
    if (p === undefined) return false;
    const list = this.exitObservers.get(pid.id);
    if (list === undefined) this.exitObservers.set(pid.id, [cb]);
    else list.push(cb);
    return true;
  }

  notifyExit(p: Process, reason: Term): void {
    const list = this.exitObservers.get(p.pid.id);
    if (list === undefined) return;
    this.exitObservers.delete(p.pid.id);
    for (const cb of list) {
      // A failing JS observer must not take the scheduler down with it.
      try {
        cb(reason, p);
      } catch (e) {
        this.stderr(`beamjs: exit observer of ${pidText(p.pid)} threw: ${String(e)}\n`);
      }
    }
  }

  /**
   * Run `M:F(Args)` in a new process; settles with its return value, or
   * rejects with the ErlangError that ended it (an `exit` error for a process
   * killed by a signal). Starts the scheduler if it is stopped.
   */
  call(m: Atom, f: Atom, args: Term[], opts: SpawnOptions = {}): Promise<Term> {
    return new Promise<Term>((resolve, reject) => {
      let result: Term | undefined;
      const capture = new Frame((_p, _f, v) => (result = v as Term), 0, []);
      const start = new Frame(startApply, 0, [m, f, args]);
      const p = this.newProcess([capture, start], { initialCall: [m, f, args.length], ...opts });
      this.onExit(p.pid, (reason, proc) => {
        if (reason === 'normal' && result !== undefined) resolve(result);
        else reject(proc.uncaught instanceof ErlangError ? proc.uncaught : new ErlangError('exit', reason));
      });
      void this.run();
    });
  }

  // ---- scheduling ----

  /** Run until every process waits and no timer is pending, or halt. */
  async run(): Promise<HaltStatus | undefined> {
    await this.sched.run();
    return this.halted;
  }

  makeRunnable(p: Process): void {
    p.status = 'runnable';
    p.waitKind = 'none';
    this.sched.enqueue(p);
    this.sched.kick();
  }

  /** erlang:halt/1: stop scheduling; run() resolves with `status`. */
  halt(status: HaltStatus): void {
    this.halted = status;
    this.sched.kick();
  }

  /** Act on erlang:hibernate/3: drop the stack, wait for a message, then apply M:F(A). */
  enterHibernation(p: Process): void {
    const [m, f, args] = p.hibernateTo!;
    p.hibernateTo = undefined;
    p.saved.length = 0;
    p.stack = [new Frame(startApply, 0, [m, f, args])];
    p.resumeValue = undefined;
    p.resetSavePointer();
    if (p.queueLength > 0) this.makeRunnable(p);
    else {
      p.status = 'waiting';
      p.waitKind = 'hibernate';
    }
  }

  /**
   * Suspend `p` until `promise` settles (a BIF or FFI call that blocks). The
   * caller returns the SUSPEND this returns; the frame saved here resumes with
   * the value (or `then(value)`), or raises the rejection as an Erlang error.
   */
  awaitPromise(p: Process, promise: PromiseLike<unknown>, then?: (v: unknown) => Result): typeof SUSPEND {
    const box: Awaited = { state: 'pending', value: undefined, then };
    p.status = 'waiting';
    p.waitKind = 'external';
    this.pendingExternal++;
    p.save(new Frame(resumeAwait, 0, [box]));
    const settle = (state: 'ok' | 'error', v: unknown): void => {
      box.state = state;
      box.value = v;
      this.pendingExternal--;
      if (p.status === 'waiting' && p.waitKind === 'external') this.makeRunnable(p);
      else this.sched.kick();
    };
    promise.then(
      (v) => settle('ok', v),
      (e) => settle('error', e),
    );
    return SUSPEND;
  }

  // ---- timers ----

  armReceiveTimer(p: Process, ms: number): Timer {
    const t = new Timer(nowMs() + ms, this.timers.nextSeq(), 'receive', p, undefined, undefined, undefined, undefined);
    this.timers.add(t);
    return t;
  }

  /**
   * send_after / start_timer: `at` is the expiry in monotonic milliseconds.
   * A timer to a pid that is not alive is created already cancelled (BEAM).
   */
  startTimer(kind: 'send' | 'timeout', at: number, dest: Term, msg: Term): Ref {
    const ref = this.refs.make();
    let owner: Process | undefined;
    if (dest instanceof Pid) {
      owner = this.processOf(dest);
      if (owner === undefined) return ref;
    }
    const t = new Timer(at, this.timers.nextSeq(), kind, owner, dest, msg, ref, undefined);
    this.timers.add(t);
    this.timerRefs.set(refKey(ref), t);
    if (owner !== undefined) (owner.destTimers ??= new Set()).add(t);
    this.sched.kick();
    return ref;
  }

  /** Cancel a timer (any kind); true if it was pending. */
  cancelTimer(t: Timer): boolean {
    const was = this.timers.remove(t);
    if (t.ref !== undefined) this.timerRefs.delete(refKey(t.ref));
    if (t.kind !== 'receive' && t.owner !== undefined) (t.owner as Process).destTimers?.delete(t);
    return was;
  }

  /** Milliseconds left on the timer `ref` (rounded up), or undefined when none. */
  timerLeft(ref: Ref): number | undefined {
    const t = this.timerRefs.get(refKey(ref));
    if (t === undefined) return undefined;
    return Math.max(0, Math.ceil(t.at - nowMs()));
  }

  /** Fire every timer due at `now`. */
  fireTimers(now: number): void {
    for (let t = this.timers.popExpired(now); t !== undefined; t = this.timers.popExpired(now)) {
      this.fire(t);
    }
  }

  private fire(t: Timer): void {
    if (t.kind === 'receive') {
      const p = t.owner as Process;
      if (p.recvTimer !== t) return;
      p.recvTimer = undefined;
      p.timeoutFired = true;
      if (p.status === 'waiting' && p.waitKind === 'receive') this.makeRunnable(p);
      return;
    }
    if (t.kind === 'js') return t.callback!();
    this.timerRefs.delete(refKey(t.ref!));
    const owner = t.owner as Process | undefined;
    owner?.destTimers?.delete(t);
    const msg = t.kind === 'timeout' ? ['timeout', t.ref!, t.msg!] : t.msg!;
    const dest = owner ?? (typeof t.dest === 'string' ? this.names.get(t.dest) : undefined);
    if (dest !== undefined) deliver(this, dest, msg);
  }

  // ---- reporting ----

  /** BEAM's crash report for a process that died of an uncaught error or throw. */
  logCrash(p: Process, reason: Term): void {
    // With logger running, erts hands the report to it (the process
    // registered as `logger`) and logger's handlers print it.
    if (p.onCrash !== undefined) {
      p.onCrash(p.pid, reason);
      return;
    }
    const format = 'Error in process ~p with exit value:~n~p~n';
    if (this.logEmulatorError(format, [p.pid, reason], p.pid, p.groupLeader ?? p.pid)) return;
    if (!this.logCrashes) return;
    let text: string;
    try {
      text = formatW(reason);
    } catch {
      text = '<unprintable>';
    }
    this.stderr(crashReport(p.pid, text));
  }

  /**
   * An error report from the emulator itself, handed to logger as erts does
   * (`{log, error, Format, Args, Meta}`); false when logger is not running.
   */
  logEmulatorError(format: string, args: Term[], pid: Pid | undefined, gl: Pid | undefined): boolean {
    const logger = this.names.get('logger');
    if (logger === undefined || !logger.isAlive) return false;
    const meta = mapFromEntries([
      ['error_logger', mapFromEntries([['emulator', 'true'], ['tag', 'error']])],
      ...(gl !== undefined ? [['gl', gl] as [Term, Term]] : []),
      ...(pid !== undefined ? [['pid', pid] as [Term, Term]] : []),
      ['time', fromNanos(systemNanos(), 1_000_000)],
    ]);
    deliver(this, logger, ['log', 'error', charlist(format), list(args), meta]);
    return true;
  }
}

/** erts's report of a process that died of an uncaught exception, `reason` printed as `text`. */
export function crashReport(pid: Pid, text: string): string {
  return errorReport(`Error in process ${pidText(pid)} with exit value:\n${text}\n`);
}

/** An `=ERROR REPORT====` as erts prints it when logger is not running. */
export function errorReport(text: string): string {
  return `=ERROR REPORT==== ${reportDate(new Date())} ===\n${text}\n`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function reportDate(d: Date): string {
  const date = `${pad(d.getDate())}-${MONTHS[d.getMonth()]}-${d.getFullYear()}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds() * 1000, 6)}`;
  return `${date}::${time}`;
}

const pidText = (p: Pid): string => `<0.${p.id}.${p.serial}>`;

/** Create a runtime (the process BIFs are registered in its `erlang` module). */
export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  return new Runtime(opts);
}
