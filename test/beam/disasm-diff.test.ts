/**
 * The decoder against OTP's own disassembler: for varied OTP and Elixir
 * modules, every instruction decoded here must match `beam_disasm:file/1`.
 *
 * beam_disasm writes some instructions in its own shapes (labels of calls
 * resolved to {M,F,A}, raw `{u,N}` in bit syntax instructions, typed
 * registers with its own type tuples). Those are compared by name only; all
 * others are compared as full `~w` text, operands included. Line
 * instructions are compared by Line item index (beam_disasm moves a
 * function's `line` before its label, so they are compared as one
 * sequence per module).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decodeModule } from '../../compiler/asm/decode.js';
import { formatInstr, formatOperand } from '../../compiler/asm/print.js';
import type { AsmFunction, AsmModule, Instr, Operand } from '../../compiler/asm/types.js';
import { readBeam } from '../../compiler/beam/reader.js';
import { formatW, writeAtom } from '../../runtime/terms/print.js';
import { erl } from '../support/erl.js';
import {
  compileErl, elixirBeams, otpBeams, readBytes, removeTempDir,
} from './support.js';

afterAll(removeTempDir);

const SAMPLE = [
  'stdlib-*/ebin/lists.beam', 'stdlib-*/ebin/maps.beam', 'stdlib-*/ebin/string.beam',
  'stdlib-*/ebin/io_lib_format.beam', 'stdlib-*/ebin/gen_server.beam', 'stdlib-*/ebin/ets.beam',
  'stdlib-*/ebin/binary.beam', 'stdlib-*/ebin/base64.beam', 'kernel-*/ebin/code_server.beam',
  'kernel-*/ebin/inet_parse.beam', 'erts-*/ebin/erlang.beam', 'compiler-*/ebin/beam_ssa_type.beam',
  'erts-*/ebin/prim_file.beam', 'stdlib-*/ebin/erl_scan.beam',
];
const ELIXIR_SAMPLE = ['Elixir.Enum.beam', 'Elixir.String.beam', 'Elixir.Kernel.beam'];

/** Families compared by name only (beam_disasm's shape differs from erlc -S's). */
const NAME_ONLY = new Set(['bif0', 'make_fun2', 'make_fun3', 'call_fun2', 'raise', 'fadd', 'fsub', 'fmul',
  'fdiv', 'fnegate']);

/** The beam_disasm name of an instruction: tests by their test name, bif1/2 → bif, ... */
function family(ins: Instr): string {
  if (ins.name === 'bif1' || ins.name === 'bif2') return 'bif';
  if (ins.name.startsWith('gc_bif')) return 'gc_bif';
  return ins.name;
}

const nameOnly = (f: string): boolean => NAME_ONLY.has(f) || f.startsWith('bs_');

function hasTr(ops: readonly Operand[]): boolean {
  return ops.some((o) => o.kind === 'tr' || (o.kind === 'list' && hasTr(o.items)));
}

function ours(m: AsmModule): { instrs: string; lines: string } {
  const ctx = { fmt: formatW, byEntry: m.byEntry };
  const out: string[] = [];
  const lines: number[] = [];
  for (const fn of m.functions) {
    for (const ins of fn.code) {
      if (ins.name === 'line') {
        lines.push((ins.args[0] as { index: number }).index);
        continue;
      }
      const f = family(ins);
      if (nameOnly(f) || hasTr(ins.args)) out.push(writeAtom(f));
      else if (ins.name === 'call' || ins.name === 'call_only' || ins.name === 'call_last') out.push(call(m, ins, ctx));
      else out.push(formatInstr(ins, ctx));
    }
  }
  return { instrs: out.join('\n'), lines: lines.join(',') };
}

function call(m: AsmModule, ins: Instr, ctx: { fmt: typeof formatW; byEntry: Map<number, AsmFunction> }): string {
  const label = (ins.args[1] as { label: number }).label;
  const target = m.byEntry.get(label)!;
  const mfa = `{${writeAtom(m.name)},${writeAtom(target.name)},${target.arity}}`;
  const n = formatOperand(ins.args[0]!, ctx, 'u');
  return ins.name === 'call_last'
    ? `{call_last,${n},${mfa},${formatOperand(ins.args[2]!, ctx, 'u')}}`
    : `{${ins.name},${n},${mfa}}`;
}

