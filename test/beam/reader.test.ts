/**
 * readBeam on small modules compiled by erlc at test time, checked against
 * what erl itself reads from the same files (beam_lib, and the `erlc -S`
 * listing for line numbers).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeModule } from '../../compiler/asm/decode.js';
import { decodeTermChunk, readBeam } from '../../compiler/beam/reader.js';
import { BEAM_TYPE, BEAM_TYPE_ANY, type BeamFile } from '../../compiler/beam/types.js';
import { formatW } from '../../runtime/terms/print.js';
import { list, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import {
  ascii, chunksOf, compact, compileErl, concat, readBytes, tempDir, u32, withChunks, removeTempDir,
} from './support.js';

afterAll(removeTempDir);

const HRL = `
hdr(X) ->
    {from_header, X}.
`;

const SOURCE = `-module(rt_sample).
-export([a/1, b/2, c/0, big/0, lits/0, strs/1, hdr/1]).
-include("rt_sample.hrl").
-record(r, {x, y = 3}).
a(X) when is_integer(X) -> X + 1;
a([H|T]) -> {H, T, "abc", 1.5, <<"bin">>};
a(#{k := V}) -> V;
a(X) -> lists:reverse(X).
b(X, Y) ->
    lists:map(fun(Z) -> Z + X end, Y).
c() -> receive {x, M} -> M after 100 -> timeout end.
big() -> {123456789012345678901234567890, -70000, -1, 1 bsl 200, -(1 bsl 130), #r{}}.
lits() -> #{a => [1,2|3], {b} => -0.0, <<1:3>> => 'weird atom', "\\x{e9}" => '\\x{e9}', f => fun lists:map/2}.
strs(<<"abc", R/binary>>) -> <<R/binary, "xyz">>;
strs(X) -> X.
`;

/** Source line (1-based) of the first line containing `needle`. */
const lineOf = (needle: string): number => SOURCE.split('\n').findIndex((l) => l.includes(needle)) + 1;

const w = (t: Term): string => formatW(t);
const erlFile = (path: string): string => JSON.stringify(path);

let path: string;
let bytes: Uint8Array;
let beam: BeamFile;

beforeAll(() => {
  path = compileErl('rt_sample', SOURCE, [], { 'rt_sample.hrl': HRL });
  bytes = readBytes(path);
  beam = readBeam(bytes, path);
});

