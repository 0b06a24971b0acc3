/**
 * The file system the `prim_file` NIFs run on: the synchronous subset of
 * Node's `node:fs` they use, behind an injectable interface so that the
 * runtime still loads where there is no file system (a browser): there every
 * NIF answers `{error, enotsup}`, as an OTP system without file access would.
 *
 * In Node the interface is found on first use through
 * `process.getBuiltinModule('node:fs')` (Node >= 20.16), with no import the
 * bundler or the browser would trip over; a host may also inject its own
 * (`setHostFs(fs)`: a virtual file system, or `null` to switch files off).
 *
 * Paths are bytes (`Uint8Array`): file names on Unix are bytes, not text,
 * and `node:fs` accepts a `Uint8Array` wherever it accepts a path.
 */

/** What `statSync(p, { bigint: true })` gives, the fields `#file_info` needs. */
export interface HostStats {
  size: bigint;
  mode: bigint;
  nlink: bigint;
  dev: bigint;
  rdev: bigint;
  ino: bigint;
  uid: bigint;
  gid: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** One directory opened by `opendirSync`, read entry by entry in the order readdir(3) gives. */
export interface HostDir {
  readSync(): { name: string | Uint8Array } | null;
  closeSync(): void;
}

type Path = Uint8Array | string;

/** The synchronous calls of `node:fs` the NIFs use (`node:fs` itself satisfies it). */
export interface HostFs {
  openSync(path: Path, flags: number, mode?: number): number;
  closeSync(fd: number): void;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | bigint | null): number;
  writeSync(fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number | bigint | null): number;
  fstatSync(fd: number, opts: { bigint: true }): HostStats;
  statSync(path: Path, opts: { bigint: true }): HostStats;
  lstatSync(path: Path, opts: { bigint: true }): HostStats;
  ftruncateSync(fd: number, len?: number): void;
  fsyncSync(fd: number): void;
  fdatasyncSync(fd: number): void;
  readFileSync(path: Path): Uint8Array;
  readlinkSync(path: Path, opts: { encoding: 'buffer' }): Uint8Array;
  opendirSync(path: Path, opts: { encoding: 'buffer' }): HostDir;
  mkdirSync(path: Path, mode?: number): unknown;
  rmdirSync(path: Path): void;
  unlinkSync(path: Path): void;
  renameSync(from: Path, to: Path): void;
  linkSync(existing: Path, to: Path): void;
  symlinkSync(target: Path, path: Path): void;
  chmodSync(path: Path, mode: number): void;
  chownSync(path: Path, uid: number, gid: number): void;
  utimesSync(path: Path, atime: number, mtime: number): void;
  accessSync(path: Path, mode?: number): void;
  /** `.native` (realpath(3)) when present: Node's JS version does not take Uint8Array paths. */
  realpathSync?: ((path: Path, opts: { encoding: 'buffer' }) => Uint8Array) & {
    native?: (path: Path, opts: { encoding: 'buffer' }) => Uint8Array;
  };
  constants: Record<string, number>;
}

/** The process facts the NIFs need besides files: the starting cwd and the effective ids. */
export interface HostProcess {
  cwd(): string;
  geteuid?(): number;
  getegid?(): number;
}

/** undefined: not looked for yet; null: no file system here. */
let hostFs: HostFs | null | undefined;
let hostProcess: HostProcess | null | undefined;

interface NodeProcessLike extends HostProcess {
  getBuiltinModule?(name: string): unknown;
}

function nodeProcess(): NodeProcessLike | undefined {
  const proc = (globalThis as { process?: NodeProcessLike }).process;
  return proc !== undefined && typeof proc.cwd === 'function' ? proc : undefined;
}

/** Inject the file system (`null`: none). `proc` defaults to Node's `process` when present. */
export function setHostFs(fs: HostFs | null, proc?: HostProcess | null): void {
  hostFs = fs;
  hostProcess = proc !== undefined ? proc : fs === null ? null : (nodeProcess() ?? null);
}

/** The file system, or null where there is none. */
export function getHostFs(): HostFs | null {
  if (hostFs === undefined) {
    const proc = nodeProcess();
    const fs = proc?.getBuiltinModule?.('node:fs') as HostFs | undefined;
    setHostFs(fs ?? null, fs === undefined ? null : proc);
  }
  return hostFs ?? null;
}

/** The process facts, or null where there is no file system. */
export function getHostProcess(): HostProcess | null {
  getHostFs();
  return hostProcess ?? null;
}

/**
 * The POSIX error name of a failed host call, as the atom OTP uses
 * (`ENOENT` -> `enoent`). Errors that are not system-call errors (a JS
 * exception of Node's own argument checks) become `einval`.
 */
export function posixError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) return code.toLowerCase();
  return 'einval';
}
