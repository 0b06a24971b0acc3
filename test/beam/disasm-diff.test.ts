/**
 * The decoder against OTP's own disassembler: for every module of stdlib and
 * kernel, a spread of compiler, erts, crypto and ssl, 10 Elixir modules and
 * a few compiled here, the decoded functions and instructions must equal
 * what `beam_disasm:file/1` returns, compared structurally.
 *
 * Both sides are normalised into one shape (described at the top of
 * disasm-normalise.erl): each function is {Name, Arity, EntryLabel, Code}
 * and each instruction {GenopName, [Operand]} with the operands in the
 * binary's order. disasm-normalise.erl turns beam_disasm's output into it
 * (undoing its per-family shapes: `{test,...}`, `{bif,...}`, `{arithfbif,...}`,
 * raw `bs_create_bin`, ...); `normInstr` below builds it from our decoder.
 * The instructions are then compared with `=:=`, one by one, so every
 * operand of every family counts. Where beam_disasm keeps less than we do,
 * both sides keep only what beam_disasm has:
 *
 * - call/call_only/call_last: beam_disasm resolves the label to {M,F,A};
 *   ours is resolved through the functions' entry labels (which are compared
 *   in the function headers, so nothing is lost).
 * - bif*, gc_bif*: beam_disasm keeps only the BIF's name (the module is
 *   always erlang, the arity is the argument count); checked here too.
 * - Literals: beam_disasm drops the LitT index and turns float literals into
 *   {float,F}, as it does for inline floats; so do we.
 * - Allocation lists: compared as the sum per kind ({alloc,W,F,Funs}); we do
 *   not keep the entries' order.
 * - FunT operands: beam_disasm keeps row, name, arity and OldUniq (plus
 *   NumFree for make_fun2) but not the label or the Index; call_fun2 keeps
 *   only the row.
 * - Typed registers: beam_disasm's type is beam_types:decode_ext/1 of the
 *   entry, a join of the set bits that loses some of them (fun|bitstring
 *   becomes any); ours goes through the same function (a table of the 8192
 *   possible bit sets, computed by erl). Ranges are compared exactly.
 * - bs_create_bin string segments and bs_put_string/bs_match_string: the
 *   StrT bytes (beam_disasm leaves bs_create_bin's as an offset; the erl side
 *   resolves it from the StrT chunk).
 * - The label/line run before func_info: beam_disasm reverses it for every
 *   function but the first; the erl side restores the file order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeModule } from '../../compiler/asm/decode.js';
import { OPCODES } from '../../compiler/asm/opcodes.js';
import type { AsmModule, Instr, Operand } from '../../compiler/asm/types.js';
import { readBeam } from '../../compiler/beam/reader.js';
import type { TypeInfo } from '../../compiler/beam/types.js';
import { compare, exactEquals } from '../../runtime/terms/compare.js';
import { binaryToTerm } from '../../runtime/terms/etf.js';
import { formatW } from '../../runtime/terms/print.js';
import { BitString, Cons, ErlFloat, binary, list, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import { compileErl, elixirBeams, otpBeams, readBytes, removeTempDir } from './support.js';

afterAll(removeTempDir);

// ---- The sample ---------------------------------------------------------------

/** [app, step]: every step-th module of the app (in name order). */
const OTP_APPS: readonly [string, number][] = [
  ['stdlib', 1], ['kernel', 1], ['compiler', 4], ['erts', 1], ['crypto', 1], ['ssl', 5],
];
const ELIXIR_SAMPLE = ['Elixir.Enum', 'Elixir.String', 'Elixir.Kernel', 'Elixir.Map', 'Elixir.Stream',
  'Elixir.Regex', 'Elixir.URI', 'Elixir.Calendar.ISO', 'Elixir.Inspect.Algebra', 'Elixir.Macro'];

function otpSample(): string[] {
  const all = otpBeams();
  const out: string[] = [];
  for (const [app, step] of OTP_APPS) {
    const files = all.filter((f) => new RegExp(`/${app}-[^/]*/ebin/[^/]*\\.beam$`).test(f)).sort();
    if (files.length === 0) throw new Error(`no installed ${app} modules`);
    out.push(...files.filter((_, i) => i % step === 0));
  }
  return out;
}

