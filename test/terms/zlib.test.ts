/**
 * Our zlib against the zlib BEAM links (OTP 25, zlib 1.2.13): compression must
 * be byte-identical at every level (term_to_binary's compressed form depends on
 * it), decompression must read what BEAM writes, and malformed streams must give
 * ZlibError and nothing else.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { erl } from '../support/erl.js';
import { ZlibError, adler32, zlibCompress, zlibUncompress } from '../../runtime/terms/zlib.js';

const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

/** Inputs built by erl: empty, tiny, repetitive, random, text, and large enough to slide the window. */
const INPUTS = [
  '<<>>',
  '<<"a">>',
  '<<"abcabcabcabcabcabcabcabcabcabc">>',
  'term_to_binary(lists:seq(1, 3000))',
  'binary:copy(<<"abcdefghij">>, 20000)',
  'begin rand:seed(exsss, {1, 2, 3}), rand:bytes(70000) end',
  'begin rand:seed(exsss, {4, 5, 6}), << <<(rand:uniform(4))>> || _ <- lists:seq(1, 200000) >> end',
  'begin rand:seed(exsss, {7, 8, 9}), << <<(rand:uniform(20) + $a)>> || _ <- lists:seq(1, 100000) >> end',
  // Text (was lists.erl read from disk: other test files change the shared
  // erl's current directory and code path concurrently).
  'iolist_to_binary(io_lib:format("~p", [[{N, integer_to_list(N * 7919), lists:seq(1, N rem 9)} || N <- lists:seq(1, 3000)]]))',
  'term_to_binary([{X, integer_to_list(X), foo} || X <- lists:seq(1, 20000)])',
  '<< <<(X rem 251), (X rem 7)>> || X <- lists:seq(1, 40000) >>',
  'binary:copy(<<0>>, 65536)',
];

describe('zlib against BEAM', () => {
  it('compresses byte-identically at levels 0-9 and agrees on adler32', async () => {
    const text = await erl.text(`
      C = fun(In, L) -> Z = zlib:open(), ok = zlib:deflateInit(Z, L),
                        Out = iolist_to_binary(zlib:deflate(Z, In, finish)), zlib:close(Z), Out end,
      [[binary:encode_hex(In), $\\s, integer_to_list(erlang:adler32(In)),
        [[$\\s, binary:encode_hex(erlang:md5(C(In, L)))] || L <- lists:seq(0, 9)], $\\n]
       || In <- [${INPUTS.join(',\n')}]]`);
    const rows = text.split('\n').slice(0, -1).map((l) => l.split(' '));
    expect(rows.length).toBe(INPUTS.length);
    rows.forEach(([inHex, adler, ...sums], i) => {
      const input = new Uint8Array(Buffer.from(inHex!, 'hex'));
      expect(adler32(input), INPUTS[i]).toBe(Number(adler));
      for (let level = 0; level <= 9; level++) {
        const out = zlibCompress(input, level);
        expect(md5(out), `${INPUTS[i]} level ${level}`).toBe(sums[level]!.toLowerCase());
        expect(md5(zlibUncompress(out).data)).toBe(md5(input));
      }
    });
  });

  it('decompresses what BEAM compresses, including trailing bytes after the stream', async () => {
    const text = await erl.text(`[[binary:encode_hex(In), $\\s, binary:encode_hex(zlib:compress(In)), $\\n]
       || In <- [${INPUTS.slice(3, 8).join(',')}]]`);
    for (const line of text.split('\n').slice(0, -1)) {
      const [inHex, zHex] = line.split(' ');
      const z = new Uint8Array(Buffer.from(`${zHex!}00ff`, 'hex'));
      const { data, end } = zlibUncompress(z);
      expect(Buffer.from(data).toString('hex').toUpperCase()).toBe(inHex);
      expect(end).toBe(z.length - 2);
    }
  });
});

describe('malformed zlib streams', () => {
  const sample = zlibCompress(new TextEncoder().encode('hello hello hello zlib '.repeat(40)), 6);
  const stored = zlibCompress(new TextEncoder().encode('stored'), 0);

  it('every proper prefix is a ZlibError', () => {
    for (const z of [sample, stored]) {
      for (let n = 0; n < z.length; n++) expect(() => zlibUncompress(z.subarray(0, n))).toThrow(ZlibError);
    }
  });

  it('bad header, dictionary flag, checksum, block type and distance are rejected', () => {
    const bad = (patch: (b: Uint8Array) => void): Uint8Array => {
      const b = sample.slice();
      patch(b);
      return b;
    };
    expect(() => zlibUncompress(bad((b) => (b[0] = 0x79)))).toThrow(/compression method/);
    expect(() => zlibUncompress(bad((b) => (b[1] ^= 1)))).toThrow(/header check/);
    expect(() => zlibUncompress(Uint8Array.from([0x78, 0xbb, 0, 0, 0, 1]))).toThrow(/dictionary/);
    expect(() => zlibUncompress(bad((b) => (b[b.length - 1] ^= 1)))).toThrow(/data check/);
    expect(() => zlibUncompress(Uint8Array.from([0x78, 0x9c, 0x07, 0, 0, 0, 0, 0]))).toThrow(/block type/);
    // A fixed block whose first symbol is a match reaching before the output start.
    expect(() => zlibUncompress(Uint8Array.from([0x78, 0x9c, 0x03, 0x02, 0, 0, 0, 0, 0, 0]))).toThrow(/too far/);
    // Stored block whose length complement is wrong.
    expect(() => zlibUncompress(Uint8Array.from([0x78, 0x01, 0x01, 1, 0, 0, 0, 0x61]))).toThrow(/stored block/);
  });

  it('output beyond the announced maximum is an error', () => {
    expect(() => zlibUncompress(sample, 0, 100)).toThrow(/longer than announced/);
  });

  it('random mutations give data or ZlibError, nothing else', () => {
    fc.assert(
      fc.property(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(sample.length), (i, v, cut) => {
        const b = sample.slice(0, Math.max(cut, i + 1));
        b[i] = v;
        try {
          zlibUncompress(b);
        } catch (e) {
          if (!(e instanceof ZlibError)) throw e;
        }
      }),
      { numRuns: 5000, seed: 3 },
    );
  });

  it('rejects a compression level outside 0-9', () => {
    expect(() => zlibCompress(new Uint8Array(1), 10)).toThrow(ZlibError);
  });
});
