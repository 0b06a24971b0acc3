/**
 * Finding the installed Erlang/OTP whose .beam files beamjs compiles: the
 * `BEAMJS_OTP_ROOT` environment variable, else the root of the `erl` on PATH
 * (its real path is <root>/bin/erl, or the bin folder of an erts folder), else asking erl.
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
