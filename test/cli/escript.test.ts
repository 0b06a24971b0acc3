/**
 * `beamjs escript SCRIPT ARGS...` against OTP's `escript -c` (the same
 * script compiled, then main(Args)): stdout, stderr and the exit status,
 * through the built executable.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/ref-server.js';

const bin = join(repoRoot, 'dist', 'cli', 'index.js');
const work = mkdtempSync(join(tmpdir(), 'beamjs-escript-'));
const cache = join(work, 'cache');

interface Ran {
  stdout: string;
  stderr: string;
  status: number | null;
}

function run(cmd: string, args: string[], input = ''): Ran {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, BEAMJS_CACHE: cache },
    input,
    timeout: 120_000,
  });
  // escript names the script's module after the file and the time of the run.
  const mask = (s: string): string => s.replace(/__escript__\d+__\d+__\d+__\d+/g, '__escript__N');
  return { stdout: mask(r.stdout), stderr: mask(r.stderr), status: r.status };
}

const beamjs = (args: string[], input?: string): Ran => run(process.execPath, [bin, 'escript', ...args], input);
const escript = (args: string[], input?: string): Ran => run('escript', ['-c', ...args], input);

function script(name: string, body: string, header = '#!/usr/bin/env escript\n%% -*- erlang -*-\n%%! -smp enable\n'): string {
  writeFileSync(join(work, name), header + body);
  return name;
}

const HELLO = script('hello.escript', `
-record(r, {a = 1}).
main(Args) ->
    io:format("args: ~p~n", [Args]),
    io:format("name: ~s~n", [filename:basename(escript:script_name())]),
    io:format("rec: ~p~n", [(#r{})#r.a]),
    Pids = [spawn_link(fun() -> receive {go, P} -> P ! {done, N * N} end end) || N <- lists:seq(1, 5)],
    [P ! {go, self()} || P <- Pids],
    io:format("sum: ~p~n", [lists:sum([receive {done, V} -> V end || _ <- Pids])]),
    case Args of
        ["crash"] -> io:format("~p~n", [lists:nth(10, [1])]);
        ["halt"] -> halt(3);
        ["stdin"] -> io:format("read: ~p~n", [io:get_line("")]);
        _ -> ok
    end.
`);

describe('beamjs escript', () => {
  it('runs main/1 with the arguments, processes and records, status 0 (as escript -c)', () => {
    const args = [HELLO, 'a', '-b', 'c d'];
    const want = escript(args);
    const got = beamjs(args);
    expect(want.status).toBe(0);
    expect(got).toEqual(want);
  });

  it('halt/1 in the script sets the exit status; standard input reaches the script', () => {
    expect(beamjs([HELLO, 'halt'])).toEqual(escript([HELLO, 'halt']));
    const withInput = beamjs([HELLO, 'stdin'], 'typed line\n');
    expect(withInput).toEqual(escript([HELLO, 'stdin'], 'typed line\n'));
    expect(withInput.stdout).toContain('read: "typed line\\n"\n');
  });

  it("an uncaught error prints escript's exception text and exits 127", () => {
    const want = escript([HELLO, 'crash']);
    const got = beamjs([HELLO, 'crash']);
    expect(got.status).toBe(127);
    expect(got.stdout).toBe(want.stdout);
    // The lines after these name the frames under escript:start/1: init's on
    // BEAM, beamjs's own boot function here.
    const first = (s: string): string => s.split('\n').slice(0, 3).join('\n');
    expect(first(got.stderr)).toBe(first(want.stderr));
    expect(first(got.stderr)).toBe(
      'escript: exception error: no function clause matching lists:nth(9,[]) (lists.erl, line 198)\n' +
        '  in function  hello_escript__escript__N:main/1 (hello.escript, line 14)\n' +
        '  in call from escript:run/2 (escript.erl, line 750)',
    );
  });

  it('reports scripts that do not compile, a missing main/1, a missing file, as escript does', () => {
    const bad = script('bad.escript', 'main(_) -> X.\n');
    const wantBad = escript([bad]);
    expect(wantBad.status).toBe(127);
    expect(beamjs([bad])).toEqual(wantBad);
    const nomain = script('nomain.escript', '-export([other/0]).\nother() -> ok.\n');
    expect(beamjs([nomain])).toEqual(escript([nomain]));
    const missing = beamjs(['missing.escript']);
    expect(missing).toEqual(run('escript', ['missing.escript']));
    expect(missing.stderr).toBe('escript: Failed to open file: missing.escript\n');
  });

  it('a script without a header line and with its own -module and -mode', () => {
    const own = script('own.escript', '-module(own_mod).\n-mode(compile).\n-export([main/1]).\nmain([A]) -> io:format("~s ~p~n", [A, ?MODULE]).\n', '');
    expect(beamjs([own, 'x'])).toEqual(escript([own, 'x']));
  });

  it("runs OTP's edoc escript: the same HTML as on BEAM", () => {
    const edoc = edocEscript();
    writeFileSync(join(work, 'documented.erl'), [
      '%% @doc A module with docs.', '-module(documented).', '-export([double/1]).',
      '%% @doc Doubles `X\'.', '-spec double(integer()) -> integer().', 'double(X) -> 2 * X.', '',
    ].join('\n'));
    const want = run('escript', [edoc, '-o', 'doc_erl', '-files', 'documented.erl']);
    const got = beamjs([edoc, '-o', 'doc_js', '-files', 'documented.erl']);
    expect(want.status).toBe(0);
    expect(got.status).toBe(0);
    expect(got.stdout.replace('doc_js', 'doc_erl')).toBe(want.stdout);
    const files = readdirSync(join(work, 'doc_erl')).sort();
    expect(files).toContain('documented.html');
    expect(readdirSync(join(work, 'doc_js')).sort()).toEqual(files);
    for (const f of files) {
      expect(readFileSync(join(work, 'doc_js', f)).equals(readFileSync(join(work, 'doc_erl', f))), f).toBe(true);
    }
  });

  it("runs OTP's snmpc escript: the same compiled MIB as on BEAM", () => {
    const mib = join(libDir('snmp'), 'mibs', 'RFC1213-MIB.mib');
    const { erlDir, jsDir } = bothIn((dir) => [join(libDir('snmp'), 'bin', 'snmpc'), '--o', dir, mib]);
    sameFiles(erlDir, jsDir, ['RFC1213-MIB.bin']);
  });

  it("runs OTP's diameterc escript: the same generated codec as on BEAM", () => {
    const dict = join(libDir('diameter'), 'src', 'dict', 'base_rfc6733.dia');
    const { erlDir, jsDir } = bothIn((dir) => [join(libDir('diameter'), 'bin', 'diameterc'), '-o', dir, '-i', dir, dict]);
    sameFiles(erlDir, jsDir, ['diameter_gen_base_rfc6733.erl', 'diameter_gen_base_rfc6733.hrl']);
  });

  it('runs rebar3 (an archive escript) on a project: rebar3 eunit, ct and escriptize do what they do on BEAM', () => {
    const files: Record<string, string> = {
      'rebar.config': '{erl_opts, [debug_info]}.\n{deps, []}.\n',
      'src/shelf.app.src': '{application, shelf, [{description, "a shelf"}, {vsn, "0.1.0"}, {registered, []},\n' +
        '  {applications, [kernel, stdlib]}, {env, []}, {modules, []}]}.\n',
      'src/shelf.erl': '-module(shelf).\n-export([put/3, get/2, main/1]).\nput(K, V, S) -> [{K, V} | S].\n' +
        'get(K, S) -> proplists:get_value(K, S).\nmain(Args) -> io:format("~p~n", [get(a, put(a, Args, []))]).\n',
      'test/shelf_tests.erl': '-module(shelf_tests).\n-include_lib("eunit/include/eunit.hrl").\n' +
        'get_test() -> ?assertEqual(1, shelf:get(a, shelf:put(a, 1, []))).\n' +
        'missing_test() -> ?assertEqual(0, shelf:get(b, [])).\n',
      'test/shelf_SUITE.erl': '-module(shelf_SUITE).\n-export([all/0, t_get/1, t_missing/1]).\n' +
        'all() -> [t_get, t_missing].\nt_get(_) -> 1 = shelf:get(a, shelf:put(a, 1, [])).\n' +
        't_missing(_) -> 0 = shelf:get(b, []).\n',
    };
    const dirs = ['rebar_erl', 'rebar_js'].map((name) => {
      const dir = join(work, name);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return dir;
    });
    const rebar3 = spawnSync('sh', ['-c', 'command -v rebar3'], { encoding: 'utf8' }).stdout.trim();
    // rebar3 colours its output unless told otherwise; the run's time differs.
    const env = { ...process.env, BEAMJS_CACHE: cache, REBAR_COLOR: 'none' };
    const clean = (s: string): string => s.replace(/^Finished in .*$/m, 'Finished in N seconds');
    const want = spawnSync('rebar3', ['eunit'], { cwd: dirs[0], encoding: 'utf8', env });
    const got = spawnSync(process.execPath, [bin, 'escript', rebar3, 'eunit'], {
      cwd: dirs[1], encoding: 'utf8', env, timeout: 300_000,
    });
    expect(want.status).toBe(1);
    expect(clean(want.stdout)).toContain('2 tests, 1 failures');
    expect({ status: got.status, out: clean(got.stdout + got.stderr) }).toEqual({ status: want.status, out: clean(want.stdout + want.stderr) });
    // rebar3 ct: Common Test through rebar3 (paths and the run's time masked).
    const ctOut = (r: { stdout: string; stderr: string }, dir: string): string =>
      (r.stdout + r.stderr).replaceAll(dir, 'DIR').replace(/\d{4}-\d\d-\d\d_\d\d\.\d\d\.\d\d/g, 'TIME');
    const ctWant = spawnSync('rebar3', ['ct'], { cwd: dirs[0], encoding: 'utf8', env });
    const ctGot = spawnSync(process.execPath, [bin, 'escript', rebar3, 'ct'], { cwd: dirs[1], encoding: 'utf8', env, timeout: 300_000 });
    expect(ctOut(ctWant, dirs[0]!)).toContain('Failed 1 tests. Passed 1 tests.');
    expect({ status: ctGot.status, out: ctOut(ctGot, dirs[1]!) }).toEqual({ status: ctWant.status, out: ctOut(ctWant, dirs[0]!) });
    // rebar3 escriptize: the escript rebar3 builds on beamjs (OTP's compiler and zip
    // running on beamjs) runs on BEAM as the one built on BEAM.
    const escWant = spawnSync('rebar3', ['escriptize'], { cwd: dirs[0], encoding: 'utf8', env });
    const escGot = spawnSync(process.execPath, [bin, 'escript', rebar3, 'escriptize'], { cwd: dirs[1], encoding: 'utf8', env, timeout: 300_000 });
    expect(escWant.status).toBe(0);
    expect({ status: escGot.status, out: escGot.stdout.replaceAll(dirs[1]!, 'DIR') }).toEqual({ status: 0, out: escWant.stdout.replaceAll(dirs[0]!, 'DIR') });
    const built = dirs.map((d) => spawnSync('escript', [join(d, '_build', 'default', 'bin', 'shelf'), 'x', 'y'], { encoding: 'utf8' }).stdout);
    expect(built).toEqual(['["x","y"]\n', '["x","y"]\n']);
  }, 300_000);
});

/** The installed OTP's lib folder of `app` (lib/<app>-<vsn>). */
function libDir(app: string): string {
  return spawnSync('erl', ['-noshell', '-eval', `io:format("~s", [code:lib_dir(${app})]), halt().`], { encoding: 'utf8' }).stdout;
}

