/**
 * OTP behaviour scenarios: each test/otp/scenarios/<name>.erl exports main/0,
 * which drives OTP behaviours (gen_server, gen_statem, gen_event,
 * supervisor, application) and prints what happens with io:format; crashes
 * and supervisor reports are printed by logger. The program runs on erl
 * (`erl -noshell -eval 'name:main(), init:stop().'`) and through the built
 * `beamjs run`, and the printed text must be identical once pids, references
 * and report dates are masked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const dir = join(import.meta.dirname, 'scenarios');
const out = join(root, '.cache', 'otp-scenarios');
const cli = join(root, 'dist', 'cli', 'index.js');

const sources = readdirSync(dir).filter((f) => f.endsWith('.erl')).map((f) => f.slice(0, -4)).sort();
/** The scenarios (a `_SUITE` module is a Common Test suite a scenario runs, a `_lib` one a module it uses). */
const names = sources.filter((n) => !n.endsWith('_SUITE') && !n.endsWith('_lib'));

function compile(): void {
  mkdirSync(out, { recursive: true });
  execFileSync('erlc', ['-o', out, ...sources.map((n) => join(dir, `${n}.erl`))]);
  for (const f of readdirSync(dir)) if (f.endsWith('.app')) copyFileSync(join(dir, f), join(out, f));
}

/**
 * Pids, references, funs and report dates differ between runs and systems,
 * and so do the memory figures of crash reports (heap_size, stack_size,
 * reductions: docs/differences-with-beam.md).
 */
export function mask(text: string): string {
  return text
    .replace(/^( +(?:heap_size|stack_size|reductions): )\d+$/gm, '$1N')
    .replace(/<\d+\.\d+\.\d+>/g, '<PID>')
    .replace(/#Ref<[\d.]+>/g, '#Ref<>')
    .replace(/#Fun<[^>]+>/g, '#Fun<>')
    .replace(/==== \d+-\w+-\d+::\d\d:\d\d:\d\d\.\d+ ===/g, '==== DATE ===')
    // Common Test's run folders; EUnit's times of slow tests and of the run.
    .replace(/\d{4}-\d\d-\d\d_\d\d\.\d\d\.\d\d/g, 'TIME')
    .replace(/\.\.\.\[\d+\.\d+ s\] /g, '...')
    .replace(/\[done in \d+\.\d+ s\]/g, '[done in N s]');
}

function onErl(name: string): string {
  const r = spawnSync('erl', ['-noshell', '-pa', out, '-eval', `${name}:main(), init:stop().`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return mask(r.stdout + r.stderr);
}

function onBeamjs(name: string): string {
  const r = spawnSync('node', [cli, 'run', join(out, `${name}.beam`)], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, BEAMJS_CACHE: process.env.BEAMJS_CACHE ?? join(root, '.cache', 'beamjs') },
  });
  return mask(r.stdout + r.stderr);
}

describe('OTP behaviour scenarios print what erl prints', () => {
  it('has the scenarios of issue 4', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(existsSync(cli)).toBe(true);
    compile();
  });
  for (const name of names) {
    it(name, () => {
      if (!existsSync(join(out, `${name}.beam`))) compile();
      const theirs = onErl(name);
      expect(theirs.length).toBeGreaterThan(0);
      expect(onBeamjs(name)).toBe(theirs);
    }, 180_000);
  }
});
