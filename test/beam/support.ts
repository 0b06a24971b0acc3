/**
 * Helpers for the reader tests: compiling Erlang source with erlc at test
 * time, finding the installed OTP and Elixir .beam files, and taking a .beam
 * apart and putting it back together (to craft OTP 28 encodings and
 * corrupt variants).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContainer } from '../../compiler/beam/container.js';
export { prng } from '../support/prng.js';

let workDir: string | undefined;

/** A fresh temporary folder shared by one test file (remove it with removeTempDir in afterAll). */
export function tempDir(): string {
  workDir ??= mkdtempSync(join(tmpdir(), 'beamjs-beam-'));
  return workDir;
}

export function removeTempDir(): void {
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
}

/** Write `<module>.erl` (plus extra files) and compile it; returns the .beam path. */
export function compileErl(module: string, source: string, options: string[] = [],
  extraFiles: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(dir, name), text);
  const src = join(dir, `${module}.erl`);
  writeFileSync(src, source);
  execFileSync('erlc', [...options, '-o', dir, src], { cwd: dir, stdio: 'pipe' });
  return join(dir, `${module}.beam`);
}

let root: string | undefined;

/** code:root_dir() of the installed Erlang/OTP. */
export function otpRoot(): string {
  root ??= execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[code:root_dir()]),halt().'],
    { encoding: 'utf8' }).trim();
  return root;
}

function ebinBeams(libDir: string): string[] {
  if (!existsSync(libDir)) return [];
  const out: string[] = [];
  for (const app of readdirSync(libDir).sort()) {
    const ebin = join(libDir, app, 'ebin');
    if (!existsSync(ebin)) continue;
    for (const f of readdirSync(ebin).sort()) if (f.endsWith('.beam')) out.push(join(ebin, f));
  }
  return out;
}

/** Every .beam under the installed OTP's lib/<app>/ebin. */
export const otpBeams = (): string[] => ebinBeams(join(otpRoot(), 'lib'));

/** Debian's Elixir puts its apps under /usr/lib/elixir/lib/<app>/ebin. */
export const elixirBeams = (): string[] => ebinBeams('/usr/lib/elixir/lib');

export const readBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

/** Chunks of a .beam as [id, data] pairs, in file order. */
export function chunksOf(bytes: Uint8Array): [string, Uint8Array][] {
  return readContainer(bytes, 'test').map((c) => [c.id, c.data.slice()]);
}

/** Build an IFF BEAM container from chunks (with the 4-byte padding). */
export function buildBeam(chunks: readonly [string, Uint8Array][]): Uint8Array {
  let size = 4;
  for (const [, d] of chunks) size += 8 + d.length + ((4 - (d.length % 4)) % 4);
  const out = new Uint8Array(8 + size);
  const view = new DataView(out.buffer);
  out.set(ascii('FOR1'), 0);
  view.setUint32(4, size);
  out.set(ascii('BEAM'), 8);
  let p = 12;
  for (const [id, d] of chunks) {
    out.set(ascii(id), p);
    view.setUint32(p + 4, d.length);
    out.set(d, p + 8);
    p += 8 + d.length + ((4 - (d.length % 4)) % 4);
  }
  return out;
}

/** Replace (or with `undefined`, drop) chunks of a .beam; chunks it lacks are appended. */
export function withChunks(bytes: Uint8Array, replace: Record<string, Uint8Array | undefined>): Uint8Array {
  const old = chunksOf(bytes);
  const chunks = old.flatMap(([id, d]): [string, Uint8Array][] => {
    if (!(id in replace)) return [[id, d]];
    const r = replace[id];
    return r === undefined ? [] : [[id, r]];
  });
  for (const [id, d] of Object.entries(replace)) {
    if (d !== undefined && !old.some(([o]) => o === id)) chunks.push([id, d]);
  }
  return buildBeam(chunks);
}

export const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

export function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0);
  return b;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** The compact encoding of an unsigned value with tag `tag` (beam_asm:encode/2). */
export function compact(tag: number, n: number): Uint8Array {
  if (n < 16) return Uint8Array.of((n << 4) | tag);
  if (n < 2048) return Uint8Array.of(((n >> 3) & 0xe0) | tag | 0x08, n & 0xff);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  if (bytes[0]! >= 0x80) bytes.unshift(0);
  return Uint8Array.of(((bytes.length - 2) << 5) | 0x18 | tag, ...bytes);
}