function elixirSample(): string[] {
  const all = elixirBeams();
  return ELIXIR_SAMPLE.map((name) => {
    const hit = all.find((f) => f.endsWith(`/${name}.beam`));
    if (hit === undefined) throw new Error(`no installed ${name}.beam`);
    return hit;
  });
}

/** Modules compiled here for the families OTP's own code rarely or never uses. */
const ZOO = `-module(rt_zoo).
-compile([export_all, nowarn_export_all]).
-nifs([nif/0]).
-on_load(init/0).
-record(r, {a, b}).
init() -> ok.
nif() -> erlang:nif_error(undef).
floats(X, Y) when is_float(X), is_float(Y) -> (X + Y) * (X - Y) / (-X + 1.5).
bins(<<A:8, "abc", B:16/little-signed, R/binary>>) ->
    {A, B, <<R/binary, "xyz", A:3, 1.5/float, (byte_size(R)):32/native, B:7/signed-little, (float(A)):32/float>>};
bins(<<C/utf8, D/utf16, E/utf32, _/bits>>) -> <<C/utf8, D/utf16-little, E/utf32-native>>;
bins(<<X:4, _:X/unit:8, F:32/float, Rest/bits>>) -> {F, Rest};
bins(B) when bit_size(B) rem 8 =:= 0 -> <<B/binary, B/bits>>.
comp(L) -> << <<X:5>> || X <- L >>.
acc(<<>>, Acc) -> Acc;
acc(<<X, R/binary>>, Acc) -> acc(R, <<Acc/binary, (X + 1)>>).
funs(L, N) ->
    F = fun(X) -> X + N end,
    G = fun lists:reverse/1,
    H = fun(X) -> F(X) * 2 end,
    {lists:map(F, L), G(L), H(N), (fun(Y) -> Y * N end)(3), F(1)}.
bif0() -> {self(), node()}.
raise(C, R, S) -> erlang:raise(C, R, S).
recv(T) -> receive {ok, X} -> X; {error, _} = E -> E after T -> timeout end.
recv_ref(Pid) -> Ref = make_ref(), Pid ! {Ref, hi}, receive {Ref, R} -> R after 1000 -> none end.
tries(F) -> try F() of ok -> 1; _ -> 2 catch throw:X -> X; error:R:St -> {R, St} after put(k, v) end.
catches(F) -> catch F().
maps(M, K) ->
    #{a := A} = M,
    M3 = (M#{b => 1, K => 2})#{a := A + 1},
    case M3 of #{c := _, d := _} -> x; _ -> {A, map_size(M3), maps:get(K, M3)} end.
tuples(T) -> case T of {a, X} -> X; {b, X, Y} -> X + Y; {_, _, _, _} -> 4; _ -> element(1, T) end.
sel(X) -> case X of 1 -> one; 2 -> two; 3.0 -> three; a -> four; "s" -> five; [] -> six; _ -> other end.
lists(L) -> [H | T] = L, {hd(L), tl(L), length(T), H}.
swap(A, B) -> swap(B, A, 0).
swap(A, B, N) when N < 3 -> swap(B, A, N + 1);
swap(A, B, _) -> {A, B}.
gc(X, Y) -> {abs(X), X div Y, X rem Y, bit_size(Y), float(X), trunc(Y), tuple_size({X}), binary_part(Y, 0, X)}.
apply_(M, F, A) -> {M:F(A), apply(M, F, [A]), apply(M, F, [])}.
rec(R) -> {R#r.a + 1, R#r{b = 2}}.
guards(F, X) when is_function(F, 2), is_map_key(k, X) -> F(X, X);
guards(F, {ok, X}) when is_pid(F); is_port(F); is_reference(F) -> X;
guards(_, X) -> X.
ints(X) ->
    [X + 15, X + 16, X - 1, X + 2047, X + 2048, X - 70000, X + 4294967295, X - 4294967296,
     X + 340282366920938463463374607431768211455, X - 340282366920938463463374607431768211455,
     X + 340282366920938463463374607431768211456, X * 1.5e300].
big() -> [16#FFFFFFFFFFFFFFFFFFFFFFFF, -16#FFFFFFFFFFFFFFFFFFFFFF, 1.5e300, <<1, 2, 3>>, "str", #{a => 1},
          {fun lists:map/2}, -1, 2047, 2048, -4294967296].
`;

// ---- Both sides, normalised -----------------------------------------------------

