/**
 * Reads and decodes every .beam of the installed Erlang/OTP, from bytes
 * already in memory, and reports instructions per second. The erl column is
 * beam_disasm:file/1 over the same files (which also does the file I/O).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disassemble } from '../compiler/asm/decode.js';
import { beamsUnder, erlMedian, otpRoot, timeMedian, type Row } from './lib.js';

export async function readOtp(): Promise<Row> {
  const files = beamsUnder(join(otpRoot(), 'lib'));
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  let instrs = 0;
  const ms = await timeMedian(() => {
    instrs = 0;
    for (let i = 0; i < bytes.length; i++) instrs += disassemble(bytes[i]!, files[i]!).instrCount;
  }, 3, 1);
  const erl = await erlMedian('read_otp', JSON.stringify(otpRoot()), 1)
    .catch(() => undefined);
  const perSec = (instrs / ms) * 1000;
  return {
    name: 'read+decode all OTP .beam',
    beamjs: ms,
    ...(erl === undefined ? {} : { erl }),
    note: `${files.length} files, ${instrs} instructions, ${(perSec / 1e6).toFixed(2)} M instr/s`,
  };
}
