/**
 * Starting OS processes for ports (`open_port({spawn, ...})`,
 * `{spawn_executable, ...}`, `os:cmd/1`): the part of Node's
 * `node:child_process` the port code uses, behind an injectable interface
 * like the file system's (./host-fs.ts). In Node it is found on first use
 * through `process.getBuiltinModule`; where there is none (a browser), or
 * after `setHostSpawn(null)`, `open_port` of a program fails with `enotsup`.
 */

/** A readable pipe end (`child.stdout`). */
export interface HostReadable {
  on(ev: 'data', cb: (chunk: Uint8Array) => void): unknown;
  on(ev: 'end' | 'close', cb: () => void): unknown;
  on(ev: 'error', cb: (e: unknown) => void): unknown;
  destroy(): unknown;
}

/** A writable pipe end (`child.stdin`). */
export interface HostWritable {
  write(chunk: Uint8Array): unknown;
  on(ev: 'error', cb: (e: unknown) => void): unknown;
  end(): unknown;
  destroy(): unknown;
}

/** What `child_process.spawn` returns, the parts ports use. */
export interface HostChild {
  readonly pid?: number | undefined;
  readonly stdio: readonly (HostReadable | HostWritable | null | undefined)[];
  on(ev: 'exit', cb: (code: number | null, signal: string | null) => void): unknown;
  on(ev: 'error', cb: (e: unknown) => void): unknown;
  unref(): void;
}

export type HostStdio = 'pipe' | 'ignore' | 'inherit';

export interface HostSpawnOptions {
  cwd?: string;
  env: Record<string, string>;
  argv0?: string;
  stdio: HostStdio[];
  windowsHide?: boolean;
}

export interface HostSpawn {
  spawn(file: string, args: string[], opts: HostSpawnOptions): HostChild;
}

let hostSpawn: HostSpawn | null | undefined;
let signalNumbers: Record<string, number> | undefined;

interface NodeProcessLike {
  getBuiltinModule?(name: string): unknown;
}

/** Inject the process starter (`null`: none). */
export function setHostSpawn(s: HostSpawn | null): void {
  hostSpawn = s;
}

/** The process starter, or null where there is none. */
export function getHostSpawn(): HostSpawn | null {
  if (hostSpawn === undefined) {
    const proc = (globalThis as { process?: NodeProcessLike }).process;
    hostSpawn = (proc?.getBuiltinModule?.('node:child_process') as HostSpawn | undefined) ?? null;
  }
  return hostSpawn;
}

/** The number of a signal name (`SIGKILL` -> 9), for exit statuses 128 + N. */
export function signalNumber(name: string): number {
  if (signalNumbers === undefined) {
    const proc = (globalThis as { process?: NodeProcessLike }).process;
    const os = proc?.getBuiltinModule?.('node:os') as { constants?: { signals?: Record<string, number> } } | undefined;
    signalNumbers = os?.constants?.signals ?? {};
  }
  return signalNumbers[name] ?? 0;
}
