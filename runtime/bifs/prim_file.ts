/**
 * The `prim_file` NIFs (prim_file_nif.c and unix_prim_file.c in erts) over
 * the host file system (./host-fs.ts), so that OTP's prim_file.erl, and on
 * top of it file, file_server, file_io_server, filelib and erl_prim_loader,
 * run unmodified. This file holds the file-name BIFs and the operations on
 * paths; ./prim_file-handle.ts the operations on open files.
 *
 * Conventions of the C code kept here: file names arrive encoded by
 * internal_name2native/1 (a NUL-terminated binary, UTF-8 as
 * file:native_name_encoding/0 says); results are `{error, Posix}` with the
 * errno's lower-case name; a wrong argument type is `badarg`.
 *
 * Differences from BEAM:
 * - set_cwd/1 changes the current directory of this runtime only (the other
 *   runtimes of the JS process, and Node's process.cwd(), keep theirs);
 *   relative paths are joined to it before they reach the host.
 * - get_device_cwd and altname answer `{error, enotsup}`, as on Unix.
 */
import { BitString, Cons, NIL, binary, list, type Term } from '../terms/types.js';
import { badarg, bifTable, type Bif } from './erlang-args.js';
import type { HostStats } from './host-fs.js';
import { S_IFDIR, S_IFMT, accessAtom, fileInfo } from './prim_file-info.js';
import {
  PosixError,
  fsOrThrow,
  getCwd,
  host,
  int32,
  int64,
  nif,
  pathArg,
  rawPath,
  setCwd,
} from './prim_file-args.js';
import { handleBifs } from './prim_file-handle.js';

