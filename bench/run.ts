/**
 * `npm run bench`: runs every benchmark and prints medians and the
 * beamjs/erl and beamjs/hand-written-JS ratios. `npm run bench -- NAME...`
 * runs only the named ones.
 */
import { printTable, type Row } from './lib.js';
import { PROGRAMS, programBench } from './programs.js';
import { readOtp } from './read-otp.js';

const BENCHMARKS: Record<string, () => Promise<Row>> = {
  'read-otp': readOtp,
  ...Object.fromEntries(PROGRAMS.map((p) => [p.fun, programBench(p)])),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(BENCHMARKS);
  const rows: Row[] = [];
  for (const name of names) {
    const b = BENCHMARKS[name];
    if (!b) {
      console.error(`unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
      process.exitCode = 1;
      continue;
    }
    process.stderr.write(`running ${name}...\n`);
    rows.push(await b());
  }
  printTable(rows);
  // Processes of the benchmark runtime may still wait on timers: stop here.
  process.exit(process.exitCode ?? 0);
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