/** The same listing computed by erl from beam_disasm:file/1. */
function reference(path: string): Promise<string> {
  return erl.text(`
    {beam_file,_,_,_,_,Fs} = beam_disasm:file(${JSON.stringify(path)}),
    HasTr = fun Has({literal,_}) -> false;
                Has({tr,_,_}) -> true;
                Has(T) when is_tuple(T) -> lists:any(Has, tuple_to_list(T));
                Has(L) when is_list(L) -> lists:any(Has, L);
                Has(_) -> false end,
    Fam = fun({test,N,_,_}) -> N; ({test,N,_,_,_}) -> N; ({test,N,_,_,_,_}) -> N;
             ({bif,_,nofail,_,_}) -> bif0; ({arithfbif,N,_,_,_}) -> N;
             (T) when is_tuple(T) -> element(1, T); (A) -> A end,
    NameOnly = [bif0, make_fun2, make_fun3, call_fun2, raise, fadd, fsub, fmul, fdiv, fnegate],
    Is = lists:append([Code || {function,_,_,_,Code} <- Fs]),
    Text = [begin
              F = Fam(I),
              Short = lists:member(F, NameOnly) orelse lists:prefix("bs_", atom_to_list(F)) orelse HasTr(I),
              case Short of true -> io_lib:format("~w", [F]); false -> io_lib:format("~w", [I]) end
            end || I <- Is, not (is_tuple(I) andalso element(1, I) =:= line)],
    Lines = [integer_to_list(N) || {line,N} <- Is],
    [lists:join("\\n", Text), "\\n--lines--\\n", lists:join(",", Lines)]`);
}

async function compare(path: string): Promise<number> {
  const m = decodeModule(readBeam(readBytes(path), path));
  const { instrs, lines } = ours(m);
  const [refInstrs, refLines] = (await reference(path)).split('\n--lines--\n');
  const a = instrs.split('\n');
  const b = refInstrs!.split('\n');
  // Report the first difference rather than two huge strings.
  const i = a.findIndex((x, k) => x !== b[k]);
  expect(i === -1 ? null : { at: i, ours: a[i], beam_disasm: b[i] }).toBeNull();
  expect(a.length).toBe(b.length);
  expect(lines).toBe(refLines);
  return a.length;
}

function find(pattern: string, files: string[]): string {
  const [dir, file] = [pattern.split('/')[0]!.replace('*', ''), pattern.split('/').pop()!];
  const hit = files.find((f) => f.endsWith(`/${file}`) && f.includes(`/${dir}`));
  if (hit === undefined) throw new Error(`no installed ${pattern}`);
  return hit;
}

describe('decoded instructions match beam_disasm', () => {
  const otp = otpBeams();
  for (const pattern of SAMPLE) {
    it(pattern, async () => {
      expect(await compare(find(pattern, otp))).toBeGreaterThan(50);
    });
  }
  const ex = elixirBeams();
  for (const name of ELIXIR_SAMPLE) {
    it(name, async () => {
      const path = ex.find((f) => f.endsWith(`/${name}`));
      expect(path).toBeDefined();
      expect(await compare(path!)).toBeGreaterThan(50);
    });
  }
  it('a module with negative, large and bignum integer operands', async () => {
    const path = compileErl('rt_ints', `-module(rt_ints).
-export([f/1]).
f(X) ->
    [X + 15, X + 16, X - 1, X + 2047, X + 2048, X - 70000, X + 4294967295, X - 4294967296,
     X + 340282366920938463463374607431768211455, X - 340282366920938463463374607431768211455,
     X + 340282366920938463463374607431768211456, X * 1.5e300].
`);
    expect(await compare(path)).toBeGreaterThan(10);
  });
});