const BIF_INSTRS = new Set(['bif0', 'bif1', 'bif2', 'gc_bif1', 'gc_bif2', 'gc_bif3']);
const LOCAL_CALLS = new Set(['call', 'call_only', 'call_last']);

interface Ctx {
  readonly m: AsmModule;
  /** beam_disasm's type for each set of Type-chunk bits. */
  readonly types: readonly Term[];
  ins: Instr;
}

const tuple = (...items: Term[]): Term => items;

/** Our instruction in the normalised shape (see the file comment). */
function normInstr(ins: Instr, ctx: Ctx): Term {
  ctx.ins = ins;
  const kinds = OPCODES[ins.op]!.kinds;
  const ops = ins.args.map((a, i) => normOperand(a, kinds[i], i, ctx));
  return tuple(ins.name, list(ops));
}

function normOperand(op: Operand, kind: string | undefined, pos: number, ctx: Ctx): Term {
  const name = ctx.ins.name;
  switch (op.kind) {
    case 'x': case 'y': case 'fr': return tuple(op.kind, op.n);
    case 'tr': return tuple('tr', normOperand(op.reg, undefined, pos, ctx), normType(op.type, ctx));
    case 'atom': return tuple('atom', op.value);
    case 'nil': return 'nil';
    case 'integer': return tuple('integer', op.value);
    case 'char': return tuple('char', op.value);
    case 'float': return tuple('float', new ErlFloat(op.value));
    case 'literal': return op.value instanceof ErlFloat ? tuple('float', op.value) : tuple('literal', op.value);
    case 'f': {
      if (!LOCAL_CALLS.has(name) || pos !== 1) return tuple('f', op.label);
      const target = ctx.m.byEntry.get(op.label);
      return target === undefined ? tuple('no_function_at', op.label) : tuple(ctx.m.name, target.name, target.arity);
    }
    case 'u': return kind === 'g' ? tuple('field_flags', op.n) : op.n;
    case 'list': return tuple('list', list(op.items.map((o) => normOperand(o, undefined, pos, ctx))));
    case 'alloc': return tuple('alloc', op.words, op.floats, op.funs);
    case 'extfunc':
      if (!BIF_INSTRS.has(name)) return tuple('extfunc', op.module, op.name, op.arity);
      // beam_disasm keeps the name only; what it drops must be implied.
      return op.module === 'erlang' && op.arity === ctx.ins.args.length - (name.startsWith('gc') ? 4 : name === 'bif0' ? 2 : 3)
        ? op.name : tuple('bad_bif', op.module, op.name, op.arity);
    case 'fun':
      if (name === 'make_fun2') return tuple('fun', op.row, op.name, op.arity, op.oldUniq, op.numFree);
      if (name === 'make_fun3') return tuple('fun', op.row, op.name, op.arity, op.oldUniq);
      return tuple('fun', op.row);
    case 'string': return tuple('string', binary(op.bytes));
    case 'location': return op.index;
  }
}

function normType(t: TypeInfo, ctx: Ctx): Term {
  const range = t.min !== undefined && t.max !== undefined ? tuple(t.min, t.max) : 'any';
  return tuple(ctx.types[t.bits] ?? tuple('bad_type_bits', t.bits), range);
}

function toArray(t: Term): Term[] {
  const out: Term[] = [];
  for (let c = t; c instanceof Cons; c = c.tl) out.push(c.hd);
  return out;
}

/** What a comparison found; `null` diff means equal. */
interface Outcome {
  diff: string | null;
  instructions: number;
}

