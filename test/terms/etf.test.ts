/**
 * The external term format against BEAM (OTP 25): our `termToBinary` bytes equal
 * erl's for every option combination, `binaryToTerm` of erl's bytes re-encodes
 * to the same bytes, hand-crafted edge binaries are accepted or rejected exactly
 * as erl does, and malformed input of any kind gives `EtfError` and nothing else.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { erl } from '../support/erl.js';
import { pinAtoms } from './hash-support.js';
import { toErlSource } from '../support/erl-source.js';
import { ALL, ATOMS, BITSTRINGS, FUNS, INTEGERS, MAPS } from './corpus.js';
import { CRAFTED, bytes, u32 } from './etf-cases.js';
import { tmap } from './test-map.js';
import {
  EtfError, binaryToTerm, binaryToTermUsed, configureEtf, termToBinary, type TermToBinaryOptions,
} from '../../runtime/terms/etf.js';
import { TermBadArg } from '../../runtime/terms/errors.js';
import { zlibCompress } from '../../runtime/terms/zlib.js';
import { exactEquals } from '../../runtime/terms/compare.js';
import {
  BitString, Cons, ErlFloat, ExportFun, Fun, NIL, Pid, charlist, isMap, list, type Term,
} from '../../runtime/terms/types.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

/** Every option combination of term_to_binary/2 worth telling apart. */
const OPTIONS: [string, TermToBinaryOptions][] = [
  ['[]', {}],
  ['[{minor_version,0}]', { minorVersion: 0 }],
  ['[{minor_version,1}]', { minorVersion: 1 }],
  ['[{minor_version,2}]', { minorVersion: 2 }],
  ['[deterministic]', { deterministic: true }],
  ['[{minor_version,0},deterministic]', { minorVersion: 0, deterministic: true }],
  ['[compressed]', { compressed: true }],
  ['[{compressed,0}]', { compressed: 0 }],
  ['[{compressed,1}]', { compressed: 1 }],
  ['[{compressed,4},{minor_version,0}]', { compressed: 4, minorVersion: 0 }],
  ['[{compressed,9},{minor_version,2},deterministic]', { compressed: 9, minorVersion: 2, deterministic: true }],
];

/** Does `t` contain a map above 32 keys, whose iteration order is the map module's business? */
function hasBigMap(t: Term): boolean {
  const todo: Term[] = [t];
  while (todo.length) {
    const x = todo.pop()!;
    if (Array.isArray(x)) todo.push(...x);
    else if (x instanceof Cons) todo.push(x.hd, x.tl);
    else if (x instanceof Fun) todo.push(...x.env);
    else if (isMap(x)) {
      if (x.size > 32) return true;
      for (const [k, v] of x.entries()) todo.push(k, v);
    }
  }
  return false;
}

/** erl's term_to_binary(T, Opts) for each term and each of OPTIONS, as hex. */
async function erlEncodings(sources: string[]): Promise<string[][]> {
  const opts = `[${OPTIONS.map(([o]) => o).join(',')}]`;
  const text = await erl.text(
    `[[[binary:encode_hex(term_to_binary(T, O)), $\\s] || O <- ${opts}] ++ "\\n" || T <- [${sources.join(',\n')}]]`,
  );
  return text.split('\n').slice(0, -1).map((l) => l.trim().toLowerCase().split(' '));
}

/** Our bytes must be erl's; erl's bytes must decode to a term that re-encodes to them. */
function checkEncodings(t: Term, expected: string[], ctx: string): void {
  const big = hasBigMap(t);
  OPTIONS.forEach(([name, o], i) => {
    const want = expected[i]!;
    const c = `${ctx} ${name}`;
    const ours = hex(termToBinary(t, o).bytes);
    const back = binaryToTerm(unhex(want));
    const again = hex(termToBinary(back, o).bytes);
    if (big && !o.deterministic) {
      // A big map is written in its own iteration order (its hash-trie layout
      // in ./map.ts; `t` may be a test map with another order): see the
      // separate test of that order below.
      expect(exactEquals(binaryToTerm(unhex(ours)), back), c).toBe(true);
      if (!o.compressed) expect(ours.length, c).toBe(want.length);
    } else {
      expect(ours, c).toBe(want);
      expect(again, c).toBe(want);
    }
  });
}

