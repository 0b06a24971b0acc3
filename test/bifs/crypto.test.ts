/**
 * crypto's digests and HMAC against erl (OpenSSL): every hash over seeded
 * random binaries of lengths around the block boundaries, incremental
 * hashing in uneven pieces, HMAC with short and long keys, and the NIF-level
 * errors, all compared with erl. The corpus programs crypto_* run the same
 * functions from compiled Erlang.
 */
import { describe, expect, it } from 'vitest';
import { cryptoBifs } from '../../runtime/bifs/crypto.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { formatW } from '../../runtime/terms/print.js';
import { binary, charlist, list, type Term } from '../../runtime/terms/types.js';
import { toErlSource } from '../support/erl-source.js';
import { erlOutcomes } from './harness.js';

const HASHES = ['md4', 'md5', 'ripemd160', 'sha', 'sha224', 'sha256', 'sha384', 'sha512',
  'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'blake2b', 'blake2s'];

/** Seeded bytes (xorshift), so failures reproduce. */
function bytes(n: number, seed: number): Uint8Array {
  let s = seed || 1;
  return Uint8Array.from({ length: n }, () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return s & 0xff;
  });
}

const LENGTHS = [0, 1, 3, 55, 56, 63, 64, 65, 71, 72, 103, 104, 111, 112, 127, 128, 129, 135, 136, 143, 144, 200, 1000];
const nif = (name: string) => cryptoBifs.get(name)!;
const hex = (t: Term): string => formatW(t);

function ours(f: () => Term): string {
  try {
    return formatW(['ok', f()]);
  } catch (e) {
    if (e instanceof ErlangError) return formatW([e.cls, e.reason]);
    throw e;
  }
}

describe('crypto digests against erl', () => {
  it(`hash/2 for ${HASHES.length} algorithms x ${LENGTHS.length} lengths`, async () => {
    const rows = HASHES.flatMap((h) => LENGTHS.map((n, i): [string, Term] => [h, binary(bytes(n, n * 31 + i + 7))]));
    const want = await erlOutcomes(rows.map(([h, b]) => `crypto:hash(${h}, ${toErlSource(b)})`));
    const bad = rows
      .map(([h, b], i) => [`${h}/${(b as { bytes: Uint8Array }).bytes.length}`, ours(() => nif('hash/2')({}, h, b)), want[i]])
      .filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
  });

  it('hash_init/update/final in uneven pieces equals hash/2, and old states stay usable', () => {
    const data = bytes(777, 5);
    for (const h of HASHES) {
      const whole = hex(nif('hash/2')({}, h, binary(data)));
      let st = nif('hash_init/1')({}, h);
      const first = st;
      for (let i = 0, k = 1; i < data.length; i += k, k = (k * 7) % 150 + 1) {
        st = nif('hash_update/2')({}, st, binary(data.subarray(i, i + k)));
      }
      expect(hex(nif('hash_final/1')({}, st)), h).toBe(whole);
      expect(hex(nif('hash_final/1')({}, st)), `${h} final twice`).toBe(whole);
      expect(hex(nif('hash_final/1')({}, first)), `${h} empty`).toBe(hex(nif('hash/2')({}, h, binary(new Uint8Array(0)))));
    }
  });

  it('hash_info/1 and supports(hashs) order match erl', async () => {
    const [want] = await erlOutcomes([`[{H, crypto:hash_info(H)} || H <- crypto:supports(hashs)]`]);
    const got = list(HASHES.slice().reverse().map((h) => [h, nif('hash_info/1')({}, h)]));
    expect(`{ok,${formatW(got)}}`).toBe(want);
    expect(formatW(nif('supports/1')({}, 'hashs'))).toBe(
      '[blake2s,blake2b,sha3_512,sha3_384,sha3_256,sha3_224,sha512,sha384,sha256,sha224,sha,ripemd160,md5,md4]');
  });
});

