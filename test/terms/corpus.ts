/**
 * Hand-picked tricky terms of every type, shared by the compare and print tests.
 * Each one is sent to erl with `toErlSource`, so every value here must be one
 * that erl can build (refs of the local node: 3 words, ids[0] < 2^18).
 */
import {
  BitString,
  ErlFloat,
  ExportFun,
  Fun,
  NIL,
  Pid,
  Port,
  Ref,
  charlist,
  list,
  type Term,
} from '../../runtime/terms/types.js';
import { tmap } from './test-map.js';

const f = (x: number): ErlFloat => new ErlFloat(x);
export const bits = (bytes: number[], bitSize = bytes.length * 8): BitString =>
  new BitString(Uint8Array.from(bytes), bitSize);

export const INTEGERS: Term[] = [
  0, 1, -1, 2, 42, -42, 255, 256, 65535, 2 ** 27 - 1, 2 ** 27, 2 ** 31, -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n,
  2n ** 59n, 2n ** 60n, 2n ** 64n, 2n ** 64n + 1n, -(2n ** 64n), 2n ** 1023n * 3n, 2n ** 1024n,
  -(2n ** 1024n), 10n ** 30n,
];

export const FLOATS: ErlFloat[] = [
  0, -0, 1, -1, 0.5, 1.5, 0.1, 42, 2 ** 53, 2 ** 53 + 2, 2 ** 64, -(2 ** 64), 1e30,
  2 ** 1023 * 1.5, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, -5e-324,
  2.2250738585072014e-308, 1e-5, 1e-4, 1e15, 1e16, 1e17, 1e21, 1e22, 123456789012345680,
  0.30000000000000004, 100, 3.14159, -2.5e-10, 9007199254740993, 1e-300, 0.001, 1e10,
].map(f);

export const ATOMS: string[] = [
  '', 'a', 'b', 'aa', 'ab', 'z', 'Z', 'A', 'ok', 'true', 'false', 'nil', 'undefined', '_', '_x',
  'x_Y9@z', 'hello world', "it's", 'back\\slash', 'new\nline', 'tab\there', '\x7f', '\x00',
  'é', 'ä', 'ÿ', 'Ä', 'ß', '×', '÷', 'aé', 'Ā', '日本', '\uFFFD', '\uE000', '\uD7FF',
  '\u{1F600}', 'a\u{1F600}', 'a\uFFFF', 'a\uE000', 'end', 'and', 'fun', 'when', 'receive',
  'maybe', 'else', 'orelse', 'div', 'a@b', 'a.b', 'a-b', '1a', 'ªº', 'µ', 'øx', '[]', '{}',
];

export const PIDS: Pid[] = [
  new Pid(0, 0), new Pid(42, 0), new Pid(5, 1), new Pid(100, 0), new Pid(3, 3), new Pid(32767, 8191),
  new Pid(1, 0, 'a@b', 1), new Pid(0, 1, 'a@b', 1), new Pid(2, 0, 'a@a', 0), new Pid(2, 0, 'a@a', 7),
];

export const PORTS: Port[] = [
  new Port(0), new Port(3), new Port(10), new Port(2 ** 27), new Port(3, 'a@b', 1), new Port(9, 'a@a', 2),
];

export const REFS: Ref[] = [
  new Ref([0, 0, 0]), new Ref([5, 0, 0]), new Ref([6, 0, 0]), new Ref([0, 0, 1]), new Ref([3, 2, 1]),
  new Ref([1, 2, 3]), new Ref([0, 2, 1]), new Ref([123456, 2, 9]), new Ref([7, 2, 262143]),
  new Ref([1], 'a@b', 1), new Ref([9, 9], 'a@b', 1), new Ref([7, 0, 1], 'a@b', 1),
  new Ref([0, 0, 0, 0], 'a@b', 1), new Ref([1, 0, 0, 0, 0], 'a@b', 1), new Ref([1], 'b@b', 2),
];

const uniqA = Uint8Array.from({ length: 16 }, (_, i) => i * 7);
const uniqB = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);
const self = new Pid(0, 0);
const lf = (mod: string, index: number, oldUniq: number, env: Term[], arity = 0, uniq = uniqA): Fun =>
  new Fun(mod, index, uniq, index, oldUniq, arity, env, self);