/** The keys of a top-level MAP_EXT in the order they are written. */
function writtenKeys(b: Uint8Array): Term[] {
  expect(b[1]).toBe(116);
  const n = new DataView(b.buffer, b.byteOffset).getUint32(2);
  const keys: Term[] = [];
  let at = 6;
  const next = (): Term => {
    const { term, used } = binaryToTermUsed(Uint8Array.from([131, ...b.subarray(at)]));
    at += used - 1;
    return term;
  };
  for (let i = 0; i < n; i++) {
    keys.push(next());
    next();
  }
  return keys;
}

async function differential(terms: Term[], label: string): Promise<void> {
  const expected = await erlEncodings(terms.map(toErlSource));
  expect(expected.length).toBe(terms.length);
  terms.forEach((t, i) => checkEncodings(t, expected[i]!, `${label} #${i}`));
}

const bits = (bs: number[], n: number): BitString => new BitString(Uint8Array.from(bs), n);
const byteList = (n: number, f: (i: number) => number = (i) => i & 0xff): Term =>
  list(Array.from({ length: n }, (_, i) => f(i)));


// Hashmap order depends on atom-table slots: before any test hashes them,
// pin the atoms the big-map tests use (x, k1..k100) to the reference VM's slots.
beforeAll(() => pinAtoms(['x', ...Array.from({ length: 100 }, (_, i) => `k${i + 1}`)]));

