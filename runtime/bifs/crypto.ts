/**
 * The `crypto` module: digests, HMAC and random bytes, in plain TypeScript
 * (./crypto-hash.ts and friends), no OpenSSL and no node:crypto.
 *
 * Overlaid at the public functions: crypto.erl reaches its NIFs (`hash_nif`,
 * `mac_nif`, ...) by local calls, which compiled code makes directly, so an
 * overlay of a NIF stub would never be called. Every exported function on
 * the way to a NIF is therefore here (hash/2 and hash_init/update/final,
 * mac/3,4 and macN/4,5, mac_init/update/final/finalN, exor/2, hash_equals/2,
 * strong_rand_bytes/1, rand_uniform/2, supports/0,1, hash_info/1, info/0,
 * info_lib/0); crypto.erl's pure functions (bytes_to_integer/1, ...) stay
 * Erlang. Errors are the ones erl raises, `{badarg, {File, Line}, Msg}`
 * with OTP 25's C file and line, or plain `badarg`.
 *
 * Supported: hashes md4, md5, ripemd160, sha, sha224/256/384/512,
 * sha3_224/256/384/512, blake2b, blake2s; macs: hmac over any of those.
 * No ciphers, public keys, curves, cmac or poly1305 (supports/1 lists none;
 * using them is a `notsup` error; the other crypto functions fail with
 * `nif_not_loaded`). start/0 and stop/0 return ok without starting an
 * application (crypto has no processes to start).
 */
import { iolistToBinary } from '../terms/binary.js';
import { mapFromEntries } from '../terms/map.js';
import {
  BitString, Ref, binary, charlist, isInteger, list, normInt, toBig, utf8Binary, type Term,
} from '../terms/types.js';
import type { Hasher } from './crypto-hash.js';
import { Md4, Md5, Ripemd160, Sha1, Sha256 } from './crypto-md.js';
import { Sha3, blake2b, blake2s } from './crypto-sha3.js';
import { Sha512 } from './crypto-sha512.js';
import { badarg, bifTable, fail, type Bif } from './erlang-args.js';

interface Digest {
  make(): Hasher;
  block: number;
  size: number;
  /** OpenSSL's NID, which hash_info/1 reports as `type`. */
  nid: number;
}

/** In the order erl's crypto:supports(hashs) lists them. */
const DIGESTS = new Map<string, Digest>([
  ['blake2s', { make: blake2s, block: 64, size: 32, nid: 1057 }],
  ['blake2b', { make: blake2b, block: 128, size: 64, nid: 1056 }],
  ['sha3_512', { make: () => new Sha3(512), block: 72, size: 64, nid: 1099 }],
  ['sha3_384', { make: () => new Sha3(384), block: 104, size: 48, nid: 1098 }],
  ['sha3_256', { make: () => new Sha3(256), block: 136, size: 32, nid: 1097 }],
  ['sha3_224', { make: () => new Sha3(224), block: 144, size: 28, nid: 1096 }],
  ['sha512', { make: () => new Sha512(), block: 128, size: 64, nid: 674 }],
  ['sha384', { make: () => new Sha512(true), block: 128, size: 48, nid: 673 }],
  ['sha256', { make: () => new Sha256(), block: 64, size: 32, nid: 672 }],
  ['sha224', { make: () => new Sha256(true), block: 64, size: 28, nid: 675 }],
  ['sha', { make: () => new Sha1(), block: 64, size: 20, nid: 64 }],
  ['ripemd160', { make: () => new Ripemd160(), block: 64, size: 20, nid: 117 }],
  ['md5', { make: () => new Md5(), block: 64, size: 16, nid: 4 }],
  ['md4', { make: () => new Md4(), block: 64, size: 16, nid: 257 }],
]);

/** Raise a NIF's error as crypto.erl reshapes it: `{Kind, {File, Line}, Msg}`. */
function nifError(kind: 'badarg' | 'notsup', file: string, line: number, msg: string): never {
  return fail([kind, [charlist(file), line], charlist(msg)]);
}

