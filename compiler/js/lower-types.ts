/** The shape of the per-family lowering tables (ops-*.ts). */
import type { Instr } from '../asm/types.js';
import type { FnContext } from './function-context.js';

/** Lower one instruction into the current case of `c`. */
export type LowerFn = (c: FnContext, ins: Instr) => void;

/** genop name → lowering. */
export type LowerTable = Record<string, LowerFn>;