/** Compare our decoding of `path` with erl's normalised beam_disasm result. */
function compareModule(path: string, ref: Term, types: readonly Term[]): Outcome {
  const r = ref as Term[];
  if (r[0] !== 'ok') return { diff: `beam_disasm failed: ${formatW(ref)}`, instructions: 0 };
  const [, modName, refExports, refFns] = r as [string, string, Term, Term];
  const m = decodeModule(readBeam(readBytes(path), path));
  if (m.name !== modName) return { diff: `module ${m.name}, beam_disasm says ${modName}`, instructions: 0 };
  const exports = m.exports.map((e) => tuple(e.name, e.arity, e.label)).sort(compare);
  if (!exactEquals(list(exports), refExports)) {
    return { diff: `exports: ours ${formatW(list(exports))}, beam_disasm ${formatW(refExports)}`, instructions: 0 };
  }
  const theirs = toArray(refFns);
  if (theirs.length !== m.functions.length) {
    return { diff: `${m.functions.length} functions, beam_disasm has ${theirs.length}`, instructions: 0 };
  }
  const ctx: Ctx = { m, types, ins: m.functions[0]!.code[0]! };
  let n = 0;
  for (let f = 0; f < theirs.length; f++) {
    const fn = m.functions[f]!;
    const [name, arity, entry, code] = theirs[f] as [Term, Term, Term, Term];
    const head = `${fn.name}/${fn.arity} entry ${fn.entryLabel}`;
    if (!exactEquals(tuple(fn.name, fn.arity, fn.entryLabel), tuple(name, arity, entry))) {
      return { diff: `function ${f}: ours ${head}, beam_disasm ${formatW(tuple(name, arity, entry))}`, instructions: n };
    }
    const refCode = toArray(code);
    const len = Math.max(refCode.length, fn.code.length);
    for (let i = 0; i < len; i++) {
      const ours = i < fn.code.length ? normInstr(fn.code[i]!, ctx) : 'missing';
      const ref = refCode[i] ?? 'missing';
      if (!exactEquals(ours, ref)) {
        return { diff: `${head}, instruction ${i}: ours ${formatW(ours)}, beam_disasm ${formatW(ref)}`, instructions: n };
      }
      n++;
    }
  }
  return { diff: null, instructions: n };
}

// ---- The erl side -----------------------------------------------------------------

const NORMALISER = new URL('./disasm-normalise.erl', import.meta.url).pathname;
const BATCH = 8;

/** Compile and (re)load the normaliser into the reference server. */
const LOAD = `{ok, M, B} = compile:file(${JSON.stringify(NORMALISER)}, [binary, return_errors]),
  code:purge(M), {module, M} = code:load_binary(M, ${JSON.stringify(NORMALISER)}, B), ok`;

class Reference {
  private readonly byPath = new Map<string, Promise<Term>>();
  private readonly loaded: Promise<unknown>;
  readonly types: Promise<Term[]>;

  /** Send every request at once: the server answers them in order while we compare. */
  constructor(paths: readonly string[]) {
    const loaded = erl.eval(LOAD);
    this.types = erl.eval('beamjs_disasm_normalise:type_table()').then((b) => binaryToTerm(b) as Term[]);
    for (let i = 0; i < paths.length; i += BATCH) {
      const batch = paths.slice(i, i + BATCH);
      const reply = erl.eval(`beamjs_disasm_normalise:files(${erlStrings(batch)})`).then((b) => toArray(binaryToTerm(b)));
      batch.forEach((p, k) => this.byPath.set(p, reply.then((rs) => rs[k]!)));
    }
    // Failures surface in the tests that await them, not as unhandled rejections.
    for (const p of [loaded, this.types, ...this.byPath.values()]) p.catch(() => undefined);
    this.loaded = loaded;
  }

  async compare(path: string): Promise<Outcome> {
    await this.loaded;
    const ref = this.byPath.get(path);
    if (ref === undefined) throw new Error(`${path} was not requested`);
    return compareModule(path, await ref, await this.types);
  }

  /** The normalised beam_disasm results of every requested module. */
  all(): Promise<Term[]> {
    return Promise.all(this.byPath.values());
  }
}