/** iolist_to_binary/1, raising badarg as it does. */
function iodata(t: Term): Uint8Array {
  try {
    return iolistToBinary(t).bytes;
  } catch {
    return badarg();
  }
}

const bytesOf = (t: Term): Uint8Array => (t instanceof BitString && t.isBinary ? t.bytes : badarg());

/** A hasher of everything in `data` (which the caller has made a binary). */
export function hashBytes(type: string, data: Uint8Array): Uint8Array | undefined {
  const d = DIGESTS.get(type);
  if (d === undefined) return undefined;
  const h = d.make();
  h.update(data);
  return h.digest();
}

// ---- hash states: immutable snapshots behind references --------------------

const hashStates = new WeakMap<Ref, Hasher>();
let stateRefs = 0;

function newStateRef(p: { rt?: { refs?: { make(): Ref } } }): Ref {
  return p.rt?.refs?.make() ?? new Ref([++stateRefs, 0x63727970, 0]);
}

function hashInit(p: never, type: Term): Term {
  const d = typeof type === 'string' ? DIGESTS.get(type) : undefined;
  if (d === undefined) return nifError('badarg', 'hash.c', 142, 'Bad digest type');
  const ref = newStateRef(p);
  hashStates.set(ref, d.make());
  return ref;
}

function stateOf(t: Term, line: number): Hasher {
  return (t instanceof Ref ? hashStates.get(t) : undefined) ?? nifError('badarg', 'hash.c', line, 'Bad state');
}

/** hash_update returns a new state and leaves the old one as it was. */
function hashUpdate(p: never, state: Term, data: Term): Term {
  const bytes = iodata(data);
  const h = stateOf(state, 171).clone();
  h.update(bytes);
  const ref = newStateRef(p);
  hashStates.set(ref, h);
  return ref;
}

const hashFinal = (state: Term): Term => binary(stateOf(state, 205).clone().digest());

function hash(type: Term, data: Term): Term {
  const bytes = iodata(data);
  const out = typeof type === 'string' ? hashBytes(type, bytes) : undefined;
  return out === undefined ? nifError('badarg', 'hash.c', 108, 'Bad digest type') : binary(out);
}

function hashInfo(type: Term): Term {
  const d = (typeof type === 'string' ? DIGESTS.get(type) : undefined) ?? badarg();
  return mapFromEntries([['type', d.nid], ['size', d.size], ['block_size', d.block]]);
}

// ---- HMAC --------------------------------------------------------------------

/** An HMAC in progress: the inner hash, and the outer key pad for the end. */
interface Hmac {
  inner: Hasher;
  outerPad: Uint8Array;
  digest: Digest;
  done: boolean;
}

function hmacInit(type: Term, subType: Term, key: Term): Hmac {
  if (type !== 'hmac') {
    if (type === 'cmac' || type === 'poly1305') return nifError('notsup', 'mac.c', 233, 'Unsupported mac algorithm');
    return nifError('badarg', 'mac.c', 233, 'Unknown mac algorithm');
  }
  const d = typeof subType === 'string' ? DIGESTS.get(subType) : undefined;
  if (d === undefined) return nifError('badarg', 'mac.c', 263, 'Bad digest algorithm for HMAC');
  let k = bytesOf(key);
  if (k.length > d.block) {
    const h = d.make();
    h.update(k);
    k = h.digest();
  }
  const ipad = new Uint8Array(d.block).fill(0x36);
  const opad = new Uint8Array(d.block).fill(0x5c);
  k.forEach((b, i) => {
    ipad[i] ^= b;
    opad[i] ^= b;
  });
  const inner = d.make();
  inner.update(ipad);
  return { inner, outerPad: opad, digest: d, done: false };
}