describe('termToBinary / binaryToTerm against erl', () => {
  it('the shared corpus, every option combination', async () => {
    await differential(ALL, 'corpus');
  });

  it('integer boundaries', async () => {
    const ints: Term[] = [...INTEGERS];
    for (const p of [8n, 27n, 31n, 32n, 53n, 56n, 63n, 64n, 127n, 2039n, 2040n, 2041n, 4096n]) {
      for (const d of [-1n, 0n, 1n]) {
        for (const s of [1n, -1n]) {
          const v = s * (2n ** p + d);
          ints.push(v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n ? Number(v) : v);
        }
      }
    }
    await differential(ints, 'int');
  });

  it('floats, including -0.0, denormals and the extremes', async () => {
    const xs = [0, -0, 0.1, -2.5, 1 / 3, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
      1e21, 1e-7, 123456.789, 2 ** 70, 0.5 + 2 ** -52, 4.35, 1.0000000000000002];
    await differential(xs.map((x) => new ErlFloat(x)), 'float');
  });

  it('atoms: Latin-1, UTF-8, 255 characters, every tag', async () => {
    const atoms: Term[] = [...ATOMS, 'a'.repeat(255), 'ä'.repeat(255), 'ÿ'.repeat(128), '\u{1F600}'.repeat(255),
      'Ā'.repeat(200), 'x'.repeat(128) + 'ä'.repeat(127)];
    await differential(atoms, 'atom');
  });

  it('byte lists around the STRING_EXT limit, improper and nested lists', async () => {
    const terms: Term[] = [
      byteList(0), byteList(1), byteList(65534), byteList(65535), byteList(65536),
      byteList(100, (i) => (i === 99 ? 256 : i)), list([1, 2, 3], 4), list([1, 2], NIL),
      list([list([1], list([2], 3))], list([4], 5)), list([charlist('abc')], charlist('de')),
      list([255, -1]), list([1.5].map((x) => new ErlFloat(x))), list([NIL, NIL], NIL),
    ];
    await differential(terms, 'list');
  });

  it('bitstrings of every residue mod 8, and binaries', async () => {
    const terms: Term[] = [...BITSTRINGS];
    for (let n = 0; n <= 24; n++) terms.push(bits(Array.from({ length: (n + 7) >> 3 }, () => 0), n));
    for (let n = 1; n <= 17; n++) {
      const bs = Array.from({ length: (n + 7) >> 3 }, (_, i) => (i * 37 + 0xa5) & 0xff);
      if (n & 7) bs[bs.length - 1]! &= (0xff << (8 - (n & 7))) & 0xff;
      terms.push(bits(bs, n));
    }
    terms.push(bits(Array.from({ length: 70000 }, (_, i) => i % 251), 70000 * 8));
    await differential(terms, 'bits');
  });

  it('maps, small and big, nested, with numeric keys of both kinds', async () => {
    const big = (n: number, key: (i: number) => Term): Term =>
      tmap(...Array.from({ length: n }, (_, i): [Term, Term] => [key(i), i]));
    const terms: Term[] = [
      ...MAPS, big(32, (i) => i), big(33, (i) => i), big(100, (i) => `k${i}`),
      big(50, (i) => (i % 2 ? i : new ErlFloat(i))), big(40, (i) => [i, 'x']),
      big(35, (i) => tmap([i, i])), tmap([tmap([1, 'a'], [new ErlFloat(1), 'b']), 1]),
    ];
    await differential(terms, 'map');
  });

  it('big maps are written in entries() order, which for maps built by map.ts is erl\'s', async () => {
    const exprs = [
      'maps:from_list([{I, I} || I <- lists:seq(1, 40)])',
      'maps:from_list([{list_to_atom("k" ++ integer_to_list(I)), I} || I <- lists:seq(1, 100)])',
      'maps:from_list([{{I, x}, [I]} || I <- lists:seq(1, 300)])',
      '#{a => maps:from_list([{I * 1.5, I} || I <- lists:seq(1, 50)])}',
    ];
    const text = await erl.text(`[[binary:encode_hex(term_to_binary(T)), $\\n] || T <- [${exprs.join(',')}]]`);
    text.split('\n').slice(0, -1).forEach((h, i) => {
      const m = binaryToTerm(unhex(h.toLowerCase()));
      // Our encoder follows entries() ...
      const keys = isMap(m) ? Array.from(m.entries(), ([k]) => k) : [];
      const written = writtenKeys(termToBinary(m).bytes);
      expect(written.length).toBe(keys.length);
      written.forEach((k, j) => expect(exactEquals(k, keys[j]!)).toBe(true));
      // ... and a map built by map.ts iterates in BEAM's order, so the bytes are erl's.
      expect(hex(termToBinary(m).bytes), exprs[i]).toBe(h.toLowerCase());
    });
  });

  it('export funs and funs from the corpus', async () => {
    await differential([...FUNS, new ExportFun('m', 'f', 255)], 'fun');
  });

  it('local funs, pids, refs and ports created in erl re-encode to erl\'s bytes', async () => {
    // A compiled module gives funs with real FunT entries; erl_eval gives closures.
    const mod = `"-module(etf_test_funs). -export([mk/1, nested/0]).
      mk(X) -> fun(Y) -> {X, Y} end.
      nested() -> F = fun() -> ok end, fun(Z) -> {F, Z, self()} end."`;
    const exprs = [
      'etf_test_funs:mk(42)', 'etf_test_funs:mk({a, [1.5, <<7:3>>]})', 'etf_test_funs:nested()',
      'fun(X) -> X end', '(fun() -> Y = 3, fun(X) -> X + Y end end)()', 'fun lists:map/2',
      'self()', 'make_ref()', 'hd(erlang:ports())', 'list_to_pid("<0.4.1>")',
      '{self(), make_ref(), hd(erlang:ports()), fun erlang:abs/1}',
      'binary_to_term(<<131,88,100,0,3,"a@b",0,0,0,1,0,0,0,2,0,0,0,7>>)',
      'binary_to_term(<<131,120,100,0,3,"a@b",0,0,1,0,0,0,0,0,0,0,0,9>>)',
    ];
    const opts = `[${OPTIONS.map(([o]) => o).join(',')}]`;
    const text = await erl.text(`
      Src = ${mod},
      Forms = fun F([], Acc) -> lists:reverse(Acc);
                  F(Ts, Acc) -> {Form, Rest} = lists:splitwith(fun(T) -> element(1, T) =/= dot end, Ts),
                                [Dot | Rest2] = Rest, {ok, P} = erl_parse:parse_form(Form ++ [Dot]),
                                F(Rest2, [P | Acc]) end,
      {ok, Toks, _} = erl_scan:string(Src),
      {ok, M, Bin} = compile:forms(Forms(Toks, [])),
      {module, M} = code:load_binary(M, "etf_test_funs.erl", Bin),
      Terms = [${exprs.join(',\n')}],
      [[[binary:encode_hex(term_to_binary(T, O)), $\\s] || O <- ${opts}] ++ "\\n" || T <- Terms]`);
    const rows = text.split('\n').slice(0, -1).map((l) => l.trim().toLowerCase().split(' '));
    expect(rows.length).toBe(exprs.length);
    rows.forEach((row, i) => {
      const t = binaryToTerm(unhex(row[0]!));
      checkEncodings(t, row, exprs[i]!);
    });
    expect(binaryToTerm(unhex(rows[0]![0]!))).toBeInstanceOf(Fun);
  });

  it('random terms (fast-check), every option combination', async () => {
    const { arbTerm } = await import('../support/arbitrary.js');
    for (let seed = 0; seed < 4; seed++) {
      await differential(fc.sample(arbTerm, { seed: 4242 + seed, numRuns: 100 }), `random(${seed})`);
    }
  });
});

