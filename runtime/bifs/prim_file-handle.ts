/**
 * The prim_file NIFs on open files: open_nif/2 gives a reference (the NIF's
 * resource) that the other operations take first; `is_reference/1` holds on
 * it, as prim_file's janitor process checks.
 *
 * Node's file API has no lseek, so the file position is kept here and every
 * read or write of a seekable file is positional (pread/pwrite at that
 * position); files opened for `append` write at the end (O_APPEND) and their
 * position then moves to the new end, as write(2) leaves it. Pipes, sockets
 * and terminals use the kernel's position.
 *
 * As on BEAM, the file is closed when the process that opened it exits
 * (prim_file's resource monitors its owner).
 *
 * Differences from BEAM: allocate/3 extends the file with ftruncate (no
 * fallocate in Node: no blocks are reserved); advise/4 is accepted and does
 * nothing; a file reference that went through term_to_binary and back is a
 * new `Ref` object, no longer a file (`badarg`).
 */
import { concatBytes } from '../terms/binary.js';
import { Cons, NIL, Pid, Ref, binary, type Term } from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';
import type { HostFs, HostStats } from './host-fs.js';
import { getHostProcess } from './host-fs.js';
import {
  PosixError,
  fsOrThrow,
  host,
  int32,
  int64,
  isNumberTerm,
  newResourceRef,
  nif,
  pathArg,
  runtimeOf,
} from './prim_file-args.js';
import { iovecBytes } from './prim_file-buffer.js';
import { S_IFBLK, S_IFDIR, S_IFMT, S_IFREG, accessAtom, fileInfo } from './prim_file-info.js';

interface OpenFile {
  fd: number;
  /** The file position (seekable files); the kernel's own is never moved. */
  pos: number;
  seekable: boolean;
  append: boolean;
  writable: boolean;
  closed: boolean;
}

const files = new WeakMap<Ref, OpenFile>();

// efile_modes_t
const READ = 1;
const WRITE = 2;
const APPEND = 4;
const EXCLUSIVE = 8;
const SYNC = 16;
const SKIP_TYPE_CHECK = 32;
const DIRECTORY = 64;

const MODE_BITS: ReadonlyMap<Term, number> = new Map<Term, number>([
  ['read', READ], ['write', WRITE], ['append', APPEND], ['exclusive', EXCLUSIVE],
  ['sync', SYNC], ['skip_type_check', SKIP_TYPE_CHECK], ['directory', DIRECTORY],
]);

/** The mode list as the NIF reads it: unknown entries (raw, binary, ...) are prim_file's business. */
function modeBits(t: Term): number {
  let modes = 0;
  while (t instanceof Cons) {
    modes |= MODE_BITS.get(t.hd) ?? 0;
    t = t.tl;
  }
  // append and exclusive imply write; neither read nor write means read.
  if (modes & (APPEND | EXCLUSIVE)) modes |= WRITE;
  else if (!(modes & (READ | WRITE))) modes |= READ;
  return modes;
}

function openFlags(fs: HostFs, modes: number): number {
  const c = fs.constants;
  let flags: number;
  if ((modes & (READ | WRITE)) === READ) flags = c.O_RDONLY!;
  else if ((modes & (READ | WRITE)) === WRITE) flags = c.O_WRONLY! | c.O_CREAT! | c.O_TRUNC!;
  else flags = c.O_RDWR! | c.O_CREAT!;
  if (modes & APPEND) flags = (flags & ~c.O_TRUNC!) | c.O_APPEND!;
  if (modes & EXCLUSIVE) flags |= c.O_EXCL!;
  if (modes & SYNC) flags |= c.O_SYNC!;
  if (modes & DIRECTORY) flags |= c.O_DIRECTORY ?? 0;
  return flags;
}


const isSeekable = (st: HostStats): boolean => {
  const t = st.mode & S_IFMT;
  return t === S_IFREG || t === S_IFBLK || t === S_IFDIR;
};

