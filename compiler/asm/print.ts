/**
 * Print an AsmModule in the shape of an `erlc -S` listing:
 *
 *   {module, foo}.  %% version = 0
 *   {exports, [{a,1},...]}.
 *   {attributes, [...]}.
 *   {labels, N}.
 *   {function, a, 1, 2}.
 *     {label,1}.
 *       {line,[{location,"foo.erl",4}]}.
 *       {func_info,{atom,foo},{atom,a},1}.
 *       {test,is_integer,{f,3},[{x,0}]}.
 *       {call,1,{f,39}}. % name/1
 *
 * The listing is rebuilt from the binary, so it differs from `erlc -S`
 * where the binary does not keep what the compiler knew:
 * - every instruction is on one line (erlc wraps long terms with `~p`);
 * - `{attributes,...}` is the Attr chunk, which includes the `{vsn,...}`
 *   the compiler adds after writing its listing;
 * - no `{'%',...}` annotation lines and no `{scope,...}` in `line`;
 * - `{field_flags,...}` shows the flag bits (`[unsigned,big]`) without the
 *   `{anno,...}` entry;
 * - typed registers print the Type-chunk type, which is coarser than the
 *   compiler's (`{t_atom,any}` where erlc shows `{t_atom,[a,b]}`, a union
 *   as `{t_union,[...]}`);
 * - `{test,bs_start_match3,...}` etc. use the erlc -S instruction forms
 *   (`test`, `bif`, `gc_bif`) as far as the binary determines them; opcodes
 *   erlc -S never prints (OTP <= 24 ones) use `{name,Arg...}`.
 */
import { BitString, ErlFloat, charlist, type Term } from '../../runtime/terms/types.js';
import { BEAM_TYPE, BEAM_TYPE_ANY, type TypeInfo } from '../beam/types.js';
import { formatTerm as defaultFormatTerm, formatFloat, quoteAtom } from './term-text.js';
import { OPCODES } from './opcodes.js';
import type { AsmFunction, AsmModule, Instr, Operand } from './types.js';

export interface PrintOptions {
  /** How literals are written; defaults to a `~p`-like one-line printer. */
  formatTerm?: (t: Term) => string;
}

/** What printing one instruction needs: the literal printer and the functions by entry label. */
export interface PrintContext {
  readonly fmt: (t: Term) => string;
  readonly byEntry: Map<number, AsmFunction>;
}
type Ctx = PrintContext;

export const printContext = (m: AsmModule, opts: PrintOptions = {}): PrintContext =>
  ({ fmt: opts.formatTerm ?? defaultFormatTerm, byEntry: m.byEntry });

export function printModule(m: AsmModule, opts: PrintOptions = {}): string {
  const ctx = printContext(m, opts);
  const exports = [...m.exports]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.arity - b.arity))
    .map((e) => `{${quoteAtom(e.name)},${e.arity}}`);
  const out: string[] = [
    `{module, ${quoteAtom(m.name)}}.  %% version = ${m.beam.code.formatNumber}\n`,
    `\n{exports, [${exports.join(',')}]}.\n`,
    `\n{attributes, ${ctx.fmt(m.attributes)}}.\n`,
    `\n{labels, ${m.labelCount}}.\n`,
  ];
  for (const fn of m.functions) out.push(printFunction(fn, ctx));
  return out.join('');
}

export function printFunction(fn: AsmFunction, ctx: Ctx): string {
  const lines = [`\n\n{function, ${quoteAtom(fn.name)}, ${fn.arity}, ${fn.entryLabel}}.\n`];
  for (const ins of fn.code) lines.push(printInstr(ins, ctx));
  return lines.join('');
}

/** One instruction as a listing line (with indentation and the final `.`). */
export function printInstr(ins: Instr, ctx: Ctx): string {
  if (ins.name === 'label') return `  {label,${(ins.args[0] as { n: number }).n}}.\n`;
  let comment = '';
  if (ins.name === 'call' || ins.name === 'call_only' || ins.name === 'call_last') {
    const target = ctx.byEntry.get((ins.args[1] as { label: number }).label);
    if (target) comment = ` % ${quoteAtom(target.name)}/${target.arity}`;
  }
  return `    ${formatInstr(ins, ctx)}.${comment}\n`;
}

