/**
 * What the prim_file NIFs share: their argument checks (in the order the C
 * NIFs make them: a non-number is `badarg`, a number out of range an
 * `{error, einval}`), the encoded paths they receive, the per-runtime current
 * directory, and running a host call with its errno as `{error, Posix}`.
 */
import type { Runtime } from '../process/runtime.js';
import { BitString, ErlFloat, Ref, type Term } from '../terms/types.js';
import { getHostFs, getHostProcess, posixError, type HostFs } from './host-fs.js';

/** A failed call: the POSIX error atom it answers with. */
export class PosixError {
  constructor(public readonly posix: string) {}
}

/** `{error, Posix}`. */
export const errorTuple = (posix: string): Term => ['error', posix];

let fallbackRefs = 0;

/** A fresh reference of the caller's runtime, for a resource (an open file, a buffer). */
export function newResourceRef(p: { rt?: { refs?: { make(): Ref } } }): Ref {
  return p?.rt?.refs?.make() ?? new Ref([++fallbackRefs, 0, 0]);
}

/** `enif_is_number`: any integer or float. */
export const isNumberTerm = (t: Term): boolean =>
  typeof t === 'number' || typeof t === 'bigint' || t instanceof ErlFloat;

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** `enif_get_int64`: the integer when it is one and fits 64 bits, else undefined. */
export function int64(t: Term): number | undefined {
  if (typeof t === 'number') return Number.isInteger(t) ? t : undefined;
  if (typeof t === 'bigint') return t >= I64_MIN && t <= I64_MAX ? Number(t) : undefined;
  return undefined;
}

/** `enif_get_int`: a 32-bit signed integer, else undefined. */
export function int32(t: Term): number | undefined {
  return typeof t === 'number' && Number.isInteger(t) && t >= -(2 ** 31) && t < 2 ** 31 ? t : undefined;
}

/** The file system, or the `enotsup` every NIF answers where there is none. */
export function fsOrThrow(): HostFs {
  const fs = getHostFs();
  if (fs === null) throw new PosixError('enotsup');
  return fs;
}

/** Run a host call; its failure becomes a `PosixError` carrying the errno name. */
export function host<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PosixError) throw e;
    throw new PosixError(posixError(e));
  }
}

/**
 * Run a NIF body: a `PosixError` leaves it as `{error, Posix}`; Erlang
 * errors (`badarg`) pass through.
 */
export function nif(f: () => Term): Term {
  try {
    return f();
  } catch (e) {
    if (e instanceof PosixError) return errorTuple(e.posix);
    throw e;
  }
}

// ---- the current directory, per runtime ----

/** set_cwd changes the directory of one runtime only (Node's process.cwd is shared). */
const cwds = new WeakMap<object, Uint8Array>();
const enc = new TextEncoder();

export function runtimeOf(p: unknown): Runtime | undefined {
  return (p as { rt?: Runtime } | undefined)?.rt;
}

/** The runtime's current directory, as bytes without a trailing slash (except `/`). */
export function getCwd(p: unknown): Uint8Array {
  const rt = runtimeOf(p);
  const known = rt !== undefined ? cwds.get(rt) : undefined;
  if (known !== undefined) return known;
  const proc = getHostProcess();
  if (proc === null) throw new PosixError('enotsup');
  return enc.encode(proc.cwd());
}

export function setCwd(p: unknown, dir: Uint8Array): void {
  const rt = runtimeOf(p);
  if (rt !== undefined) cwds.set(rt, dir);
}

// ---- paths ----

const SLASH = 0x2f;

/**
 * A path as prim_file:internal_name2native/1 encoded it: a binary ending in
 * one or more NULs and holding no other NUL (else `einval`, as the NIF).
 * Returns the bytes before the NULs.
 */
export function rawPath(t: Term): Uint8Array {
  if (!(t instanceof BitString) || (t.bitSize & 7) !== 0) throw new PosixError('einval');
  const b = t.bytes;
  const nul = b.indexOf(0);
  if (nul < 0) throw new PosixError('einval');
  for (let i = nul; i < b.length; i++) if (b[i] !== 0) throw new PosixError('einval');
  return b.subarray(0, nul);
}

/** Join a relative path to the runtime's current directory. */
export function absolute(p: unknown, rel: Uint8Array): Uint8Array {
  // open("") fails with ENOENT; joining it to the cwd would name the cwd.
  if (rel.length === 0) throw new PosixError('enoent');
  if (rel[0] === SLASH) return rel;
  const cwd = getCwd(p);
  const sep = cwd.length > 0 && cwd[cwd.length - 1] === SLASH ? 0 : 1;
  const out = new Uint8Array(cwd.length + sep + rel.length);
  out.set(cwd, 0);
  if (sep) out[cwd.length] = SLASH;
  out.set(rel, cwd.length + sep);
  return out;
}

/** An encoded path argument, resolved against the runtime's current directory. */
export const pathArg = (p: unknown, t: Term): Uint8Array => absolute(p, rawPath(t));
