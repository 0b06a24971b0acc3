/**
 * The `os` module's NIFs: the environment, the OS pid, clocks and signals.
 * os.erl calls these remotely (`os:getenv(Name)`, `os:env()`), so the stubs
 * themselves are overlaid; getenv/0,2, perf_counter/1, type/0 and version/0
 * stay Erlang (type/0 and version/0 ask erlang:system_info/1).
 *
 * The environment is per runtime: a copy of Node's `process.env` taken when
 * the runtime first touches it (empty in a browser), which putenv/unsetenv
 * change without touching `process.env`, so runtimes in one JS process do
 * not see each other's changes. Names and values are character lists (deep
 * lists allowed, any Unicode code point) as on erl; a name with `=` or a NUL
 * anywhere is `badarg`.
 *
 * os:cmd/1,2 is not provided here: it is Erlang over open_port/2, and behaves
 * as open_port does in beamjs.
 */
import { monotonicNanos, systemNanos, fromNanos, timeUnitPartsPerSecond } from '../process/time.js';
import { Cons, NIL, charlist, list, type Term } from '../terms/types.js';
import { badarg, bifTable, type Bif } from './erlang-args.js';
import { hostPid, nodeProcess } from './os-host.js';

const envs = new WeakMap<object, Map<string, string>>();

export function envOf(p: { rt?: object }): Map<string, string> {
  const key = p.rt ?? p;
  let env = envs.get(key);
  if (env === undefined) {
    env = new Map();
    for (const [k, v] of Object.entries(nodeProcess()?.env ?? {})) if (v !== undefined) env.set(k, v);
    envs.set(key, env);
  }
  return env;
}

/** A (deep) character list as a JS string; undefined when it is not one. */
export function chars(t: Term): string | undefined {
  const out: string[] = [];
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let l = stack.pop()!;
    while (l instanceof Cons) {
      const c = l.hd;
      if (typeof c === 'number') {
        if (!Number.isInteger(c) || c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return undefined;
        out.push(String.fromCodePoint(c));
      } else if (c instanceof Cons || c === NIL) {
        stack.push(l.tl);
        l = c;
        continue;
      } else return undefined;
      l = l.tl;
    }
    if (l !== NIL) return undefined;
  }
  return out.join('');
}

/** A variable name: characters, no `=`, no NUL. */
function nameArg(t: Term): string {
  const s = chars(t);
  return s === undefined || s.includes('=') || s.includes('\0') ? badarg() : s;
}

function valueArg(t: Term): string {
  const s = chars(t);
  return s === undefined || s.includes('\0') ? badarg() : s;
}

function getenv(p: { rt?: object }, name: Term): Term {
  const n = nameArg(name);
  const v = envOf(p).get(n);
  return v === undefined ? 'false' : charlist(v);
}

function putenv(p: { rt?: object }, name: Term, value: Term): Term {
  const n = nameArg(name);
  const v = valueArg(value);
  // erl accepts an empty name and changes nothing.
  if (n !== '') envOf(p).set(n, v);
  return 'true';
}

function unsetenv(p: { rt?: object }, name: Term): Term {
  envOf(p).delete(nameArg(name));
  return 'true';
}

const env = (p: { rt?: object }): Term => list([...envOf(p)].map(([k, v]) => [charlist(k), charlist(v)]));

/** `{MegaSecs, Secs, MicroSecs}` of the system clock. */
function timestamp(): Term {
  const us = systemNanos() / 1000n;
  const secs = us / 1_000_000n;
  return [Number(secs / 1_000_000n), Number(secs % 1_000_000n), Number(us % 1_000_000n)];
}

function systemTime(unit: Term): Term {
  const pps = timeUnitPartsPerSecond(unit) ?? badarg();
  return fromNanos(systemNanos(), pps);
}

const SIGNALS = new Set(['sighup', 'sigquit', 'sigabrt', 'sigalrm', 'sigterm', 'sigusr1', 'sigusr2', 'sigchld',
  'sigstop', 'sigtstp']);
const SIGNAL_OPTIONS = new Set(['default', 'handle', 'ignore']);

/** Signals do not reach a JS runtime; the call is accepted (and checked) as on erl. */
function setSignal(sig: Term, opt: Term): Term {
  if (typeof sig !== 'string' || !SIGNALS.has(sig) || typeof opt !== 'string' || !SIGNAL_OPTIONS.has(opt)) return badarg();
  return 'ok';
}

export const osBifs: Map<string, Bif> = bifTable([
  ['env/0', (p) => env(p)],
  ['getenv/1', (p, n) => getenv(p, n)],
  ['putenv/2', (p, n, v) => putenv(p, n, v)],
  ['unsetenv/1', (p, n) => unsetenv(p, n)],
  ['getpid/0', () => charlist(hostPid())],
  ['timestamp/0', () => timestamp()],
  ['system_time/0', () => fromNanos(systemNanos(), 1_000_000_000)],
  ['system_time/1', (_p, unit) => systemTime(unit)],
  // perf_counter's unit is the native one (nanoseconds), as erlang:convert_time_unit/3 here takes it.
  ['perf_counter/0', () => fromNanos(monotonicNanos(), 1_000_000_000)],
  ['set_signal/2', (_p, s, o) => setSignal(s, o)],
]);
