/**
 * Lowering of receive (beam-format.md §4 "Receive"), on the mailbox API of
 * the process (runtime/process): `peekMsg` at the save pointer, `nextMsg`,
 * `removeMsg`, `waitMsg`, `waitTimeout`, `timedOut`, `timeoutMsg`.
 *
 *   loop_rec F x0     x0 = p.peekMsg(); if none → F
 *   loop_rec_end L    p.nextMsg(); → L
 *   wait L            save a frame resuming at L; return p.waitMsg()
 *   wait_timeout L T  armed and waiting: save a frame resuming at K, where
 *                     K: timed out → fall through to `timeout`, else → L
 *
 * The recv_marker_* instructions only speed up scanning a long queue for a
 * fresh reference; they are no-ops here (ops-data.ts).
 */
import type { Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';
import type { LowerTable } from './lower-types.js';

const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);
const P = () => b.id('p');
const pcall = (name: string, ...args: Parameters<typeof b.call>[1][]) => b.call(b.member(P(), name), ...args);

function loopRec(c: FnContext, ins: Instr): void {
  const [fail, dst] = ins.args;
  const d = c.dst(dst!);
  c.emit(b.set(d, pcall('peekMsg')));
  c.emit(b.ifStmt(b.eq(d, b.id('undefined')), c.goto(label(fail))));
}

function loopRecEnd(c: FnContext, ins: Instr): void {
  c.emit(b.expr(pcall('nextMsg')));
  c.jump(label(ins.args[0]));
}

function removeMessage(c: FnContext): void {
  c.emit(b.expr(pcall('removeMsg')));
}

function wait(c: FnContext, ins: Instr): void {
  c.emit(c.saveFrame(label(ins.args[0])));
  c.emit(b.ret(pcall('waitMsg')));
  c.dead = true;
}

function waitTimeout(c: FnContext, ins: Instr): void {
  const [loop, time] = ins.args;
  const resume = c.newLabel();
  const after = c.newLabel();
  c.emit(b.ifStmt(b.not(pcall('waitTimeout', c.src(time!))), [c.saveFrame(resume), b.ret(b.id('SUSPEND'))]));
  if (c.mode === 'structured') return; // not waiting: fall through to `timeout`
  c.jump(after);
  c.continuation(resume);
  c.emit(b.ifStmt(b.not(pcall('timedOut')), c.goto(label(loop))));
  c.continuation(after);
}

function timeout(c: FnContext): void {
  c.emit(b.expr(pcall('timeoutMsg')));
}

export const RECEIVE_OPS: LowerTable = {
  loop_rec: loopRec,
  loop_rec_end: loopRecEnd,
  remove_message: removeMessage,
  wait,
  wait_timeout: waitTimeout,
  timeout,
};
