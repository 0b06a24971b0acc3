/**
 * Shared pieces of the benchmark runner: timing with medians, the `erl` side
 * (one long-lived `erl` running bench/erl/beamjs_bench.erl), and the report.
 * Timings never go into pass/fail tests: they are printed here only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The checkout (bench/ is compiled to dist/bench/, sources stay in bench/). */
export const repoRoot = resolve(here, here.includes(`${join('dist', 'bench')}`) ? '../..' : '..');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Run `fn` `runs` times after `warmup` runs; the median in milliseconds. */
export async function timeMedian(fn: () => unknown | Promise<unknown>, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ts);
}

let erlRoot: string | undefined;
export function otpRoot(): string {
  erlRoot ??= execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[code:root_dir()]),halt().'],
    { encoding: 'utf8' }).trim();
  return erlRoot;
}

/** Every .beam under <root>/lib/<app>/ebin, sorted. */
export function beamsUnder(libDir: string): string[] {
  const out: string[] = [];
  if (!existsSync(libDir)) return out;
  for (const app of readdirSync(libDir).sort()) {
    const ebin = join(libDir, app, 'ebin');
    if (!existsSync(ebin)) continue;
    for (const f of readdirSync(ebin).sort()) if (f.endsWith('.beam')) out.push(join(ebin, f));
  }
  return out;
}

/** bench/erl/beamjs_bench.erl and the corpus programs it calls (test/programs/bg_*.erl). */
export function benchSources(): string[] {
  const progs = join(repoRoot, 'test', 'programs');
  return [join(repoRoot, 'bench', 'erl', 'beamjs_bench.erl'),
    ...readdirSync(progs).filter((f) => f.startsWith('bg_') && f.endsWith('.erl')).sort().map((f) => join(progs, f))];
}

/** Compile the benchmark modules into .cache/bench-erl when stale; the folder. */
export function benchEbin(): string {
  const out = join(repoRoot, '.cache', 'bench-erl');
  mkdirSync(out, { recursive: true });
  const stale = benchSources().filter((src) => {
    const beam = join(out, src.slice(src.lastIndexOf('/') + 1, -'.erl'.length) + '.beam');
    return !existsSync(beam) || statSync(beam).mtimeMs < statSync(src).mtimeMs;
  });
  if (stale.length > 0) execFileSync('erlc', ['-o', out, ...stale], { stdio: 'inherit' });
  return out;
}

/**
 * The median time in ms of `beamjs_bench:Name(Arg)` on erl, measured inside
 * erl by beamjs_bench:median/3 (so start-up is excluded).
 */
export function erlMedian(name: string, argSource: string, runs = 5): Promise<number> {
  const ebin = benchEbin();
  return new Promise((resolveP, reject) => {
    const child = spawn('erl', ['-noshell', '-pa', ebin, '-eval',
      `io:format("~w~n", [beamjs_bench:median(${name}, ${argSource}, ${runs})]), halt().`]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const v = Number.parseFloat(out.trim());
      if (code === 0 && Number.isFinite(v)) resolveP(v);
      else reject(new Error(`erl benchmark ${name} failed: ${out.trim()}`));
    });
  });
}

export interface Row {
  name: string;
  unit?: string;
  beamjs: number;
  erl?: number;
  js?: number;
  note?: string;
}

const fmt = (x: number | undefined) => (x === undefined ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a: number, b: number | undefined) => (b === undefined ? '-' : `${(a / b).toFixed(2)}x`);

export function printTable(rows: Row[]): void {
  const header = ['benchmark', 'beamjs ms', 'erl ms', 'js ms', 'beamjs/erl', 'beamjs/js', 'note'];
  const lines = rows.map((r) => [r.name, fmt(r.beamjs), fmt(r.erl), fmt(r.js), ratio(r.beamjs, r.erl), ratio(r.beamjs, r.js), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const show = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(show(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(show(l));
}
