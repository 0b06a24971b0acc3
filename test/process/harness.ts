/**
 * Test harness: write process code as generators that follow the execution
 * protocol exactly as compiled code would — count a reduction at entry, save
 * a Frame and return SUSPEND when a call suspends or a receive waits, run TAIL
 * results with p.runTail(), and let ErlangErrors propagate (frames are saved
 * with `handler: true`, so an error raised after a resume is thrown into the
 * generator, where a JS try/catch plays the Erlang try/catch).
 *
 *   rt.spawn(script(function* (p) {
 *     const pid = yield bif('spawn/1', fun(child));
 *     yield bif('send/2', pid, 'hello');
 *     const m = yield recv((m) => m === 'ok' ? m : undefined, 100);
 *   }));
 */
import { ErlangError, Frame, SUSPEND, TAIL, type ErlFn, type Result } from '../../runtime/process/protocol.js';
import type { Process } from '../../runtime/process/process.js';
import { invoke } from '../../runtime/process/modules.js';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../runtime/process/runtime.js';
import { Cons, Fun, NIL, Pid, type Term } from '../../runtime/terms/types.js';

export const TIMEOUT = Symbol('timeout');

export type Op =
  | { kind: 'call'; fn: ErlFn | string; args: Term[] }
  | { kind: 'recv'; match: (m: Term) => Term | undefined; timeout: Term | undefined };

export type Script = (p: Process) => Generator<Op, Term | void, any>;

/** Call a compiled function (or an `erlang` BIF named "name/arity"). */
export const call = (fn: ErlFn, ...args: Term[]): Op => ({ kind: 'call', fn, args });
export const bif = (name: string, ...args: Term[]): Op => ({ kind: 'call', fn: name, args });
/** Selective receive: the first message `match` maps to a value; TIMEOUT after `timeout`. */
export const recv = (match: (m: Term) => Term | undefined = (m) => m, timeout?: Term): Op => ({
  kind: 'recv',
  match,
  timeout,
});

type Gen = Generator<Op, Term | void, any>;

const resumeGen = (p: Process, f: Frame, value: Term | undefined, error?: ErlangError): Result => {
  const gen = f.y[0] as Gen;
  if (error !== undefined) return step(p, gen, undefined, error);
  if (f.label === 1) {
    const r = receive(p, gen, f.y[1] as Op & { kind: 'recv' });
    return r === SUSPEND ? r : step(p, gen, r, undefined);
  }
  return step(p, gen, value, undefined);
};

function lookupBif(p: Process, name: string): ErlFn {
  const i = name.lastIndexOf('/');
  const fn = p.rt.modules.lookup('erlang', name.slice(0, i), Number(name.slice(i + 1)));
  if (fn === undefined) throw new Error(`no BIF erlang:${name}`);
  return fn;
}

/** Drive the generator until it finishes or must suspend. */
function step(p: Process, gen: Gen, input: unknown, error: ErlangError | undefined): Result {
  for (;;) {
    const it = error !== undefined ? gen.throw(error) : gen.next(input);
    error = undefined;
    if (it.done) return (it.value ?? 'ok') as Term;
    const op = it.value;
    if (op.kind === 'recv') {
      const r = receive(p, gen, op);
      if (r === SUSPEND) return r;
      input = r;
      continue;
    }
    const fn = typeof op.fn === 'string' ? lookupBif(p, op.fn) : op.fn;
    let r: Result;
    try {
      r = invoke(fn, p, op.args);
      if (r === TAIL) r = p.runTail();
    } catch (e) {
      if (!(e instanceof ErlangError)) throw e;
      error = e;
      continue;
    }
    if (r === SUSPEND) {
      p.save(new Frame(resumeGen, 0, [gen], true));
      return SUSPEND;
    }
    input = r;
  }
}

/**
 * The receive loop of compiled code (loop_rec / loop_rec_end / wait /
 * wait_timeout): the matched value, TIMEOUT, or SUSPEND after saving a frame.
 */
function receive(p: Process, gen: Gen, op: Op & { kind: 'recv' }): Term | typeof TIMEOUT | typeof SUSPEND {
  for (;;) {
    const m = p.peekMsg();
    if (m === undefined) break;
    const v = op.match(m);
    if (v !== undefined) {
      p.removeMsg();
      return v;
    }
    p.nextMsg();
  }
  if (op.timeout === undefined) {
    p.save(new Frame(resumeGen, 1, [gen, op], true));
    return p.waitMsg();
  }
  if (p.waitTimeout(op.timeout)) {
    p.timeoutMsg();
    return TIMEOUT;
  }
  p.save(new Frame(resumeGen, 1, [gen, op], true));
  return SUSPEND;
}

/** A compiled-function stand-in running `body` as a process's code. */
export function script(body: Script): ErlFn {
  const entry = (p: Process, ...args: Term[]): Result => {
    if (--p.reds <= 0) {
      p.save(new Frame((q: Process, f: Frame) => entry(q, ...(f.y as Term[])), 0, args));
      return SUSPEND;
    }
    return step(p, body(p) as Gen, undefined, undefined);
  };
  return entry;
}

let funIndex = 0;
/** A local fun term whose code is `fn` (arity = fn's Erlang arity). */
export function fun(fn: ErlFn, arity = 0, env: Term[] = []): Fun {
  return new Fun('harness', funIndex++, new Uint8Array(16), 0, 0, arity, env, new Pid(0), fn);
}

/** A fun running `body` in a new process. */
export const procFun = (body: Script): Fun => fun(script(body));

/** A runtime whose stdout/stderr are captured. */
export function testRuntime(opts: RuntimeOptions = {}): { rt: Runtime; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const rt = createRuntime({ stdout: (s) => out.push(s), stderr: (s) => err.push(s), ...opts });
  return { rt, out, err };
}

/** JS array of a proper list. */
export function arr(t: Term): Term[] {
  const out: Term[] = [];
  while (t instanceof Cons) {
    out.push(t.hd);
    t = t.tl;
  }
  if (t !== NIL) throw new Error('not a proper list');
  return out;
}

/** Exit reasons by pid, observed from JS. */
export function watchExit(rt: Runtime, pid: Pid): { reason: Term | undefined } {
  const box: { reason: Term | undefined } = { reason: undefined };
  rt.onExit(pid, (r) => (box.reason = r));
  return box;
}
