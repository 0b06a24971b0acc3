/**
 * `beamjs disasm`: the command function on a good file, a folder and a
 * corrupt file, and the real executable (compiled from cli/index.ts into
 * .cache/test-cli) for exit statuses and "one line on stderr, no stack".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disasm, type Output } from '../../cli/commands/disasm.js';
import { repoRoot } from '../support/ref-server.js';
import {
  compileErl, readBytes, tempDir, removeTempDir,
} from './support.js';

afterAll(removeTempDir);

function capture(): Output & { stdout: string; stderr: string[] } {
  const o = {
    stdout: '',
    stderr: [] as string[],
    out(text: string) {
      o.stdout += text;
    },
    err(line: string) {
      o.stderr.push(line);
    },
  };
  return o;
}

let good: string;
let folder: string;
let corrupt: string;

beforeAll(() => {
  good = compileErl('rt_cli', '-module(rt_cli).\n-export([f/1]).\nf(X) -> {ok, X}.\n');
  folder = join(tempDir(), 'ebin');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  copyFileSync(good, join(folder, 'rt_cli.beam'));
  copyFileSync(compileErl('rt_cli2', '-module(rt_cli2).\n-export([g/0]).\ng() -> [].\n'), join(folder, 'sub', 'rt_cli2.beam'));
  writeFileSync(join(folder, 'notes.txt'), 'not a beam');
  corrupt = join(tempDir(), 'corrupt.beam');
  writeFileSync(corrupt, readBytes(good).slice(0, 100));
});

describe('disasm command', () => {
  it('prints a module as an erlc -S style listing', () => {
    const io = capture();
    expect(disasm([good], {}, io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toMatch(/^\{module, rt_cli\}\.  %% version = 0\n/);
    expect(io.stdout).toContain('{exports, [{f,1},{module_info,0},{module_info,1}]}.');
    expect(io.stdout).toContain('\n\n{function, f, 1, 2}.\n  {label,1}.\n    {line,[{location,"rt_cli.erl",3}]}.\n' +
      '    {func_info,{atom,rt_cli},{atom,f},1}.\n  {label,2}.\n');
    expect(io.stdout).toContain('    {call_ext_only,1,{extfunc,erlang,get_module_info,1}}.\n');
  });

  it('walks a folder recursively and summarises', () => {
    const io = capture();
    expect(disasm([folder], { summary: true }, io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const lines = io.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/ebin: 2 files, 6 functions, \d+ instructions$/);
    expect(lines[1]).toMatch(/^total: 2 files, 6 functions, \d+ instructions, [\d.]+ s \(\d+ instructions\/s\)$/);
  });

  it('reports a corrupt file in one line, goes on, and fails', () => {
    const io = capture();
    expect(disasm([corrupt, good, '/no/such/file.beam'], { summary: true }, io)).toBe(1);
    expect(io.stderr).toHaveLength(2);
    expect(io.stderr[0]).toMatch(/corrupt\.beam: at byte 4: truncated file/);
    expect(io.stderr[1]).toBe('/no/such/file.beam: cannot read: no such file or directory');
    expect(io.stdout).toMatch(/^total: 1 file, 3 functions/m);
  });
});

describe('beamjs executable', () => {
  const outDir = join(repoRoot, '.cache', 'test-cli');
  const bin = join(outDir, 'cli', 'index.js');

  beforeAll(() => {
    // Compile just the CLI's import closure (the full build may hold other people's work in progress).
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    spawnSync(process.execPath, [tsc, '--outDir', outDir, '--rootDir', repoRoot, '--module', 'NodeNext',
      '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--skipLibCheck', '--types', 'node',
      join(repoRoot, 'cli', 'index.ts')], { cwd: repoRoot, stdio: 'pipe' });
    execFileSync(process.execPath, [bin, '--version'], { stdio: 'pipe' });
  }, 120_000);

  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('prints a listing and exits 0', () => {
    const r = run('disasm', good);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\{module, rt_cli\}\./);
    expect(r.stderr).toBe('');
  });

  it('prints one line per bad file on stderr, no stack trace, and exits 1', () => {
    const r = run('disasm', '--summary', corrupt, folder);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/corrupt\.beam: at byte 4: truncated file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toMatch(/total: 2 files, 6 functions/);
  });

  it('names itself beamjs', () => {
    const r = run('--help');
    expect(r.stdout).toMatch(/^Usage: beamjs /);
    expect(r.stdout).toContain('disasm');
  });
});