describe('compression', () => {
  it('keeps the compressed form exactly when BEAM does, at every level', async () => {
    // Partly redundant binaries of growing size straddle the "not longer" rule
    // on both sides of BEAM's 64-byte fast path.
    const terms: Term[] = [];
    for (let n = 1; n <= 200; n += 3) {
      const period = Math.max(1, Math.floor(n / 3) + (n % 7));
      terms.push(bits(Array.from({ length: n }, (_, i) => ((i % period) * 151 + n) & 0xff), n * 8));
    }
    const src = terms.map(toErlSource).join(',');
    const text = await erl.text(
      `[[[binary:encode_hex(term_to_binary(T, [{compressed, L}])), $\\s] || L <- lists:seq(0, 9)] ++ "\\n" || T <- [${src}]]`,
    );
    const rows = text.split('\n').slice(0, -1).map((l) => l.trim().toLowerCase().split(' '));
    let compressed = 0;
    terms.forEach((t, i) => {
      for (let level = 0; level <= 9; level++) {
        const want = rows[i]![level]!;
        expect(hex(termToBinary(t, { compressed: level }).bytes), `#${i} level ${level}`).toBe(want);
        if (want.startsWith('8350')) compressed++;
      }
    });
    expect(compressed).toBeGreaterThan(100);
    expect(compressed).toBeLessThan(terms.length * 9);
  });

  it('compresses a large term exactly like BEAM (window slides, many blocks)', async () => {
    const expr = `[{N, integer_to_list(N * 7919), <<N:32>>, lists:seq(1, N rem 17)} || N <- lists:seq(1, 20000)]`;
    const want = await erl.text(`binary:encode_hex(erlang:md5(term_to_binary(${expr}, [compressed])))`);
    const t = list(Array.from({ length: 20000 }, (_, k) => {
      const n = k + 1;
      return [n, charlist(String(n * 7919)), bits(u32(n), 32), list(Array.from({ length: n % 17 }, (_, j) => j + 1))];
    }));
    const ours = termToBinary(t, { compressed: true }).bytes;
    expect(createHash('md5').update(ours).digest('hex')).toBe(want.toLowerCase());
    expect(hex(termToBinary(binaryToTerm(ours)).bytes)).toBe(hex(termToBinary(t).bytes));
  });
});

/**
 * erl's verdict on each binary: `err`, or the re-encoding and bytes used. The
 * re-encoding is deterministic, so big maps compare whatever their order.
 */
async function erlDecode(inputs: Uint8Array[]): Promise<string[]> {
  const list = inputs.map((b) => `<<"${hex(b)}">>`).join(',');
  const text = await erl.text(`[[try binary_to_term(binary:decode_hex(H), [used]) of
        {T, U} -> [binary:encode_hex(term_to_binary(T, [{minor_version, 2}, deterministic])), $\\s, integer_to_list(U)]
      catch error:badarg -> "err" end, $\\n] || H <- [${list}]]`);
  return text.split('\n').slice(0, -1);
}

