/**
 * fast-check generators of Erlang terms for the differential property tests.
 * Every term type is covered; sizes are kept small enough that a batch of a few
 * hundred terms fits in one request to the erl reference server, with an
 * occasional map above the 32-key small-map limit.
 */
import fc from 'fast-check';
import {
  BitString, Cons, ErlFloat, ExportFun, NIL, Pid, Port, Ref, normInt,
  type Term,
} from '../../runtime/terms/types.js';
import { mapFromEntries } from '../../runtime/terms/map.js';

/**
 * Atoms the generators use. Large-map keys use only these: a hashmap's order
 * depends on each atom's slot in BEAM's atom table, so the tests pin these
 * atoms' slots to the reference VM's (test/terms/hash-support.ts) before any
 * map is built.
 */
export const ATOMS = [
  'a', 'ok', 'error', 'true', 'false', 'undefined', 'nil', '', 'Hello', 'with space',
  'quote\'s', 'back\\slash', 'new\nline', 'tab\t', 'é', 'ünïcödé', '日本', 'a@b', 'a.b',
  'and', 'of', 'when', 'end', 'fun', '_x', 'x_Y9', '@', '[]', '{}', 'z'.repeat(255),
  '\u{1F600}', 'ÿ', 'Ā',
];

const smallInt = fc.integer({ min: -300, max: 300 });
const edgeInt = fc.constantFrom(
  0, 255, 256, -1, 2 ** 27 - 1, 2 ** 27, -(2 ** 27), -(2 ** 27) - 1, 2 ** 31 - 1, 2 ** 31,
  -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER,
  2n ** 53n, -(2n ** 53n), 2n ** 59n, 2n ** 60n - 1n, 2n ** 63n, 2n ** 64n, -(2n ** 64n),
  2n ** 255n * 3n, -(2n ** 2040n) + 1n,
);
const bigInt = fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }).map(normInt);
export const arbInteger: fc.Arbitrary<Term> = fc.oneof(smallInt, fc.integer(), edgeInt, bigInt);

export const arbFloat: fc.Arbitrary<Term> = fc
  .oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1, -1, 0.1, 1e10, 1e-10, 123456789.125, 2 ** 53, 5e-324, 1.7976931348623157e308),
    fc.integer({ min: -1000, max: 1000 }),
  )
  .map((x) => new ErlFloat(x));

export const arbAtom: fc.Arbitrary<Term> = fc.oneof(
  fc.constantFrom(...ATOMS),
  fc.stringMatching(/^[a-z][a-zA-Z0-9_@]{0,12}$/),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const arbBytes = fc.uint8Array({ maxLength: 40 });
export const arbBitString: fc.Arbitrary<Term> = fc.oneof(
  arbBytes.map((b) => new BitString(b, b.length * 8)),
  fc.tuple(arbBytes, fc.integer({ min: 1, max: 7 })).map(([b, extra]) => {
    const bytes = new Uint8Array(b.length + 1);
    bytes.set(b);
    // Keep the unused low bits of the final byte zero (BitString invariant).
    bytes[b.length] = (b.length ? b[0]! : 0xa5) & ((0xff << (8 - extra)) & 0xff);
    return new BitString(bytes, b.length * 8 + extra);
  }),
);

export const arbPid: fc.Arbitrary<Term> = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 15 - 1 }), fc.integer({ min: 0, max: 2 ** 13 - 1 }))
  .map(([id, serial]) => new Pid(id, serial));
export const arbPort: fc.Arbitrary<Term> = fc.integer({ min: 0, max: 2 ** 28 - 1 }).map((id) => new Port(id));
export const arbRef: fc.Arbitrary<Term> = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 18 - 1 }), fc.nat(), fc.nat())
  .map(([a, b, c]) => new Ref([a, b, c]));
export const arbExportFun: fc.Arbitrary<Term> = fc
  .tuple(fc.constantFrom('lists', 'erlang', 'maps', 'my mod'), fc.constantFrom('map', 'foldl', 'f', 'Weird'), fc.integer({ min: 0, max: 5 }))
  .map(([m, f, a]) => new ExportFun(m, f, a));

const arbByteString: fc.Arbitrary<Term> = fc
  .array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 })
  .map((xs) => xs.reduceRight<Term>((tl, hd) => new Cons(hd, tl), NIL));

export const arbLeaf: fc.Arbitrary<Term> = fc.oneof(
  { arbitrary: arbInteger, weight: 4 },
  { arbitrary: arbFloat, weight: 2 },
  { arbitrary: arbAtom, weight: 3 },
  { arbitrary: arbBitString, weight: 2 },
  { arbitrary: arbByteString, weight: 1 },
  { arbitrary: fc.constant(NIL as Term), weight: 1 },
  { arbitrary: arbPid, weight: 1 },
  { arbitrary: arbPort, weight: 1 },
  { arbitrary: arbRef, weight: 1 },
  { arbitrary: arbExportFun, weight: 1 },
);

const arbMapKeyLeaf: fc.Arbitrary<Term> = fc.oneof(
  arbInteger, arbFloat, fc.constantFrom(...ATOMS), arbBitString, arbByteString, arbPid, arbPort, arbRef,
);

/** Any term, nested up to a few levels. */
export const arbTerm: fc.Arbitrary<Term> = fc.letrec<{ term: Term }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: arbLeaf, weight: 40 },
    { arbitrary: fc.array(tie('term'), { maxLength: 5 }), weight: 13 },
    {
      arbitrary: fc
        .tuple(fc.array(tie('term'), { maxLength: 5 }), fc.oneof(fc.constant(NIL as Term), tie('term')))
        .map(([xs, tl]) => xs.reduceRight<Term>((acc, hd) => new Cons(hd, acc), tl)),
      weight: 13,
    },
    {
      arbitrary: fc
        .array(fc.tuple(tie('term'), tie('term')), { maxLength: 6 })
        .map((es) => mapFromEntries(es) as Term),
      weight: 7,
    },
    {
      // Large maps (hash-trie representation on BEAM): leaf keys only, atoms
      // from ATOMS only (their atom-table slots are pinned by the tests).
      arbitrary: fc
        .array(fc.tuple(arbMapKeyLeaf, arbLeaf), { minLength: 33, maxLength: 80 })
        .map((es) => mapFromEntries(es) as Term),
      weight: 1,
    },
  ),
})).term;

/**
 * A term that is `==` but maybe not `=:=` to `t`: integers become floats where
 * the conversion is exact, so the equality and ordering tests see both cases.
 */
export function numericTwin(t: Term, flip: () => boolean): Term {
  if (typeof t === 'number' && Number.isSafeInteger(t) && flip()) return new ErlFloat(t);
  if (Array.isArray(t)) return t.map((x) => numericTwin(x, flip));
  if (t instanceof Cons) return new Cons(numericTwin(t.hd, flip), numericTwin(t.tl, flip));
  return t;
}
