/**
 * The zlib module against erl: compress/zip/gzip bytes for several inputs,
 * deflate at every level through the streaming API, round trips in every
 * format (zlib, raw, gzip, auto-detect, concatenated gzip members), iolist
 * shapes and errors. The corpus programs zlib_* run the same functions from
 * compiled Erlang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zlibBifs } from '../../runtime/bifs/zlib.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { formatW } from '../../runtime/terms/print.js';
import { iolistToBinary } from '../../runtime/terms/binary.js';
import { BitString, Cons, binary, list, type Term } from '../../runtime/terms/types.js';
import { toErlSource } from '../support/erl-source.js';
import { erlOutcomes } from './harness.js';

const nif = (name: string) => zlibBifs.get(name)!;
const P = {};

const bytesOf = (t: Term): Uint8Array => iolistToBinary(t).bytes;

function deflateAll(data: Uint8Array, level: number, bits: number): Uint8Array {
  const z = nif('open/0')(P);
  nif('deflateInit/6')(P, z, level, 'deflated', bits, 8, 'default');
  const out = bytesOf(nif('deflate/3')(P, z, binary(data), 'finish'));
  nif('deflateEnd/1')(P, z);
  nif('close/1')(P, z);
  return out;
}

function inflateAll(data: Uint8Array, bits: number, eos = 'cut'): Uint8Array {
  const z = nif('open/0')(P);
  nif('inflateInit/3')(P, z, bits, eos);
  const out = bytesOf(nif('inflate/2')(P, z, binary(data)));
  nif('inflateEnd/1')(P, z);
  return out;
}

function sample(n: number, seed: number): Uint8Array {
  let s = seed || 1;
  const words = ['erlang ', 'beam ', 'zlib ', 'deflate ', '\n', 'x', '0123456789'];
  const out: number[] = [];
  while (out.length < n) {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    if ((s & 7) === 0) out.push(s & 0xff);
    else out.push(...new TextEncoder().encode(words[(s >>> 3) % words.length]!));
  }
  return Uint8Array.from(out.slice(0, n));
}

const SIZES = [0, 1, 100, 5000, 70000];
const bin = (b: Uint8Array): string => formatW(binary(b));

describe('zlib against erl', () => {
  it(`compress/zip/gzip bytes for ${SIZES.length} inputs`, async () => {
    const inputs = SIZES.map((n, i) => sample(n, i + 11));
    const calls = inputs.flatMap((d) => ['compress', 'zip', 'gzip'].map((f) => `zlib:${f}(${toErlSource(binary(d))})`));
    const want = await erlOutcomes(calls);
    const got = inputs.flatMap((d) => ['compress', 'zip', 'gzip'].map((f) => `{ok,${formatW(nif(`${f}/1`)(P, binary(d)))}}`));
    const bad = calls.map((c, i) => [c.slice(0, 40), got[i] === want[i]]).filter(([, ok]) => !ok);
    expect(bad).toEqual([]);
  });

  it('deflate at levels 0-9 as erl (deflateInit/2 then deflate finish)', async () => {
    const d = sample(20000, 3);
    const levels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const want = await erlOutcomes(levels.map((l) =>
      `begin Z = zlib:open(), zlib:deflateInit(Z, ${l}), B = iolist_to_binary(zlib:deflate(Z, ${toErlSource(binary(d))}, finish)), zlib:close(Z), B end`));
    expect(levels.map((l) => `{ok,${bin(deflateAll(d, l, 15))}}`)).toEqual(want);
  });

  it('inflates erl\'s output in every format; gunzip reads concatenated members', () => {
    for (const n of SIZES) {
      const d = sample(n, n + 5);
      expect(bin(inflateAll(deflateAll(d, 6, 15), 15))).toBe(bin(d));
      expect(bin(inflateAll(deflateAll(d, 1, -15), -15))).toBe(bin(d));
      expect(bin(inflateAll(deflateAll(d, 9, 31), 31))).toBe(bin(d));
      expect(bin(inflateAll(deflateAll(d, 6, 31), 47))).toBe(bin(d));
    }
    const two = Uint8Array.from([...deflateAll(Uint8Array.of(1, 2), 6, 31), ...deflateAll(Uint8Array.of(3), 6, 31)]);
    expect(bin(inflateAll(two, 31, 'reset'))).toBe('<<1,2,3>>');
    expect(bin(inflateAll(two, 31, 'cut'))).toBe('<<1,2>>');
    expect(formatW(nif('gunzip/1')(P, binary(two)))).toBe('<<1,2,3>>');
  });

  it('bad and truncated streams are data_error; closed streams not_initialized', () => {
    const err = (f: () => unknown): string => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return e instanceof ErlangError ? formatW(e.reason) : String(e);
      }
    };
    expect(err(() => inflateAll(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 15))).toBe('data_error');
    const good = deflateAll(sample(1000, 1), 6, 15);
    expect(err(() => inflateAll(good.subarray(0, good.length - 3), 15))).toBe('data_error');
    const bad = good.slice();
    bad[bad.length - 1] ^= 1;
    expect(err(() => inflateAll(bad, 15))).toBe('data_error');
    const z = nif('open/0')(P);
    expect(err(() => nif('deflate/2')(P, z, binary(Uint8Array.of(1))))).toBe('not_initialized');
    expect(err(() => nif('deflateInit/2')(P, z, 11))).toBe('bad_compression_level');
    nif('close/1')(P, z);
    expect(err(() => nif('close/1')(P, z))).toBe('not_initialized');
    expect(err(() => nif('getBufSize/1')(P, 'x'))).toBe('badarg');
  });

  it('errors and iolist shapes of the public functions are erl\'s', async () => {
    const big = sample(40000, 9);
    const calls = [
      'zlib:uncompress(<<"not zlib data">>)', 'zlib:uncompress(<<1,2,3>>)', 'zlib:gunzip(<<"junk">>)',
      'zlib:unzip(<<255,255,255>>)', 'zlib:compress(atom)', 'zlib:uncompress(atom)',
      `begin Z = zlib:open(), zlib:inflateInit(Z), [byte_size(B) || B <- lists:flatten(zlib:inflate(Z, zlib:compress(${toErlSource(binary(big))})))] end`,
      `begin Z = zlib:open(), zlib:inflateInit(Z), R = zlib:inflate(Z, zlib:compress(<<"abc">>)), zlib:inflateEnd(Z), R end`,
      'begin Z = zlib:open(), zlib:deflateInit(Z, default, deflated, 7, 8, default) end',
      'begin Z = zlib:open(), zlib:deflateInit(Z, default, deflated, 15, 10, default) end',
      'begin Z = zlib:open(), zlib:deflateInit(Z, default, stored, 15, 8, default) end',
      'begin Z = zlib:open(), zlib:deflateInit(Z, default, deflated, 15, 8, bogus) end',
      'begin Z = zlib:open(), zlib:deflateInit(Z), zlib:deflate(Z, <<>>, bogus) end',
      'begin Z = zlib:open(), zlib:setBufSize(Z, 5) end',
      'begin Z = zlib:open(), zlib:inflateInit(Z, 15, bogus) end',
      'begin Z = zlib:open(), zlib:deflateInit(Z), zlib:deflateInit(Z) end',
    ];
    const want = await erlOutcomes(calls);
    const run = (f: () => Term): string => {
      try {
        return formatW(['ok', f()]);
      } catch (e) {
        if (e instanceof ErlangError) return formatW([e.cls, e.reason]);
        throw e;
      }
    };
    const b = (s: string): Term => binary(new TextEncoder().encode(s));
    const fresh = (): Term => nif('open/0')(P);
    const got = [
      run(() => nif('uncompress/1')(P, b('not zlib data'))), run(() => nif('uncompress/1')(P, binary(Uint8Array.of(1, 2, 3)))),
      run(() => nif('gunzip/1')(P, b('junk'))), run(() => nif('unzip/1')(P, binary(Uint8Array.of(255, 255, 255)))),
      run(() => nif('compress/1')(P, 'atom')), run(() => nif('uncompress/1')(P, 'atom')),
      run(() => {
        const z = fresh();
        nif('inflateInit/1')(P, z);
        const out: Term[] = [];
        const flat = (t: Term): void => {
          if (t instanceof BitString) out.push(t.bytes.length);
          else for (let l = t; l instanceof Cons; l = l.tl) flat(l.hd);
        };
        flat(nif('inflate/2')(P, z, nif('compress/1')(P, binary(big))));
        return list(out);
      }),
      run(() => {
        const z = fresh();
        nif('inflateInit/1')(P, z);
        const r = nif('inflate/2')(P, z, nif('compress/1')(P, b('abc')));
        nif('inflateEnd/1')(P, z);
        return r;
      }),
      run(() => nif('deflateInit/6')(P, fresh(), 'default', 'deflated', 7, 8, 'default')),
      run(() => nif('deflateInit/6')(P, fresh(), 'default', 'deflated', 15, 10, 'default')),
      run(() => nif('deflateInit/6')(P, fresh(), 'default', 'stored', 15, 8, 'default')),
      run(() => nif('deflateInit/6')(P, fresh(), 'default', 'deflated', 15, 8, 'bogus')),
      run(() => {
        const z = fresh();
        nif('deflateInit/1')(P, z);
        return nif('deflate/3')(P, z, binary(new Uint8Array(0)), 'bogus');
      }),
      run(() => nif('setBufSize/2')(P, fresh(), 5)),
      run(() => nif('inflateInit/3')(P, fresh(), 15, 'bogus')),
      run(() => {
        const z = fresh();
        nif('deflateInit/1')(P, z);
        return nif('deflateInit/1')(P, z);
      }),
    ];
    const bad = calls.map((c, i) => [c.slice(0, 60), got[i], want[i]]).filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
  });

  it('deflate with none returns the header first, then the rest at finish (erl\'s split)', async () => {
    const [want] = await erlOutcomes([
      'begin Z = zlib:open(), ok = zlib:deflateInit(Z), A = zlib:deflate(Z, <<"abc">>), B = zlib:deflate(Z, <<"def">>, finish), {A, B} end']);
    const z = nif('open/0')(P);
    nif('deflateInit/1')(P, z);
    const a = nif('deflate/2')(P, z, binary(new TextEncoder().encode('abc')));
    const b = nif('deflate/3')(P, z, binary(new TextEncoder().encode('def')), 'finish');
    expect(`{ok,${formatW([a, b])}}`).toBe(want);
  });
});

describe('zlib properties', () => {
  it('inflate(deflate(x)) = x in every format, the input fed in arbitrary pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(400), { maxLength: 6 }), fc.constantFrom(15, -15, 31),
        (data, cuts, bits) => {
          const packed = deflateAll(data, 6, bits);
          const z = nif('open/0')(P);
          nif('inflateInit/2')(P, z, bits);
          const parts: Uint8Array[] = [];
          let at = 0;
          for (const c of cuts) {
            parts.push(bytesOf(nif('inflate/2')(P, z, binary(packed.subarray(at, Math.min(packed.length, at + c))))));
            at = Math.min(packed.length, at + c);
          }
          parts.push(bytesOf(nif('inflate/2')(P, z, binary(packed.subarray(at)))));
          nif('inflateEnd/1')(P, z);
          const all = Uint8Array.from(parts.flatMap((p) => [...p]));
          expect(bin(all)).toBe(bin(data));
        }),
      { numRuns: 150 },
    );
  });
});