describe('readBeam on an erlc-compiled module', () => {
  it('reads the atom table like beam_lib', async () => {
    const ref = await erl.text(`{ok,{_,[{atoms,A}]}} = beam_lib:chunks(${erlFile(path)}, [atoms]),
      io_lib:format("~w", [[X || {_, X} <- lists:sort(A)]])`);
    expect(beam.module).toBe('rt_sample');
    expect(w(list(beam.atoms.slice(1)))).toBe(ref);
  });

  it('reads imports, exports and locals like beam_lib', async () => {
    // Imports in table order (beam_lib would sort them), exports and locals sorted.
    const ref = await erl.text(`{ok,{_,[{atoms,As},{"ImpT",<<_:32,R/binary>>},{labeled_exports,E},{labeled_locals,L}]}} =
      beam_lib:chunks(${erlFile(path)}, [atoms, "ImpT", labeled_exports, labeled_locals]),
      At = fun(I) -> proplists:get_value(I, As) end,
      I = [{At(M), At(F), A} || <<M:32,F:32,A:32>> <= R],
      io_lib:format("~w", [{I, lists:sort(E), lists:sort(L)}])`);
    const sorted = (rows: readonly { name: string; arity: number; label: number }[]): Term =>
      list([...rows].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.arity - y.arity))
        .map((r) => [r.name, r.arity, r.label]));
    const ours = [
      list(beam.imports.map((i) => [i.module, i.name, i.arity])),
      sorted(beam.exports),
      sorted(beam.locals!),
    ];
    expect(w(ours)).toBe(ref);
    expect(beam.imports.some((i) => i.module === 'lists' && i.name === 'reverse' && i.arity === 1)).toBe(true);
  });

  it('reads every literal (bignums, -0.0, bitstrings, maps, funs, unicode) like binary_to_term', async () => {
    const ref = await erl.text(`{ok,{_,[{"LitT",<<_:32,Z/binary>>}]}} = beam_lib:chunks(${erlFile(path)}, ["LitT"]),
      <<_:32,T/binary>> = zlib:uncompress(Z),
      io_lib:format("~w", [[binary_to_term(B) || <<S:32,B:S/binary>> <= T]])`);
    expect(beam.literals.length).toBeGreaterThan(4);
    expect(w(list(beam.literals))).toBe(ref);
  });

  it('reads the FunT rows', async () => {
    const ref = await erl.text(`{ok,{_,[{atoms,As},{"FunT",<<_:32,R/binary>>}]}} =
      beam_lib:chunks(${erlFile(path)}, [atoms, "FunT"]),
      io_lib:format("~w", [[{proplists:get_value(Fa, As), A, L, I, N, U} ||
        <<Fa:32,A:32,L:32,I:32,N:32,U:32>> <= R]])`);
    expect(beam.funs).toHaveLength(1);
    expect(beam.funs[0]!.numFree).toBe(1);
    expect(w(list(beam.funs.map((f) => [f.name, f.arity, f.label, f.index, f.numFree, f.oldUniq])))).toBe(ref);
  });

  it('reads Attr, CInf and the Code header', async () => {
    const ref = await erl.text(`{ok,{_,[{"Attr",A},{"CInf",C}]}} = beam_lib:chunks(${erlFile(path)}, ["Attr","CInf"]),
      io_lib:format("~w", [{binary_to_term(A), binary_to_term(C)}])`);
    expect(w([beam.attributes!, beam.compileInfo!])).toBe(ref);
    const listing = compileListing();
    const labels = Number(/\{labels, (\d+)\}/.exec(listing)![1]);
    expect(beam.code.labelCount).toBe(labels);
    const m = decodeModule(beam);
    expect(m.functions).toHaveLength(beam.code.functionCount);
    expect(m.functions.map((f) => `${f.name}/${f.arity}`)).toContain('-b/2-fun-0-/2');
  });

  it('gives every line instruction the file and line of the erlc -S listing', () => {
    const listing = compileListing();
    const re = /\{line,\[(?:\{scope,\[[^\]]*\]\},)?(?:\{location,"([^"]*)",(\d+)\})?\]\}/g;
    const expected = [...listing.matchAll(re)].map((m) => (m[1] === undefined ? '-' : `${m[1]}:${m[2]}`));
    const m = decodeModule(beam);
    const ours: string[] = [];
    for (const fn of m.functions) {
      for (const ins of fn.code) {
        if (ins.name !== 'line') continue;
        const loc = ins.args[0]!;
        if (loc.kind !== 'location') throw new Error('line without a location');
        ours.push(loc.file === undefined ? '-' : `${loc.file}:${loc.line}`);
      }
    }
    expect(expected.length).toBeGreaterThan(10);
    expect(ours).toEqual(expected);
    expect(beam.lines!.files).toEqual(['rt_sample.erl', 'rt_sample.hrl']);
  });

  it('gives instructions and functions their source lines', () => {
    const m = decodeModule(beam);
    const fn = (name: string, arity: number) => m.functions.find((f) => f.name === name && f.arity === arity)!;
    const a = fn('a', 1);
    expect(a.line).toBe(lineOf('a(X) when'));
    expect(a.file).toBe('rt_sample.erl');
    const rev = a.code.find((i) => i.name === 'call_ext_only')!;
    expect(rev.line).toBe(lineOf('lists:reverse'));
    const ext = rev.args[1]!;
    expect(ext.kind === 'extfunc' && `${ext.module}:${ext.name}/${ext.arity}`).toBe('lists:reverse/1');
    const hdr = fn('hdr', 1);
    expect(hdr.file).toBe('rt_sample.hrl');
    expect(hdr.line).toBe(HRL.split('\n').findIndex((l) => l.startsWith('hdr(')) + 1);
  });

  it('splits functions into labelled blocks', () => {
    const m = decodeModule(beam);
    for (const fn of m.functions) {
      expect(fn.code[fn.labels.get(fn.funcInfoLabel)!]!.name).toBe('label');
      expect(fn.blocks[0]!.label).toBe(fn.funcInfoLabel);
      expect(fn.blocks[1]!.label).toBe(fn.entryLabel);
      expect(fn.blocks.at(-1)!.end).toBe(fn.code.length);
      for (const [i, b] of fn.blocks.entries()) {
        expect(fn.code[b.start]).toMatchObject({ name: 'label', args: [{ kind: 'u', n: b.label }] });
        expect(fn.labels.get(b.label)).toBe(b.start);
        if (i > 0) expect(fn.blocks[i - 1]!.end).toBe(b.start);
      }
      expect(m.byEntry.get(fn.entryLabel)).toBe(fn);
    }
    // c/0 is a receive loop: its blocks are the entry, the loop_rec head, the
    // mismatch (loop_rec_end) and the wait_timeout/after part.
    const c = m.functions.find((f) => f.name === 'c')!;
    expect(c.blocks.map((b) => c.code.slice(b.start + 1, b.end).map((i) => i.name)[0])).toEqual(
      ['line', 'allocate', 'loop_rec', 'loop_rec_end', 'wait_timeout']);
  });

  it('resolves operands: integers, literals, funs, strings and typed registers', () => {
    const m = decodeModule(beam);
    const fn = (name: string) => m.functions.find((f) => f.name === name)!;
    const ops = (name: string) => fn(name).code.flatMap((i) => [...i.args]);
    const big = fn('big').code.find((i) => i.name === 'put_tuple2' || i.name === 'move')!;
    expect(big).toBeDefined();
    // Literal tuples of constants land in LitT; check the values, not the encoding.
    const lit = ops('big').find((o) => o.kind === 'literal')!;
    expect(lit.kind === 'literal' && w(lit.value)).toBe(
      `{123456789012345678901234567890,-70000,-1,${(1n << 200n).toString()},${(-(1n << 130n)).toString()},{r,undefined,3}}`);
    const mk = fn('b').code.find((i) => i.name === 'make_fun3')!;
    const f = mk.args[0]!;
    expect(f.kind === 'fun' && [f.name, f.arity, f.numFree]).toEqual(['-b/2-fun-0-', 2, 1]);
    const match = fn('strs').code.find((i) => i.name === 'bs_match_string')!;
    const s = match.args[3]!;
    expect(s.kind === 'string' && new TextDecoder().decode(s.bytes)).toBe('abc');
    const create = fn('strs').code.find((i) => i.name === 'bs_create_bin')!;
    const segs = create.args[5]!;
    const strSeg = segs.kind === 'list' ? segs.items.find((o) => o.kind === 'string') : undefined;
    expect(strSeg?.kind === 'string' && new TextDecoder().decode(strSeg.bytes)).toBe('xyz');
    const add = fn('a').code.find((i) => i.name === 'gc_bif2')!;
    const tr = add.args[3]!;
    expect(tr.kind).toBe('tr');
    if (tr.kind === 'tr') {
      expect(tr.reg).toEqual({ kind: 'x', n: 0 });
      expect(tr.type.bits).toBe(BEAM_TYPE.integer);
    }
    expect(add.args[2]!.kind === 'extfunc' && (add.args[2] as { name: string }).name).toBe('+');
    const wait = fn('c').code.find((i) => i.name === 'wait_timeout')!;
    expect(wait.args[1]).toEqual({ kind: 'integer', value: 100 });
  });

  it('decodes the Dbgi chunk on request', () => {
    const dbg = compileErl('rt_dbg', '-module(rt_dbg).\n-export([f/0]).\nf() -> ok.\n', ['+debug_info']);
    const b = readBeam(readBytes(dbg), dbg, { debugInfo: true });
    const d = b.debugInfo;
    expect(Array.isArray(d) && d[0]).toBe('debug_info_v1');
    expect(Array.isArray(d) && d[1]).toBe('erl_abstract_code');
    expect(w(decodeTermChunk(b, 'Dbgi')!)).toBe(w(d!));
    expect(readBeam(readBytes(dbg), dbg).debugInfo).toBeUndefined();
  });
});

