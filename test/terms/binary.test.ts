import { describe, expect, it } from 'vitest';
import {
  appendBits,
  appendBytes,
  appendStats,
  appendUint,
  bitstringFromBits,
  concatBitstrings,
  emptyBinary,
  getBits,
  getBitsBig,
  iolistSize,
  iolistToBinary,
  subBitstring,
  uintToBits,
} from '../../runtime/terms/binary.js';
import { exactEquals } from '../../runtime/terms/compare.js';
import { TermBadArg } from '../../runtime/terms/errors.js';
import { formatW } from '../../runtime/terms/print.js';
import { BitString, NIL, list, type Term } from '../../runtime/terms/types.js';
import { toErlSource } from '../support/erl-source.js';
import { bits } from './corpus.js';
import { erlStrings } from './erl-strings.js';

/** Deterministic byte source. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function randomBits(r: () => number, maxBytes: number): BitString {
  const bitSize = Math.floor(r() * (maxBytes * 8 + 1));
  const bytes = Uint8Array.from({ length: (bitSize + 7) >>> 3 }, () => Math.floor(r() * 256));
  return bitstringFromBits(bytes, bitSize);
}

/** The BitString invariants every helper must keep. */
function expectWellFormed(b: BitString): void {
  expect(b.bytes.length).toBe(Math.ceil(b.bitSize / 8));
  const rest = b.bitSize & 7;
  if (rest) expect(b.bytes[b.bytes.length - 1]! & ((1 << (8 - rest)) - 1)).toBe(0);
}

describe('bitstring helpers against erl', () => {
  it('slices, reads and concatenates like bit syntax', async () => {
    const r = rng(42);
    const cases: { b: BitString; off: number; len: number; c: BitString }[] = [];
    for (let i = 0; i < 300; i++) {
      const b = randomBits(r, 12);
      const off = Math.floor(r() * (b.bitSize + 1));
      const len = Math.floor(r() * Math.min(b.bitSize - off, 60) + 0.999 * r());
      cases.push({ b, off, len: Math.min(len, b.bitSize - off), c: randomBits(r, 5) });
    }
    const exprs = cases.flatMap(({ b, off, len, c }) => {
      const B = toErlSource(b);
      return [
        `(fun() -> <<_:${off}, X:${len}/bitstring, _/bitstring>> = ${B}, io_lib:format("~w", [X]) end)()`,
        `(fun() -> <<_:${off}, X:${len}, _/bitstring>> = ${B}, integer_to_list(X) end)()`,
        `io_lib:format("~w", [<<(${B})/bitstring, (${toErlSource(c)})/bitstring>>])`,
      ];
    });
    const want = await erlStrings(exprs);
    cases.forEach(({ b, off, len, c }, i) => {
      const sub = subBitstring(b, off, len);
      expectWellFormed(sub);
      expect(formatW(sub)).toBe(want[3 * i]);
      expect(getBitsBig(b, off, len).toString()).toBe(want[3 * i + 1]);
      if (len <= 53) expect(String(getBits(b, off, len))).toBe(want[3 * i + 1]);
      const cat = concatBitstrings([b, c]);
      expectWellFormed(cat);
      expect(formatW(cat)).toBe(want[3 * i + 2]);
      expect(formatW(appendBits(b, c))).toBe(want[3 * i + 2]);
    });
  });

  it('encodes integers like <<V:N>>', async () => {
    const vals: [number | bigint, number][] = [
      [0, 0], [1, 1], [5, 3], [-1, 7], [-1, 8], [256, 8], [300, 9], [-2, 12], [2 ** 40 + 7, 45],
      [-(2n ** 70n), 80], [2n ** 64n - 1n, 64], [123456789, 32], [-123456789, 33],
    ];
    const want = await erlStrings(vals.map(([v, n]) => `io_lib:format("~w", [<<(${v}):${n}>>])`));
    vals.forEach(([v, n], i) => {
      const b = uintToBits(v, n);
      expectWellFormed(b);
      expect(formatW(b)).toBe(want[i]);
      expect(formatW(appendUint(bits([7], 3), v, n))).toBe(
        formatW(concatBitstrings([bits([7], 3), b])),
      );
    });
  });

  it('iolist_to_binary / iolist_size agree with erl, badarg included', async () => {
    const deep = (d: number): Term => (d === 0 ? list([1]) : list([deep(d - 1), d & 0xff]));
    const inputs: Term[] = [
      NIL, list([1, 2, 3]), list([bits([1, 2]), 3, list([4, list([5])])]), list([list([])]),
      list([1], bits([9])), list([list([1], bits([2])), 3]), bits([1, 2]), deep(20),
      list([256]), list([-1]), list(['a']), list([bits([1], 3)]), bits([1], 3), list([1], 2),
      'atom', 5, list([list([1], 2)]), list([2n ** 70n]), [1, 2],
    ];
    const want = await erlStrings(
      inputs.map((t) => {
        const s = toErlSource(t);
        return `try io_lib:format("~w ~w", [iolist_size(${s}), iolist_to_binary(${s})]) catch error:R -> io_lib:format("~w", [R]) end`;
      }),
    );
    inputs.forEach((t, i) => {
      let got: string;
      try {
        got = `${iolistSize(t)} ${formatW(iolistToBinary(t))}`;
      } catch (e) {
        expect(e).toBeInstanceOf(TermBadArg);
        got = String((e as TermBadArg).reason);
      }
      expect(got).toBe(want[i]);
    });
  });
});

