/**
 * Ports: the table of open ports and BEAM's rules for them (checked against
 * OTP 25's spawn driver):
 *
 * - open_port/2 links the port to the opening process, its owner (the
 *   "connected" process), which gets the port's output as
 *   `{Port, {data, Data}}`: a list of bytes, or a binary with `binary`;
 *   with `{packet, N}` one message per N-byte-length-prefixed packet, with
 *   `{line, L}` `{eol, Line}` per line ("\r\n" and "\n" stripped) and
 *   `{noeol, Part}` for each L bytes of a longer line and for an unfinished
 *   last line.
 * - At the end of the program's output the port sends `{Port, eof}` and stays
 *   open when opened with `eof`; otherwise it closes with reason `normal`,
 *   after `{Port, {exit_status, S}}` (S is 128 + N for a signal N) when
 *   opened with `exit_status`.
 * - A closing port sends an exit signal with its reason to every linked
 *   process (`{'EXIT', Port, Reason}` to trapping ones) and
 *   `{'DOWN', Ref, port, Port, Reason}` to its monitors.
 * - Exit signals to a port: exit/2 closes it with the reason given (`kill`
 *   becomes `killed`), even `normal`; through a link, `normal` closes it only
 *   when the owner exits; any other reason closes it.
 * - Messages to a port: `{Owner, {command, Data}}` writes Data,
 *   `{Owner, close}` closes it (then replies `{Port, closed}`),
 *   `{Owner, {connect, Pid}}` makes Pid the owner (replies `{Port,
 *   connected}` to the old one); anything else, or a pid that is not the
 *   owner, closes it with `badsig`.
 *
 * The OS side (a child process in Node) is behind `PortIo`; the host reports
 * its output and its end through portData/portEof/portExitStatus.
 */
import { deliver, exitSignal, samePid } from './signals.js';
import { errorReport, type Runtime } from './runtime.js';
import type { Process } from './process.js';
import type { Monitor } from './types.js';
import type { RefKey } from './refs.js';
import { concatBytes, iolistToBinary } from '../terms/binary.js';
import { Pid, Port, binary, list, type Term } from '../terms/types.js';

/** The OS end of a port. */
export interface PortIo {
  /** Write bytes to the program's input. */
  write(bytes: Uint8Array): void;
  /** Stop reading and writing (the program itself is left to finish). */
  close(): void;
  readonly osPid: number | undefined;
}

export interface PortOptions {
  binary: boolean;
  /** 0: stream; else the size of the length header. */
  packet: 0 | 1 | 2 | 4;
  /** 0: no line mode; else the longest line delivered whole. */
  line: number;
  eof: boolean;
  exitStatus: boolean;
  canRead: boolean;
  canWrite: boolean;
}

export class PortEntry {
  /** Linked processes, by pid id. */
  readonly links = new Map<number, Pid>();
  /** Monitors on this port, by ref key. */
  readonly monitoredBy = new Map<RefKey, Monitor>();
  /** Bytes received from and sent to the program. */
  input = 0;
  output = 0;
  closed = false;
  /** Input not yet delivered (packet and line modes). */
  pending: Uint8Array = new Uint8Array(0);
  io: PortIo | undefined = undefined;
  /** The program's output has ended / its exit status, once known. */
  sawEof = false;
  status: number | undefined = undefined;

  constructor(
    readonly port: Port,
    /** The command or file, as port_info(P, name) reports it. */
    readonly name: string,
    public owner: Pid,
    readonly opts: PortOptions,
  ) {}
}

/** The links map key of a port (pids use their id, which is never negative). */
export const portLinkKey = (id: number): number => -1 - id;

/** The port id a negative links map key stands for (the inverse of portLinkKey). */
export const portIdOfLinkKey = (key: number): number => -1 - key;

/** The open port `t` names, or undefined. */
export function portOf(rt: Runtime, t: Term): PortEntry | undefined {
  if (!(t instanceof Port) || t.node !== rt.node) return undefined;
  const e = rt.ports.get(t.id);
  return e !== undefined && !e.closed ? e : undefined;
}

