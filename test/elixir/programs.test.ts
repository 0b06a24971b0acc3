/**
 * Elixir programs: each test/elixir/programs/<name>.ex defines
 * BeamjsEx.<Name>.main/0, which prints what it computes (IO.puts,
 * IO.inspect, Logger). elixirc compiles them all; each runs under the
 * `elixir` command (`elixir -pa OUT -e 'BeamjsEx.Name.main()'`) and through
 * the built `beamjs run OUT -e 'BeamjsEx.Name.main()'`, which starts the
 * elixir application as the `elixir` command does. The printed text must be
 * identical once pids, references, Logger's clock and ExUnit's timings are
 * masked. BeamjsEx.ExunitSuite runs the ExUnit files of test/elixir/exunit,
 * compiled at run time by Elixir's compiler as `mix test` does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const dir = join(import.meta.dirname, 'programs');
const out = join(root, '.cache', 'elixir-programs');
const cli = join(root, 'dist', 'cli', 'index.js');

const files = readdirSync(dir).filter((f) => f.endsWith('.ex')).sort();
/** enum_stream.ex defines BeamjsEx.EnumStream. */
const moduleOf = (file: string): string =>
  `BeamjsEx.${file.slice(0, -3).split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`;

function compile(): void {
  const stamp = join(out, '.stamp');
  const newest = Math.max(...files.map((f) => statSync(join(dir, f)).mtimeMs));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync('elixirc', ['--warnings-as-errors', '-o', out, ...files.map((f) => join(dir, f))], { stdio: 'pipe' });
  execFileSync('touch', [stamp]);
}

export function mask(text: string): string {
  return text
    .replace(/#PID<\d+\.\d+\.\d+>/g, '#PID<>')
    .replace(/<\d+\.\d+\.\d+>/g, '<PID>')
    .replace(/#Reference<[\d.]+>/g, '#Reference<>')
    .replace(/^\d\d:\d\d:\d\d\.\d\d\d \[/gm, 'TIME [')
    .replace(/^Finished in .*$/gm, 'Finished in T');
}

function onElixir(mod: string): { text: string; status: number | null } {
  const r = spawnSync('elixir', ['-pa', out, '-e', `${mod}.main()`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { text: mask(r.stdout + r.stderr), status: r.status };
}

function onBeamjs(mod: string): { text: string; status: number | null } {
  const r = spawnSync('node', [cli, 'run', out, '-e', `${mod}.main()`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, BEAMJS_CACHE: process.env.BEAMJS_CACHE ?? join(root, '.cache', 'beamjs') },
  });
  return { text: mask(r.stdout + r.stderr), status: r.status };
}

describe('Elixir programs print what the elixir command prints', () => {
  it('has the programs, the built CLI and Elixir', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(existsSync(cli)).toBe(true);
    compile();
  }, 120_000);
  for (const file of files) {
    const mod = moduleOf(file);
    it(mod, () => {
      compile();
      const theirs = onElixir(mod);
      expect(theirs.status).toBe(0);
      expect(theirs.text.length).toBeGreaterThan(0);
      const ours = onBeamjs(mod);
      expect(ours.text).toBe(theirs.text);
      expect(ours.status).toBe(0);
    }, 180_000);
  }

  it('an uncaught exception prints as elixir prints it, status 1', () => {
    compile();
    const [e, b] = [spawnSync('elixir', ['-pa', out, '-e', 'BeamjsEx.Errors.risky(:arg)'], { cwd: root, encoding: 'utf8' }),
      spawnSync('node', [cli, 'run', out, '-e', 'BeamjsEx.Errors.risky(arg)'], { cwd: root, encoding: 'utf8' })];
    // elixir -e adds its evaluator's frames (erl_eval, Code) below the call's own.
    const own = (text: string): string => text.split('\n').filter((l) => !/erl_eval|lib\/code\.ex/.test(l)).join('\n').trim();
    expect(e.status).toBe(1);
    expect(b.status).toBe(1);
    expect(own(b.stderr)).toBe(own(e.stderr));
    expect(own(b.stderr)).toMatch(/^\*\* \(ArgumentError\) bad arg\n {4}test\/elixir\/programs\/errors\.ex:\d+: BeamjsEx\.Errors\.risky\/1$/);
  }, 120_000);
});