function hmacFinal(m: Hmac): Uint8Array {
  const outer = m.digest.make();
  outer.update(m.outerPad);
  outer.update(m.inner.digest());
  return outer.digest();
}

function mac(type: Term, subType: Term, key0: Term, data: Term): Term {
  const key = binary(iodata(key0));
  let text: Uint8Array;
  try {
    text = iolistToBinary(data).bytes;
  } catch {
    return nifError('badarg', 'mac.c', 175, 'Bad text');
  }
  const m = hmacInit(type, subType, key);
  m.inner.update(text);
  return binary(hmacFinal(m));
}

const macStates = new WeakMap<Ref, Hmac>();

function macInit(p: never, type: Term, subType: Term, key0: Term): Term {
  const key = binary(iodata(key0));
  const ref = newStateRef(p);
  macStates.set(ref, hmacInit(type, subType, key));
  return ref;
}

function macOf(t: Term): Hmac {
  const m = t instanceof Ref ? macStates.get(t) : undefined;
  return m === undefined || m.done ? nifError('badarg', 'mac.c', 564, 'Bad ref') : m;
}

function macUpdate(ref: Term, data: Term): Term {
  const m = macOf(ref);
  let text: Uint8Array;
  try {
    text = iolistToBinary(data).bytes;
  } catch {
    return nifError('badarg', 'mac.c', 566, 'Bad text');
  }
  m.inner.update(text);
  return ref;
}

function macFinal(ref: Term): Term {
  const m = macOf(ref);
  m.done = true;
  return binary(hmacFinal(m));
}

// ---- random bytes and small helpers -------------------------------------------

/** Cryptographically strong bytes from the host (getRandomValues fills 64 KiB at most). */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  if (c === undefined) throw new Error('no globalThis.crypto.getRandomValues in this host');
  for (let i = 0; i < n; i += 65536) c.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
}

function strongRandBytes(n: Term): Term {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 2 ** 31) return badarg();
  return binary(randomBytes(n));
}

const bytesToBig = (bytes: Uint8Array): bigint => bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);