/** Operands erlc -S writes in the `{test,Name,Fail,Live,[Src|Rest],Dst}` form. */
const TEST_WITH_LIVE = new Set(['bs_start_match3', 'bs_get_integer2', 'bs_get_float2', 'bs_get_binary2',
  'bs_get_utf8', 'bs_get_utf16', 'bs_get_utf32']);
const FLOAT_BIFS = new Set(['fadd', 'fsub', 'fmul', 'fdiv', 'fnegate']);

export function formatInstr(ins: Instr, ctx: Ctx): string {
  const { name, args } = ins;
  const op = OPCODES[ins.op]!;
  const a = (i: number): string => formatOperand(args[i]!, ctx, op.kinds[i]);
  const list = (from: number, to: number): string => {
    const parts: string[] = [];
    for (let i = from; i < to; i++) parts.push(a(i));
    return `[${parts.join(',')}]`;
  };
  if (args.length === 0) return quoteAtom(name);
  if (op.kinds[0] === 'f' && isTest(name)) {
    if (TEST_WITH_LIVE.has(name)) {
      // Binary order: Fail, Src, Live, Rest..., Dst.
      return `{test,${name},${a(0)},${a(2)},[${[a(1), ...rest(3, args.length - 1, a)].join(',')}],${a(args.length - 1)}}`;
    }
    if (name === 'has_map_fields') return `{test,${name},${a(0)},${a(1)},${a(2)}}`;
    return `{test,${name},${a(0)},${list(1, args.length)}}`;
  }
  switch (name) {
    case 'line': return `{line,${formatLocation(args[0]!, ctx)}}`;
    case 'bif0': return `{bif,${bifName(args[0]!)},{f,0},[],${a(1)}}`;
    case 'bif1': case 'bif2':
      return `{bif,${bifName(args[1]!)},${a(0)},${list(2, args.length - 1)},${a(args.length - 1)}}`;
    case 'gc_bif1': case 'gc_bif2': case 'gc_bif3':
      return `{gc_bif,${bifName(args[2]!)},${a(0)},${a(1)},${list(3, args.length - 1)},${a(args.length - 1)}}`;
    case 'raise': return `{bif,raise,{f,0},${list(0, 2)},{x,0}}`;
    case 'bs_add': return `{bs_add,${a(0)},${list(1, 4)},${a(4)}}`;
    case 'make_fun2': {
      const f = args[0]!;
      if (f.kind === 'fun') return `{make_fun2,{f,${f.label}},${f.index},${f.oldUniq},${f.numFree}}`;
      break;
    }
    case 'make_fun3': {
      const f = args[0]!;
      if (f.kind === 'fun') return `{make_fun3,{f,${f.label}},${f.index},${f.oldUniq},${a(1)},${a(2)}}`;
      break;
    }
  }
  if (FLOAT_BIFS.has(name)) return `{bif,${name},${a(0)},${list(1, args.length - 1)},${a(args.length - 1)}}`;
  return `{${quoteAtom(name)},${args.map((_, i) => a(i)).join(',')}}`;
}

function rest(from: number, to: number, a: (i: number) => string): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(a(i));
  return out;
}

/** Tests jump to their first operand when false; erlc -S prints them as `{test,...}`. */
function isTest(name: string): boolean {
  return name.startsWith('is_') || name === 'test_arity' || name === 'has_map_fields' ||
    (name.startsWith('bs_') && name !== 'bs_start_match4' && !name.startsWith('bs_put') &&
      name !== 'bs_init2' && name !== 'bs_init_bits' && name !== 'bs_add' && name !== 'bs_append' &&
      name !== 'bs_private_append' && !name.endsWith('_size') && name !== 'bs_create_bin' &&
      name !== 'bs_match');
}

function bifName(op: Operand): string {
  return op.kind === 'extfunc' ? quoteAtom(op.name) : formatOperandPlain(op);
}

function formatLocation(op: Operand, ctx: Ctx): string {
  if (op.kind !== 'location') return formatOperand(op, ctx, undefined);
  if (op.index === 0 || op.file === undefined) return '[]';
  // The file name is a string (a charlist), as in erlc -S.
  return `[{location,${ctx.fmt(charlist(op.file))},${op.line}}]`;
}

