/**
 * The port BIFs: `erts_internal:open_port/2`, `port_command/3`,
 * `port_close/1`, `port_connect/2`, `port_info/1,2`, `port_control/3`,
 * `port_call/3` (what erlang.erl's open_port/2, port_command/2,3, ... call,
 * returning an error atom that erlang.erl raises with error info), and
 * `erlang:ports/0`. The rules of ports live in ../process/ports.ts; this file
 * reads the arguments and starts the OS side.
 *
 * Ports run programs through the host's process starter (./host-spawn.ts):
 * `{spawn, Command}` runs `/bin/sh -c "exec Command"` as erts does on Unix,
 * `{spawn_executable, File}` runs File with `{args, ...}` and `{arg0, ...}`.
 * `{fd, In, Out}` ports write to the file descriptor Out and never deliver
 * input. There are no port drivers: `{spawn_driver, _}` is `badarg`, and so
 * are port_control/3 and port_call/3.
 */
import {
  closePort, linkPort, newPort, portData, portEof, portExitStatus, portOf, portWrite, iodataBytes, unlinkPort,
  type PortEntry, type PortIo, type PortOptions,
} from '../process/ports.js';
import type { Process } from '../process/process.js';
import type { Runtime } from '../process/runtime.js';
import { BitString, NIL, Port, list, charlist, type Term } from '../terms/types.js';
import { properList } from '../process/modules.js';
import { bifTable, type Bif } from './erlang-args.js';
import { getHostSpawn, signalNumber, type HostChild, type HostReadable, type HostStdio, type HostWritable } from './host-spawn.js';
import { getHostFs, posixError } from './host-fs.js';
import { chars, envOf } from './os.js';
import { getCwd } from './prim_file-args.js';

/** Thrown while reading arguments: the atom erts_internal returns. */
class PortFailure {
  constructor(readonly reason: string) {}
}

const dec = new TextDecoder();

/** A string argument: a (deep) character list, a binary or an atom. */
function text(t: Term): string {
  if (t instanceof BitString && (t.bitSize & 7) === 0) return dec.decode(t.bytes);
  if (typeof t === 'string') return t;
  const s = chars(t);
  if (s === undefined) throw new PortFailure('badarg');
  return s;
}

interface Spec {
  kind: 'spawn' | 'spawn_executable' | 'fd';
  name: string;
  fds: [number, number];
  opts: PortOptions;
  args: string[] | undefined;
  arg0: string | undefined;
  cd: string | undefined;
  env: [string, string | undefined][];
  stderrToStdout: boolean;
  useStdio: boolean;
}

function readName(name: Term): Pick<Spec, 'kind' | 'name' | 'fds'> {
  const noFds: [number, number] = [0, 0];
  if (!Array.isArray(name)) throw new PortFailure('badarg');
  if (name.length === 2 && name[0] === 'spawn') return { kind: 'spawn', name: text(name[1]!), fds: noFds };
  if (name.length === 2 && name[0] === 'spawn_executable') {
    return { kind: 'spawn_executable', name: text(name[1]!), fds: noFds };
  }
  if (name.length === 3 && name[0] === 'fd') {
    const [, i, o] = name;
    if (typeof i !== 'number' || typeof o !== 'number' || i < 0 || o < 0) throw new PortFailure('badarg');
    return { kind: 'fd', name: '0/1', fds: [i, o] };
  }
  throw new PortFailure('badarg');
}

const PLAIN_FLAGS = new Set(['stream', 'exit_status', 'use_stdio', 'nouse_stdio', 'stderr_to_stdout', 'in', 'out',
  'binary', 'eof', 'hide', 'overlapped_io']);

function readSpec(name: Term, settings: Term): Spec {
  const n = readName(name);
  const items = properList(settings);
  if (items === undefined) throw new PortFailure('badopt');
  const opts: PortOptions = { binary: false, packet: 0, line: 0, eof: false, exitStatus: false, canRead: true, canWrite: true };
  const spec: Spec = { ...n, opts, args: undefined, arg0: undefined, cd: undefined, env: [], stderrToStdout: false, useStdio: true };
  let sawIn = false;
  let sawOut = false;
  for (const o of items) {
    if (typeof o === 'string') {
      if (!PLAIN_FLAGS.has(o)) throw new PortFailure('badopt');
      if (o === 'stream') opts.packet = 0, opts.line = 0;
      else if (o === 'exit_status') opts.exitStatus = true;
      else if (o === 'use_stdio') spec.useStdio = true;
      else if (o === 'nouse_stdio') spec.useStdio = false;
      else if (o === 'stderr_to_stdout') spec.stderrToStdout = true;
      else if (o === 'in') sawIn = true;
      else if (o === 'out') sawOut = true;
      else if (o === 'binary') opts.binary = true;
      else if (o === 'eof') opts.eof = true;
      continue;
    }
    if (!Array.isArray(o) || o.length !== 2) throw new PortFailure('badopt');
    const [k, v] = o as [Term, Term];
    if (k === 'packet') {
      if (v !== 1 && v !== 2 && v !== 4) throw new PortFailure('badopt');
      opts.packet = v as 1 | 2 | 4;
      opts.line = 0;
    } else if (k === 'line') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new PortFailure('badopt');
      opts.line = v;
      opts.packet = 0;
    } else if (k === 'cd') spec.cd = text(v);
    else if (k === 'env') spec.env = readEnv(v);
    else if (k === 'args') {
      const l = properList(v);
      if (l === undefined) throw new PortFailure('badopt');
      spec.args = l.map(text);
    } else if (k === 'arg0') spec.arg0 = text(v);
    else if (k === 'parallelism') {
      if (v !== 'true' && v !== 'false') throw new PortFailure('badopt');
    } else if (k === 'busy_limits_port' || k === 'busy_limits_msgq') {
      // Flow control between the port and its queue: nothing to limit here.
    } else throw new PortFailure('badopt');
  }
  if (sawIn !== sawOut) {
    opts.canRead = sawIn;
    opts.canWrite = sawOut;
  }
  return spec;
}