/** Our verdict in the same shape; anything but a term or an EtfError fails the test. */
function ourDecode(b: Uint8Array): string {
  try {
    const { term, used } = binaryToTermUsed(b);
    return `${hex(termToBinary(term, { minorVersion: 2, deterministic: true }).bytes).toUpperCase()} ${used}`;
  } catch (e) {
    if (e instanceof EtfError) return 'err';
    throw e;
  }
}

function compressedCases(): [string, number[]][] {
  const z = (b: number[]): number[] => Array.from(zlibCompress(Uint8Array.from(b)));
  const body = Array.from(termToBinary(list(Array.from({ length: 100 }, () => ['a', 'b']))).bytes.subarray(1));
  const ok = bytes(131, 80, u32(body.length), z(body));
  return [
    ['compressed', ok],
    ['compressed, trailing bytes', bytes(ok, 1, 2, 3)],
    ['compressed, size too big', bytes(131, 80, u32(body.length + 1), z(body))],
    ['compressed, size too small', bytes(131, 80, u32(body.length - 1), z(body))],
    ['compressed, truncated', ok.slice(0, -1)],
    ['compressed, bad adler', bytes(ok.slice(0, -1), ok[ok.length - 1]! ^ 1)],
    ['compressed, trailing byte inside', bytes(131, 80, u32(3), z([97, 1, 0]))],
    ['compressed, nested compression', bytes(131, 80, u32(7), z([80, 0, 0, 0, 1, 97, 1]))],
    ['compressed, version byte inside', bytes(131, 80, u32(3), z([131, 97, 1]))],
    ['compressed, empty', bytes(131, 80, u32(0), z([]))],
    ['compressed, level 1 and 9', bytes(131, 80, u32(body.length), Array.from(zlibCompress(Uint8Array.from(body), 9)))],
    ['compressed, garbage', bytes(131, 80, u32(10), 1, 2, 3, 4, 5, 6, 7, 8)],
  ];
}

describe('decoding edge cases against erl', () => {
  it('hand-crafted binaries are accepted or rejected exactly as by erl', async () => {
    const cases = [...CRAFTED, ...compressedCases()];
    const verdicts = await erlDecode(cases.map(([, b]) => Uint8Array.from(b)));
    cases.forEach(([name, b], i) => expect(ourDecode(Uint8Array.from(b)), name).toBe(verdicts[i]));
    // Both outcomes are covered.
    expect(verdicts.filter((v) => v === 'err').length).toBeGreaterThan(40);
    expect(verdicts.filter((v) => v !== 'err').length).toBeGreaterThan(40);
  });

  it('mutated valid encodings get the same verdict as from erl', async () => {
    const seeds = ALL.slice(0, 400).map((t, i) => termToBinary(t, { compressed: i % 5 === 0 ? 6 : 0 }).bytes);
    let rnd = 12345;
    const next = (n: number): number => ((rnd = (rnd * 1103515245 + 12345) % 2147483648) % n);
    const inputs = seeds.flatMap((b) =>
      [0, 1, 2].map(() => {
        const m = b.slice();
        const flips = 1 + next(3);
        for (let k = 0; k < flips && m.length > 1; k++) m[1 + next(m.length - 1)] = next(256);
        return m;
      }),
    );
    const verdicts = await erlDecode(inputs);
    inputs.forEach((b, i) => expect(ourDecode(b), hex(b)).toBe(verdicts[i]));
  });
});

