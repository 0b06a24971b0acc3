/**
 * persistent_term against erl: one sequence of put/get/erase calls runs on
 * both (keys wrapped in `{beamjs_pt_test, K}` so the shared erl node's own
 * terms are left alone, and erased at the end), and the results must print
 * the same. Per-runtime isolation and info/0 are checked on ours alone (erl
 * holds ~20 terms of its own).
 */
import { describe, expect, it } from 'vitest';
import { persistentTermBifs } from '../../runtime/bifs/persistent_term.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { mapFromEntries } from '../../runtime/terms/map.js';
import { formatW } from '../../runtime/terms/print.js';
import { ErlFloat, binary, charlist, list, type Term } from '../../runtime/terms/types.js';
import { toErlSource } from '../support/erl-source.js';
import { erlOutcomes } from './harness.js';

const bif = (name: string): ((p: unknown, ...a: Term[]) => Term) => persistentTermBifs.get(name)!;
const key = (k: Term): Term => ['beamjs_pt_test', k];

type Op = ['put', Term, Term] | ['get', Term] | ['get', Term, Term] | ['erase', Term];

const KEYS: Term[] = [1, new ErlFloat(1), 'a', charlist('abc'), binary(Uint8Array.of(1, 2)), [1, 2], list([1, 2]),
  mapFromEntries([['k', 1]]), 2n ** 80n];

function ops(): Op[] {
  const out: Op[] = [];
  KEYS.forEach((k, i) => {
    out.push(['get', key(k)], ['get', key(k), 'dflt'], ['put', key(k), i], ['get', key(k)]);
  });
  // 1 and 1.0 are different keys; =:= values keep the old one.
  out.push(['put', key(1), 'one'], ['get', key(new ErlFloat(1))], ['get', key(1)]);
  out.push(['put', key('a'), list([1, 2, 3])], ['put', key('a'), list([1, 2, 3])], ['get', key('a')]);
  KEYS.forEach((k) => out.push(['erase', key(k)], ['erase', key(k)], ['get', key(k), 'gone']));
  return out;
}

function erlCall(op: Op): string {
  const args = op.slice(1).map((t) => toErlSource(t as Term)).join(', ');
  return `persistent_term:${op[0]}(${args})`;
}

function ours(p: unknown, op: Op): string {
  try {
    const args = op.slice(1) as Term[];
    return formatW(['ok', bif(`${op[0]}/${args.length}`)(p, ...args)]);
  } catch (e) {
    if (e instanceof ErlangError) return formatW([e.cls, e.reason]);
    throw e;
  }
}

describe('persistent_term', () => {
  it('a put/get/erase sequence matches erl', async () => {
    const seq = ops();
    // One erl request: the calls run in order (erlOutcomes evaluates its list left to right).
    const want = await erlOutcomes(seq.map(erlCall));
    const p = { rt: {} };
    const got = seq.map((op) => ours(p, op));
    const bad = seq.map((op, i) => [erlCall(op), got[i], want[i]]).filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
  });

  it('is per runtime; get/0 and info/0 see only that runtime\'s terms', () => {
    const a = { rt: {} };
    const b = { rt: {} };
    bif('put/2')(a, 'k', 1);
    bif('put/2')(a, ['t', 2], new ErlFloat(1.5));
    expect(formatW(bif('get/2')(b, 'k', 'none'))).toBe('none');
    expect(formatW(bif('get/0')(a))).toBe('[{k,1},{{t,2},1.5}]');
    expect(formatW(bif('get/0')(b))).toBe('[]');
    // 40 bytes per entry, plus the heap words: {t,2} is 3 words, a float 2.
    expect(formatW(bif('info/0')(a))).toBe(`#{count => 2,memory => ${40 + 40 + 8 * (3 + 2)}}`);
    expect(() => bif('get/1')(b, 'k')).toThrow(ErlangError);
  });
});