/** Erlang string literals (the paths are ASCII, where JSON's escapes are Erlang's). */
const erlStrings = (xs: readonly string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(',')}]`;

// ---- The tests ----------------------------------------------------------------------

describe('decoded instructions match beam_disasm', () => {
  const otp = otpSample();
  const ex = elixirSample();
  let zoo: string[] = [];
  let ref: Reference;

  beforeAll(() => {
    zoo = [
      compileErl('rt_zoo', ZOO),
      compileErl('rt_zoo22', ZOO.replace('rt_zoo', 'rt_zoo22'), ['+r22']),
      compileErl('rt_zoo24', ZOO.replace('rt_zoo', 'rt_zoo24'), ['+r24']),
    ];
    ref = new Reference([...otp, ...ex, ...zoo]);
  });

  it('compares at least 120 modules', () => {
    expect(otp.length + ex.length).toBeGreaterThanOrEqual(120);
    expect(ex).toHaveLength(10);
  });

  const label = (p: string): string => p.split('/').slice(-3).join('/');
  for (const path of [...otp, ...ex]) {
    it(label(path), async () => {
      const r = await ref.compare(path);
      expect(r.diff).toBeNull();
      expect(r.instructions).toBeGreaterThan(0);
    });
  }

  it('modules compiled here (default, +r22 and +r24 code generation)', async () => {
    for (const path of zoo) {
      const r = await ref.compare(path);
      expect({ path, diff: r.diff }).toEqual({ path, diff: null });
      expect(r.instructions).toBeGreaterThan(200);
    }
  });

  it('the sample covers the families beam_disasm writes in its own shapes', async () => {
    const seen = new Set<string>();
    const features = { typed: 0, typedWithRange: 0, callFun2Row: 0, stringSegment: 0, allocList: 0 };
    const visit = (t: Term): void => {
      if (Array.isArray(t)) {
        if (t[0] === 'tr') {
          features.typed++;
          if (Array.isArray((t[2] as Term[])[1])) features.typedWithRange++;
        } else if (t[0] === 'alloc' && t.length === 4 && ((t[2] as number) > 0 || (t[3] as number) > 0)) {
          features.allocList++;
        } else if (t[0] === 'string' && t[1] instanceof BitString) {
          features.stringSegment++;
        }
        t.forEach(visit);
      } else if (t instanceof Cons) {
        toArray(t).forEach(visit);
      }
    };
    for (const r of await ref.all()) {
      const fns = (r as Term[])[0] === 'ok' ? toArray((r as Term[])[3]!) : [];
      for (const fn of fns) {
        for (const ins of toArray((fn as Term[])[3]!)) {
          const [name, ops] = ins as [string, Term];
          seen.add(name);
          if (name === 'call_fun2' && (toArray(ops)[0] as Term[])[0] === 'fun') features.callFun2Row++;
          if (name !== 'line' && name !== 'label') visit(ops);
        }
      }
    }
    expect(FAMILIES.filter((f) => !seen.has(f))).toEqual([]);
    expect(features.typed).toBeGreaterThan(1000);
    expect(features.typedWithRange).toBeGreaterThan(100);
    expect(features.callFun2Row).toBeGreaterThan(0);
    expect(features.stringSegment).toBeGreaterThan(0);
    expect(features.allocList).toBeGreaterThan(0);
  });
});

/** Each of these must occur in the sample (so each is compared operand by operand). */
const FAMILIES = [
  'bs_create_bin', 'bs_match_string', 'bs_get_integer2', 'bs_get_binary2', 'bs_get_float2', 'bs_skip_bits2',
  'bs_test_tail2', 'bs_test_unit', 'bs_start_match3', 'bs_start_match4', 'bs_get_tail', 'bs_get_position',
  'bs_set_position', 'bs_get_utf8', 'bs_get_utf16', 'bs_get_utf32', 'bs_skip_utf8', 'bs_init2',
  'bs_init_bits', 'bs_put_integer', 'bs_put_binary', 'bs_put_float', 'bs_put_string', 'bs_put_utf8',
  'bs_add', 'bs_append', 'bs_private_append', 'bs_init_writable', 'make_fun2', 'make_fun3', 'call_fun2',
  'call_fun', 'bif0', 'bif1', 'bif2', 'gc_bif1', 'gc_bif2', 'gc_bif3', 'fadd', 'fsub', 'fmul', 'fdiv',
  'fnegate', 'fmove', 'fconv', 'raise', 'call', 'call_only', 'call_last', 'call_ext', 'call_ext_only',
  'call_ext_last', 'select_val', 'select_tuple_arity', 'put_map_assoc', 'put_map_exact', 'get_map_elements',
  'has_map_fields', 'is_tagged_tuple', 'is_function2', 'test_arity', 'swap', 'init_yregs', 'loop_rec',
  'wait_timeout', 'recv_marker_reserve', 'recv_marker_bind', 'recv_marker_use', 'recv_marker_clear',
  'try', 'try_case', 'catch', 'catch_end', 'badrecord', 'apply', 'apply_last', 'trim', 'line', 'on_load',
  'nif_start', 'put_tuple2', 'get_hd', 'get_tl', 'get_tuple_element', 'set_tuple_element', 'build_stacktrace',
  'raw_raise', 'allocate_heap', 'test_heap',
];