function readEnv(v: Term): [string, string | undefined][] {
  const l = properList(v);
  if (l === undefined) throw new PortFailure('badopt');
  return l.map((e): [string, string | undefined] => {
    if (!Array.isArray(e) || e.length !== 2) throw new PortFailure('badopt');
    const name = text(e[0]!);
    return [name, e[1] === 'false' ? undefined : text(e[1]!)];
  });
}

function join(dir: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}

/** Start the program behind `e`; returns an error atom when it cannot start. */
function startProgram(p: Process, e: PortEntry, spec: Spec): string | undefined {
  const rt = p.rt;
  const spawner = getHostSpawn();
  if (spawner === null) return 'enotsup';
  let cwd: string;
  try {
    cwd = dec.decode(getCwd(p));
  } catch {
    return 'enotsup';
  }
  if (spec.cd !== undefined) cwd = join(cwd, spec.cd);
  const env: Record<string, string> = {};
  for (const [k, v] of envOf(p)) env[k] = v;
  for (const [k, v] of spec.env) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  let file: string;
  let args: string[];
  let argv0: string | undefined;
  if (spec.kind === 'spawn') {
    file = '/bin/sh';
    argv0 = 'sh';
    args = ['-c', (spec.stderrToStdout ? 'exec 2>&1; ' : '') + 'exec ' + spec.name];
  } else {
    const exe = join(cwd, spec.name);
    const fs = getHostFs();
    if (fs === null) return 'enotsup';
    try {
      fs.accessSync(exe, 1 /* X_OK */);
    } catch (err) {
      return posixError(err);
    }
    if (spec.stderrToStdout) {
      file = '/bin/sh';
      args = ['-c', 'exec 2>&1; exec "$0" "$@"', exe, ...(spec.args ?? [])];
    } else {
      file = exe;
      args = spec.args ?? [];
      argv0 = spec.arg0;
    }
  }
  const { canRead, canWrite } = e.opts;
  const stdio: HostStdio[] = spec.useStdio
    ? [canWrite ? 'pipe' : 'inherit', canRead ? 'pipe' : 'inherit', 'inherit']
    : ['inherit', 'inherit', 'inherit', canWrite ? 'pipe' : 'ignore', canRead ? 'pipe' : 'ignore'];
  let child: HostChild;
  try {
    child = spawner.spawn(file, args, { cwd, env, stdio, windowsHide: true, ...(argv0 !== undefined ? { argv0 } : {}) });
  } catch (err) {
    return posixError(err);
  }
  const input = child.stdio[spec.useStdio ? 0 : 3] as HostWritable | null | undefined;
  const output = child.stdio[spec.useStdio ? 1 : 4] as HostReadable | null | undefined;
  attachChild(rt, e, child, input ?? undefined, canRead ? (output ?? undefined) : undefined, cwd);
  return undefined;
}

function attachChild(
  rt: Runtime, e: PortEntry, child: HostChild, input: HostWritable | undefined, output: HostReadable | undefined,
  cwd: string,
): void {
  let held = true;
  let exited = false;
  let ended = output === undefined;
  rt.pendingExternal++;
  const release = (): void => {
    if (!held) return;
    held = false;
    rt.pendingExternal--;
    rt.sched.kick();
  };
  const settled = (): void => {
    if (exited && ended) release();
  };
  const io: PortIo = {
    osPid: child.pid,
    write(bytes) {
      input?.write(bytes);
    },
    close() {
      input?.destroy();
      output?.destroy();
      child.unref();
      release();
    },
  };
  e.io = io;
  // A program that stops reading: the write fails with EPIPE, the port carries on.
  input?.on('error', () => {});
  output?.on('data', (chunk: Uint8Array) => portData(rt, e, chunk));
  output?.on('error', () => {});
  output?.on('end', () => {
    ended = true;
    portEof(rt, e);
    settled();
  });
  child.on('exit', (code, signal) => {
    exited = true;
    portExitStatus(rt, e, code ?? 128 + signalNumber(signal ?? ''));
    settled();
  });
  child.on('error', (err) => {
    // The program could not be started (erts's child setup reports the same way).
    const code = (err as { code?: string } | null)?.code;
    if (code === 'ENOENT') rt.stderr(`spawn: Could not cd to ${cwd}\n`);
    exited = ended = true;
    closePort(rt, e, 'normal');
    release();
  });
}

