/**
 * Static facts about one function that the lowering needs before it emits
 * code: the y-register renumbering at every instruction.
 *
 * BEAM's `trim N _` drops the N lowest stack slots, so after it the old
 * `y(N+i)` is called `y(i)`. Y registers are JS locals here, named by
 * *physical* slot: physical = logical + offset, where the offset is 0 after
 * `allocate` and grows by N at each `trim`. The offset is a property of the
 * program point; BEAM's validator guarantees that every path reaching a
 * label agrees on the frame, so one forward propagation over the control
 * flow graph finds it.
 */
import type { AsmFunction, Instr, Operand } from '../asm/types.js';

/** Instructions that never fall through to the next one. */
export const TERMINATORS = new Set([
  'return', 'jump', 'call_only', 'call_last', 'call_ext_only', 'call_ext_last', 'apply_last',
  'func_info', 'badmatch', 'case_end', 'if_end', 'try_case_end', 'badrecord', 'raise',
  'select_val', 'select_tuple_arity', 'loop_rec_end', 'wait', 'int_code_end',
]);

/** Instructions whose label operand is a call target, not a jump. */
const CALLS = new Set(['call', 'call_last', 'call_only']);

/** Jump targets of an instruction (fail labels, select targets, handlers...). */
export function successors(ins: Instr): number[] {
  if (CALLS.has(ins.name)) return [];
  const out: number[] = [];
  const visit = (op: Operand): void => {
    if (op.kind === 'f') {
      if (op.label !== 0) out.push(op.label);
    } else if (op.kind === 'list') {
      for (const item of op.items) visit(item);
    }
  };
  for (const a of ins.args) visit(a);
  return out;
}

/**
 * The label of the function's `func_info` (the label before it, possibly
 * with a `line` in between). Computed here rather than trusted from the
 * decoder, as the function_clause path depends on it.
 */
export function funcInfoLabel(f: AsmFunction): number {
  if (f.funcInfoLabel !== 0) return f.funcInfoLabel;
  for (const ins of f.code) {
    if (ins.name === 'func_info') break;
    if (ins.name === 'label') return (ins.args[0] as { n: number }).n;
  }
  return 0;
}

/** The y offset at each instruction of `f` (index into `f.code`). */
export function yOffsets(f: AsmFunction): Int32Array {
  const code = f.code;
  const offs = new Int32Array(code.length);
  const atLabel = new Map<number, number>();
  atLabel.set(f.entryLabel, 0);
  atLabel.set(funcInfoLabel(f), 0);
  const blocks = f.blocks;
  const done = new Uint8Array(blocks.length);
  // Iterate to a fixed point; in practice one or two passes (back edges are rare
  // and always carry the offset of a block already visited).
  for (let pass = 0; pass < 8; pass++) {
    let progress = false;
    let fallOffset: number | undefined;
    for (let bi = 0; bi < blocks.length; bi++) {
      const blk = blocks[bi]!;
      let off = atLabel.get(blk.label) ?? fallOffset;
      fallOffset = undefined;
      if (off === undefined || done[bi]) {
        if (done[bi]) fallOffset = fallThroughOffset(code, blk.end, offs);
        continue;
      }
      atLabel.set(blk.label, off);
      done[bi] = 1;
      progress = true;
      let falls = true;
      for (let i = blk.start; i < blk.end; i++) {
        const ins = code[i]!;
        offs[i] = off;
        off = effect(ins, off);
        for (const l of successors(ins)) if (!atLabel.has(l)) atLabel.set(l, off);
        falls = !TERMINATORS.has(ins.name);
      }
      if (falls) fallOffset = off;
    }
    if (!progress) break;
  }
  return offs;
}

function fallThroughOffset(code: Instr[], end: number, offs: Int32Array): number | undefined {
  if (end === 0) return undefined;
  const last = code[end - 1]!;
  if (TERMINATORS.has(last.name)) return undefined;
  return effect(last, offs[end - 1]!);
}

function effect(ins: Instr, off: number): number {
  switch (ins.name) {
    case 'allocate':
    case 'allocate_heap':
    case 'allocate_zero':
    case 'allocate_heap_zero':
    case 'deallocate':
      return 0;
    case 'trim':
      return off + (ins.args[0] as { n: number }).n;
    default:
      return off;
  }
}
