/**
 * Standard input through the I/O server of `user`: programs in
 * test/otp/input/ read what is piped to them (io:get_line, io:read,
 * io:fread, io:get_chars, binary mode) and print what they got; erl -noshell
 * and `beamjs run` must print the same for the same input.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const dir = join(import.meta.dirname, 'input');
const out = join(root, '.cache', 'otp-input');
const cli = join(root, 'dist', 'cli', 'index.js');

const CASES: [string, string][] = [
  ['io_read_lines', 'first line\nsecond, with unicode: \u00e9\u03b1\n\nlast line without newline'],
  ['io_read_lines', ''],
  ['io_read_terms', '{tuple, [1, 2.5, "str"]}.\n#{a => <<"b">>}.\n42 atom word\nabcdefgh\nnext line\n'],
  ['io_read_terms', 'not a term ) .\n'],
];

function onErl(name: string, input: string): string {
  const r = spawnSync('erl', ['-noshell', '-pa', out, '-eval', `${name}:main(), init:stop().`], { input, encoding: 'utf8', timeout: 60_000 });
  return r.stdout + r.stderr;
}

function onBeamjs(name: string, input: string): string {
  const r = spawnSync('node', [cli, 'run', join(out, `${name}.beam`)], {
    input,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, BEAMJS_CACHE: process.env.BEAMJS_CACHE ?? join(root, '.cache', 'beamjs') },
  });
  return r.stdout + r.stderr;
}

describe('standard input', () => {
  mkdirSync(out, { recursive: true });
  execFileSync('erlc', ['-o', out, join(dir, 'io_read_lines.erl'), join(dir, 'io_read_terms.erl')]);
  CASES.forEach(([name, input], i) => {
    it(`${name} #${i}`, () => {
      const theirs = onErl(name, input);
      expect(theirs.length).toBeGreaterThan(0);
      expect(onBeamjs(name, input)).toBe(theirs);
    }, 180_000);
  });
});