describe('in-place appends', () => {
  it('100,000 one-byte appends copy O(n) bytes and never change earlier values', () => {
    const before = { ...appendStats };
    const n = 100_000;
    let acc = emptyBinary();
    const snapshots: [number, BitString, Uint8Array][] = [];
    for (let i = 0; i < n; i++) {
      acc = appendUint(acc, i & 0xff, 8);
      if ((i & (i + 1)) === 0 || i % 9973 === 0) snapshots.push([i + 1, acc, acc.bytes.slice()]);
    }
    const copied = appendStats.bytesCopied - before.bytesCopied;
    const reallocs = appendStats.reallocations - before.reallocations;
    expect(acc.bitSize).toBe(n * 8);
    expect(copied).toBeLessThan(2 * n); // doubling: 1 + 2 + 4 + ... < 2n
    expect(reallocs).toBeLessThan(20);
    for (const [len, v, copy] of snapshots) {
      expect(v.bitSize).toBe(len * 8);
      expect(Buffer.compare(v.bytes, copy)).toBe(0); // toEqual is slow on 100 KB arrays
    }
    expect(Array.from(acc.bytes.subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(acc.bytes[n - 1]).toBe((n - 1) & 0xff);
  });

  it('appending to a value that is no longer the last writer copies', () => {
    const a = appendBytes(emptyBinary(), Uint8Array.of(1, 2));
    const b = appendBytes(a, Uint8Array.of(3));
    expect(b.bytes.buffer).toBe(a.bytes.buffer); // grew in place
    const c = appendBytes(a, Uint8Array.of(9, 9)); // a is not the last writer any more
    expect(c.bytes.buffer).not.toBe(a.bytes.buffer);
    expect(Array.from(a.bytes)).toEqual([1, 2]);
    expect(Array.from(b.bytes)).toEqual([1, 2, 3]);
    expect(Array.from(c.bytes)).toEqual([1, 2, 9, 9]);
    // Both chains keep growing independently.
    const b2 = appendBytes(b, Uint8Array.of(4));
    const c2 = appendBytes(c, Uint8Array.of(8));
    expect(Array.from(b2.bytes)).toEqual([1, 2, 3, 4]);
    expect(Array.from(c2.bytes)).toEqual([1, 2, 9, 9, 8]);
    expect(Array.from(b.bytes)).toEqual([1, 2, 3]);
  });

  it('never touches the shared final byte of an unaligned base', () => {
    const a = appendBits(emptyBinary(), bits([0x80], 1)); // <<1:1>>
    const b = appendBits(a, bits([0xff], 7));
    expect(formatW(a)).toBe('<<1:1>>');
    expectWellFormed(a);
    expect(formatW(b)).toBe('<<255>>');
    const c = appendBits(b, bits([0x40], 2));
    expect(formatW(c)).toBe('<<255,1:2>>');
    expect(formatW(b)).toBe('<<255>>');
    expectWellFormed(b);
  });

  it('sub-binaries share the buffer only when aligned', () => {
    const b = bits([1, 2, 3, 4]);
    const s = subBitstring(b, 8, 16);
    expect(s.bytes.buffer).toBe(b.bytes.buffer);
    expect(Array.from(s.bytes)).toEqual([2, 3]);
    const u = subBitstring(b, 4, 8);
    expect(u.bytes.buffer).not.toBe(b.bytes.buffer);
    expect(Array.from(u.bytes)).toEqual([0x10]);
    const p = subBitstring(b, 8, 12); // aligned start, stray low bits: copied and cleaned
    expectWellFormed(p);
    expect(exactEquals(p, bits([2, 0]))).toBe(false);
    expect(formatW(p)).toBe('<<2,0:4>>');
  });

  it('reports bad ranges as TermBadArg', () => {
    const b = bits([1, 2]);
    expect(() => subBitstring(b, 10, 7)).toThrow(TermBadArg);
    expect(() => getBits(b, -1, 2)).toThrow(TermBadArg);
    expect(() => getBits(b, 0, 60)).toThrow(TermBadArg);
    expect(() => bitstringFromBits(new Uint8Array(1), 9)).toThrow(TermBadArg);
    expect(() => uintToBits(1.5, 8)).toThrow(TermBadArg);
  });

  it('bitstringFromBits clears stray low bits', () => {
    const raw = Uint8Array.of(0xff, 0xff);
    const b = bitstringFromBits(raw, 12);
    expectWellFormed(b);
    expect(formatW(b)).toBe('<<255,15:4>>');
    expect(raw[1]).toBe(0xff);
    const c = bitstringFromBits(Uint8Array.of(1, 2, 3), 16);
    expect(formatW(c)).toBe('<<1,2>>');
  });
});
