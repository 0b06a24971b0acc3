/**
 * Lowering of data movement and construction: move, swap, lists, tuples,
 * records, and the frame/heap bookkeeping instructions that are no-ops in
 * JS (the garbage collector and the y renumbering of analyze.ts make
 * `allocate`, `test_heap`, `trim`, `init_yregs`... disappear).
 */
import type { Instr, Operand } from '../asm/types.js';
import * as b from './builders.js';
import type { FnContext } from './function-context.js';
import { rt } from './module-context.js';
import type { LowerTable } from './lower-types.js';

const items = (op: Operand | undefined): readonly Operand[] => (op?.kind === 'list' ? op.items : []);
const u = (op: Operand | undefined): number => (op?.kind === 'u' ? op.n : op?.kind === 'integer' ? Number(op.value) : 0);

const noop = (): void => {};

function move(c: FnContext, ins: Instr): void {
  const [s, d] = ins.args;
  if (c.sameReg(s!, d!)) return;
  c.set(d!, c.src(s!));
}

function swap(c: FnContext, ins: Instr): void {
  const [r1, r2] = ins.args;
  const t = c.temp();
  c.emit(b.set(t, c.src(r1!)), b.set(c.dst(r1!), c.src(r2!)), b.set(c.dst(r2!), t));
}

/** get_list S H T: beware H or T naming S itself. */
function getList(c: FnContext, ins: Instr): void {
  const [s, h, t] = ins.args;
  let cell = c.src(s!);
  if (c.sameReg(s!, h!) || c.sameReg(s!, t!)) {
    const tmp = c.temp();
    c.emit(b.set(tmp, cell));
    cell = tmp;
  }
  c.set(h!, b.member(cell, 'hd'));
  c.set(t!, b.member(cell, 'tl'));
}

function getHd(c: FnContext, ins: Instr): void {
  c.set(ins.args[1]!, b.member(c.src(ins.args[0]!), 'hd'));
}

function getTl(c: FnContext, ins: Instr): void {
  c.set(ins.args[1]!, b.member(c.src(ins.args[0]!), 'tl'));
}

function putList(c: FnContext, ins: Instr): void {
  const [h, t, d] = ins.args;
  c.set(d!, b.newExpr(rt('Cons'), c.src(h!), c.src(t!)));
}

function putTuple2(c: FnContext, ins: Instr): void {
  const [d, list] = ins.args;
  c.set(d!, b.array(items(list).map((e) => c.src(e))));
}

function getTupleElement(c: FnContext, ins: Instr): void {
  const [s, n, d] = ins.args;
  c.set(d!, b.index(c.src(s!), u(n)));
}

/**
 * set_tuple_element V T Pos: BEAM updates the fresh tuple of a preceding
 * setelement/3 in place. Copying keeps us independent of whether that BIF
 * returned a fresh tuple (records are small).
 */
function setTupleElement(c: FnContext, ins: Instr): void {
  const [v, t, pos] = ins.args;
  const tuple = c.dst(t!);
  c.emit(b.set(tuple, b.call(b.member(tuple, 'slice'))));
  c.emit(b.set(b.index(tuple, u(pos)), c.src(v!)));
}

/** update_record Hint Size Src Dst {list,[Idx,Val...]} (OTP 26+; 1-based indices). */
function updateRecord(c: FnContext, ins: Instr): void {
  const [, , src, dst, list] = ins.args;
  const t = c.temp();
  c.emit(b.set(t, b.call(b.member(c.src(src!), 'slice'))));
  const upd = items(list);
  for (let i = 0; i + 1 < upd.length; i += 2) {
    c.emit(b.set(b.index(t, u(upd[i]) - 1), c.src(upd[i + 1]!)));
  }
  c.set(dst!, t);
}

/** init D (OTP <= 23) and recv_marker_reserve D: give the register a valid term. */
function initReg(c: FnContext, ins: Instr): void {
  c.set(ins.args[0]!, rt('NIL'));
}

export const DATA_OPS: LowerTable = {
  move,
  swap,
  get_list: getList,
  get_hd: getHd,
  get_tl: getTl,
  put_list: putList,
  put_tuple2: putTuple2,
  get_tuple_element: getTupleElement,
  set_tuple_element: setTupleElement,
  update_record: updateRecord,
  init: initReg,
  recv_marker_reserve: initReg,
  line: noop,
  test_heap: noop,
  allocate: noop,
  allocate_heap: noop,
  allocate_zero: noop,
  allocate_heap_zero: noop,
  deallocate: noop,
  trim: noop,
  init_yregs: noop,
  nif_start: noop,
  on_load: noop,
  executable_line: noop,
  debug_line: noop,
  recv_marker_bind: noop,
  recv_marker_clear: noop,
  recv_marker_use: noop,
  recv_mark: noop,
  recv_set: noop,
  fclearerror: noop,
  fcheckerror: noop,
};