/** A new file reference owned by the calling process: closed when that process exits. */
function register(p: unknown, f: OpenFile): Term {
  const ref = newResourceRef(p as never);
  files.set(ref, f);
  const rt = runtimeOf(p);
  const pid = (p as { pid?: unknown } | undefined)?.pid;
  if (rt !== undefined && pid instanceof Pid) rt.onExit(pid, () => closeQuietly(f));
  return ['ok', ref];
}

function closeQuietly(f: OpenFile): void {
  if (f.closed) return;
  f.closed = true;
  try {
    getHostFsOrNull()?.closeSync(f.fd);
  } catch {
    // The owner is gone; nobody is left to tell.
  }
}

function getHostFsOrNull(): HostFs | null {
  try {
    return fsOrThrow();
  } catch {
    return null;
  }
}

function openNif(p: unknown, path: Term, modesTerm: Term): Term {
  if (!isListTerm(modesTerm)) return badarg();
  const modes = modeBits(modesTerm);
  return nif(() => {
    const fs = fsOrThrow();
    const abs = pathArg(p, path);
    const fd = host(() => fs.openSync(abs, openFlags(fs, modes), modes & DIRECTORY ? 0o777 : 0o666));
    let st: HostStats;
    try {
      st = host(() => fs.fstatSync(fd, { bigint: true }));
      // open(2) accepts directories; OTP wants the `directory` mode for them.
      if (!(modes & (SKIP_TYPE_CHECK | DIRECTORY)) && (st.mode & S_IFMT) === S_IFDIR) throw new PosixError('eisdir');
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
    return register(p, {
      fd,
      pos: 0,
      seekable: isSeekable(st),
      append: (modes & APPEND) !== 0,
      writable: (modes & WRITE) !== 0,
      closed: false,
    });
  });
}

const isListTerm = (t: Term): boolean => t === NIL || t instanceof Cons;

/** The open file behind a reference: `badarg` for anything else, `einval` once closed. */
function fileOf(t: Term): OpenFile {
  const f = (t instanceof Ref ? files.get(t) : undefined) ?? badarg();
  if (f.closed) throw new PosixError('einval');
  return f;
}

/** A NIF on an open file: `op` gets the file and the host. */
const onFile =
  (op: (f: OpenFile, fs: HostFs, ...args: Term[]) => Term): Bif =>
  // Five named parameters: bifTable picks its wrapper by the function's
  // length, and a rest parameter would hide the arguments from it.
  (_p, ref: Term, a: Term, b: Term, c: Term) => {
    const f = (ref instanceof Ref ? files.get(ref) : undefined) ?? badarg();
    return nif(() => {
      if (f.closed) throw new PosixError('einval');
      return op(f, fsOrThrow(), a, b, c);
    });
  };

/** Read up to `n` bytes at `at` (the kernel's position when null), until `n` or end of file. */
function readAt(fs: HostFs, fd: number, n: number, at: number | null): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < n) {
    const len = Math.min(n - total, 1 << 20);
    const buf = new Uint8Array(len);
    const got = host(() => fs.readSync(fd, buf, 0, len, at === null ? null : at + total));
    if (got === 0) break;
    chunks.push(got === len ? buf : buf.subarray(0, got));
    total += got;
  }
  if (chunks.length === 1) return chunks[0]!.length * 2 < chunks[0]!.buffer.byteLength ? chunks[0]!.slice() : chunks[0]!;
  return concatBytes(chunks);
}

/** Write every byte of `chunks` at `at` (the kernel's position when null); returns the count. */
function writeAt(fs: HostFs, fd: number, chunks: Uint8Array[], at: number | null): number {
  let total = 0;
  for (const c of chunks) {
    let off = 0;
    while (off < c.length) {
      const n = host(() => fs.writeSync(fd, c, off, c.length - off, at === null ? null : at + total));
      off += n;
      total += n;
    }
  }
  return total;
}

/** A non-negative int64 argument: `badarg` when not a number, `einval` when out of range. */
function offsetArg(t: Term): number {
  const n = int64(t);
  if (n === undefined || n < 0) throw new PosixError('einval');
  return n;
}

const readResult = (bytes: Uint8Array): Term => (bytes.length === 0 ? 'eof' : ['ok', binary(bytes)]);

