/**
 * Differential property tests of OTP's stdlib as beamjs runs it: random
 * calls into lists, maps, sets, ordsets, dict, orddict, gb_trees, gb_sets,
 * queue, array, proplists, string, unicode, binary, base64, calendar, math,
 * io_lib, erl_scan/erl_parse (on source text) and rand (explicit seeds) run
 * through one driver module (stdlib_driver.erl) on erl and on beamjs, and
 * every outcome — value or exception class and reason, data structures
 * compared whole, internals included — must be identical.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexBeams, indexEbins } from '../../cli/host/inputs.js';
import { nodeRuntime, runtimeEbin } from '../../cli/host/node-runtime.js';
import { otpEbinDirs } from '../../cli/host/otp.js';
import { bootSystem } from '../../runtime/boot.js';
import type { Runtime } from '../../runtime/process/runtime.js';
import { formatW } from '../../runtime/terms/print.js';
import { BitString, ErlFloat, ExportFun, charlist, list, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import { toErlSource } from '../support/erl-source.js';

const root = resolve(import.meta.dirname, '..', '..');
const out = join(root, '.cache', 'stdlib-driver');

// ---- generators (terms both sides build identically) ----

const atom = fc.constantFrom('a', 'b', 'c', 'ok', 'x', 'undefined', 'true', 'false');
const int = fc.oneof(fc.integer({ min: -60, max: 60 }), fc.integer(), fc.constantFrom(0, 1, 255, 256, 2 ** 40));
const float = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((d) => new ErlFloat(d));
const bytes = fc.uint8Array({ maxLength: 24 }).map((b) => new BitString(b, b.length * 8));
const ascii = fc.string({ maxLength: 16 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'q'));
const str = ascii.map(charlist);
const ustr = fc.array(fc.oneof(fc.integer({ min: 32, max: 126 }), fc.integer({ min: 160, max: 0x2fff }), fc.constantFrom(10, 13, 0x1f600, 0x301)), { maxLength: 14 }).map((cs) => list(cs));
const utf8 = fc.string({ maxLength: 14, unit: 'grapheme' }).map((s) => { const b = new TextEncoder().encode(s); return new BitString(b, b.length * 8); });
const leaf: fc.Arbitrary<Term> = fc.oneof(atom, int, float, str, bytes);
const term: fc.Arbitrary<Term> = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.array(leaf, { maxLength: 4 }).map((xs) => list(xs)));
const key: fc.Arbitrary<Term> = fc.oneof(atom, fc.integer({ min: -20, max: 20 }), str);
const ints = fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 30 }).map((xs) => list(xs));
const terms = fc.array(term, { maxLength: 20 }).map((xs) => list(xs));
const kvs = fc.array(fc.tuple(key, term), { maxLength: 20 }).map((xs) => list(xs.map(([k, v]) => [k, v])));
const keys = fc.array(key, { maxLength: 8 }).map((xs) => list(xs));

const A = (m: string, f: string, ...args: Term[]): Term => ['apply', m, f, list(args)];
const via = (inner: Term, m: string, f: string, ...args: Term[]): Term => ['via', inner, m, f, list(args)];

type Gen = fc.Arbitrary<Term>;
const MODULES: Record<string, Gen> = {
  lists: fc.oneof(
    terms.map((l) => A('lists', 'sort', l)), terms.map((l) => A('lists', 'usort', l)),
    ints.map((l) => A('lists', 'reverse', l)), fc.tuple(fc.integer({ min: -2, max: 25 }), terms).map(([n, l]) => A('lists', 'nth', n, l)),
    fc.tuple(terms, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 })).map(([l, s, n]) => A('lists', 'sublist', l, s, n)),
    fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 30 }), fc.integer({ min: -3, max: 3 })).map(([a, b, c]) => A('lists', 'seq', a, b, c)),
    fc.tuple(fc.integer({ min: 0, max: 25 }), terms).map(([n, l]) => A('lists', 'split', n, l)),
    fc.tuple(ints, ints).map(([a, b]) => A('lists', 'subtract', a, b)), fc.tuple(ints, ints).map(([a, b]) => A('lists', 'merge', a, b)),
    kvs.map((l) => A('lists', 'keysort', 1, l)), fc.tuple(key, kvs).map(([k, l]) => A('lists', 'keyfind', k, 1, l)),
    fc.tuple(key, kvs).map(([k, l]) => A('lists', 'keydelete', k, 1, l)), terms.map((l) => A('lists', 'flatten', list([l, l]))),
    fc.tuple(ints, ints).map(([a, b]) => A('lists', 'zip', a, b)), ints.map((l) => A('lists', 'sum', l)), ints.map((l) => A('lists', 'max', l)),
    terms.map((l) => A('lists', 'last', l)), fc.tuple(term, terms).map(([x, l]) => A('lists', 'delete', x, l)),
    ints.map((l) => A('lists', 'partition', new ExportFun('erlang', 'is_integer', 1), l)),
  ),
  maps: fc.oneof(
    kvs.map((l) => A('maps', 'from_list', l)), kvs.map((l) => via(A('maps', 'from_list', l), 'maps', 'to_list', '$x')),
    fc.tuple(kvs, kvs).map(([a, b]) => via(A('maps', 'from_list', a), 'maps', 'merge', '$x', A2map(b))),
    fc.tuple(kvs, keys).map(([a, k]) => via(A('maps', 'from_list', a), 'maps', 'with', k, '$x')),
    fc.tuple(kvs, keys).map(([a, k]) => via(A('maps', 'from_list', a), 'maps', 'without', k, '$x')),
    fc.tuple(kvs, key).map(([a, k]) => via(A('maps', 'from_list', a), 'maps', 'find', k, '$x')),
    kvs.map((l) => via(A('maps', 'from_list', l), 'maps', 'keys', '$x')), kvs.map((l) => via(A('maps', 'from_list', l), 'maps', 'values', '$x')),
    fc.tuple(kvs, key, term).map(([a, k, v]) => via(A('maps', 'from_list', a), 'maps', 'update', k, v, '$x')),
  ),
  sets: fc.oneof(
    terms.map((l) => via(A('sets', 'from_list', l), 'sets', 'to_list', '$x')), terms.map((l) => A('sets', 'from_list', l)),
    fc.tuple(terms, terms).map(([a, b]) => via(A('sets', 'from_list', a), 'sets', 'union', '$x', A2set(b))),
    terms.map((l) => A('sets', 'from_list', l, list([['version', 2]]))),
    fc.tuple(ints, ints).map(([a, b]) => A('ordsets', 'union', A2ord(a), A2ord(b))), fc.tuple(ints, ints).map(([a, b]) => A('ordsets', 'intersection', A2ord(a), A2ord(b))),
    fc.tuple(ints, ints).map(([a, b]) => A('ordsets', 'subtract', A2ord(a), A2ord(b))), terms.map((l) => A('ordsets', 'from_list', l)),
    terms.map((l) => A('gb_sets', 'from_list', l)), terms.map((l) => via(A('gb_sets', 'from_list', l), 'gb_sets', 'to_list', '$x')),
    fc.tuple(terms, term).map(([l, x]) => via(A('gb_sets', 'from_list', l), 'gb_sets', 'add', x, '$x')),
  ),
  dicts: fc.oneof(
    kvs.map((l) => A('dict', 'from_list', l)), kvs.map((l) => via(A('dict', 'from_list', l), 'dict', 'to_list', '$x')),
    fc.tuple(kvs, key).map(([l, k]) => via(A('dict', 'from_list', l), 'dict', 'find', k, '$x')),
    kvs.map((l) => A('orddict', 'from_list', l)), fc.tuple(kvs, key, term).map(([l, k, v]) => A('orddict', 'store', k, v, A2orddict(l))),
    kvs.map((l) => A('gb_trees', 'from_orddict', A2orddict(l))), kvs.map((l) => via(A('gb_trees', 'from_orddict', A2orddict(l)), 'gb_trees', 'to_list', '$x')),
    fc.tuple(kvs, key).map(([l, k]) => via(A('gb_trees', 'from_orddict', A2orddict(l)), 'gb_trees', 'lookup', k, '$x')),
    fc.tuple(kvs, key, term).map(([l, k, v]) => via(A('gb_trees', 'from_orddict', A2orddict(l)), 'gb_trees', 'enter', k, v, '$x')),
    fc.tuple(kvs, key).map(([l, k]) => A('proplists', 'get_value', k, l)), fc.tuple(kvs, key).map(([l, k]) => A('proplists', 'lookup_all', k, l)),
    kvs.map((l) => A('proplists', 'compact', l)), fc.tuple(kvs, key).map(([l, k]) => A('proplists', 'get_bool', k, l)),
  ),
  queue_array: fc.oneof(
    terms.map((l) => A('queue', 'from_list', l)), terms.map((l) => via(A('queue', 'from_list', l), 'queue', 'to_list', '$x')),
    fc.tuple(terms, term).map(([l, x]) => via(A('queue', 'from_list', l), 'queue', 'in_r', x, '$x')),
    terms.map((l) => via(A('queue', 'from_list', l), 'queue', 'out', '$x')), terms.map((l) => via(A('queue', 'from_list', l), 'queue', 'reverse', '$x')),
    fc.tuple(terms, fc.integer({ min: 0, max: 20 })).map(([l, n]) => via(A('queue', 'from_list', l), 'queue', 'split', n, '$x')),
    terms.map((l) => A('array', 'from_list', l)), fc.tuple(terms, fc.integer({ min: -1, max: 30 })).map(([l, i]) => via(A('array', 'from_list', l), 'array', 'get', i, '$x')),
    fc.tuple(terms, fc.integer({ min: 0, max: 200 }), term).map(([l, i, v]) => via(A('array', 'from_list', l), 'array', 'set', i, v, '$x')),
    terms.map((l) => via(A('array', 'from_list', l), 'array', 'to_orddict', '$x')),
  ),
  string: fc.oneof(
    fc.tuple(ustr, ustr).map(([s, p]) => A('string', 'split', s, p, 'all')), fc.tuple(ustr, str).map(([s, p]) => A('string', 'lexemes', s, p)),
    ustr.map((s) => A('string', 'trim', s)), ustr.map((s) => A('string', 'uppercase', s)), ustr.map((s) => A('string', 'lowercase', s)),
    ustr.map((s) => A('string', 'titlecase', s)), ustr.map((s) => A('string', 'casefold', s)), ustr.map((s) => A('string', 'length', s)),
    ustr.map((s) => A('string', 'reverse', s)), fc.tuple(ustr, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([s, a, n]) => A('string', 'slice', s, a, n)),
    fc.tuple(ustr, ustr).map(([s, p]) => A('string', 'find', s, p)), fc.tuple(ustr, ustr, ustr).map(([s, p, r]) => A('string', 'replace', s, p, r, 'all')),
    fc.tuple(ustr, fc.integer({ min: 0, max: 20 })).map(([s, n]) => A('string', 'pad', s, n, 'both')), str.map((s) => A('string', 'to_integer', s)),
    str.map((s) => A('string', 'to_float', s)), fc.tuple(ustr, str).map(([s, sep]) => A('string', 'tokens', s, sep)),
    utf8.map((b) => A('string', 'next_grapheme', b)), fc.tuple(utf8, utf8).map(([a, b]) => A('string', 'equal', a, b, 'true')),
  ),
  unicode: fc.oneof(
    ustr.map((s) => A('unicode', 'characters_to_binary', s)), utf8.map((b) => A('unicode', 'characters_to_list', b)),
    bytes.map((b) => A('unicode', 'characters_to_list', b, 'utf8')), ustr.map((s) => A('unicode', 'characters_to_binary', s, 'unicode', 'utf16')),
    ustr.map((s) => A('unicode', 'characters_to_nfd_list', s)), ustr.map((s) => A('unicode', 'characters_to_nfc_list', s)),
    ustr.map((s) => A('unicode', 'characters_to_nfkc_binary', s)), bytes.map((b) => A('unicode', 'bom_to_encoding', b)),
  ),
  binary_base64: fc.oneof(
    fc.tuple(bytes, bytes).map(([b, p]) => A('binary', 'split', b, p.byteSize ? p : new BitString(Uint8Array.of(1), 8), list(['global']))),
    fc.tuple(bytes, bytes).map(([b, p]) => A('binary', 'matches', b, p.byteSize ? p : new BitString(Uint8Array.of(0), 8))),
    fc.tuple(bytes, fc.integer({ min: -2, max: 30 }), fc.integer({ min: -5, max: 30 })).map(([b, s, l]) => A('binary', 'part', b, s, l)),
    fc.nat().map((n) => A('binary', 'encode_unsigned', n)), bytes.map((b) => A('binary', 'decode_unsigned', b, 'little')),
    bytes.map((b) => A('base64', 'encode', b)), bytes.map((b) => A('base64', 'decode', b)), str.map((s) => A('base64', 'mime_decode', s)),
    bytes.map((b) => via(A('base64', 'encode', b), 'base64', 'decode', '$x')), bytes.map((b) => A('binary', 'bin_to_list', b)),
  ),
  calendar_math: fc.oneof(
    fc.integer({ min: 0, max: 1_000_000 }).map((d) => A('calendar', 'gregorian_days_to_date', d)),
    fc.tuple(fc.integer({ min: -5, max: 3000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => A('calendar', 'valid_date', y, m, d)),
    fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => A('calendar', 'day_of_the_week', y, m, d)),
    fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => A('calendar', 'iso_week_number', [y, m, d])),
    fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => A('calendar', 'gregorian_seconds_to_datetime', s)),
    fc.integer({ min: -100_000_000, max: 100_000_000 }).map((s) => A('calendar', 'seconds_to_daystime', s)),
    fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => A('calendar', 'system_time_to_rfc3339', s, list([['offset', charlist('Z')]]))),
    fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => A('calendar', 'last_day_of_the_month', y, m)),
    float.map((x) => A('math', 'sqrt', x)), float.map((x) => A('math', 'log', x)), float.map((x) => A('math', 'floor', x)),
    fc.tuple(float, float).map(([x, y]) => A('math', 'fmod', x, y)), fc.tuple(float, fc.integer({ min: -3, max: 3 })).map(([x, n]) => A('math', 'pow', x, n)),
  ),
  io_lib: fc.oneof(
    term.map((t) => ['format', charlist('~p'), list([t])]), term.map((t) => ['format', charlist('~w'), list([t])]),
    fc.tuple(term, fc.integer({ min: 1, max: 6 })).map(([t, d]) => ['format', charlist('~P'), list([t, d])]),
    fc.tuple(float, fc.integer({ min: 0, max: 8 })).map(([x, p]) => ['format', charlist(`~.${p}f ~.${p + 1}e ~g`), list([x, x, x])]),
    fc.tuple(fc.integer(), fc.integer({ min: 2, max: 36 })).map(([n, base]) => ['format', charlist(`~.${base}b ~.${base}#`), list([n, n])]),
    fc.tuple(ascii, fc.integer({ min: 0, max: 20 })).map(([s, w]) => ['format', charlist(`~${w}s|~-${w}s|`), list([charlist(s), charlist(s)])]),
    term.map((t) => A('io_lib', 'write', t)), term.map((t) => A('io_lib', 'print', t)), ascii.map((s) => A('io_lib', 'write_string', charlist(s))),
    atom.map((a) => A('io_lib', 'write_atom', a)), ascii.map((s) => A('io_lib', 'printable_list', charlist(s))),
  ),
  erl_scan_parse: fc.oneof(
    fc.constantFrom('X = 1 + 2 * 3.', 'f(A, <<B:8, C/binary>>) -> [A | C].', '"str" ++ [$a, $\\n].', '#{a => 1, b => [x]}.',
      'case X of {ok, V} when V > 0 -> V; _ -> error end.', 'fun(X) -> X * 2 end.', '[X || X <- L, X > 3].', '<<1, 2:16/little>>.',
      'try f() catch throw:T -> T after ok end.', "'quoted atom' =:= 16#ff.", 'receive {M} -> M after 10 -> t end.', 'A = "unterminated',
      '1.5e10 + 2#1010 - $z.', 'X = (1.', 'begin a, b end.', '#rec{f = 1}#rec.f.', '-1 band bnot 3 bsl 2.', 'maybe_not:call(1, 2).',
    ).chain((src) => fc.constantFrom(['scan', charlist(src)], ['parse', charlist(src)])),
    ascii.map((s) => ['scan', charlist(s)]), ascii.map((s) => ['parse', charlist(`${s}.`)]),
  ),
  rand: fc.tuple(fc.constantFrom('exsss', 'exro928ss', 'exrop', 'exs1024s', 'exsp'), fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 })))
    .map(([alg, seed]) => ['rand', alg, seed, 20]),
};

// Arguments that are data structures: built by the driver first ({'$call', Call}).
const A2map = (l: Term): Term => ['$call', A('maps', 'from_list', l)];
const A2set = (l: Term): Term => ['$call', A('sets', 'from_list', l)];
const A2ord = (l: Term): Term => ['$call', A('ordsets', 'from_list', l)];
const A2orddict = (l: Term): Term => ['$call', A('orddict', 'from_list', l)];

const CALLS_PER_MODULE = 120;

let rt: Runtime;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  execFileSync('erlc', ['-o', out, join(import.meta.dirname, 'stdlib_driver.erl')]);
  const index = indexEbins([runtimeEbin(), ...otpEbinDirs()], indexBeams([join(out, 'stdlib_driver.beam')]));
  rt = await nodeRuntime(index, { logCrashes: false, stdout: () => {}, stderr: () => {} });
  await bootSystem(rt, 'minimal');
}, 120_000);

afterAll(() => rt?.halt(0));

async function onErl(calls: Term[]): Promise<string[]> {
  const src = `[${calls.map(toErlSource).join(',\n')}]`;
  const text = await erl.text(`code:add_patha(${JSON.stringify(out)}),
    {module, stdlib_driver} = code:ensure_loaded(stdlib_driver),
    [[io_lib:format("~w", [R]), 0] || R <- stdlib_driver:run(${src})]`);
  return text.split('\u0000').slice(0, -1);
}

async function onBeamjs(calls: Term[]): Promise<string[]> {
  const r = await rt.call('stdlib_driver', 'run', [list(calls)]);
  const out: string[] = [];
  for (let l = r; l !== undefined && (l as { hd?: Term }).hd !== undefined; l = (l as { tl: Term }).tl) out.push(formatW((l as { hd: Term }).hd));
  return out;
}

describe('OTP stdlib on beamjs agrees with erl on random calls', () => {
  Object.entries(MODULES).forEach(([name, gen], i) => {
    it(name, async () => {
      const calls = fc.sample(gen, { seed: 4242 + i, numRuns: CALLS_PER_MODULE });
      const [theirs, ours] = await Promise.all([onErl(calls), onBeamjs(calls)]);
      expect(theirs).toHaveLength(calls.length);
      // Most calls must succeed, or the comparison says little.
      expect(theirs.filter((t) => t.startsWith('{ok,')).length).toBeGreaterThan(calls.length / 2);
      const diffs = calls.map((c, k) => [toErlSource(c), theirs[k], ours[k]]).filter(([, t, o]) => t !== o);
      expect(diffs.slice(0, 5)).toEqual([]);
    }, 300_000);
  });
});
