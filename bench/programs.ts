/**
 * Erlang programs measured on erl and on beamjs: the same .beam
 * (bench/erl/beamjs_bench.erl) runs on both. beamjs runs it the way
 * `beamjs run` does (modules compiled through the cache, OTP modules loaded
 * on demand), each measured call in a new process after a warm-up call.
 */
import { join } from 'node:path';
import { indexBeams, indexEbins } from '../cli/host/inputs.js';
import { bootSystem } from '../runtime/boot.js';
import { nodeRuntime, runtimeEbin } from '../cli/host/node-runtime.js';
import { otpEbinDirs } from '../cli/host/otp.js';
import type { Runtime } from '../runtime/process/runtime.js';
import type { Term } from '../runtime/terms/types.js';
import { benchEbin, benchSources, erlMedian, timeMedian, type Row } from './lib.js';

let runtime: Promise<Runtime> | undefined;

function benchRuntime(): Promise<Runtime> {
  runtime ??= (async () => {
    const out = benchEbin();
    const beams = benchSources().map((src) => join(out, src.slice(src.lastIndexOf('/') + 1, -'.erl'.length) + '.beam'));
    const index = indexEbins([runtimeEbin(), ...otpEbinDirs()], indexBeams(beams));
    const rt = await nodeRuntime(index, { logCrashes: true });
    // init, the code server and `user`: what io_lib and gen_server expect.
    await bootSystem(rt, 'minimal');
    return rt;
  })();
  return runtime;
}

/** The median ms of beamjs_bench:Name(Arg) on beamjs. */
async function beamjsMedian(name: string, arg: Term, runs: number): Promise<number> {
  const rt = await benchRuntime();
  // Three warm-up calls: on a loaded 2-core machine V8's background
  // compilation of the freshly loaded modules slows the first few calls.
  return timeMedian(() => rt.call('beamjs_bench', name, [arg]), runs, 3);
}

/** fib written by hand in JS: the physical limit for the same algorithm. */
function fibJs(n: number): number {
  return n < 2 ? n : fibJs(n - 1) + fibJs(n - 2);
}

function takJs(x: number, y: number, z: number): number {
  return y < x ? takJs(takJs(x - 1, y, z), takJs(y - 1, z, x), takJs(z - 1, x, y)) : z;
}

interface Program {
  name: string;
  fun: string;
  arg: Term;
  argSource: string;
  runs: number;
  js?: () => unknown;
}

export const PROGRAMS: Program[] = [
  { name: 'fib(30)', fun: 'fib', arg: 30, argSource: '30', runs: 7, js: () => fibJs(30) },
  { name: 'tak(24,16,8)', fun: 'tak', arg: [24, 16, 8], argSource: '{24,16,8}', runs: 7, js: () => takJs(24, 16, 8) },
  { name: 'ring 1000 procs x 1000 laps', fun: 'ring', arg: [1000, 1000], argSource: '{1000,1000}', runs: 5 },
  { name: 'spawn+exit 100,000', fun: 'spawn_exit', arg: 100000, argSource: '100000', runs: 5 },
  { name: 'selective receive, 5,000 deep', fun: 'selective', arg: 5000, argSource: '5000', runs: 5 },
  { name: 'lists:sort 1,000,000 integers', fun: 'sort', arg: 1000000, argSource: '1000000', runs: 3 },
  { name: 'io_lib:format ~p, 2,000 records', fun: 'format', arg: 2000, argSource: '2000', runs: 3 },
  { name: 'ets insert+lookup 1,000,000 keys', fun: 'ets', arg: 1000000, argSource: '1000000', runs: 3 },
  { name: 'maps put+get 1,000,000 keys', fun: 'maps', arg: 1000000, argSource: '1000000', runs: 3 },
  { name: 'gen_server:call x 100,000', fun: 'gen_call', arg: 100000, argSource: '100000', runs: 3 },
  { name: 'nbody 100,000 steps', fun: 'nbody', arg: 100000, argSource: '100000', runs: 3 },
  { name: 'binary-trees 15', fun: 'binary_trees', arg: 15, argSource: '15', runs: 3 },
  { name: 'pidigits 1,500', fun: 'pidigits', arg: 1500, argSource: '1500', runs: 3 },
  { name: 'spectral-norm 250', fun: 'spectral_norm', arg: 250, argSource: '250', runs: 3 },
  { name: 'mandelbrot 300', fun: 'mandelbrot', arg: 300, argSource: '300', runs: 3 },
];

export function programBench(p: Program): () => Promise<Row> {
  return async () => {
    const beamjs = await beamjsMedian(p.fun, p.arg, p.runs);
    const erl = await erlMedian(p.fun, p.argSource, p.runs);
    const js = p.js === undefined ? undefined : await timeMedian(p.js, p.runs, 3);
    return { name: p.name, beamjs, erl, ...(js === undefined ? {} : { js }) };
  };
}