describe('malformed input', () => {
  it('every proper prefix of a valid encoding is an EtfError', () => {
    const terms: Term[] = [
      [1, 'atom', new ErlFloat(1.5), charlist('str'), bits([1, 2, 0xe0], 19), 2n ** 100n, new Pid(1, 2)],
      tmap(['k', list([1, [2], 'x'], 3)], [new ExportFun('m', 'f', 2), NIL]),
      FUNS[9]!, list(Array.from({ length: 300 }, (_, i) => i)),
    ];
    for (const t of terms) {
      for (const o of [{}, { minorVersion: 0 as const }, { compressed: 9 }]) {
        const full = termToBinary(t, o).bytes;
        for (let n = 0; n < full.length; n++) {
          expect(() => binaryToTerm(full.subarray(0, n)), `${hex(full)} cut at ${n}`).toThrow(EtfError);
        }
        expect(exactEquals(binaryToTerm(full), t)).toBe(true);
      }
    }
  });

  it('random bytes never throw anything but EtfError', () => {
    const prefixes = [[131], [131, 80, 0, 0, 0, 20, 0x78, 0x9c], [131, 108, 0, 0, 0, 3], [131, 112]];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 64 }), (p, tail) => {
        ourDecode(Uint8Array.from([...p, ...tail]));
      }),
      { numRuns: 20000, seed: 7 },
    );
  });

  it('a non-binary bitstring, and options BEAM rejects, are badarg', () => {
    expect(() => binaryToTerm(bits([131, 97, 0], 23))).toThrow(EtfError);
    expect(() => termToBinary(1, { compressed: 10 })).toThrow(TermBadArg);
    expect(() => termToBinary(1, { minorVersion: 3 as 2 })).toThrow(TermBadArg);
  });

  it('a fun whose creator is not a pid is rejected (BEAM accepts it; we cannot hold it)', () => {
    const b = bytes(131, 112, u32(0), 0, new Array(16).fill(0), u32(0), u32(0), 100, 0, 1, 'm', 97, 0, 97, 0, 100, 0, 1, 'x');
    expect(() => binaryToTerm(Uint8Array.from(b))).toThrow(/creator is not a pid/);
  });
});

describe('deep nesting and options', () => {
  it('a 1,000,000-deep list and tuple encode and decode without recursion', async () => {
    const depth = 1_000_000;
    const want = await erl.text(`Deep = lists:foldl(fun(_, A) -> [A] end, [], lists:seq(1, ${depth})),
      DeepT = lists:foldl(fun(_, A) -> {A} end, [], lists:seq(1, ${depth})),
      [binary:encode_hex(erlang:md5(term_to_binary(Deep))), $\\s, binary:encode_hex(erlang:md5(term_to_binary(DeepT)))]`);
    let l: Term = NIL;
    let t: Term = NIL;
    for (let i = 0; i < depth; i++) {
      l = new Cons(l, NIL);
      t = [t];
    }
    const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex').toUpperCase();
    const bl = termToBinary(l).bytes;
    const bt = termToBinary(t).bytes;
    expect(`${md5(bl)} ${md5(bt)}`).toBe(want);
    expect(md5(termToBinary(binaryToTerm(bl)).bytes)).toBe(md5(bl));
    expect(md5(termToBinary(binaryToTerm(bt), { compressed: 1 }).bytes)).toBe(md5(termToBinary(t, { compressed: 1 }).bytes));
  });

  it('used counts the bytes of the term, compressed or not', () => {
    expect(binaryToTermUsed(Uint8Array.from([131, 97, 1, 0, 0])).used).toBe(3);
    expect(binaryToTerm(Uint8Array.from([131, 97, 1, 0, 0]), { used: true })).toEqual([1, 3]);
    const c = termToBinary(list(Array.from({ length: 100 }, () => 'x')), { compressed: true }).bytes;
    expect(c[1]).toBe(80);
    expect(binaryToTermUsed(Uint8Array.from([...c, 9, 9])).used).toBe(c.length);
  });

  it('safe consults the runtime\'s atom and export tables', () => {
    const atomB = termToBinary(['known', 'fresh']).bytes;
    const expB = termToBinary(new ExportFun('m', 'f', 1)).bytes;
    try {
      configureEtf({ atomExists: (a) => a !== 'fresh', exportExists: (m) => m !== 'm' });
      expect(() => binaryToTerm(atomB, { safe: true })).toThrow(/unknown atom 'fresh'/);
      expect(() => binaryToTerm(expB, { safe: true })).toThrow(/unknown export/);
      expect(binaryToTerm(atomB)).toEqual(['known', 'fresh']);
    } finally {
      configureEtf({ atomExists: () => true, exportExists: () => true });
    }
    expect(binaryToTerm(atomB, { safe: true })).toEqual(['known', 'fresh']);
  });
});