// ---- file names ----

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The code points of valid UTF-8, else undefined. */
function decodeUtf8(bytes: Uint8Array): number[] | undefined {
  let s: string;
  try {
    s = strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
  const cps: number[] = [];
  for (const ch of s) cps.push(ch.codePointAt(0)!);
  return cps;
}

/** Append the characters of a deep character list to `out`; false when it is not one. */
function flatChars(t: Term, out: number[]): boolean {
  for (;;) {
    if (t === NIL) return true;
    if (!(t instanceof Cons)) return false;
    const h = t.hd;
    if (typeof h === 'number') {
      if (!Number.isInteger(h) || h <= 0 || h > 0x10ffff || (h >= 0xd800 && h <= 0xdfff)) return false;
      out.push(h);
    } else if (!flatChars(h, out)) return false;
    t = t.tl;
  }
}

/** internal_name2native/1: the NUL-terminated native (UTF-8) bytes of a file name. */
function name2native(t: Term): Term {
  let bytes: Uint8Array;
  if (t instanceof BitString) {
    bytes = t.bytes.subarray(0, t.bitSize >> 3);
    if (bytes.includes(0)) return badarg();
  } else {
    const cps: number[] = [];
    if (!flatChars(t, cps)) return badarg();
    bytes = utf8.encode(String.fromCodePoint(...cps));
  }
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return binary(out);
}

function binaryArg(t: Term): Uint8Array {
  return t instanceof BitString && (t.bitSize & 7) === 0 ? t.bytes : badarg();
}

/** internal_native2name/1: the file name as characters, `{error, warning}` when it is not UTF-8. */
function native2name(t: Term): Term {
  const cps = decodeUtf8(binaryArg(t));
  return cps === undefined ? ['error', 'warning'] : list(cps);
}

function normalizeUtf8(t: Term): Term {
  const cps = decodeUtf8(binaryArg(t)) ?? badarg();
  const s = String.fromCodePoint(...cps).normalize('NFC');
  return list([...s].map((c) => c.codePointAt(0)!));
}

const nameEntries: [string, Bif][] = [
  ['internal_name2native/1', (_p, t: Term) => name2native(t)],
  ['internal_native2name/1', (_p, t: Term) => native2name(t)],
  ['internal_normalize_utf8/1', (_p, t: Term) => normalizeUtf8(t)],
  ['is_translatable/1', (_p, t: Term) => (decodeUtf8(binaryArg(t)) === undefined ? 'false' : 'true')],
];

// ---- file information ----

function readInfo(p: unknown, path: Term, follow: Term): Term {
  if (int32(follow) === undefined) return badarg();
  return nif(() => {
    const fs = fsOrThrow();
    const abs = pathArg(p, path);
    const st = host(() => (follow !== 0 ? fs.statSync(abs, { bigint: true }) : fs.lstatSync(abs, { bigint: true })));
    const can = (m: number): boolean => {
      try {
        fs.accessSync(abs, m);
        return true;
      } catch {
        return false;
      }
    };
    return fileInfo(st, accessAtom(can(fs.constants.R_OK ?? 4), can(fs.constants.W_OK ?? 2)));
  });
}

// ---- directories, links, names ----

function listDir(p: unknown, path: Term): Term {
  return nif(() => {
    const fs = fsOrThrow();
    const dir = host(() => fs.opendirSync(pathArg(p, path), { encoding: 'buffer' }));
    // The NIF conses each entry onto the list in readdir order, and
    // prim_file reverses it again: the result is in readdir order.
    let names: Term = NIL;
    try {
      for (let e = host(() => dir.readSync()); e !== null; e = host(() => dir.readSync())) {
        const n = typeof e.name === 'string' ? utf8.encode(e.name) : new Uint8Array(e.name);
        if ((n.length === 1 && n[0] === 0x2e) || (n.length === 2 && n[0] === 0x2e && n[1] === 0x2e)) continue;
        names = new Cons(binary(n), names);
      }
    } finally {
      dir.closeSync();
    }
    return ['ok', names];
  });
}

/** A path NIF that answers `ok`: `op` gets the resolved paths. */
function okNif(arity: 1 | 2, name: string, op: (paths: Uint8Array[]) => void): [string, Bif] {
  const run = (p: unknown, args: Term[]): Term =>
    nif(() => {
      const paths = args.map((a) => pathArg(p, a));
      op(paths);
      return 'ok';
    });
  return arity === 1
    ? [`${name}/1`, (p, a: Term) => run(p, [a])]
    : [`${name}/2`, (p, a: Term, b: Term) => run(p, [a, b])];
}

/** Run a host call, renaming some of its errors as the NIF does. */
function renamed(f: () => void, map: Record<string, string>): void {
  try {
    host(f);
  } catch (e) {
    if (e instanceof PosixError && map[e.posix] !== undefined) throw new PosixError(map[e.posix]!);
    throw e;
  }
}

const sameFile = (a: HostStats, b: HostStats): boolean => a.ino === b.ino && a.dev === b.dev;

function delDir(p: unknown, path: Uint8Array): void {
  const fs = fsOrThrow();
  try {
    renamed(() => fs.rmdirSync(path), { enotempty: 'eexist' });
  } catch (e) {
    // Removing the current directory is einval, as the NIF reports it.
    if (e instanceof PosixError && e.posix === 'eexist') {
      try {
        if (sameFile(fs.statSync(path, { bigint: true }), fs.statSync(getCwd(p), { bigint: true }))) throw new PosixError('einval');
      } catch (e2) {
        if (e2 instanceof PosixError) throw e2;
      }
    }
    throw e;
  }
}

const SLASH_ROOT = (b: Uint8Array): boolean => b.length === 1 && b[0] === 0x2f;

const pathEntries: [string, Bif][] = [
  ['read_info_nif/2', (p, path: Term, follow: Term) => readInfo(p, path, follow)],
  ['list_dir_nif/1', (p, path: Term) => listDir(p, path)],
  [
    'read_link_nif/1',
    (p, path: Term) =>
      nif(() => {
        const fs = fsOrThrow();
        const abs = pathArg(p, path);
        return ['ok', binary(new Uint8Array(host(() => fs.readlinkSync(abs, { encoding: 'buffer' }))))];
      }),
  ],
  okNif(1, 'make_dir_nif', ([d]) => {
    const fs = fsOrThrow();
    host(() => fs.mkdirSync(d!, 0o777));
  }),
  okNif(1, 'del_file_nif', ([f]) => {
    const fs = fsOrThrow();
    renamed(() => fs.unlinkSync(f!), { eisdir: 'eperm' });
  }),
  ['del_dir_nif/1', (p, path: Term) => nif(() => (delDir(p, pathArg(p, path)), 'ok'))],
  okNif(2, 'rename_nif', ([a, b]) => {
    const fs = fsOrThrow();
    try {
      renamed(() => fs.renameSync(a!, b!), { enotempty: 'eexist' });
    } catch (e) {
      if (e instanceof PosixError && SLASH_ROOT(a!) && e.posix !== 'eexist') throw new PosixError('einval');
      throw e;
    }
  }),
  okNif(2, 'make_hard_link_nif', ([a, b]) => {
    const fs = fsOrThrow();
    host(() => fs.linkSync(a!, b!));
  }),
  [
    'make_soft_link_nif/2',
    // The link's target is stored as given, not joined to the cwd.
    (p, target: Term, path: Term) =>
      nif(() => {
        const fs = fsOrThrow();
        const raw = rawTarget(target);
        const abs = pathArg(p, path);
        host(() => fs.symlinkSync(raw, abs));
        return 'ok';
      }),
  ],
  [
    'set_permissions_nif/2',
    (p, path: Term, mode: Term) => {
      if (typeof mode !== 'number' || !Number.isInteger(mode) || mode < 0 || mode > 0xffffffff) return badarg();
      return nif(() => {
        const fs = fsOrThrow();
        const abs = pathArg(p, path);
        const modes = mode & 0o6777;
        try {
          host(() => fs.chmodSync(abs, modes));
        } catch {
          host(() => fs.chmodSync(abs, modes & 0o777 & ~0o6000));
        }
        return 'ok';
      });
    },
  ],
  [
    'set_owner_nif/3',
    (p, path: Term, uid: Term, gid: Term) => {
      const u = int32(uid);
      const g = int32(gid);
      if (u === undefined || g === undefined) return badarg();
      return nif(() => {
        const fs = fsOrThrow();
        const abs = pathArg(p, path);
        host(() => fs.chownSync(abs, u, g));
        return 'ok';
      });
    },
  ],
  [
    'set_time_nif/4',
    (p, path: Term, a: Term, m: Term, c: Term) => {
      const at = int64(a);
      const mt = int64(m);
      if (at === undefined || mt === undefined || int64(c) === undefined) return badarg();
      return nif(() => {
        const fs = fsOrThrow();
        const abs = pathArg(p, path);
        host(() => fs.utimesSync(abs, at, mt));
        return 'ok';
      });
    },
  ],
  [
    'get_cwd_nif/0',
    (p) => nif(() => ['ok', binary(getCwd(p).slice())]),
  ],
  [
    'set_cwd_nif/1',
    (p, path: Term) =>
      nif(() => {
        const fs = fsOrThrow();
        const abs = pathArg(p, path);
        const st = host(() => fs.statSync(abs, { bigint: true }));
        if ((st.mode & S_IFMT) !== S_IFDIR) throw new PosixError('enotdir');
        host(() => fs.accessSync(abs, fs.constants.X_OK ?? 1));
        // getcwd(3) names the directory without symbolic links or dot segments.
        const real = fs.realpathSync?.native ?? fs.realpathSync;
        setCwd(p, real !== undefined ? new Uint8Array(host(() => real(abs, { encoding: 'buffer' }))) : abs);
        return 'ok';
      }),
  ],
  [
    'get_device_cwd_nif/1',
    (_p, index: Term) => (int32(index) === undefined ? badarg() : ['error', 'enotsup']),
  ],
  [
    'altname_nif/1',
    (p, path: Term) => nif(() => (pathArg(p, path), ['error', 'enotsup'])),
  ],
];

/** A symbolic link's target: stored as given, not joined to the cwd. */
function rawTarget(t: Term): Uint8Array {
  const b = rawPath(t);
  if (b.length === 0) throw new PosixError('enoent');
  return b;
}

/** The NIFs alone (and the file-name BIFs). */
const nifTable: Map<string, Bif> = bifTable([...nameEntries, ...pathEntries, ...handleBifs]);

/**
 * BIFs of `prim_file` (overlay on prim_file.beam): the NIFs, and the
 * exported functions over them (./prim_file-api.ts says why).
 */
export const primFileBifs: Map<string, Bif> = new Map([...nifTable]);

/** BIFs of `file`: its one C function. */
export const fileBifs: Map<string, Bif> = bifTable([['native_name_encoding/0', () => 'utf8']]);