/** Operand text; `kind` is the opcode table's kind (flags print as field_flags). */
export function formatOperand(op: Operand, ctx: Ctx, kind: string | undefined): string {
  switch (op.kind) {
    case 'x': case 'y': case 'fr': return `{${op.kind},${op.n}}`;
    case 'u': return kind === 'g' ? `{field_flags,${formatFlags(op.n)}}` : String(op.n);
    case 'integer': return `{integer,${op.value}}`;
    case 'atom': return `{atom,${quoteAtom(op.value)}}`;
    case 'nil': return 'nil';
    case 'f': return `{f,${op.label}}`;
    case 'literal': {
      const v = op.value;
      if (v instanceof ErlFloat) return `{float,${formatFloat(v.value)}}`;
      return `{literal,${ctx.fmt(v)}}`;
    }
    case 'float': return `{float,${formatFloat(op.value)}}`;
    case 'char': return `{char,${op.value}}`;
    case 'list': return `{list,[${op.items.map((o) => formatOperand(o, ctx, undefined)).join(',')}]}`;
    case 'alloc': return `{alloc,[{words,${op.words}},{floats,${op.floats}},{funs,${op.funs}}]}`;
    case 'tr': return `{tr,${formatOperand(op.reg, ctx, undefined)},${formatType(op.type)}}`;
    case 'extfunc': return `{extfunc,${quoteAtom(op.module)},${quoteAtom(op.name)},${op.arity}}`;
    case 'fun': return `{f,${op.label}}`;
    case 'string': return `{string,${ctx.fmt(new BitString(op.bytes, op.bytes.length * 8))}}`;
    case 'location': return formatLocation(op, ctx);
  }
}

function formatOperandPlain(op: Operand): string {
  return formatOperand(op, { fmt: defaultFormatTerm, byEntry: new Map() }, undefined);
}

/** Bit syntax flags: 0x02 little, 0x04 signed, 0x10 native (0 = unsigned big). */
function formatFlags(n: number): string {
  const parts = [n & 0x04 ? 'signed' : 'unsigned', n & 0x10 ? 'native' : n & 0x02 ? 'little' : 'big'];
  const other = n & ~0x16;
  if (other) parts.push(String(other));
  return `[${parts.join(',')}]`;
}

const TYPE_NAMES: readonly [number, string][] = [
  [BEAM_TYPE.atom, 'atom'], [BEAM_TYPE.bitstring, 'bitstring'], [BEAM_TYPE.bs_matchstate, 'bs_matchstate'],
  [BEAM_TYPE.cons, 'cons'], [BEAM_TYPE.float, 'float'], [BEAM_TYPE.fun, 'fun'], [BEAM_TYPE.integer, 'integer'],
  [BEAM_TYPE.map, 'map'], [BEAM_TYPE.nil, 'nil'], [BEAM_TYPE.pid, 'pid'], [BEAM_TYPE.port, 'port'],
  [BEAM_TYPE.reference, 'reference'], [BEAM_TYPE.tuple, 'tuple'],
];

/** A Type-chunk entry in beam_types' notation, as far as the chunk tells. */
export function formatType(t: TypeInfo): string {
  const b = t.bits;
  const range = t.min !== undefined && t.max !== undefined ? `{${t.min},${t.max}}` : 'any';
  if (b === BEAM_TYPE_ANY) return 'any';
  if (b === BEAM_TYPE.integer) return `{t_integer,${range}}`;
  if (b === (BEAM_TYPE.integer | BEAM_TYPE.float)) return range === 'any' ? 'number' : `{t_number,${range}}`;
  if (b === (BEAM_TYPE.cons | BEAM_TYPE.nil)) return '{t_list,any,any}';
  const single: Record<number, string> = {
    [BEAM_TYPE.atom]: '{t_atom,any}',
    [BEAM_TYPE.bitstring]: `{t_bitstring,${t.unit ?? 1}}`,
    [BEAM_TYPE.bs_matchstate]: '{t_bs_context,1}',
    [BEAM_TYPE.cons]: '{t_cons,any,any}',
    [BEAM_TYPE.float]: '{t_float,any}',
    [BEAM_TYPE.fun]: '{t_fun,any,any}',
    [BEAM_TYPE.map]: '{t_map,any,any}',
    [BEAM_TYPE.nil]: 'nil',
    [BEAM_TYPE.pid]: 'pid',
    [BEAM_TYPE.port]: 'port',
    [BEAM_TYPE.reference]: 'reference',
    [BEAM_TYPE.tuple]: '{t_tuple,0,false,#{}}',
  };
  const s = single[b];
  if (s !== undefined) return s;
  if (b === 0) return 'none';
  return `{t_union,[${TYPE_NAMES.filter(([bit]) => b & bit).map(([, n]) => n).join(',')}]}`;
}