describe('other encodings', () => {
  it('reads a whole-file gzipped beam (erlc +compressed)', () => {
    const gz = compileErl('rt_gz', SOURCE.replace('rt_sample', 'rt_gz'), ['+compressed'], { 'rt_sample.hrl': HRL });
    const raw = readBytes(gz);
    expect([raw[0], raw[1]]).toEqual([0x1f, 0x8b]);
    const b = readBeam(raw, gz);
    expect(b.gzipped).toBe(true);
    expect(b.module).toBe('rt_gz');
    expect(w(list(b.literals))).toBe(w(list(beam.literals)));
    expect(decodeModule(b).instrCount).toBe(decodeModule(beam).instrCount);
  });

  it('reads a +slim beam (no LocT, Line or CInf)', () => {
    const slim = compileErl('rt_slim', SOURCE.replace('rt_sample', 'rt_slim'), ['+slim'], { 'rt_sample.hrl': HRL });
    const b = readBeam(readBytes(slim), slim);
    expect(b.locals).toBeUndefined();
    expect(b.lines).toBeUndefined();
    expect(b.compileInfo).toBeUndefined();
    const m = decodeModule(b);
    expect(m.functions.length).toBe(b.code.functionCount);
    expect(m.functions.every((f) => f.code.every((i) => i.line === 0))).toBe(true);
  });

  it('reads the OTP 28 atom table (negative count, compact lengths, atoms over 255 bytes)', () => {
    const long = 'x'.repeat(300);
    const atoms = [...beam.atoms.slice(1), long];
    const enc = new TextEncoder();
    const parts: Uint8Array[] = [u32(-atoms.length)];
    for (const a of atoms) {
      const b = enc.encode(a);
      parts.push(compact(0, b.length), b);
    }
    const b = readBeam(withChunks(bytes, { AtU8: concat(...parts) }), 'otp28.beam');
    expect(b.atoms.slice(1, -1)).toEqual(beam.atoms.slice(1));
    expect(b.atoms[b.atoms.length - 1]).toBe(long);
    expect(decodeModule(b).instrCount).toBe(decodeModule(beam).instrCount);
  });

  it('reads the OTP 28 uncompressed literal table', () => {
    const litT = chunksOf(bytes).find(([id]) => id === 'LitT')![1];
    const table = inflateSync(litT.subarray(4));
    const b = readBeam(withChunks(bytes, { LitT: concat(u32(0), table) }), 'otp28.beam');
    expect(w(list(b.literals))).toBe(w(list(beam.literals)));
  });

  it('reads Type chunks of versions 2 and 3, and ignores unknown versions', () => {
    const i64 = (n: bigint): Uint8Array => {
      const out = new Uint8Array(8);
      new DataView(out.buffer).setBigInt64(0, n);
      return out;
    };
    const u16 = (n: number): Uint8Array => Uint8Array.of(n >> 8, n & 0xff);
    const v2 = concat(u32(2), u32(3), u16(0x1fff),
      u16((1 << 6) | (1 << 13) | (1 << 14)), i64(-5n), i64(10n),
      u16((1 << 1) | (1 << 15)), Uint8Array.of(7));
    const v3 = concat(u32(3), u32(3), u16(0xfff),
      u16((1 << 5) | (1 << 12) | (1 << 13)), i64(-5n), i64(10n),
      u16((1 << 1) | (1 << 14)), Uint8Array.of(7));
    for (const chunk of [v2, v3]) {
      const t = readBeam(withChunks(bytes, { Type: chunk }), 'types.beam').types!;
      expect(t.entries.map((e) => [e.bits, e.min, e.max, e.unit])).toEqual([
        [BEAM_TYPE_ANY, undefined, undefined, undefined],
        [BEAM_TYPE.integer, -5, 10, undefined],
        [BEAM_TYPE.bitstring, undefined, undefined, 8],
      ]);
    }
    expect(readBeam(withChunks(bytes, { Type: concat(u32(99), u32(0)) }), 'types.beam').types).toBeUndefined();
  });

  it('keeps unknown chunks raw and ignores a Line chunk of another version', () => {
    const b = readBeam(withChunks(bytes, { Line: concat(u32(1), u32(0)) }), 'x.beam');
    expect(b.lines).toBeUndefined();
    const extra = readBeam(concat(bytes.slice(0, 4), u32(bytes.length - 8 + 12), bytes.slice(8),
      ascii('ExCk'), u32(4), ascii('abcd')), 'x.beam');
    expect(extra.unknown.map((c) => c.id)).toEqual(['ExCk']);
    expect([...extra.unknown[0]!.data]).toEqual([...ascii('abcd')]);
  });
});

function compileListing(): string {
  const dir = tempDir();
  execFileSync('erlc', ['-S', '-o', dir, `${dir}/rt_sample.erl`], { cwd: dir, stdio: 'pipe' });
  return readFileSync(`${dir}/rt_sample.S`, 'utf8');
}
