/**
 * Finding the installed Erlang/OTP whose .beam files beamjs compiles: the
 * `BEAMJS_OTP_ROOT` environment variable, else the root of the `erl` on PATH
 * (its real path is <root>/bin/erl, or the bin folder of an erts folder), else asking erl;
 * and the installed Elixir, whose lib/<app>/ebin folders follow OTP's on the
 * code path, as the `elixir` command puts them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

let cached: string | null | undefined;

function fromPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const erl = join(dir, 'erl');
    if (!existsSync(erl)) continue;
    let d = dirname(realpathSync(erl));
    for (let i = 0; i < 3; i++) {
      d = dirname(d);
      if (existsSync(join(d, 'lib')) && readdirSync(join(d, 'lib')).some((a) => a.startsWith('stdlib-'))) return d;
    }
  }
  return undefined;
}

function fromErl(): string | undefined {
  try {
    return execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[code:root_dir()]),halt().'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** code:root_dir() of the installed Erlang/OTP, or undefined when there is none. */
export function otpRoot(): string | undefined {
  if (cached === undefined) cached = process.env.BEAMJS_OTP_ROOT ?? fromPath() ?? fromErl() ?? null;
  return cached ?? undefined;
}

/** Every <root>/lib/<app>/ebin folder, sorted by application. */
export function otpEbinDirs(root = otpRoot()): string[] {
  if (root === undefined) return [];
  const lib = join(root, 'lib');
  if (!existsSync(lib)) return [];
  return readdirSync(lib)
    .sort()
    .map((app) => join(lib, app, 'ebin'))
    .filter((d) => existsSync(d));
}

let elixirCached: string | null | undefined;

/** The root of the installed Elixir (<root>/lib/elixir/ebin): `BEAMJS_ELIXIR_ROOT`, else the `elixir` on PATH. */
export function elixirRoot(): string | undefined {
  if (elixirCached === undefined) {
    elixirCached = process.env.BEAMJS_ELIXIR_ROOT ?? null;
    if (elixirCached === null) {
      for (const dir of (process.env.PATH ?? '').split(delimiter)) {
        const exe = join(dir, 'elixir');
        if (!existsSync(exe)) continue;
        const root = dirname(dirname(realpathSync(exe)));
        if (existsSync(join(root, 'lib', 'elixir', 'ebin'))) {
          elixirCached = root;
          break;
        }
      }
    }
  }
  return elixirCached ?? undefined;
}

/** Every lib/<app>/ebin folder of the installed Elixir (none without one). */
export function elixirEbinDirs(root = elixirRoot()): string[] {
  return root === undefined ? [] : otpEbinDirs(root);
}

/** The code path after the user's inputs: OTP's ebin folders, then Elixir's. */
export function systemEbinDirs(): string[] {
  return [...otpEbinDirs(), ...elixirEbinDirs()];
}