function startFd(e: PortEntry, fds: [number, number]): string | undefined {
  const fs = getHostFs();
  if (fs === null) return 'enotsup';
  e.io = {
    osPid: undefined,
    write(bytes) {
      try {
        fs.writeSync(fds[1], bytes);
      } catch {
        // erts drops output a closed descriptor cannot take.
      }
    },
    close() {},
  };
  return undefined;
}

function openPort(p: Process, name: Term, settings: Term): Term {
  let spec: Spec;
  try {
    spec = readSpec(name, settings);
  } catch (err) {
    if (err instanceof PortFailure) return err.reason;
    throw err;
  }
  if (spec.kind === 'fd') spec.opts.canRead = false;
  const e = newPort(p.rt, p, spec.name, spec.opts);
  const failed = spec.kind === 'fd' ? startFd(e, spec.fds) : startProgram(p, e, spec);
  if (failed !== undefined) {
    // Never seen by anyone: undo quietly.
    unlinkPort(p, e);
    closePort(p.rt, e, 'normal');
    return failed;
  }
  return e.port;
}

function portCommand(p: Process, port: Term, data: Term, flags: Term): Term {
  const fl = properList(flags);
  if (fl === undefined || fl.some((f) => f !== 'force' && f !== 'nosuspend')) return 'badopt';
  if (!(port instanceof Port) && typeof port !== 'string') return 'badarg';
  const e = portOf(p.rt, port);
  if (e === undefined) return 'badarg';
  const bytes = iodataBytes(data);
  if (bytes === undefined) return 'badarg';
  portWrite(p.rt, e, bytes);
  return 'true';
}

function portClose(p: Process, port: Term): Term {
  const e = portOf(p.rt, port);
  if (e === undefined) return 'badarg';
  closePort(p.rt, e, 'normal');
  return 'true';
}

function portConnect(p: Process, port: Term, pid: Term): Term {
  const e = portOf(p.rt, port);
  const q = p.rt.processOf(pid);
  if (e === undefined || q === undefined) return 'badarg';
  e.owner = q.pid;
  linkPort(q, e);
  return 'true';
}

const INFO_ITEMS = ['name', 'links', 'id', 'connected', 'input', 'output', 'os_pid'] as const;
function infoItem(e: PortEntry, item: string): Term | undefined {
  switch (item) {
    case 'name':
      return charlist(e.name);
    case 'links':
      return list([...e.links.values()]);
    case 'id':
      return e.port.id;
    case 'connected':
      return e.owner;
    case 'input':
      return e.input;
    case 'output':
      return e.output;
    case 'os_pid':
      return e.io?.osPid ?? 'undefined';
    case 'monitors':
      return NIL;
    case 'monitored_by':
      return list([...e.monitoredBy.values()].map((m) => m.origin));
    case 'registered_name':
      return NIL;
    case 'memory':
      return 400 + e.pending.length;
    case 'queue_size':
      return 0;
    case 'parallelism':
    case 'locking':
      return 'false';
    default:
      return undefined;
  }
}

function portInfo1(p: Process, port: Term): Term {
  if (!(port instanceof Port) && typeof port !== 'string') return 'badarg';
  const e = portOf(p.rt, port);
  if (e === undefined) return port instanceof Port ? 'undefined' : 'badarg';
  return list(INFO_ITEMS.map((k) => [k, infoItem(e, k)!]));
}

function portInfo2(p: Process, port: Term, item: Term): Term {
  if (!(port instanceof Port) && typeof port !== 'string') return 'badtype';
  if (typeof item !== 'string') return 'badarg';
  const e = portOf(p.rt, port);
  if (e === undefined) return typeof port === 'string' ? 'badarg' : 'undefined';
  const v = infoItem(e, item);
  if (v === undefined) return 'badarg';
  return item === 'registered_name' ? NIL : [item, v];
}

export const ertsPortBifs: Map<string, Bif> = bifTable([
  ['open_port/2', (p: Process, name: Term, settings: Term) => openPort(p, name, settings)],
  ['port_command/3', (p: Process, port: Term, data: Term, flags: Term) => portCommand(p, port, data, flags)],
  ['port_close/1', (p: Process, port: Term) => portClose(p, port)],
  ['port_connect/2', (p: Process, port: Term, pid: Term) => portConnect(p, port, pid)],
  ['port_info/1', (p: Process, port: Term) => portInfo1(p, port)],
  ['port_info/2', (p: Process, port: Term, item: Term) => portInfo2(p, port, item)],
  ['port_control/3', () => 'badarg'],
  ['port_call/3', () => 'badarg'],
]);

export const erlangPortBifs: Map<string, Bif> = bifTable([
  ['ports/0', (p: Process) => list([...p.rt.ports.values()].filter((e) => !e.closed).map((e) => e.port))],
]);