function handleInfo(fs: HostFs, f: OpenFile): Term {
  const st = host(() => fs.fstatSync(f.fd, { bigint: true }));
  const proc = getHostProcess();
  const euid = BigInt(proc?.geteuid?.() ?? -1);
  const egid = BigInt(proc?.getegid?.() ?? -1);
  // check_access: the owner's bits for the owner, the group's for the group, else the others'.
  const shift = st.uid === euid ? 6n : st.gid === egid ? 3n : 0n;
  const bits = (st.mode >> shift) & 7n;
  return fileInfo(st, accessAtom((bits & 4n) !== 0n, (bits & 2n) !== 0n));
}

function seek(fs: HostFs, f: OpenFile, mark: Term, offset: number): Term {
  let base: number;
  if (mark === 'bof') base = 0;
  else if (mark === 'cur') base = f.pos;
  else base = Number(host(() => fs.fstatSync(f.fd, { bigint: true })).size);
  if (!f.seekable) {
    const st = host(() => fs.fstatSync(f.fd, { bigint: true }));
    if ((st.mode & S_IFMT) !== 0o020000n) throw new PosixError('espipe');
  }
  const pos = base + offset;
  if (pos < 0) throw new PosixError('einval');
  f.pos = pos;
  return ['ok', pos];
}

const ADVICE = new Set<Term>(['normal', 'random', 'sequential', 'will_need', 'dont_need', 'no_reuse']);

function ipread(fs: HostFs, f: OpenFile, offset: Term, max: Term): Term {
  const at = int64(offset);
  const limit = int64(max);
  if (at === undefined || limit === undefined || at < 0 || limit >= 2 ** 31) throw new PosixError('einval');
  const ptr = readAt(fs, f.fd, 8, at);
  if (ptr.length < 8) return 'eof';
  const view = new DataView(ptr.buffer, ptr.byteOffset, 8);
  const size = view.getUint32(0);
  const where = view.getUint32(4);
  if (size > limit) return 'eof';
  const data = readAt(fs, f.fd, size, where);
  return ['ok', [size, where, data.length === 0 ? 'eof' : binary(data)]];
}