/** Register a new port owned and linked by `p`; the caller attaches its io. */
export function newPort(rt: Runtime, p: Process, name: string, opts: PortOptions): PortEntry {
  const port = new Port(rt.nextPortId++, rt.node);
  const e = new PortEntry(port, name, p.pid, opts);
  rt.ports.set(port.id, e);
  linkPort(p, e);
  return e;
}

export function linkPort(p: Process, e: PortEntry): void {
  (p.links ??= new Map()).set(portLinkKey(e.port.id), e.port as unknown as Pid);
  e.links.set(p.pid.id, p.pid);
}

export function unlinkPort(p: Process, e: PortEntry): void {
  p.links?.delete(portLinkKey(e.port.id));
  e.links.delete(p.pid.id);
}

function toOwner(rt: Runtime, e: PortEntry, msg: Term): void {
  const q = rt.processOf(e.owner);
  if (q !== undefined) deliver(rt, q, [e.port, msg]);
}

function dataTerm(e: PortEntry, bytes: Uint8Array): Term {
  return e.opts.binary ? binary(bytes.slice()) : list(Array.from(bytes));
}

/** Output of the program arrived. */
export function portData(rt: Runtime, e: PortEntry, chunk: Uint8Array): void {
  if (e.closed) return;
  e.input += chunk.length;
  const { packet, line } = e.opts;
  if (packet === 0 && line === 0) {
    if (chunk.length > 0) toOwner(rt, e, ['data', dataTerm(e, chunk)]);
    return;
  }
  let buf = e.pending.length === 0 ? chunk : concatBytes([e.pending, chunk]);
  let at = 0;
  if (packet !== 0) {
    while (buf.length - at >= packet) {
      let n = 0;
      for (let i = 0; i < packet; i++) n = n * 256 + buf[at + i]!;
      if (buf.length - at - packet < n) break;
      toOwner(rt, e, ['data', dataTerm(e, buf.subarray(at + packet, at + packet + n))]);
      at += packet + n;
    }
  } else {
    for (;;) {
      const nl = buf.indexOf(10, at);
      if (nl < 0) {
        if (buf.length - at >= line) {
          toOwner(rt, e, ['data', ['noeol', dataTerm(e, buf.subarray(at, at + line))]]);
          at += line;
          continue;
        }
        break;
      }
      const end = nl > at && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (end - at > line) {
        toOwner(rt, e, ['data', ['noeol', dataTerm(e, buf.subarray(at, at + line))]]);
        at += line;
        continue;
      }
      toOwner(rt, e, ['data', ['eol', dataTerm(e, buf.subarray(at, end))]]);
      at = nl + 1;
    }
  }
  buf = buf.subarray(at);
  e.pending = buf.length > 0 ? buf.slice() : new Uint8Array(0);
}

/** The program's output ended. */
export function portEof(rt: Runtime, e: PortEntry): void {
  if (e.closed || e.sawEof) return;
  e.sawEof = true;
  if (e.opts.line !== 0 && e.pending.length > 0) {
    toOwner(rt, e, ['data', ['noeol', dataTerm(e, e.pending)]]);
    e.pending = new Uint8Array(0);
  }
  if (e.opts.eof) {
    toOwner(rt, e, 'eof');
    return;
  }
  if (!e.opts.exitStatus) closePort(rt, e, 'normal');
  else if (e.status !== undefined) finishWithStatus(rt, e);
}

/** The program exited with `status` (128 + N for signal N). */
export function portExitStatus(rt: Runtime, e: PortEntry, status: number): void {
  if (e.closed || e.status !== undefined) return;
  e.status = status;
  if (!e.opts.exitStatus) {
    // Without an output pipe, the program's end is the port's end.
    if (!e.opts.canRead) closePort(rt, e, 'normal');
    return;
  }
  if (e.opts.eof || !e.opts.canRead) {
    toOwner(rt, e, ['exit_status', status]);
    if (!e.opts.eof) closePort(rt, e, 'normal');
  } else if (e.sawEof) finishWithStatus(rt, e);
}

