/**
 * Differential test harness for the code generator: compile Erlang source
 * with erlc (into .cache/codegen), compile the .beam to an ES module with
 * compileModule, run a function on the beamjs runtime, and run the same
 * function on BEAM through the erl reference server. Both sides are
 * compared as `~w` text of `{ok, Value}` or `{Class, Reason}`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileModule } from '../../compiler/compile.js';
import { BIF_OVERLAYS } from '../../runtime/boot.js';
import { loadModule, type CompiledModule } from '../../runtime/exec/load.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { createRuntime, type Runtime } from '../../runtime/process/runtime.js';
import { formatW } from '../../runtime/terms/print.js';
import { list, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const cacheDir = join(repoRoot, '.cache', 'codegen');
const defaultEbin = join(cacheDir, 'ebin');
const jsDir = join(cacheDir, 'js');
const runtimeIndex = join(repoRoot, 'runtime', 'exec', 'index.ts');

export interface Compiled {
  name: string;
  ebinDir?: string;
  beamPath: string;
  jsPath: string;
  js: string;
  mod: CompiledModule;
}

/** Compile Erlang source text (module name from `-module`) with erlc, then to JS. */
export async function compileErl(source: string, erlcFlags: string[] = []): Promise<Compiled> {
  const name = /-module\(([a-z][a-zA-Z0-9_]*)\)/.exec(source)?.[1];
  if (name === undefined) throw new Error('no -module in source');
  // One ebin per erlc flag set, so that BEAM loads the same code beamjs runs.
  const ebinDir = erlcFlags.length === 0 ? defaultEbin : `${defaultEbin}-${erlcFlags.join('').replace(/[^a-z0-9]/gi, '')}`;
  mkdirSync(ebinDir, { recursive: true });
  mkdirSync(jsDir, { recursive: true });
  const hash = createHash('sha1').update(source).update(erlcFlags.join(' ')).digest('hex').slice(0, 12);
  const erlPath = join(cacheDir, `${name}.erl`);
  const beamPath = join(ebinDir, `${name}.beam`);
  const stamp = join(ebinDir, `${name}.hash`);
  if (!existsSync(beamPath) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    writeFileSync(erlPath, source);
    try {
      execFileSync('erlc', ['-o', ebinDir, ...erlcFlags, erlPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const out = e as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`erlc failed:\n${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`);
    }
    writeFileSync(stamp, hash);
  }
  const bytes = readFileSync(beamPath);
  // A unique file per compilation: the ES module cache keys on the path.
  const jsPath = join(jsDir, `${name}-${hash}.mjs`);
  const out = compileModule(new Uint8Array(bytes), beamPath, { runtimeImport: runtimeIndex, outFile: `${name}-${hash}.mjs` });
  writeAtomic(jsPath, withoutMapUrl(out.js));
  writeAtomic(`${jsPath}.map`, out.map);
  const m = (await import(pathToFileURL(jsPath).href)) as { __module: CompiledModule };
  return { name, ebinDir, beamPath, jsPath, js: out.js, mod: m.__module };
}

/** Test files run in parallel workers: never let one read another's half-written file. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Vite would try to load the .erl sources the map names; tests do not need it. */
const withoutMapUrl = (js: string): string => js.replace(/\/\/# sourceMappingURL=.*\n$/, '');

/** The installed OTP's lib directory. */
export const otpLib = '/usr/lib/erlang/lib';

/** An OTP module compiled from the installed .beam (cached per test run). */
const otpCache = new Map<string, Promise<Compiled>>();
export function otp(name: string): Promise<Compiled> {
  let c = otpCache.get(name);
  if (c === undefined) {
    c = compileOtp(name);
    otpCache.set(name, c);
  }
  return c;
}

async function compileOtp(name: string): Promise<Compiled> {
  const beamPath = installedBeam(name);
  if (beamPath !== undefined) {
    mkdirSync(jsDir, { recursive: true });
    const out = compileModule(new Uint8Array(readFileSync(beamPath)), beamPath, { runtimeImport: runtimeIndex, outFile: `otp-${name}.mjs` });
    const jsPath = join(jsDir, `otp-${name}.mjs`);
    writeAtomic(jsPath, withoutMapUrl(out.js));
    writeAtomic(`${jsPath}.map`, out.map);
    const m = (await import(pathToFileURL(jsPath).href)) as { __module: CompiledModule };
    return { name, beamPath, jsPath, js: out.js, mod: m.__module };
  }
  throw new Error(`no installed module ${name}`);
}


/** Where installed .beam files are looked up: every OTP app, then Elixir's. */
export const elixirLib = '/usr/lib/elixir/lib';
function beamDirs(): string[] {
  const dirs: string[] = [];
  for (const root of [otpLib, elixirLib]) {
    if (!existsSync(root)) continue;
    for (const app of readdirSync(root).sort()) dirs.push(join(root, app, 'ebin'));
  }
  return dirs;
}

/** The installed .beam of module `name`, if any. */
function installedBeam(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(name)) return undefined;
  for (const d of beamDirs()) {
    const f = join(d, `${name}.beam`);
    if (existsSync(f)) return f;
  }
  return undefined;
}

/**
 * A fresh runtime with the given modules loaded and the BIFs over them.
 * Any other OTP module is compiled from its installed .beam on first call
 * (the registry's loader: the calling process waits for it).
 */
export function newRuntime(mods: Compiled[], output?: string[], erlangModule?: Compiled): Runtime {
  const rt = createRuntime({ logCrashes: false, stdout: (s) => output?.push(s), stderr: (s) => output?.push(s) });
  const overlay = (name: string): void => {
    const table = BIF_OVERLAYS.get(name);
    if (table !== undefined) rt.modules.extendModule(name, table as Map<string, never>);
  };
  for (const m of mods) {
    loadModule(rt, m.mod);
    overlay(m.name);
  }
  // The Erlang parts of the erlang module (max/2, min/2, ...) come from its
  // .beam, with the BIFs over them. Other BIF tables go over their compiled
  // module when it loads (a module that exists only as BIFs would hide the rest).
  if (erlangModule !== undefined) loadModule(rt, erlangModule.mod);
  overlay('erlang');
  rt.modules.loader = (name) => {
    if (name === 'erlang' || installedBeam(name) === undefined) return undefined;
    return otp(name).then((c) => {
      loadModule(rt, c.mod);
      overlay(name);
    });
  };
  return rt;
}

/** The OTP modules most fixtures call. */
export const STDLIB = ['lists', 'maps'];
export const stdlib = (): Promise<Compiled[]> => Promise.all(STDLIB.map(otp));

export type Outcome = { ok: Term } | { error: ErlangError };

/** Run `M:F(Args)` in a new process on a fresh runtime. */
export async function callBeamjs(mods: Compiled[], m: string, f: string, args: Term[] = []): Promise<Outcome> {
  const rt = newRuntime(mods, undefined, await otp('erlang'));
  try {
    return { ok: await rt.call(m, f, args) };
  } catch (e) {
    if (e instanceof ErlangError) return { error: e };
    throw e;
  }
}

/** `{ok,V}` or `{Class,Reason}` as ~w text. */
export function outcomeText(o: Outcome): string {
  return 'ok' in o ? formatW(['ok', o.ok]) : formatW([o.error.cls, o.error.reason]);
}

/** The same on BEAM: `M:F(ArgsSrc...)` where args are Erlang source text. */
export async function callErl(c: Compiled, f: string, argsSrc: string[] = []): Promise<string> {
  const dir = c.ebinDir ?? defaultEbin;
  const expr = [
    // Elixir's modules too, for fixtures that call them.
    `code:add_pathz(${JSON.stringify(join(elixirLib, 'elixir', 'ebin'))})`,
    `code:purge(${c.name})`,
    `code:load_abs(${JSON.stringify(join(dir, c.name))})`,
    `R__ = try {ok, ${c.name}:${f}(${argsSrc.join(', ')})} catch C__:E__ -> {C__, E__} end`,
    'io_lib:format("~w", [R__])',
  ].join(', ');
  return erl.text(expr);
}

/** Run `F()` (no arguments) on both and return both texts. */
export async function both(c: Compiled, f: string, deps: Compiled[] = []): Promise<[string, string]> {
  const ours = outcomeText(await callBeamjs([c, ...deps], c.name, f));
  const theirs = await callErl(c, f);
  return [ours, theirs];
}

export { list, formatW };