function fromBig(x: bigint): Uint8Array {
  const hex = x.toString(16);
  const s = hex.length % 2 === 0 ? hex : `0${hex}`;
  return Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** A uniform random integer in [0, range), by rejection over whole bytes. */
function uniformBelow(range: bigint): bigint {
  const len = fromBig(range).length;
  const limit = (1n << BigInt(8 * len)) - ((1n << BigInt(8 * len)) % range);
  for (;;) {
    const r = bytesToBig(randomBytes(len));
    if (r < limit) return r % range;
  }
}

/** An mpint (`<<Len:32, Bytes/binary>>`, big-endian two's complement) as a bigint. */
function readMpint(t: Term): bigint {
  const b = bytesOf(t);
  if (b.length < 4) return badarg();
  const len = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  if (len !== b.length - 4) return badarg();
  const v = bytesToBig(b.subarray(4));
  return len > 0 && b[4]! >= 0x80 ? v - (1n << BigInt(8 * len)) : v;
}

/** rand_uniform/2 of integers: uniform in [From, To). */
function randUniformInt(from: Term, to: Term): Term {
  if (!isInteger(from) || !isInteger(to)) return fail('function_clause');
  const lo = toBig(from);
  const hi = toBig(to);
  if (hi <= lo) return badarg();
  return normInt(lo + uniformBelow(hi - lo));
}

/** rand_uniform/2 of mpints: an mpint uniformly in [From, To), sign byte added as crypto.erl does. */
function randUniform(from: Term, to: Term): Term {
  const lo = readMpint(from);
  const hi = readMpint(to);
  if (hi <= lo) return badarg();
  let bytes = fromBig(lo + uniformBelow(hi - lo));
  if (bytes[0]! >= 0x80) bytes = Uint8Array.from([0, ...bytes]);
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return binary(out);
}

function exor(a: Term, b: Term): Term {
  const x = iodata(a);
  const y = iodata(b);
  if (x.length !== y.length) return badarg();
  return binary(x.map((v, i) => v ^ y[i]!));
}

function hashEquals(a: Term, b: Term): Term {
  const x = bytesOf(a);
  const y = bytesOf(b);
  if (x.length !== y.length) return badarg();
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0 ? 'true' : 'false';
}

const LIB_NAME = 'beamjs crypto (digests and HMAC in TypeScript)';

const HASH_NAMES = (): Term => list([...DIGESTS.keys()]);

const SUPPORTS: [string, () => Term][] = [
  ['hashs', HASH_NAMES], ['ciphers', () => list([])], ['public_keys', () => list([])],
  ['macs', () => list(['hmac'])], ['curves', () => list([])], ['rsa_opts', () => list([])],
];

function supports(kind: Term): Term {
  const f = SUPPORTS.find(([k]) => k === kind);
  return f === undefined ? fail('function_clause') : f[1]();
}

/** binary_part(Mac, 0, Len), as macN and mac_finalN take it. */
function truncate(mac: Term, len: Term): Term {
  const b = mac as BitString;
  if (typeof len !== 'number' || !Number.isInteger(len) || len < 0 || len > b.bytes.length) return badarg();
  return binary(b.bytes.subarray(0, len));
}

const notsupMac = (): never => nifError('notsup', 'mac.c', 233, 'Unsupported mac algorithm');
const poly1305Only = (type: Term): never => (type === 'poly1305' ? notsupMac() : fail('function_clause'));

export const cryptoBifs: Map<string, Bif> = bifTable([
  ['start/0', () => 'ok'],
  ['stop/0', () => 'ok'],
  ['supports/0', () => list(SUPPORTS.map(([k, f]) => [k, f()]))],
  ['supports/1', (_p, kind) => supports(kind)],
  ['info_lib/0', () => list([[utf8Binary('beamjs'), 0, utf8Binary(LIB_NAME)]])],
  ['info/0', () => mapFromEntries([
    ['compile_type', 'normal'], ['cryptolib_version_compiled', charlist(LIB_NAME)],
    ['cryptolib_version_linked', charlist(LIB_NAME)], ['fips_provider_available', 'false'], ['link_type', 'static'],
    ['otp_crypto_version', charlist('5.1.2')],
  ])],
  ['hash_info/1', (_p, type) => hashInfo(type)],
  ['hash/2', (_p, type, data) => hash(type, data)],
  ['hash_init/1', (p, type) => hashInit(p as never, type)],
  ['hash_update/2', (p, st, data) => hashUpdate(p as never, st, data)],
  ['hash_final/1', (_p, st) => hashFinal(st)],
  ['mac/3', (_p, type) => poly1305Only(type)],
  ['mac/4', (_p, type, sub, key, data) => mac(type, sub, key, data)],
  ['macN/4', (_p, type, key, data, len) => truncate(mac(type, 'undefined', key, data), len)],
  ['macN/5', (_p, type, sub, key, data, len) => truncate(mac(type, sub, key, data), len)],
  ['mac_init/2', (_p, type) => poly1305Only(type)],
  ['mac_init/3', (p, type, sub, key) => macInit(p as never, type, sub, key)],
  ['mac_update/2', (_p, ref, data) => macUpdate(ref, data)],
  ['mac_final/1', (_p, ref) => macFinal(ref)],
  ['mac_finalN/2', (_p, ref, len) => truncate(macFinal(ref), len)],
  ['strong_rand_bytes/1', (_p, n) => strongRandBytes(n)],
  ['rand_uniform/2', (_p, a, b) => (a instanceof BitString && b instanceof BitString ? randUniform(a, b) : randUniformInt(a, b))],
  ['exor/2', (_p, a, b) => exor(a, b)],
  ['hash_equals/2', (_p, a, b) => hashEquals(a, b)],
]);