describe('HMAC against erl', () => {
  const KEYS = [0, 1, 20, 64, 65, 128, 129, 200].map((n) => binary(bytes(n, n + 99)));
  it(`mac(hmac, H, Key, Data) for ${HASHES.length * KEYS.length} cases`, async () => {
    const rows = HASHES.flatMap((h) => KEYS.map((k, i): [string, Term, Term] => [h, k, binary(bytes(i * 37, i + 3))]));
    const want = await erlOutcomes(rows.map(([h, k, d]) => `crypto:mac(hmac, ${h}, ${toErlSource(k)}, ${toErlSource(d)})`));
    const bad = rows
      .map(([h, k, d], i) => [h, ours(() => nif('mac/4')({}, 'hmac', h, k, d)), want[i]])
      .filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
  });

  it('mac_init/update/final equals mac/4; iodata text', () => {
    const key = binary(bytes(30, 1));
    const ref = nif('mac_init/3')({}, 'hmac', 'sha256', key);
    nif('mac_update/2')({}, ref, list([1, 2, binary(Uint8Array.of(3, 4))]));
    nif('mac_update/2')({}, ref, binary(Uint8Array.of(5)));
    expect(hex(nif('mac_final/1')({}, ref))).toBe(hex(nif('mac/4')({}, 'hmac', 'sha256', key, binary(Uint8Array.of(1, 2, 3, 4, 5)))));
    expect(() => nif('mac_final/1')({}, ref)).toThrow(ErlangError);
  });
});

describe('crypto errors and helpers', () => {
  it('errors are erl\'s', async () => {
    const e = binary(new Uint8Array(0));
    const rows: [string, Term[]][] = [
      ['hash', ['foo', e]], ['hash', ['sha', 1]], ['hash_init', ['foo']], ['hash_final', ['x']],
      ['hash_update', ['x', e]], ['hash_info', ['foo']], ['mac', ['hmac', 'foo', e, e]], ['mac', ['foo', 'sha', e, e]],
      ['mac', ['hmac', 'sha', e, 1]], ['mac', ['hmac', 'sha', 1, e]], ['macN', ['hmac', 'sha256', e, e, 64]],
      ['macN', ['hmac', 'sha256', e, e, 8]], ['exor', [binary(Uint8Array.of(1)), binary(Uint8Array.of(1, 2))]],
      ['exor', [list([1, binary(Uint8Array.of(2))]), binary(Uint8Array.of(3, 4))]], ['strong_rand_bytes', [-1]],
      ['strong_rand_bytes', ['a']], ['hash_equals', [e, binary(Uint8Array.of(1))]], ['rand_uniform', [5, 5]],
      ['supports', ['foo']],
    ];
    const want = await erlOutcomes(rows.map(([f, a]) => `crypto:${f}(${a.map(toErlSource).join(', ')})`));
    const got = rows.map(([f, a]) => ours(() => nif(`${f}/${a.length}`)({}, ...a)));
    const bad = rows.map(([f], i) => [f, got[i], want[i]]).filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
  });

  it('strong_rand_bytes, exor, hash_equals, rand_uniform', () => {
    const r = nif('strong_rand_bytes/1')({}, 100) as { bytes: Uint8Array };
    expect(r.bytes.length).toBe(100);
    expect(ours(() => nif('strong_rand_bytes/1')({}, -1))).toBe('{error,badarg}');
    expect(hex(nif('exor/2')({}, binary(Uint8Array.of(1, 255)), binary(Uint8Array.of(3, 15))))).toBe('<<2,240>>');
    expect(nif('hash_equals/2')({}, binary(Uint8Array.of(1)), binary(Uint8Array.of(1)))).toBe('true');
    // rand_uniform(10, 13) and of mpints: 10, 11 or 12; negative ranges too.
    const seen = new Set<string>();
    const seenMp = new Set<string>();
    const seenNeg = new Set<string>();
    for (let i = 0; i < 80; i++) {
      seen.add(hex(nif('rand_uniform/2')({}, 10, 13)));
      seenNeg.add(hex(nif('rand_uniform/2')({}, -2, 1)));
      seenMp.add(hex(nif('rand_uniform/2')({}, binary(Uint8Array.of(0, 0, 0, 1, 10)), binary(Uint8Array.of(0, 0, 0, 1, 13)))));
    }
    expect([...seen].sort()).toEqual(['10', '11', '12']);
    expect([...seenNeg].sort()).toEqual(['-1', '-2', '0']);
    expect([...seenMp].sort()).toEqual(['<<0,0,0,1,10>>', '<<0,0,0,1,11>>', '<<0,0,0,1,12>>']);
  });
});