/** The edoc escript the installed OTP ships (lib/edoc-<vsn>/bin/edoc). */
function edocEscript(): string {
  return join(libDir('edoc'), 'bin', 'edoc');
}

/** Run `escript` and `beamjs escript` with the same arguments in two fresh folders; both must succeed. */
function bothIn(args: (dir: string) => string[]): { erlDir: string; jsDir: string } {
  const erlDir = mkdtempSync(join(work, 'erl-'));
  const jsDir = mkdtempSync(join(work, 'js-'));
  const want = spawnSync('escript', args(erlDir), { cwd: erlDir, encoding: 'utf8' });
  const got = spawnSync(process.execPath, [bin, 'escript', ...args(jsDir)], {
    cwd: jsDir,
    encoding: 'utf8',
    env: { ...process.env, BEAMJS_CACHE: cache },
    timeout: 120_000,
  });
  expect(want.status).toBe(0);
  expect({ status: got.status, stderr: got.stderr }).toEqual({ status: 0, stderr: want.stderr });
  expect(got.stdout.replaceAll(jsDir, erlDir)).toBe(want.stdout);
  return { erlDir, jsDir };
}

/** The files of two folders are the same, byte for byte. */
function sameFiles(a: string, b: string, expected: string[]): void {
  const files = readdirSync(a).sort();
  for (const f of expected) expect(files).toContain(f);
  expect(readdirSync(b).sort()).toEqual(files);
  for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
}
