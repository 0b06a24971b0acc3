/**
 * `beamjs run` and `beamjs compile` through the built executable
 * (dist/cli/index.js, which the README's test command builds first): exit
 * statuses, what reaches stdout and stderr, --print against erl, --dump, and
 * the compile cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { erl } from '../support/erl.js';
import { repoRoot } from '../support/ref-server.js';

const bin = join(repoRoot, 'dist', 'cli', 'index.js');
const work = mkdtempSync(join(tmpdir(), 'beamjs-cli-'));
const cache = join(work, 'cache');

function beamjs(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, BEAMJS_CACHE: cache },
    timeout: 120_000,
  });
}

function erlFile(name: string, body: string): string {
  const path = join(work, `${name}.erl`);
  writeFileSync(path, `-module(${name}).\n${body}\n`);
  return path;
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run the build first (npm run setup)`);
});

describe('beamjs run', () => {
  it('runs the demo: processes and io:format, exit status 0', () => {
    const r = beamjs('run', join(repoRoot, 'examples', 'ring', 'ring.erl'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('token made 15 hops around a ring of 5 processes\n');
    expect(r.status).toBe(0);
  });

  it('runs the README demo: a supervised worker pool whose crashed worker is restarted', () => {
    const r = beamjs('run', join(repoRoot, 'examples', 'pool', 'pool.erl'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^pool of 4 workers started under <0\.\d+\.0>\n/);
    expect(r.stdout).toContain('died running crash_once; the job goes back in the queue');
    expect(r.stdout).toContain('  {primes_below,30000} -> 3245\n');
    expect(r.stdout).toContain('=SUPERVISOR REPORT==== ');
    expect(r.stdout).toContain('    errorContext: child_terminated\n    reason: deliberate_crash\n');
    expect(r.stdout).toContain('7 jobs done; jobs retried after a crash: 1; workers alive: 4\n');
  });

  it('prints the value of -e calls exactly as erl prints ~w', async () => {
    const src = erlFile('cli_calls', '-export([f/4]).\nf(A, B, C, D) -> {A * 2, lists:reverse(B), C, maps:put(z, 1.5, D), 1 bsl 70}.');
    const call = "cli_calls:f(21, [a, \"b\", $c, 'Q q'], <<1, 2, \"xy\">>, #{k => -2.5e-3})";
    const r = beamjs('run', src, '-e', call, '--print');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const theirs = await erl.text(`io_lib:format("~w~n", [{21 * 2, lists:reverse([a, "b", $c, 'Q q']), <<1, 2, "xy">>,
      maps:put(z, 1.5, #{k => -2.5e-3}), 1 bsl 70}])`);
    expect(r.stdout).toBe(theirs);
  });

  it('a raising call prints BEAM\'s error report, no JS stack, and exits 1', () => {
    const src = erlFile('cli_crash', '-export([main/0]).\nmain() -> lists:nth(5, [a]).');
    const r = beamjs('run', src);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/=ERROR REPORT==== .* ===\nError in process <0\.\d+\.0> with exit value:\n\{function_clause,/);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(js|ts|mjs):\d+/);
  });

  it('erlang:halt/1 ends the run with its status, even with other processes running', () => {
    const src = erlFile('cli_halt', '-export([main/0]).\nmain() -> spawn(fun F() -> F() end), io:format("bye~n"), erlang:halt(3).');
    const r = beamjs('run', src);
    expect(r.stdout).toBe('bye\n');
    expect(r.status).toBe(3);
  });

  it('the run ends when the call returns, whatever other processes do', () => {
    const src = erlFile('cli_return', '-export([main/0]).\nmain() -> spawn(fun F() -> F() end), done.');
    const r = beamjs('run', src, '--print');
    expect(r.stdout).toBe('done\n');
    expect(r.status).toBe(0);
  });

  it('a call that waits with nothing to wake it fails instead of hanging', () => {
    const src = erlFile('cli_stuck', '-export([main/0]).\nmain() -> receive never -> ok end.');
    const r = beamjs('run', src);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('beamjs: cli_stuck:main/0 is waiting and no other process or timer can wake it');
  });

  it('bad input is one line on stderr and status 1', () => {
    const missing = beamjs('run', join(work, 'nope.beam'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([`${join(work, 'nope.beam')}: no such file or folder`]);
    const syntax = beamjs('run', '-e', 'lists:seq(1,');
    expect(syntax.status).toBe(1);
    expect(syntax.stderr.trim().split('\n')).toHaveLength(1);
    expect(syntax.stderr).toMatch(/^-e: expected a term at column 13/);
    const erlc = beamjs('run', erlFile('cli_bad', 'f( ->.'));
    expect(erlc.status).toBe(1);
    expect(erlc.stderr).toMatch(/cli_bad\.erl: erlc failed/);
    const undef = beamjs('run', '-e', 'no_such_module:f()');
    expect(undef.status).toBe(1);
    expect(undef.stderr).toMatch(/\{undef,\[\{no_such_module,f,\[\],\[\]\}/);
  });

  it('--dump=asm and --dump=js show the stages', () => {
    const src = erlFile('cli_dump', '-export([main/0]).\nmain() -> ok.');
    const asm = beamjs('run', src, '--dump=asm');
    expect(asm.status).toBe(0);
    expect(asm.stdout).toContain('{function, main, 0, 2}.');
    const js = beamjs('run', src, '--dump=js');
    expect(js.status).toBe(0);
    expect(() => parse(js.stdout, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
    expect(js.stdout).toMatch(/cli_dump\.erl:\d+/);
    const bad = beamjs('run', src, '--dump=ir');
    expect(bad.status).toBe(1);
  });

  it('reuses the compile cache for unchanged inputs', () => {
    const src = erlFile('cli_cache', '-export([main/0]).\nmain() -> lists:sum([1, 2, 3]).');
    expect(beamjs('run', src, '--print').stdout).toBe('6\n');
    const files = readdirSync(join(cache, 'modules')).sort();
    expect(files.some((f) => f.startsWith('cli_cache-'))).toBe(true);
    expect(beamjs('run', src, '--print').stdout).toBe('6\n');
    expect(readdirSync(join(cache, 'modules')).sort()).toEqual(files);
  });
});

describe('beamjs compile', () => {
  it('compiles a folder of .beam files to parseable ES modules with source maps', () => {
    const ebin = join(work, 'ebin');
    mkdirSync(ebin, { recursive: true });
    const src = erlFile('cli_comp', '-export([f/0]).\nf() -> [X * 2 || X <- [1, 2, 3]].');
    spawnSync('erlc', ['-o', ebin, src]);
    const out = join(work, 'out');
    const r = beamjs('compile', ebin, '-o', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^compiled 1 module in [\d.]+ s\n$/);
    const js = readFileSync(join(out, 'cli_comp.mjs'), 'utf8');
    expect(() => parse(js, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
    expect(js).toContain('import * as R from "beamjs/runtime";');
    const map = JSON.parse(readFileSync(join(out, 'cli_comp.mjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('cli_comp.erl'))).toBe(true);
  });

  it('reports a corrupt .beam in one line and exits 1', () => {
    const bad = join(work, 'bad.beam');
    writeFileSync(bad, 'FOR1\0\0\0\x08BEAMjunk');
    const r = beamjs('compile', bad, '-o', join(work, 'out2'));
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/bad\.beam: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
