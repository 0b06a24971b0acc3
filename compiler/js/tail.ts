/**
 * Which functions of a module can return TAIL (runtime/process/protocol.ts).
 *
 * A body call must run a pending tail call its callee left (`if (x0 ===
 * TAIL) x0 = p.runTail()`), but only a function that hands a tail call to
 * the trampoline ever returns TAIL: one with a tail call to another
 * function (local, external, apply or fun). A local call to any other
 * function of the module skips the check (measured ~7% on fib). Calls that
 * leave the module keep it: the callee may be reloaded.
 *
 * The prediction is made from the instructions, before lowering; after
 * lowering, `assertNoTail` checks that a function predicted not to return
 * TAIL returns only registers, literals and SUSPEND, so a new way of
 * returning TAIL cannot slip past the analysis unnoticed.
 */
import type * as E from 'estree';
import type { AsmFunction, AsmModule, ExtFuncOp, Instr, Operand } from '../asm/types.js';
import { RAISING_BIFS } from './bif-table.js';

/** Is instruction `i` of `code` followed by `[line] [deallocate] return` (a tail position)? */
export function inTailPosition(code: readonly Instr[], i: number): boolean {
  for (let k = i + 1; k < code.length; k++) {
    const n = code[k]!.name;
    if (n === 'line' || n === 'deallocate') continue;
    return n === 'return';
  }
  return false;
}

const label = (op: Operand | undefined): number => (op?.kind === 'f' ? op.label : 0);

const isRaisingBif = (f: ExtFuncOp): boolean => f.module === 'erlang' && RAISING_BIFS.has(`${f.name}/${f.arity}`);

/**
 * Can instruction `i` of `f` end the function by returning TAIL, whatever
 * the module's other functions do? A local tail call is a direct JS call
 * (`return g(p, ...)`): it returns TAIL only if `g` does (tailingFunctions).
 */
function tailsOut(f: AsmFunction, i: number, directLocal: (label: number) => boolean): boolean {
  const ins = f.code[i]!;
  switch (ins.name) {
    case 'call_only':
    case 'call_last': {
      const l = label(ins.args[1]);
      return l !== f.entryLabel && !directLocal(l); // a self tail call is a loop
    }
    case 'call_ext_only':
    case 'call_ext_last':
      return !isRaisingBif(ins.args[1] as ExtFuncOp);
    case 'apply_last':
      return true;
    case 'call_fun':
    case 'call_fun2':
      return inTailPosition(f.code, i);
    default:
      return false;
  }
}

/** The local functions `f` tail-calls directly (not itself). */
function directTailCallees(f: AsmFunction, directLocal: (label: number) => boolean): number[] {
  const out: number[] = [];
  for (const ins of f.code) {
    if (ins.name !== 'call_only' && ins.name !== 'call_last') continue;
    const l = label(ins.args[1]);
    if (l !== f.entryLabel && directLocal(l)) out.push(l);
  }
  return out;
}

/**
 * The entry labels of the functions of `asm` that may return TAIL: those
 * with a tail call the trampoline runs, and (to a fixpoint) those that
 * tail-call one of them directly. `directLocal(label)`: whether a local tail
 * call to that function is a direct JS call (not a NIF stub's cell).
 */
export function tailingFunctions(asm: AsmModule, directLocal: (label: number) => boolean): Set<number> {
  const out = new Set<number>();
  for (const f of asm.functions) {
    for (let i = 0; i < f.code.length; i++) {
      if (tailsOut(f, i, directLocal)) {
        out.add(f.entryLabel);
        break;
      }
    }
  }
  const callees = new Map(asm.functions.map((f) => [f.entryLabel, directTailCallees(f, directLocal)]));
  for (let changed = true; changed;) {
    changed = false;
    for (const [f, cs] of callees) {
      if (!out.has(f) && cs.some((l) => out.has(l))) {
        out.add(f);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Return values that are never TAIL: registers and locals, literals, SUSPEND,
 * frame saves, and a call of the function itself (`self`: its resume copy
 * continuing in the fast form after a self tail call).
 */
function safeReturn(arg: E.Expression | null | undefined, self: string | undefined, safeCallee: (name: string) => boolean): boolean {
  if (arg == null) return true;
  switch (arg.type) {
    case 'Identifier':
      return arg.name !== 'TAIL';
    case 'Literal':
      return true;
    case 'CallExpression': {
      // R.suspendEntry(...) and p.waitMsg() return SUSPEND.
      const callee = arg.callee;
      if (callee.type === 'Identifier') return callee.name === self || safeCallee(callee.name);
      return callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
        && (callee.property.name === 'suspendEntry' || callee.property.name === 'waitMsg');
    }
    default:
      return false;
  }
}

/**
 * The `return` statements of `node` that could return TAIL (nested
 * functions are not looked into: compiled code has none).
 */
export function unsafeReturns(node: unknown, self?: string, safeCallee: (name: string) => boolean = () => false,
  out: E.ReturnStatement[] = []): E.ReturnStatement[] {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const n of node) unsafeReturns(n, self, safeCallee, out);
    return out;
  }
  const n = node as E.Node;
  if (n.type === 'ReturnStatement') {
    if (!safeReturn(n.argument, self, safeCallee)) out.push(n);
    return out;
  }
  for (const k in n) {
    if (k === 'loc' || k === 'leadingComments' || k === 'trailingComments') continue;
    const v = (n as unknown as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object') unsafeReturns(v, self, safeCallee, out);
  }
  return out;
}
