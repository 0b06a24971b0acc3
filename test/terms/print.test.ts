import { mapFromEntries } from '../../runtime/terms/map.js';
import { erl } from '../support/erl.js';
import { describe, expect, it } from 'vitest';
import { floatToListDefault, formatFloatShort, formatScientific } from '../../runtime/terms/float.js';
import { formatW } from '../../runtime/terms/print.js';
import { NotATermError } from '../../runtime/terms/errors.js';
import { ExportFun, Fun, NIL, Pid, Port, Ref, list, type Term } from '../../runtime/terms/types.js';
import { floatSource, toErlSource } from '../support/erl-source.js';
import { ALL, ATOMS, bits } from './corpus.js';
import { erlStrings } from './erl-strings.js';
import { tmap } from './test-map.js';

const isLocal = (t: Term): boolean =>
  !((t instanceof Pid || t instanceof Port || t instanceof Ref) && t.node !== 'nonode@nohost');
/** Large maps iterate in hash order on BEAM and in another order here. */
const isSmallOrNotMap = (t: Term): boolean => !(typeof t === 'object' && 'isErlMap' in t && t.size > 32);

async function checkW(terms: Term[]): Promise<string[]> {
  const want = await erlStrings(terms.map((t) => `io_lib:format("~w", [${toErlSource(t)}])`));
  const bad: string[] = [];
  terms.forEach((t, i) => {
    const got = formatW(t);
    if (got !== want[i]) bad.push(`${toErlSource(t).slice(0, 80)}: got ${JSON.stringify(got)}, erl ${JSON.stringify(want[i])}`);
  });
  return bad;
}

const codes = Array.from({ length: 300 }, (_, i) => i);
const oneChar = codes.map((c) => String.fromCodePoint(c));
const EXTRA_ATOMS = [
  ...oneChar, ...oneChar.map((c) => 'a' + c), ...oneChar.map((c) => c + 'a'),
  '\u{10FFFF}', '\u0800', '\u07FF', 'a\u0800', 'a\u07FF', 'ok@host', 'a b', 'after', 'xor', 'bsl',
];
const uniq = new Uint8Array(16);
const self = new Pid(0, 0);

describe('formatW against io_lib:format("~w")', () => {
  it(`prints the ${ALL.length}-term corpus like erl`, async () => {
    const terms = ALL.filter((t) => isLocal(t) && isSmallOrNotMap(t));
    expect(terms.length).toBeGreaterThan(230);
    expect(await checkW(terms)).toEqual([]);
  });

  it(`quotes and escapes ${EXTRA_ATOMS.length} atoms like erl`, async () => {
    expect(await checkW(EXTRA_ATOMS)).toEqual([]);
  });

  it('prints export funs and local funs with odd atoms like the emulator', async () => {
    const names = [...ATOMS.filter((a) => a !== ''), ...EXTRA_ATOMS.filter((_, i) => i % 3 === 0)];
    const funs: Term[] = [];
    for (const n of names) {
      funs.push(new ExportFun(n, 'f', 1), new ExportFun('m', n, 0));
      funs.push(new Fun(n, 1, uniq, 1, 12345, 0, [], self));
    }
    funs.push(new Fun('m', 7, uniq, 3, 4294967295, 0, [1], self)); // prints old index, signed uniq
    expect(await checkW(funs)).toEqual([]);
  });

  it('prints nested and improper structures', async () => {
    const terms: Term[] = [
      list([1, 2], 3), list([list([1], 2)], NIL), [list([]), [], tmap()], tmap([list([1]), [bits([1], 3)]]),
      list([bits([255, 0xe0], 11), 'a', -5]), [-1, 2n ** 100n, -(2n ** 100n)],
    ];
    expect(await checkW(terms)).toEqual([]);
  });
});