export const FUNS: Term[] = [
  new ExportFun('lists', 'map', 2), new ExportFun('lists', 'foldl', 3), new ExportFun('erlang', 'abs', 1),
  new ExportFun('a', 'b', 0), new ExportFun('a', 'b', 1), new ExportFun('a', 'a', 1),
  new ExportFun('my mod', 'Weird', 2), new ExportFun('m', 'f\u{1F600}', 0),
  lf('zzz', 0, 55379628, [1]), lf('zzz', 0, 55379628, [2]), lf('zzz', 0, 55379628, ['a']),
  lf('zzz', 0, 55379628, [f(1)]), lf('zzz', 0, 55379628, [f(0.5)]), lf('zzz', 0, 55379628, [[1, 2]]),
  lf('zzz', 1, 55379628, [1], 1), lf('zzz', 2, 55379628, [1], 2), lf('zzz', 3, 55379628, []),
  lf('zzz', 0, 100, [1]), lf('zzz', 0, 55379628, [1, 2]), lf('zzz', 0, 55379628, [1], 0, uniqB),
  new Fun('zzz', 5, uniqA, 1, 7, 0, [], self), new Fun('zzz', 2, uniqA, 3, 7, 0, [], self),
  lf('zzz', 1, 4294967295, []), lf('zzz', 1, 8, []), lf('aaa', 5, 1443796, []), lf('aaa', 0, 1443796, [NIL]), lf('Mod', 0, 7, []),
];

export const TUPLES: Term[] = [
  [], ['a'], [1], [f(1)], [2], ['a', 'b'], ['a', 1], [1, 2, 3], [[]], [['a']], [1, [2, [3]]],
  [NIL, NIL], ['b', 'a'], [1, 'a', f(2.5), bits([1])], [0, -0],
];

export const LISTS: Term[] = [
  NIL, list([1]), list([f(1)]), list([2]), list(['a']), list(['a', 'b']), list(['a'], 'b'),
  list([1], 2), list([1], f(2)), list([1], NIL), list([NIL]), list([list([])]), list([1, 2, 3]),
  list([1, 2], 3), charlist('abc'), charlist('abd'), charlist('ab'), list([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
  list([[]]), list([list([1]), 'b']), list([255, 256]), list([bits([1]), bits([1], 1)]),
];

export const BITSTRINGS: BitString[] = [
  bits([]), bits([0], 1), bits([0x80], 1), bits([0]), bits([1]), bits([0x40], 2), bits([0x80], 2),
  bits([0x80]), bits([0x80, 0], 9), bits([0x80, 0x80], 9), bits([1, 2, 3]), bits([1, 2]),
  bits([255, 0x20], 11), bits([255]), bits([255, 255]), bits([0, 0]), bits([0xa0], 3),
  bits([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]),
  bits([...'hello'].map((c) => c.charCodeAt(0))), bits([0xc3, 0xa9]),
];

const big = (n: number, val: (i: number) => Term, key: (i: number) => Term = (i) => i) =>
  tmap(...Array.from({ length: n }, (_, i): [Term, Term] => [key(i), val(i)]));

export const MAPS: Term[] = [
  tmap(), tmap([1, 'a']), tmap([f(1), 'a']), tmap([2, 'a']), tmap(['a', 1]), tmap(['a', f(1)]),
  tmap(['a', 0]), tmap(['b', 0]), tmap(['a', 1], ['b', 2]), tmap(['a', 2], ['b', 1]),
  tmap(['a', 1], ['c', 0]), tmap([1, 'a'], [f(2), 'b']), tmap([1, 'a'], [2, 'b']),
  tmap([f(1), 'a'], [2, 'b']), tmap([[1], 'x']), tmap([[f(1)], 'x']), tmap([NIL, NIL]),
  tmap([tmap([1, 2]), 'nested']), tmap([bits([1]), 1], [list([1]), 2], [[], 3]),
  big(33, (i) => i), big(33, (i) => (i === 20 ? 'x' : i)), big(33, (i) => (i === 0 ? f(0) : i)),
  big(33, (i) => i, (i) => (i === 32 ? f(32) : i)), big(33, (i) => i, (i) => (i === 0 ? -1 : i)),
  big(40, (i) => i, (i) => `k${i}`), big(33, (i) => i, (i) => (i === 3 ? 'atom' : i)),
];

export const ALL: Term[] = [
  ...INTEGERS, ...FLOATS, ...ATOMS, ...PIDS, ...PORTS, ...REFS, ...FUNS, ...TUPLES, ...LISTS,
  ...BITSTRINGS, ...MAPS,
];