export const handleBifs: [string, Bif][] = [
  ['open_nif/2', (p, path: Term, modes: Term) => openNif(p, path, modes)],
  [
    'file_desc_to_ref_nif/1',
    (p, fdTerm: Term) => {
      if (!isNumberTerm(fdTerm)) return badarg();
      const fd = int32(fdTerm) ?? badarg();
      return nif(() => {
        const fs = fsOrThrow();
        // fcntl(F_GETFL) in the NIF: only a closed descriptor is refused.
        host(() => fs.fstatSync(fd, { bigint: true }));
        return register(p, { fd, pos: 0, seekable: false, append: false, writable: true, closed: false });
      });
    },
  ],
  [
    'close_nif/1',
    (_p, ref: Term) =>
      nif(() => {
        const f = fileOf(ref);
        f.closed = true;
        const fs = fsOrThrow();
        host(() => fs.closeSync(f.fd));
        return 'ok';
      }),
  ],
  [
    'delayed_close_nif/1',
    (_p, ref: Term) => {
      const f = (ref instanceof Ref ? files.get(ref) : undefined) ?? badarg();
      closeQuietly(f);
      return 'ok';
    },
  ],
  [
    'read_nif/2',
    onFile((f, fs, size) => {
      if (!isNumberTerm(size!)) return badarg();
      const n = offsetArg(size!);
      const bytes = readAt(fs, f.fd, n, f.seekable ? f.pos : null);
      f.pos += bytes.length;
      return readResult(bytes);
    }),
  ],
  [
    'write_nif/2',
    onFile((f, fs, iovec) => {
      const chunks = iovecBytes(iovec!);
      const n = writeAt(fs, f.fd, chunks, f.seekable && !f.append ? f.pos : null);
      f.pos = f.append && f.seekable ? Number(host(() => fs.fstatSync(f.fd, { bigint: true })).size) : f.pos + n;
      return 'ok';
    }),
  ],
  [
    'pread_nif/3',
    onFile((f, fs, offset, size) => {
      if (!isNumberTerm(offset!) || !isNumberTerm(size!)) return badarg();
      const at = offsetArg(offset!);
      return readResult(readAt(fs, f.fd, offsetArg(size!), at));
    }),
  ],
  [
    'pwrite_nif/3',
    onFile((f, fs, offset, iovec) => {
      if (!isNumberTerm(offset!)) return badarg();
      const chunks = iovecBytes(iovec!);
      writeAt(fs, f.fd, chunks, offsetArg(offset!));
      return 'ok';
    }),
  ],
  [
    'seek_nif/3',
    onFile((f, fs, mark, offset) => {
      const off = int64(offset!) ?? badarg();
      if (mark !== 'bof' && mark !== 'cur' && mark !== 'eof') return badarg();
      return seek(fs, f, mark, off);
    }),
  ],
  [
    'sync_nif/2',
    onFile((f, fs, dataOnly) => {
      const d = int32(dataOnly!) ?? badarg();
      host(() => (d !== 0 ? fs.fdatasyncSync(f.fd) : fs.fsyncSync(f.fd)));
      return 'ok';
    }),
  ],
  [
    'truncate_nif/1',
    onFile((f, fs) => {
      host(() => fs.ftruncateSync(f.fd, f.pos));
      return 'ok';
    }),
  ],
  [
    'allocate_nif/3',
    onFile((f, fs, offset, length) => {
      if (!isNumberTerm(offset!) || !isNumberTerm(length!)) return badarg();
      const at = offsetArg(offset!);
      const len = offsetArg(length!);
      if (!f.writable) throw new PosixError('ebadf');
      if (len === 0) throw new PosixError('einval');
      const size = Number(host(() => fs.fstatSync(f.fd, { bigint: true })).size);
      if (at + len > size) host(() => fs.ftruncateSync(f.fd, at + len));
      return 'ok';
    }),
  ],
  [
    'advise_nif/4',
    onFile((_f, _fs, offset, length, advice) => {
      if (!isNumberTerm(offset!) || !isNumberTerm(length!)) return badarg();
      offsetArg(offset!);
      offsetArg(length!);
      if (!ADVICE.has(advice!)) throw new PosixError('einval');
      return 'ok';
    }),
  ],
  [
    'get_handle_nif/1',
    onFile((f) => {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, f.fd, true);
      return binary(b);
    }),
  ],
  ['read_handle_info_nif/1', onFile((f, fs) => handleInfo(fs, f))],
  [
    'ipread_s32bu_p32bu_nif/3',
    onFile((f, fs, offset, max) => {
      if (!isNumberTerm(offset!) || !isNumberTerm(max!)) return badarg();
      return ipread(fs, f, offset!, max!);
    }),
  ],
  [
    'read_file_nif/1',
    (p, path: Term) =>
      nif(() => {
        const fs = fsOrThrow();
        const abs = pathArg(p, path);
        const fd = host(() => fs.openSync(abs, fs.constants.O_RDONLY!));
        try {
          const st = host(() => fs.fstatSync(fd, { bigint: true }));
          if ((st.mode & S_IFMT) === S_IFDIR) throw new PosixError('eisdir');
          return ['ok', binary(readWhole(fs, fd, Number(st.size)))];
        } finally {
          fs.closeSync(fd);
        }
      }),
  ],
];

/** A whole file from its start; `size` is a hint (files under /proc say 0). */
function readWhole(fs: HostFs, fd: number, size: number): Uint8Array {
  let buf = new Uint8Array(size > 0 ? size : 16 << 10);
  let n = 0;
  for (;;) {
    const got = host(() => fs.readSync(fd, buf, n, buf.length - n, null));
    n += got;
    if (got === 0 || (n === size && size > 0)) break;
    if (n === buf.length) {
      const bigger = new Uint8Array(buf.length * 2);
      bigger.set(buf);
      buf = bigger;
    }
  }
  return n === buf.length ? buf : buf.slice(0, n);
}