function finishWithStatus(rt: Runtime, e: PortEntry): void {
  toOwner(rt, e, ['exit_status', e.status!]);
  closePort(rt, e, 'normal');
}

/** Write to the program (port_command/2, `{Owner, {command, Data}}`). */
export function portWrite(rt: Runtime, e: PortEntry, bytes: Uint8Array): void {
  if (!e.opts.canWrite) {
    // What erts does when told to write to an input-only port.
    closePort(rt, e, 'ebadf');
    return;
  }
  let out = bytes;
  const n = e.opts.packet;
  if (n !== 0) {
    out = new Uint8Array(n + bytes.length);
    let len = bytes.length;
    for (let i = n - 1; i >= 0; i--) {
      out[i] = len & 255;
      len = Math.floor(len / 256);
    }
    out.set(bytes, n);
  }
  e.output += out.length;
  e.io?.write(out);
}

/** Close `e` with `reason`: exit signals to its links, DOWN to its monitors. */
export function closePort(rt: Runtime, e: PortEntry, reason: Term): void {
  if (e.closed) return;
  e.closed = true;
  rt.ports.delete(e.port.id);
  const io = e.io;
  e.io = undefined;
  io?.close();
  const links = [...e.links.values()];
  e.links.clear();
  for (const pid of links) {
    const q = rt.processOf(pid);
    if (q === undefined) continue;
    q.links?.delete(portLinkKey(e.port.id));
    exitSignal(rt, q, e.port, reason, true);
  }
  const mons = [...e.monitoredBy.values()];
  e.monitoredBy.clear();
  for (const m of mons) {
    const q = rt.processOf(m.origin);
    if (q === undefined) continue;
    q.monitors?.delete(m.key);
    deliver(rt, q, [m.tag, m.ref, 'port', e.port, reason]);
  }
}

/** An exit signal from `from` reaches the port (`viaLink`: `from` exited). */
export function portExitSignal(rt: Runtime, e: PortEntry, from: Pid, reason: Term, viaLink: boolean): void {
  if (e.closed) return;
  if (!viaLink) return closePort(rt, e, reason === 'kill' ? 'killed' : reason);
  if (reason === 'normal' && !samePid(from, e.owner)) return;
  closePort(rt, e, reason);
}

/** `Port ! Msg`. */
export function sendToPort(rt: Runtime, port: Port, msg: Term): void {
  const e = portOf(rt, port);
  if (e === undefined) return;
  if (!Array.isArray(msg) || msg.length !== 2 || !(msg[0] instanceof Pid) || !samePid(msg[0], e.owner)) {
    return closePort(rt, e, 'badsig');
  }
  const from = msg[0];
  const what = msg[1];
  if (what === 'close') {
    closePort(rt, e, 'normal');
    const q = rt.processOf(from);
    if (q !== undefined) deliver(rt, q, [e.port, 'closed']);
    return;
  }
  if (Array.isArray(what) && what.length === 2 && what[0] === 'command') {
    const bytes = iodataBytes(what[1]!);
    if (bytes === undefined) {
      const q = rt.processOf(from);
      const text = `Bad value on output port '${e.name}'\n\n`;
      if (!rt.logEmulatorError(text.replace(/~/g, '~~'), [], undefined, q?.groupLeader)) {
        rt.stderr(errorReport(text));
      }
      return closePort(rt, e, 'badsig');
    }
    return portWrite(rt, e, bytes);
  }
  if (Array.isArray(what) && what.length === 2 && what[0] === 'connect' && what[1] instanceof Pid) {
    e.owner = what[1];
    const q = rt.processOf(from);
    if (q !== undefined) deliver(rt, q, [e.port, 'connected']);
    return;
  }
  closePort(rt, e, 'badsig');
}

/** The bytes of iodata, or undefined when it is not iodata. */
export function iodataBytes(t: Term): Uint8Array | undefined {
  try {
    return iolistToBinary(t).bytes;
  } catch {
    return undefined;
  }
}