describe('formatW: unit', () => {
  it('prints small values', () => {
    expect(formatW(list([1, 2], 3))).toBe('[1,2|3]');
    expect(formatW(list([104, 105]))).toBe('[104,105]');
    expect(formatW(bits([1, 0x40], 11))).toBe('<<1,2:3>>');
    expect(formatW(tmap(['a', 1], ['b', list([])]))).toBe('#{a => 1,b => []}');
    expect(formatW('Hello')).toBe("'Hello'");
    expect(formatW(new Ref([3, 2, 1]))).toBe('#Ref<0.1.2.3>');
    expect(formatW(new ExportFun('lists', 'map', 2))).toBe('fun lists:map/2');
  });

  it('prints a large map in the map iterator\'s order, as ~w does', async () => {
    const m = mapFromEntries(Array.from({ length: 40 }, (_, i): [Term, Term] => [i, 'v']));
    const expected = await erl.text('io_lib:format("~w", [maps:from_list([{I, v} || I <- lists:seq(0, 39)])])');
    expect(formatW(m)).toBe(expected);
    // The iterator order of a hashmap is the reverse of maps:to_list (entries()).
    expect(formatW(m)).not.toBe(`#{${Array.from(m.entries(), ([k]) => `${String(k)} => v`).join(',')}}`);
  });

  it('prints remote nodes through channelOf', () => {
    const ch = (node: string): number => (node === 'a@b' ? 8827 : 0);
    expect(formatW(new Pid(1, 2, 'a@b', 3), { channelOf: ch })).toBe('<8827.1.2>');
    expect(formatW(new Port(9, 'a@b'), { channelOf: ch })).toBe('#Port<8827.9>');
    expect(formatW(new Ref([1, 0, 0, 0, 0], 'a@b'), { channelOf: ch })).toBe('#Ref<8827.0.0.0.0.1>');
  });

  it('handles a long list without recursion', () => {
    const l = list(Array.from({ length: 200_000 }, () => 0));
    expect(formatW(l).length).toBe(2 + 200_000 * 2 - 1);
  });

  it('rejects non-terms with a named error', () => {
    expect(() => formatW(null as unknown as Term)).toThrow(NotATermError);
  });
});

/** Deterministic pseudo-random doubles covering every exponent. */
function sampleDoubles(n: number): number[] {
  let s = 0x9e3779b9;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  const dv = new DataView(new ArrayBuffer(8));
  const out: number[] = [];
  while (out.length < n) {
    dv.setUint32(0, next());
    dv.setUint32(4, next());
    const x = dv.getFloat64(0);
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}

const SPECIAL_FLOATS = [
  0, -0, 1, -1, 0.1, 0.5, 1e10, 1e-5, 5e-324, 1.7976931348623157e308, 123456789012345680, 100, 1000,
  1e4, 1e15, 1e16, 2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, 2 ** 52 + 0.5, 0.001, 0.0001, 1.5e-4, 12345.678,
  1 + 2 ** -21, 1 + 3 * 2 ** -21, 2.2250738585072014e-308, 2.225073858507201e-308, 9.5, 0.95, 99.5,
  999999999999999.9, 1e21, 1e22, 1e23, 4.35, 0.3, 2 / 3, 1e-323, 123e-20, 1e100, 1.25e-2,
  ...Array.from({ length: 60 }, (_, i) => 10 ** (i - 30)),
  ...Array.from({ length: 60 }, (_, i) => 2 ** (i * 17 - 500)),
];

describe('float formatting against erl', () => {
  it('formatFloatShort and floatToListDefault agree with float_to_list/1,2', async () => {
    const xs = [...SPECIAL_FLOATS, ...SPECIAL_FLOATS.map((x) => -x), ...sampleDoubles(1500)];
    const exprs = xs.flatMap((x) => {
      const src = floatSource(x);
      return [`float_to_list(${src}, [short])`, `float_to_list(${src})`, `io_lib:format("~w", [${src}])`];
    });
    const want = await erlStrings(exprs);
    const bad: string[] = [];
    xs.forEach((x, i) => {
      const short = formatFloatShort(x);
      const long = floatToListDefault(x);
      if (short !== want[3 * i]) bad.push(`short ${x}: got ${short}, erl ${want[3 * i]}`);
      if (long !== want[3 * i + 1]) bad.push(`default ${x}: got ${long}, erl ${want[3 * i + 1]}`);
      if (short !== want[3 * i + 2]) bad.push(`~w ${x}: got ${short}, erl ${want[3 * i + 2]}`);
    });
    expect(bad.slice(0, 20)).toEqual([]);
    expect(xs.length).toBeGreaterThan(1800);
  });

  it('rounds exact ties to even in %.20e, unlike toExponential', () => {
    expect(floatToListDefault(1 + 2 ** -21)).toBe('1.00000047683715820312e+00');
    expect((1 + 2 ** -21).toExponential(20)).toBe('1.00000047683715820313e+0');
    expect(formatScientific(9.5, 0)).toBe('1e+01');
    expect(formatScientific(8.5, 0)).toBe('8e+00');
    expect(formatScientific(0, 3)).toBe('0.000e+00');
  });

  it('lays out short floats as OTP does', () => {
    expect(formatFloatShort(100)).toBe('100.0');
    expect(formatFloatShort(1000)).toBe('1.0e3');
    expect(formatFloatShort(0.0001)).toBe('0.0001');
    expect(formatFloatShort(1e-5)).toBe('1.0e-5');
    expect(formatFloatShort(2 ** 53)).toBe('9.007199254740992e15');
    expect(formatFloatShort(2 ** 53 - 1)).toBe('9007199254740991.0');
    expect(formatFloatShort(-0)).toBe('-0.0');
  });
});
